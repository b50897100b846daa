#pragma once
// Checks every kind of query the engine answers between places - OD matrices
// (searches from the origins, from the destinations, the contraction
// hierarchy), one-to-one and one-to-many routes, routes of flows, the k nearest
// facilities, catchments both ways, allocation and site selection - against a
// matrix of expected costs between the same places (e.g. from PlaceGraph).

#include <vector>

#include "geo/snapping.h"

namespace cp::test {

// expected[i][j]: the minimised cost from place i to place j, infinity when unreachable.
void expectEveryQueryMatches(const geo::Network& network, const std::vector<geo::Location>& places,
                             geo::Metric metric, const std::vector<std::vector<double>>& expected);

}  // namespace cp::test
