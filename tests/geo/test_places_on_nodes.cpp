// Places that lie on a network node - junctions, road ends, corners, points
// made from network vertices - reach that node at no cost, in every direction
// the roads there allow, whatever the direction of the segment they snapped to.

#include <gtest/gtest.h>

#include <random>

#include "geo/routing.h"
#include "support/every_query.h"
#include "support/reference_paths.h"
#include "support/test_networks.h"

namespace cp::geo {
namespace {

using test::line;
using test::planarNetwork;

const double kDiagonal = std::sqrt(2.0) * 1000;

// Two-way W-J and J-E (1 km each), one-way J->N (1 km), two-way N-E (1.41 km).
Network oneWayJunction() {
  return planarNetwork({line({{0, 0}, {1000, 0}}), line({{1000, 0}, {2000, 0}}),
                        line({{1000, 0}, {1000, 1000}}, Direction::Forward),
                        line({{1000, 1000}, {2000, 0}})});
}

// The place at `node` on segment s: fraction 0 or 1.
Location onNode(const Network& net, SegmentId s, XY node) {
  const bool atFrom =
      net.nodeXY[net.segmentFrom[s]].x == node.x && net.nodeXY[net.segmentFrom[s]].y == node.y;
  return {s, atFrom ? 0.0 : 1.0, node};
}

// The place at a node on each segment that meets there.
std::vector<Location> onEverySegmentAt(const Network& net, XY node) {
  std::vector<Location> out;
  for (SegmentId s = 0; s < net.segmentCount(); ++s)
    for (NodeId end : {net.segmentFrom[s], net.segmentTo[s]})
      if (net.nodeXY[end].x == node.x && net.nodeXY[end].y == node.y)
        out.push_back(onNode(net, s, node));
  return out;
}

TEST(PlacesOnNodes, TheMinimalOneWayJunctionGivesTheDirectDistance) {
  const Network net = oneWayJunction();
  const Location e = test::at(net, {2000, 0});
  for (const Location& n : onEverySegmentAt(net, {1000, 1000})) {
    EXPECT_NEAR(shortestRoute(net, e, n).cost.distanceM, kDiagonal, 1e-9) << n.segment;
    // From N to J there is no way but round by E.
    EXPECT_NEAR(shortestRoute(net, n, test::at(net, {1000, 0})).cost.distanceM, kDiagonal + 1000,
                1e-9);
  }
}

TEST(PlacesOnNodes, EveryQueryOnTheMinimalJunctionEqualsTheHandWorkedTable) {
  const Network net = oneWayJunction();
  // W, J, E, N; then J and N once more on each of their segments.
  std::vector<Location> places{test::at(net, {0, 0}), test::at(net, {1000, 0}),
                               test::at(net, {2000, 0}), test::at(net, {1000, 1000})};
  const double d = kDiagonal;
  std::vector<std::vector<double>> table{
      {0, 1000, 2000, 2000}, {1000, 0, 1000, 1000}, {2000, 1000, 0, d}, {d + 2000, d + 1000, d, 0}};
  std::vector<std::size_t> same{};
  for (std::size_t base : {1u, 3u}) {
    for (const Location& p : onEverySegmentAt(net, places[base].xy)) {
      places.push_back(p);
      same.push_back(base);
    }
  }
  // A copy of a place has its row and column.
  const std::size_t n = places.size();
  const auto original = [&](std::size_t i) { return i < 4 ? i : same[i - 4]; };
  std::vector<std::vector<double>> expected(n, std::vector<double>(n));
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = 0; j < n; ++j)
      expected[i][j] = table[original(i)][original(j)];
  test::expectEveryQueryMatches(net, places, Metric::Distance, expected);
}

TEST(PlacesOnNodes, RouteFromANodeListsOnlyTheRoadsTravelled) {
  const Network net = oneWayJunction();
  for (const Location& n : onEverySegmentAt(net, {1000, 1000})) {
    const Route r = shortestRoute(net, n, test::at(net, {2000, 0}));
    ASSERT_EQ(r.segments.size(), 1u) << n.segment;
    EXPECT_NEAR(r.segmentMetres[0], kDiagonal, 1e-9);
    EXPECT_EQ(r.geometry.front().y, 1000);
    EXPECT_EQ(r.geometry.back().x, 2000);
  }
}

TEST(PlacesOnNodes, APointWithinTheBuildersToleranceOfANodeIsOnIt) {
  const Network net = oneWayJunction();
  const Location near = test::at(net, {1000.004, 999.996});
  EXPECT_TRUE(nodeAt(net, near) != kNoId);
  EXPECT_EQ(near.xy.x, 1000);
  EXPECT_EQ(near.xy.y, 1000);
  EXPECT_NEAR(shortestRoute(net, test::at(net, {2000, 0}), near).cost.distanceM, kDiagonal, 1e-9);
  // Five centimetres away it is on a road, not on the node.
  EXPECT_EQ(nodeAt(net, test::at(net, {1000, 999.95})), kNoId);
}

// Random street grids with many one-way streets; places on every node (some a
// few millimetres off, as vertices joined by the builder are) and inside
// segments; every query against Floyd-Warshall on a graph of its own.
TEST(PlacesOnNodes, RandomDirectedGridsEqualBruteForceInEveryQuery) {
  for (unsigned seed = 1; seed <= 12; ++seed) {
    const Network net = planarNetwork(test::randomGrid(6, 6, 100, seed, 6));
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> mm(-0.004, 0.004);
    std::uniform_real_distribution<double> coord(0, 500);
    std::vector<Location> places;
    for (NodeId v = 0; v < net.nodeCount(); ++v) {
      const XY off =
          v % 2 ? XY{net.nodeXY[v].x + mm(rng), net.nodeXY[v].y + mm(rng)} : net.nodeXY[v];
      places.push_back(test::at(net, off));
      ASSERT_NE(nodeAt(net, places.back()), kNoId) << "seed " << seed << " node " << v;
    }
    for (int i = 0; i < 24; ++i)
      places.push_back(test::at(net, {coord(rng), coord(rng)}));
    for (Metric metric : {Metric::Distance, Metric::Time}) {
      SCOPED_TRACE(::testing::Message() << "seed " << seed << ", metric "
                                        << (metric == Metric::Distance ? "distance" : "time"));
      const test::PlaceGraph reference(net, places, metric);
      test::expectEveryQueryMatches(net, places, metric, reference.allPairsBruteForce());
    }
  }
}

}  // namespace
}  // namespace cp::geo
