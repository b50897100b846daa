// Shortest paths on the real Almaty roads (OSM) against an independent method:
// Boost.Graph's Dijkstra on the same segments, for 200 random pairs.

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "geo/contraction_hierarchy.h"
#include "geo/routing.h"
#include "layers/road_reader.h"
#include "support/almaty_network.h"
#include "support/every_query.h"
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
  std::vector<geo::Location> places = from;
  places.insert(places.end(), to.begin(), to.end());
  for (geo::Metric metric : {geo::Metric::Distance, geo::Metric::Time}) {
    const test::PlaceGraph reference(*network_, places, metric);
    int reachable = 0;
    for (std::size_t i = 0; i < from.size(); ++i) {
      const geo::Cost ours = geo::shortestRoute(*network_, from[i], to[i], metric).cost;
      const double expected = reference.costsFrom(i)[from.size() + i];
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

// Nodes of the largest component by kind, for places that lie on them.
struct NodeKinds {
  std::vector<geo::NodeId> oneWayJunctions;  // three or more roads, one of them one-way
  std::vector<geo::NodeId> oneWayEnds;       // where a one-way road starts or ends, 1-2 roads
  std::vector<geo::NodeId> deadEnds;         // one road
  std::vector<geo::NodeId> otherJunctions;

  explicit NodeKinds(const geo::Network& net) {
    std::vector<int> degree(net.nodeCount(), 0);
    std::vector<bool> oneWay(net.nodeCount(), false);
    for (geo::SegmentId s = 0; s < net.segmentCount(); ++s) {
      for (geo::NodeId v : {net.segmentFrom[s], net.segmentTo[s]}) {
        ++degree[v];
        oneWay[v] = oneWay[v] || net.segmentDirection[s] != geo::Direction::Both;
      }
    }
    for (geo::NodeId v = 0; v < net.nodeCount(); ++v) {
      if (net.nodeComponent[v] != net.largestComponent)
        continue;
      if (degree[v] >= 3)
        (oneWay[v] ? oneWayJunctions : otherJunctions).push_back(v);
      else if (oneWay[v])
        oneWayEnds.push_back(v);
      else if (degree[v] == 1)
        deadEnds.push_back(v);
    }
  }
};

std::vector<geo::NodeId> pick(std::vector<geo::NodeId> nodes, std::size_t count,
                              std::mt19937& rng) {
  std::shuffle(nodes.begin(), nodes.end(), rng);
  nodes.resize(std::min(count, nodes.size()));
  return nodes;
}

// The issue a planner met: places on junctions with one-way roads got routes
// through the wrong end of the one-way road. 150 places snapped from node
// coordinates (junctions with one-way roads, one-way ends, dead ends, other
// junctions) and 50 inside segments; every pair, every query type, both measures,
// against Boost.Graph's Dijkstra on a graph where each place is a vertex.
TEST_F(AlmatyRoads, PlacesOnNodesEqualAnIndependentReferenceInEveryQuery) {
  const geo::Network& net = *network_;
  const NodeKinds kinds(net);
  ASSERT_GT(kinds.oneWayJunctions.size(), 500u);
  std::mt19937 rng(2026);
  std::vector<geo::NodeId> nodes = pick(kinds.oneWayJunctions, 75, rng);
  for (const auto* kind : {&kinds.oneWayEnds, &kinds.deadEnds, &kinds.otherJunctions})
    for (geo::NodeId v : pick(*kind, 25, rng))
      nodes.push_back(v);
  const geo::Snapper snapper(net, {});
  std::vector<geo::Location> places;
  for (geo::NodeId v : nodes) {
    const geo::SnapResult snapped = snapper.snap(net.nodeXY[v]);
    ASSERT_TRUE(snapped.location) << snapped.reason;
    ASSERT_NE(geo::nodeAt(net, *snapped.location), geo::kNoId) << "node " << v;
    places.push_back(*snapped.location);
  }
  for (const geo::Location& p : randomLocations(50, 77))
    places.push_back(p);
  for (geo::Metric metric : {geo::Metric::Distance, geo::Metric::Time}) {
    SCOPED_TRACE(metric == geo::Metric::Distance ? "distance" : "time");
    const test::PlaceGraph reference(net, places, metric);
    std::vector<std::vector<double>> expected;
    for (std::size_t i = 0; i < places.size(); ++i)
      expected.push_back(reference.costsFrom(i));
    test::expectEveryQueryMatches(net, places, metric, expected);
  }
}

}  // namespace
}  // namespace cp::layers
