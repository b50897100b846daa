#pragma once
// Turns an OD matrix into table rows that each say how their cost was obtained:
// over the network, or - only when the user asks - as a straight line times a
// detour factor.

#include <string>
#include <vector>

#include "routing.h"

namespace cp::geo {

struct FallbackOptions {
  bool enabled = false;
  double detourFactor = 1.3;  // network distance / straight-line distance, typical for cities
  double speedKmh = 30;       // for the time of a fallback estimate
};

enum class CostMethod { Network, StraightLine, Unreachable };

struct OdRow {
  std::size_t origin = 0;
  std::size_t destination = 0;
  Cost cost;  // infinite when Unreachable
  CostMethod method = CostMethod::Unreachable;
};

Cost straightLineEstimate(const LonLat& a, const LonLat& b, const FallbackOptions& options);

std::vector<OdRow> odRows(const OdMatrix& matrix, const std::vector<LonLat>& origins,
                          const std::vector<LonLat>& destinations, const FallbackOptions& fallback);

std::string toString(CostMethod method);

}  // namespace cp::geo
