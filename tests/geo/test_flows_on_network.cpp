#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "geo/flows_on_network.h"
#include "support/test_networks.h"

namespace cp::geo {
namespace {

using test::at;

// Which side of the chord a->b a point lies on: > 0 left, < 0 right.
double side(XY a, XY b, XY p) {
  return (b.x - a.x) * (p.y - a.y) - (b.y - a.y) * (p.x - a.x);
}

TEST(FlowLines, OppositeFlowsCurveToOppositeSidesAndNeverOverlap) {
  const XY a{0, 0}, b{1000, 400};
  const auto there = curvedFlowLine(a, b);
  const auto back = curvedFlowLine(b, a);
  EXPECT_EQ(there.front().x, a.x);
  EXPECT_EQ(there.back().y, b.y);
  for (std::size_t i = 1; i + 1 < there.size(); ++i) {
    EXPECT_LT(side(a, b, there[i]), 0) << i;  // right of a->b
    EXPECT_GT(side(a, b, back[i]), 0) << i;   // left of a->b: right of b->a
  }
  // The arc's height is the bulge times the chord.
  const XY top = there[there.size() / 2];
  const double chord = std::hypot(b.x - a.x, b.y - a.y);
  EXPECT_NEAR(std::abs(side(a, b, top)) / chord, 0.15 * chord, 1e-6);
}

// A far origin's flows part on the line to their centre, just outside the
// fan of destinations; a near origin's part at once.
TEST(FlowLines, FlowsPartOutsideTheirDestinationsFan) {
  const std::vector<XY> districts{{0, 0}, {4000, 0}, {0, 3000}};
  const std::vector<double> tonnes{100, 100, 200};
  const XY centre{1000, 1500};  // weighted by tonnes
  const XY far{-40000, 30000};
  const XY split = flowSplitPoint(far, districts, tonnes);
  EXPECT_NEAR(side(far, centre, split), 0, 1e-3) << "on the way to the centre";
  const double fan = std::hypot(4000 - centre.x, 0 - centre.y);  // the farthest district
  EXPECT_NEAR(std::hypot(split.x - centre.x, split.y - centre.y), 1.2 * fan, 1e-6);
  EXPECT_LT(std::hypot(split.x - far.x, split.y - far.y),
            std::hypot(far.x - centre.x, far.y - centre.y));
  const XY near{2000, 2000};
  EXPECT_EQ(flowSplitPoint(near, districts, tonnes).x, near.x);
  EXPECT_EQ(flowSplitPoint(far, districts, {0, 0, 0}).y, far.y) << "no tonnes: nowhere to part";
}

// Routes for pairs equal one route at a time, whatever the threads.
TEST(FlowsOnNetwork, RoutePairsEqualSingleRoutes) {
  const Network net = test::planarNetwork(test::randomGrid(8, 8, 100, 3));
  std::mt19937 rng(4);
  std::uniform_real_distribution<double> coord(0, 700);
  std::vector<std::optional<Location>> places;
  for (int i = 0; i < 12; ++i)
    places.push_back(at(net, {coord(rng), coord(rng)}));
  std::vector<std::pair<std::size_t, std::size_t>> pairs;
  for (int k = 0; k < 60; ++k)
    pairs.push_back({rng() % places.size(), rng() % places.size()});
  const auto routes = routePairs(net, places, pairs, Metric::Distance, 2);
  ASSERT_EQ(routes.size(), pairs.size());
  for (std::size_t k = 0; k < pairs.size(); ++k) {
    const Route single = shortestRoute(net, *places[pairs[k].first], *places[pairs[k].second]);
    EXPECT_NEAR(routes[k].cost.distanceM, single.cost.distanceM, 1e-9) << k;
  }
}

// Every flow's tonnes on every segment of its route; the segments' tonne-km
// add up to the flows' (tonnes x route length), class by class.
TEST(FlowsOnNetwork, RoadLoadsAddUpToTheRoutedTonneKm) {
  const Network net = test::planarNetwork(test::randomGrid(8, 8, 100, 5));
  std::mt19937 rng(6);
  std::uniform_real_distribution<double> coord(0, 700);
  std::vector<std::optional<Location>> places;
  for (int i = 0; i < 10; ++i)
    places.push_back(at(net, {coord(rng), coord(rng)}));
  std::vector<std::pair<std::size_t, std::size_t>> pairs;
  std::vector<double> tonnes;
  std::vector<std::size_t> classOf;
  for (int k = 0; k < 40; ++k) {
    pairs.push_back({rng() % places.size(), rng() % places.size()});
    tonnes.push_back(static_cast<double>(1 + rng() % 100));
    classOf.push_back(rng() % 3);
  }
  const auto routes = routePairs(net, places, pairs);
  const auto loads = roadLoads(routes, tonnes, classOf, 3);
  double routed = 0, loaded = 0;
  for (std::size_t k = 0; k < routes.size(); ++k)
    routed += tonnes[k] * routes[k].cost.distanceM / 1000;
  for (const SegmentLoad& l : loads) {
    loaded += l.tonneKm;
    EXPECT_GT(l.total(), 0);
  }
  EXPECT_NEAR(loaded, routed, 1e-9 * routed);
  // A segment's class-0 tonnes are those of the class-0 flows through it.
  const SegmentLoad& first = loads.front();
  double expected = 0;
  for (std::size_t k = 0; k < routes.size(); ++k)
    for (SegmentId s : routes[k].segments)
      if (s == first.segment && classOf[k] == 0) {
        expected += tonnes[k];
        break;
      }
  EXPECT_NEAR(first.tonnes[0], expected, 1e-9);
}

}  // namespace
}  // namespace cp::geo
