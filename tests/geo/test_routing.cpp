#include <gtest/gtest.h>

#include <random>

#include "geo/geodesy.h"
#include "geo/routing.h"
#include "support/reference_paths.h"
#include "support/test_networks.h"

namespace cp::geo {
namespace {

using test::at;
using test::line;
using test::planarNetwork;

double polylineLength(const std::vector<XY>& pts) {
  double total = 0;
  for (std::size_t i = 1; i < pts.size(); ++i)
    total += planarDistance(pts[i - 1], pts[i]);
  return total;
}

// A one-way street A(0,0) -> B(100,0), and a two-way detour A-(0,100)-(100,100)-B.
Network oneWayWithDetour() {
  return planarNetwork({line({{0, 0}, {100, 0}}, Direction::Forward),
                        line({{0, 0}, {0, 100}, {100, 100}, {100, 0}})});
}

TEST(Routing, OneWayIsDirectWithTheFlowAndDetoursAgainstIt) {
  const Network net = oneWayWithDetour();
  const Location a = at(net, {10, 0});
  const Location b = at(net, {90, 0});
  EXPECT_NEAR(shortestRoute(net, a, b).cost.distanceM, 80, 1e-9);
  // Against the flow: back to B (10), the detour (300), on to A's point (10).
  EXPECT_NEAR(shortestRoute(net, b, a).cost.distanceM, 320, 1e-9);
}

TEST(Routing, BackwardOneWayIsTheMirrorImage) {
  const Network net = planarNetwork({line({{100, 0}, {0, 0}}, Direction::Backward),
                                     line({{0, 0}, {0, 100}, {100, 100}, {100, 0}})});
  EXPECT_NEAR(shortestRoute(net, at(net, {10, 0}), at(net, {90, 0})).cost.distanceM, 80, 1e-9);
  EXPECT_NEAR(shortestRoute(net, at(net, {90, 0}), at(net, {10, 0})).cost.distanceM, 320, 1e-9);
}

TEST(Routing, RouteGeometryFollowsTheRoadsAndMatchesTheCost) {
  const Network net = oneWayWithDetour();
  const Route r = shortestRoute(net, at(net, {90, 0}), at(net, {10, 0}));
  ASSERT_TRUE(r.cost.reachable());
  EXPECT_NEAR(polylineLength(r.geometry), r.cost.distanceM, 1e-9);
  EXPECT_NEAR(r.geometry.front().x, 90, 1e-9);
  EXPECT_NEAR(r.geometry.back().x, 10, 1e-9);
  EXPECT_NEAR(r.geometry[2].y, 100, 1e-9);  // via (100,100)
  EXPECT_NEAR(r.cost.timeS, r.cost.distanceM / 10, 1e-9);
}

TEST(Routing, SameSegmentRespectsDirection) {
  const Network net = planarNetwork({line({{0, 0}, {100, 0}}, Direction::Forward)});
  EXPECT_NEAR(shortestRoute(net, at(net, {20, 0}), at(net, {70, 0})).cost.distanceM, 50, 1e-9);
  EXPECT_FALSE(shortestRoute(net, at(net, {70, 0}), at(net, {20, 0})).cost.reachable());
}

TEST(Routing, TiesGiveTheSameCostAndTheSameRouteEveryTime) {
  // Two equal ways round a square from (0,0) to (100,100).
  const Network net = planarNetwork({line({{0, 0}, {100, 0}}), line({{100, 0}, {100, 100}}),
                                     line({{0, 0}, {0, 100}}), line({{0, 100}, {100, 100}})});
  const Route first = shortestRoute(net, at(net, {0, 0}), at(net, {100, 100}));
  EXPECT_NEAR(first.cost.distanceM, 200, 1e-9);
  for (int i = 0; i < 5; ++i) {
    const Route again = shortestRoute(net, at(net, {0, 0}), at(net, {100, 100}));
    EXPECT_EQ(again.segments, first.segments);
  }
}

TEST(Routing, UnreachableAcrossComponents) {
  const Network net = planarNetwork({line({{0, 0}, {100, 0}}), line({{0, 500}, {100, 500}})});
  const Route r = shortestRoute(net, at(net, {50, 0}), at(net, {50, 500}));
  EXPECT_FALSE(r.cost.reachable());
  EXPECT_TRUE(r.geometry.empty());
}

TEST(Routing, TimeMetricPrefersTheFastRoad) {
  // Short slow street (100 m at 10 km/h) vs a long fast road (300 m at 90 km/h).
  const Network net =
      planarNetwork({line({{0, 0}, {100, 0}}, Direction::Both, 10),
                     line({{0, 0}, {0, 100}, {100, 100}, {100, 0}}, Direction::Both, 90)});
  const Location a = at(net, {0, 0});
  const Location b = at(net, {100, 0});
  const Route shortest = shortestRoute(net, a, b, Metric::Distance);
  const Route fastest = shortestRoute(net, a, b, Metric::Time);
  EXPECT_NEAR(shortest.cost.distanceM, 100, 1e-9);
  EXPECT_NEAR(shortest.cost.timeS, 36, 1e-9);
  EXPECT_NEAR(fastest.cost.distanceM, 300, 1e-9);
  EXPECT_NEAR(fastest.cost.timeS, 12, 1e-9);
}

TEST(Routing, OneToManyHonoursTheCutoff) {
  const Network net = planarNetwork({line({{0, 0}, {1000, 0}})});
  QueryOptions options;
  options.cutoff = 500;
  const auto costs =
      oneToMany(net, at(net, {0, 0}), {at(net, {400, 0}), at(net, {600, 0})}, options);
  EXPECT_NEAR(costs[0].distanceM, 400, 1e-9);
  EXPECT_FALSE(costs[1].reachable());
}

TEST(Routing, RandomGridAgreesWithBoostGraphInBothMetrics) {
  const Network net = planarNetwork(test::randomGrid(20, 20, 100, 7));
  std::mt19937 rng(11);
  std::uniform_real_distribution<double> coord(0, 1900);
  std::vector<Location> places;
  for (int i = 0; i < 120; ++i)
    places.push_back(at(net, {coord(rng), coord(rng)}));
  for (Metric metric : {Metric::Distance, Metric::Time}) {
    const test::PlaceGraph reference(net, places, metric);
    int reachable = 0;
    for (std::size_t i = 0; i < 60; ++i) {
      const Location& a = places[i];
      const Location& b = places[60 + i];
      const Cost ours = shortestRoute(net, a, b, metric).cost;
      const double expected = reference.costsFrom(i)[60 + i];
      const double got = metric == Metric::Distance ? ours.distanceM : ours.timeS;
      if (std::isinf(expected)) {
        EXPECT_FALSE(ours.reachable());
        continue;
      }
      ++reachable;
      EXPECT_NEAR(got, expected, 1e-9 * expected) << "pair " << i;
    }
    EXPECT_GT(reachable, 40);
  }
}

// Every route's metres per segment add up to its distance, its geometry is as
// long as its distance (planar network), and routes from one search equal
// one-to-one routes.
TEST(Routing, RoutesFromOneSearchMatchOneToOneRoutesAndAccountForEveryMetre) {
  const Network net = planarNetwork(test::randomGrid(12, 12, 100, 3));
  std::mt19937 rng(5);
  std::uniform_real_distribution<double> coord(0, 1100);
  for (Metric metric : {Metric::Distance, Metric::Time}) {
    const Location from = at(net, {coord(rng), coord(rng)});
    std::vector<std::optional<Location>> targets{std::nullopt, from};
    for (int i = 0; i < 30; ++i)
      targets.push_back(at(net, {coord(rng), coord(rng)}));
    const std::vector<Route> routes = routesFrom(net, from, targets, metric);
    ASSERT_EQ(routes.size(), targets.size());
    EXPECT_FALSE(routes[0].cost.reachable());
    for (std::size_t i = 1; i < targets.size(); ++i) {
      const Route single = shortestRoute(net, from, *targets[i], metric);
      ASSERT_EQ(routes[i].cost.reachable(), single.cost.reachable()) << i;
      if (!single.cost.reachable())
        continue;
      EXPECT_EQ(routes[i].segments, single.segments) << i;
      EXPECT_NEAR(routes[i].cost.distanceM, single.cost.distanceM, 1e-9);
      ASSERT_EQ(routes[i].segmentMetres.size(), routes[i].segments.size());
      double metres = 0;
      for (double m : routes[i].segmentMetres) {
        EXPECT_GE(m, 0);
        metres += m;
      }
      EXPECT_NEAR(metres, routes[i].cost.distanceM, 1e-6) << i;
      EXPECT_NEAR(polylineLength(routes[i].geometry), routes[i].cost.distanceM, 1e-6) << i;
    }
  }
}

TEST(Routing, MetresPerSegmentAlongOneSharedSegment) {
  const Network net = oneWayWithDetour();
  const Route r = shortestRoute(net, at(net, {10, 0}), at(net, {90, 0}));
  ASSERT_EQ(r.segmentMetres.size(), 1U);
  EXPECT_NEAR(r.segmentMetres[0], 80, 1e-9);
}

}  // namespace
}  // namespace cp::geo
