#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "geo/od_table.h"
#include "geo/routing.h"
#include "support/test_networks.h"

namespace cp::geo {
namespace {

using test::at;

struct GridCase {
  Network net = test::planarNetwork(test::randomGrid(15, 15, 100, 3));
  std::vector<std::optional<Location>> points;

  explicit GridCase(int count) {
    std::mt19937 rng(5);
    std::uniform_real_distribution<double> coord(0, 1400);
    for (int i = 0; i < count; ++i)
      points.emplace_back(at(net, {coord(rng), coord(rng)}));
  }
};

TEST(OdMatrix, EqualsOneToOneRoutesInBothMeasures) {
  const GridCase g(25);
  for (Metric metric : {Metric::Distance, Metric::Time}) {
    QueryOptions options;
    options.metric = metric;
    const OdMatrix m = odMatrix(g.net, g.points, g.points, options);
    for (std::size_t r = 0; r < g.points.size(); ++r) {
      for (std::size_t c = 0; c < g.points.size(); ++c) {
        const Cost expected = shortestRoute(g.net, *g.points[r], *g.points[c], metric).cost;
        EXPECT_EQ(m.at(r, c).reachable(), expected.reachable());
        if (!expected.reachable())
          continue;
        EXPECT_NEAR(m.at(r, c).distanceM, expected.distanceM, 1e-9);
        EXPECT_NEAR(m.at(r, c).timeS, expected.timeS, 1e-9);
      }
    }
  }
}

// Many origins to few destinations are searched from the destinations on the
// reversed network (one-way streets included): the same costs as the routes.
TEST(OdMatrix, ManyOriginsToFewDestinationsEqualsTheRoutes) {
  const GridCase g(60);
  const std::vector<std::optional<Location>> few(g.points.begin(), g.points.begin() + 3);
  for (Metric metric : {Metric::Distance, Metric::Time}) {
    QueryOptions options;
    options.metric = metric;
    const OdMatrix m = odMatrix(g.net, g.points, few, options);
    ASSERT_EQ(m.rows, g.points.size());
    for (std::size_t r = 0; r < m.rows; ++r)
      for (std::size_t c = 0; c < few.size(); ++c) {
        const Cost expected = shortestRoute(g.net, *g.points[r], *few[c], metric).cost;
        ASSERT_EQ(m.at(r, c).reachable(), expected.reachable());
        if (expected.reachable()) {
          EXPECT_NEAR(m.at(r, c).distanceM, expected.distanceM, 1e-9);
          EXPECT_NEAR(m.at(r, c).timeS, expected.timeS, 1e-9);
        }
      }
  }
}

TEST(OdMatrix, SameResultOnOneThreadAndMany) {
  const GridCase g(40);
  QueryOptions one;
  one.threads = 1;
  QueryOptions many;
  many.threads = 4;
  const OdMatrix a = odMatrix(g.net, g.points, g.points, one);
  const OdMatrix b = odMatrix(g.net, g.points, g.points, many);
  for (std::size_t i = 0; i < a.cells.size(); ++i)
    EXPECT_EQ(a.cells[i].distanceM, b.cells[i].distanceM);
}

TEST(OdMatrix, MissingPointsGiveUnreachableRowsAndColumns) {
  GridCase g(3);
  g.points[1].reset();
  const OdMatrix m = odMatrix(g.net, g.points, g.points);
  for (std::size_t i = 0; i < 3; ++i) {
    EXPECT_FALSE(m.at(1, i).reachable());
    EXPECT_FALSE(m.at(i, 1).reachable());
  }
  EXPECT_EQ(m.at(0, 0).distanceM, 0);
}

TEST(OdMatrix, CancelStopsWithoutAResult) {
  const GridCase g(30);
  Feedback feedback;
  feedback.cancel();
  EXPECT_THROW(odMatrix(g.net, g.points, g.points, {}, &feedback), Canceled);
}

TEST(OdMatrix, ReportsProgressUpToOneHundred) {
  const GridCase g(20);
  std::vector<double> seen;
  const Feedback feedback([&](double p) { seen.push_back(p); });
  odMatrix(g.net, g.points, g.points, {}, &feedback);
  ASSERT_FALSE(seen.empty());
  EXPECT_TRUE(std::is_sorted(seen.begin(), seen.end()));
  EXPECT_EQ(seen.back(), 100.0);
}

TEST(NearestFacilities, MatchesSortingTheFullMatrix) {
  const GridCase g(60);
  const std::vector<std::optional<Location>> origins(g.points.begin(), g.points.begin() + 20);
  const std::vector<std::optional<Location>> facilities(g.points.begin() + 20, g.points.end());
  const std::size_t k = 3;
  const auto nearest = nearestFacilities(g.net, origins, facilities, k);
  const OdMatrix m = odMatrix(g.net, origins, facilities);
  for (std::size_t o = 0; o < origins.size(); ++o) {
    std::vector<double> all;
    for (std::size_t f = 0; f < facilities.size(); ++f)
      if (m.at(o, f).reachable())
        all.push_back(m.at(o, f).distanceM);
    std::sort(all.begin(), all.end());
    ASSERT_EQ(nearest[o].size(), std::min(k, all.size()));
    for (std::size_t i = 0; i < nearest[o].size(); ++i) {
      EXPECT_NEAR(nearest[o][i].cost.distanceM, all[i], 1e-9);
      EXPECT_NEAR(m.at(o, nearest[o][i].facility).distanceM, all[i], 1e-9);
    }
  }
}

TEST(NearestFacilities, FacilityOnTheOriginsOwnSegment) {
  const Network net = test::planarNetwork({test::line({{0, 0}, {1000, 0}})});
  const auto nearest =
      nearestFacilities(net, {at(net, {100, 0})}, {at(net, {900, 0}), at(net, {150, 0})}, 1);
  ASSERT_EQ(nearest[0].size(), 1u);
  EXPECT_EQ(nearest[0][0].facility, 1u);
  EXPECT_NEAR(nearest[0][0].cost.distanceM, 50, 1e-9);
}

TEST(OdTable, FallbackOnlyWhenAskedAndEveryRowSaysHow) {
  const Network net =
      test::planarNetwork({test::line({{0, 0}, {100, 0}}), test::line({{0, 500}, {100, 500}})});
  const std::vector<std::optional<Location>> pts{at(net, {0, 0}), at(net, {0, 500})};
  const OdMatrix m = odMatrix(net, pts, pts);
  const std::vector<LonLat> lonLat{{76.90, 43.20}, {76.90, 43.21}};
  const auto plain = odRows(m, lonLat, lonLat, {});
  EXPECT_EQ(plain[1].method, CostMethod::Unreachable);
  EXPECT_FALSE(plain[1].cost.reachable());
  EXPECT_EQ(plain[0].method, CostMethod::Network);
  FallbackOptions fallback;
  fallback.enabled = true;
  fallback.detourFactor = 1.5;
  const auto filled = odRows(m, lonLat, lonLat, fallback);
  EXPECT_EQ(filled[1].method, CostMethod::StraightLine);
  EXPECT_NEAR(filled[1].cost.distanceM, 1.5 * 1111.9, 2.0);  // 0.01 deg of latitude ~ 1111.9 m
  EXPECT_EQ(toString(filled[1].method), "straight_line_x_detour");
  fallback.detourFactor = 0.5;
  EXPECT_THROW(odRows(m, lonLat, lonLat, fallback), std::invalid_argument);
}

}  // namespace
}  // namespace cp::geo
