#pragma once
// Transport distances: the network distance and travel time between every
// origin and destination, each row saying how its cost was found (over the
// network, or - only when asked - as a straight line times a detour factor).

#include <vector>

#include "geo/feedback.h"
#include "geo/od_table.h"
#include "geo/routing.h"
#include "geo/snapping.h"
#include "layers/diagnostics.h"
#include "layers/point_reader.h"
#include "layers/result_table.h"
#include "layers/snapped_places.h"

namespace cp::analyses {

struct OdOptions {
  geo::SnapOptions snap;
  geo::QueryOptions query;
  geo::FallbackOptions fallback;
};

struct OdResult {
  layers::SnappedPlaces origins;
  layers::SnappedPlaces destinations;
  std::vector<geo::OdRow> rows;  // origin by origin, destinations in their order
  std::size_t pointsNotSnapped = 0;
  layers::Diagnostics diagnostics;  // the places that did not join the network
};

// The "od_matrix" table's fields: origin_id, destination_id, distance_m,
// time_s, method, origin_connector_m, destination_connector_m.
const std::vector<layers::ResultField>& odFields();

// A row per pair, with a line from origin to destination when `lines`.
layers::ResultTable odTable(const OdResult& result, const layers::PointData& origins,
                            const layers::PointData& destinations, bool lines = true);

// `sameLayer`: the destinations are the origins, snapped once. Throws
// geo::Canceled when canceled.
OdResult analyseOd(const geo::Network& network, const layers::PointData& origins,
                   const layers::PointData& destinations, bool sameLayer, const OdOptions& options,
                   const geo::Feedback* feedback = nullptr);

}  // namespace cp::analyses
