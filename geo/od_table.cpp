#include "od_table.h"

#include <cmath>
#include <stdexcept>

#include "geodesy.h"

namespace cp::geo {
namespace {

bool known(const LonLat& p) {
  return std::isfinite(p.lon) && std::isfinite(p.lat);
}

}  // namespace

Cost straightLineEstimate(const LonLat& a, const LonLat& b, const FallbackOptions& options) {
  const double distance = geodesicDistance(a, b) * options.detourFactor;
  return {distance, distance / (options.speedKmh / 3.6)};
}

std::vector<OdRow> odRows(const OdMatrix& matrix, const std::vector<LonLat>& origins,
                          const std::vector<LonLat>& destinations,
                          const FallbackOptions& fallback) {
  if (origins.size() != matrix.rows || destinations.size() != matrix.cols)
    throw std::invalid_argument("OD rows: point counts do not match the matrix");
  if (fallback.enabled && (!(fallback.detourFactor >= 1) || !(fallback.speedKmh > 0)))
    throw std::invalid_argument("fallback needs a detour factor >= 1 and a speed > 0 km/h");
  std::vector<OdRow> rows;
  rows.reserve(matrix.cells.size());
  for (std::size_t r = 0; r < matrix.rows; ++r) {
    for (std::size_t c = 0; c < matrix.cols; ++c) {
      OdRow row{r, c, matrix.at(r, c), CostMethod::Network};
      if (!row.cost.reachable()) {
        const bool placed = known(origins[r]) && known(destinations[c]);
        row.method =
            fallback.enabled && placed ? CostMethod::StraightLine : CostMethod::Unreachable;
        if (row.method == CostMethod::StraightLine)
          row.cost = straightLineEstimate(origins[r], destinations[c], fallback);
      }
      rows.push_back(row);
    }
  }
  return rows;
}

std::string toString(CostMethod method) {
  switch (method) {
    case CostMethod::Network:
      return "network";
    case CostMethod::StraightLine:
      return "straight_line_x_detour";
    case CostMethod::Unreachable:
      return "unreachable";
  }
  return "unknown";
}

}  // namespace cp::geo
