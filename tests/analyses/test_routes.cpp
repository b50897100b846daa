// Routes without QGIS, on the Almaty roads: each route's length is the OD
// matrix's distance, and its share on flagged roads is measured along it.

#include <gtest/gtest.h>

#include <cmath>

#include "almaty_places.h"
#include "layers/analyses/od.h"
#include "layers/analyses/routes.h"

namespace cp::analyses {
namespace {

class RoutesAnalysis : public test::OnAlmatyRoads {};

TEST_F(RoutesAnalysis, LengthsAreTheMatrixDistancesAndFlagsAreMeasuredAlongThem) {
  const layers::PointData origins = places("origin", 8, 81);
  const layers::PointData destinations = places("destination", 9, 82);
  std::unordered_set<std::uint64_t> none, all;
  for (const geo::RoadLine& road : roads())
    all.insert(road.featureId);
  const RoutesInput plain{network(), roads(), origins, destinations, none};
  const RoutesInput flagged{network(), roads(), origins, destinations, all};
  const RoutesResult a = routeEveryPair(plain, {});
  const RoutesResult b = routeEveryPair(flagged, {});
  const OdResult od = analyseOd(network(), origins, destinations, false, {});
  std::size_t routed = 0;
  for (const geo::OdRow& row : od.rows) {
    const geo::Route& route = a.routes[row.origin][row.destination];
    if (!row.cost.reachable()) {
      EXPECT_FALSE(route.cost.reachable());
      continue;
    }
    ++routed;
    EXPECT_NEAR(route.cost.distanceM, row.cost.distanceM, 1e-6 * row.cost.distanceM);
    EXPECT_EQ(a.flaggedMetres[row.origin][row.destination], 0);
    EXPECT_NEAR(b.flaggedMetres[row.origin][row.destination], route.cost.distanceM,
                1e-6 * route.cost.distanceM);
  }
  EXPECT_GT(routed, 60u);
  const layers::ResultTable table = routesTable(b, flagged);
  ASSERT_EQ(table.rows.size(), od.rows.size());
  EXPECT_EQ(table.fields[5].name, "schematic_share");
}

TEST_F(RoutesAnalysis, TooManyPairsAreRefusedForTheMatrix) {
  const layers::PointData many = places("place", 400, 83);
  const std::unordered_set<std::uint64_t> none;
  EXPECT_THROW(routeEveryPair({network(), roads(), many, many, none}, {}), layers::OptionError);
}

}  // namespace
}  // namespace cp::analyses
