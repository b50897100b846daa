#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "geo/catchments.h"
#include "geo/routing.h"
#include "support/test_networks.h"

namespace cp::geo {
namespace {

using test::at;
using test::line;
using test::planarNetwork;

CatchmentOptions within(double cutoff, Travel travel = Travel::ToSite) {
  CatchmentOptions o;
  o.cutoff = cutoff;
  o.travel = travel;
  return o;
}

// A 1 km street with a site at each end: each serves the half nearer to it.
TEST(Catchments, TwoSitesSplitAStreetHalfway) {
  const Network net = planarNetwork({line({{0, 0}, {1000, 0}})});
  const Catchments c(net, {at(net, {0, 0}), at(net, {1000, 0})}, within(kInfinity));
  EXPECT_EQ(c.at(at(net, {400, 0})).site, 0U);
  EXPECT_NEAR(c.at(at(net, {400, 0})).cost.distanceM, 400, 1e-9);
  EXPECT_EQ(c.at(at(net, {600, 0})).site, 1U);
  const auto pieces = c.pieces();
  ASSERT_EQ(pieces.size(), 2U);
  EXPECT_NEAR(pieces[0].f1, 0.5, 1e-12);
  EXPECT_NEAR(pieces[1].f0, 0.5, 1e-12);
  EXPECT_NEAR(pieces[0].cost1, 500, 1e-9);
}

TEST(Catchments, NothingBeyondTheCutoff) {
  const Network net = planarNetwork({line({{0, 0}, {1000, 0}})});
  const Catchments c(net, {at(net, {0, 0}), at(net, {1000, 0})}, within(300));
  EXPECT_EQ(c.at(at(net, {500, 0})).site, kNoId);
  const auto pieces = c.pieces();
  ASSERT_EQ(pieces.size(), 2U);
  EXPECT_NEAR(pieces[0].f1, 0.3, 1e-12);
  EXPECT_NEAR(pieces[1].f0, 0.7, 1e-12);
  EXPECT_NEAR(pieces[1].cost0, 300, 1e-9);
}

// A one-way street A -> B with a site at B: everything on it can carry
// material to B, and nothing can reach a site at A without a road back.
TEST(Catchments, OneWaysDecideWhoCanReachTheSite) {
  const Network net = planarNetwork({line({{0, 0}, {1000, 0}}, Direction::Forward)});
  const Catchments toB(net, {at(net, {1000, 0})}, within(kInfinity, Travel::ToSite));
  EXPECT_EQ(toB.at(at(net, {200, 0})).site, 0U);
  EXPECT_NEAR(toB.at(at(net, {200, 0})).cost.distanceM, 800, 1e-9);
  const Catchments toA(net, {at(net, {0, 0})}, within(kInfinity, Travel::ToSite));
  EXPECT_EQ(toA.at(at(net, {200, 0})).site, kNoId);
  EXPECT_TRUE(toA.pieces().empty() || toA.pieces()[0].f1 == 0);
  const Catchments fromA(net, {at(net, {0, 0})}, within(kInfinity, Travel::FromSite));
  EXPECT_NEAR(fromA.at(at(net, {200, 0})).cost.distanceM, 200, 1e-9);
}

TEST(Catchments, BandsCutPiecesAtTheirThresholds) {
  const Network net = planarNetwork({line({{0, 0}, {1000, 0}}), line({{1000, 0}, {1000, 800}})});
  const Catchments c(net, {at(net, {0, 0})}, within(1500));
  const std::vector<double> bands{250, 500, 1000};
  const auto pieces = c.pieces(bands);
  double covered = 0;
  for (const CatchmentPiece& p : pieces) {
    const double lo = std::min(p.cost0, p.cost1);
    const double hi = std::max(p.cost0, p.cost1);
    for (double b : bands)
      EXPECT_FALSE(lo < b - 1e-9 && hi > b + 1e-9) << "piece straddles " << b;
    covered += (p.f1 - p.f0) * net.segmentLength[p.segment];
  }
  EXPECT_NEAR(covered, 1500, 1e-6);  // 1000 m street and 500 m of the 800 m one
  EXPECT_EQ(pieces.size(), 4U);      // 0-250, 250-500, 500-1000, 1000-1500
}

// On random one-way grids, the nearest site and its cost equal the best of
// one shortest route per site, in both directions of travel.
TEST(Catchments, EqualTheBestOfOneRoutePerSite) {
  const Network net = planarNetwork(test::randomGrid(15, 15, 100, 9));
  std::mt19937 rng(3);
  std::uniform_real_distribution<double> coord(0, 1400);
  std::vector<std::optional<Location>> sites;
  for (int i = 0; i < 6; ++i)
    sites.push_back(at(net, {coord(rng), coord(rng)}));
  for (Travel travel : {Travel::ToSite, Travel::FromSite}) {
    const Catchments c(net, sites, within(900, travel));
    int served = 0;
    for (int k = 0; k < 150; ++k) {
      const Location place = at(net, {coord(rng), coord(rng)});
      std::vector<double> perSite;
      for (const auto& site : sites)
        perSite.push_back((travel == Travel::ToSite ? shortestRoute(net, place, *site)
                                                    : shortestRoute(net, *site, place))
                              .cost.distanceM);
      const double best = *std::min_element(perSite.begin(), perSite.end());
      const Assignment got = c.at(place);
      if (best > 900) {
        EXPECT_EQ(got.site, kNoId) << k;
        continue;
      }
      ++served;
      ASSERT_NE(got.site, kNoId) << k;
      EXPECT_NEAR(got.cost.distanceM, best, 1e-9 * std::max(1.0, best)) << k;
      EXPECT_NEAR(perSite[got.site], best, 1e-9 * std::max(1.0, best)) << k;  // its own cost
    }
    EXPECT_GT(served, 50);
  }
}

// Pieces agree with point queries: a point inside a piece is served by the
// piece's site at the cost the piece interpolates.
TEST(Catchments, PiecesAgreeWithPointQueries) {
  const Network net = planarNetwork(test::randomGrid(12, 12, 100, 4));
  const std::vector<std::optional<Location>> sites{at(net, {150, 320}), at(net, {870, 910}),
                                                   at(net, {1000, 100})};
  const Catchments c(net, sites, within(700));
  const auto pieces = c.pieces({200, 400});
  ASSERT_GT(pieces.size(), 20U);
  for (const CatchmentPiece& p : pieces) {
    ASSERT_LT(p.f0, p.f1);
    const double mid = 0.5 * (p.f0 + p.f1);
    const Location place{p.segment, mid, {}};
    const Assignment a = c.at(place);
    EXPECT_NEAR(a.cost.distanceM, 0.5 * (p.cost0 + p.cost1), 1e-6);
    EXPECT_EQ(a.site, p.site);
    EXPECT_LE(std::max(p.cost0, p.cost1), 700 + 1e-9);
  }
}

TEST(Catchments, SitesOffTheNetworkServeNothing) {
  const Network net = planarNetwork({line({{0, 0}, {1000, 0}})});
  const Catchments c(net, {std::nullopt, at(net, {1000, 0})}, within(kInfinity));
  EXPECT_EQ(c.at(at(net, {10, 0})).site, 1U);
  for (const CatchmentPiece& p : c.pieces())
    EXPECT_EQ(p.site, 1U);
}

}  // namespace
}  // namespace cp::geo
