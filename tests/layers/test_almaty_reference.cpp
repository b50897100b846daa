// Shortest paths on the real Almaty roads (OSM) against an independent method:
// Boost.Graph's Dijkstra on the same segments, for 200 random pairs.

#include <gtest/gtest.h>

#include "geo/contraction_hierarchy.h"
#include "geo/routing.h"
#include "layers/road_reader.h"
#include "support/almaty_network.h"
#include "support/reference_paths.h"
#include "support/temp_files.h"

namespace cp::layers {
namespace {

class AlmatyRoads : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    almaty_ = new test::AlmatyNetwork(test::buildAlmatyNetwork(true));
    network_ = &almaty_->network;
    report_ = almaty_->report;
  }
  static void TearDownTestSuite() { delete almaty_; }

  static std::vector<geo::Location> randomLocations(std::size_t count, unsigned seed) {
    return test::randomLocations(*network_, count, seed);
  }

  static test::AlmatyNetwork* almaty_;
  static const geo::Network* network_;
  static geo::BuildReport report_;
};

test::AlmatyNetwork* AlmatyRoads::almaty_ = nullptr;
const geo::Network* AlmatyRoads::network_ = nullptr;
geo::BuildReport AlmatyRoads::report_;

TEST_F(AlmatyRoads, NetworkHasTheExpectedShape) {
  // peers.md, same drivable classes noded at shared vertices: 32,909 vertices and
  // 42,569 edges in the largest component, 4,815 km planar in UTM 43N, 70
  // components. That noding drops self-loops (ring roads), which we keep so that
  // points on them can be served.
  EXPECT_EQ(report_.largestComponentNodes, 32909u);
  EXPECT_EQ(report_.components, 70u);
  const geo::Network& net = *network_;
  std::size_t segments = 0;
  double planarKm = 0;
  double ellipsoidalKm = 0;
  for (geo::SegmentId s = 0; s < net.segmentCount(); ++s) {
    if (net.nodeComponent[net.segmentFrom[s]] != net.largestComponent)
      continue;
    if (net.segmentFrom[s] == net.segmentTo[s])
      continue;
    ++segments;
    planarKm += net.segmentPlanarLength(s) / 1000;
    ellipsoidalKm += net.segmentLength[s] / 1000;
  }
  EXPECT_EQ(segments, 42569u);
  EXPECT_NEAR(planarKm, 4815, 1);
  // UTM's scale factor here makes planar lengths 0.006-0.014 % shorter (peers.md).
  EXPECT_GT(ellipsoidalKm / planarKm, 1.00006);
  EXPECT_LT(ellipsoidalKm / planarKm, 1.00014);
}

TEST_F(AlmatyRoads, TwoHundredRandomPairsEqualBoostGraphDijkstra) {
  const auto from = randomLocations(200, 42);
  const auto to = randomLocations(200, 43);
  for (geo::Metric metric : {geo::Metric::Distance, geo::Metric::Time}) {
    test::ReferenceRouter reference(*network_, metric);
    int reachable = 0;
    for (std::size_t i = 0; i < from.size(); ++i) {
      const geo::Cost ours = geo::shortestRoute(*network_, from[i], to[i], metric).cost;
      const double expected = reference.cost(from[i], to[i]);
      if (std::isinf(expected)) {
        EXPECT_FALSE(ours.reachable()) << "pair " << i;
        continue;
      }
      ++reachable;
      const double got = metric == geo::Metric::Distance ? ours.distanceM : ours.timeS;
      EXPECT_NEAR(got, expected, 1e-9 * expected) << "pair " << i;
    }
    EXPECT_GT(reachable, 180);  // one-way dead ends make a few pairs unreachable
  }
}

TEST_F(AlmatyRoads, OdMatrixEqualsSingleRoutes) {
  const auto origins = randomLocations(20, 7);
  const auto destinations = randomLocations(10, 8);
  const std::vector<std::optional<geo::Location>> o(origins.begin(), origins.end());
  const std::vector<std::optional<geo::Location>> d(destinations.begin(), destinations.end());
  const geo::OdMatrix m = geo::odMatrix(*network_, o, d);
  for (std::size_t r = 0; r < o.size(); ++r) {
    for (std::size_t c = 0; c < d.size(); ++c) {
      const geo::Cost single = geo::shortestRoute(*network_, origins[r], destinations[c]).cost;
      // Many origins to few destinations are searched from the destinations:
      // the same lengths added in another order, equal to the last bits.
      EXPECT_NEAR(m.at(r, c).distanceM, single.distanceM, 1e-6);
    }
  }
}

TEST_F(AlmatyRoads, HierarchyMatrixEqualsDijkstraInBothMetrics) {
  const auto places = randomLocations(150, 99);
  const std::vector<std::optional<geo::Location>> pts(places.begin(), places.end());
  for (geo::Metric metric : {geo::Metric::Distance, geo::Metric::Time}) {
    geo::QueryOptions dijkstra;
    dijkstra.metric = metric;
    dijkstra.algorithm = geo::Algorithm::Dijkstra;
    const geo::OdMatrix expected = geo::odMatrix(*network_, pts, pts, dijkstra);
    const geo::OdMatrix got =
        geo::ContractionHierarchy::build(*network_, metric).manyToMany(pts, pts);
    for (std::size_t i = 0; i < got.cells.size(); ++i) {
      ASSERT_EQ(got.cells[i].reachable(), expected.cells[i].reachable()) << i;
      if (!got.cells[i].reachable())
        continue;
      EXPECT_NEAR(got.cells[i].distanceM, expected.cells[i].distanceM,
                  1e-9 * expected.cells[i].distanceM);
      EXPECT_NEAR(got.cells[i].timeS, expected.cells[i].timeS, 1e-9 * expected.cells[i].timeS);
    }
  }
}

}  // namespace
}  // namespace cp::layers
