// The catchments analysis without QGIS, on the Almaty roads: polygons valid and
// disjoint, each source counted at the site an independent route search finds
// nearest, the served road length and bands consistent, cancel honoured.

#include <gtest/gtest.h>

#include <cmath>
#include <numeric>

#include "almaty_places.h"
#include "geo/routing.h"
#include "layers/analyses/catchments.h"
#include "layers/place_geometry.h"

namespace cp::analyses {
namespace {

class CatchmentsAnalysis : public test::OnAlmatyRoads {
 protected:
  static CatchmentsOptions options() {
    CatchmentsOptions o;
    o.search.cutoff = 8000;
    o.bands = parseBands("2000, 4000", o.search.cutoff);
    o.radiusM = 150;
    return o;
  }
};

TEST_F(CatchmentsAnalysis, PolygonsAreValidAndDisjoint) {
  const layers::PointData sites = places("site", 12, 3);
  const CatchmentsResult r = analyseCatchments({network(), sites}, options());
  ASSERT_EQ(r.sites.size(), 12u);
  for (std::size_t a = 0; a < r.sites.size(); ++a) {
    ASSERT_NE(r.sites[a].polygon, nullptr) << r.sites[a].siteId;
    EXPECT_TRUE(r.sites[a].polygon->IsValid()) << r.sites[a].siteId;
    EXPECT_GT(r.sites[a].areaKm2, 0);
    EXPECT_GT(r.sites[a].networkKm, 0);
    for (std::size_t b = a + 1; b < r.sites.size(); ++b) {
      std::unique_ptr<OGRGeometry> shared(
          r.sites[a].polygon->Intersection(r.sites[b].polygon.get()));
      const double overlapM2 = shared ? layers::polygonalArea(*shared) : 0;
      EXPECT_LT(overlapM2, 1.0) << r.sites[a].siteId << " and " << r.sites[b].siteId;
    }
  }
}

TEST_F(CatchmentsAnalysis, EachSourceCountsAtTheSiteItsRoutesFindNearest) {
  const layers::PointData sites = places("site", 8, 5);
  const layers::PointData sources = places("source", 300, 6);
  std::vector<double> tonnes(sources.ids.size());
  std::iota(tonnes.begin(), tonnes.end(), 1.0);
  const CatchmentsOptions o = options();
  const CatchmentsResult r = analyseCatchments({network(), sites, &sources, tonnes}, o);

  // Independently: every source's route to every site (material travels to the site).
  const geo::Snapper snapper(network(), o.snap);
  std::vector<std::optional<geo::Location>> from, to;
  for (const auto& s : snapper.snapAll(sources.xy))
    from.push_back(s.location);
  for (const auto& s : snapper.snapAll(sites.xy))
    to.push_back(s.location);
  const geo::OdMatrix routes = geo::odMatrix(network(), from, to, {});
  std::vector<double> expectedTonnes(sites.ids.size(), 0);
  std::vector<int> expectedCount(sites.ids.size(), 0);
  std::size_t beyond = 0;
  for (std::size_t i = 0; i < sources.ids.size(); ++i) {
    std::size_t best = sites.ids.size();
    for (std::size_t s = 0; s < sites.ids.size(); ++s)
      if (routes.at(i, s).distanceM <= o.search.cutoff &&
          (best == sites.ids.size() || routes.at(i, s).distanceM < routes.at(i, best).distanceM))
        best = s;
    if (best == sites.ids.size()) {
      ++beyond;
      continue;
    }
    expectedTonnes[best] += tonnes[i];
    ++expectedCount[best];
  }
  for (std::size_t s = 0; s < sites.ids.size(); ++s) {
    EXPECT_EQ(r.sites[s].sources, expectedCount[s]) << sites.ids[s];
    EXPECT_DOUBLE_EQ(r.sites[s].tonnes, expectedTonnes[s]) << sites.ids[s];
  }
  std::size_t warned = 0;
  for (const auto& d : r.diagnostics.all())
    warned += d.message == "no site within the cutoff" ? d.count : 0;
  EXPECT_EQ(warned, beyond);
  EXPECT_GT(beyond, 0u);  // the sample spreads beyond 8 km of the sites
}

TEST_F(CatchmentsAnalysis, BandsHoldTheirPiecesAndSumToTheServedRoads) {
  const layers::PointData sites = places("site", 5, 9);
  const CatchmentsOptions o = options();
  const CatchmentsResult r = analyseCatchments({network(), sites}, o);
  double bandKm = 0;
  for (const BandPiece& piece : r.network) {
    const double middle = 0.5 * (piece.costFrom + piece.costTo);
    const double lower = piece.band == 2000 ? 0 : piece.band == 4000 ? 2000 : 4000;
    EXPECT_LE(middle, piece.band + 1e-6);
    EXPECT_GE(middle, lower - 1e-6);
    EXPECT_LE(piece.costTo, o.search.cutoff + 1e-6);
    for (std::size_t i = 1; i < piece.shape.size(); ++i)
      bandKm += std::hypot(piece.shape[i].x - piece.shape[i - 1].x,
                           piece.shape[i].y - piece.shape[i - 1].y) /
                1000;
  }
  double siteKm = 0;
  for (const SiteCatchment& s : r.sites)
    siteKm += s.networkKm;
  // Road lengths are on the ellipsoid, the shapes in UTM: the zone's scale
  // (0.9996 at its centre) sets them apart by about 0.01 %.
  EXPECT_NEAR(bandKm, siteKm, 1e-3 * siteKm);
}

TEST_F(CatchmentsAnalysis, ACanceledRunGivesNothing) {
  const layers::PointData sites = places("site", 5, 11);
  geo::Feedback feedback;
  feedback.cancel();
  EXPECT_THROW(analyseCatchments({network(), sites}, options(), &feedback), geo::Canceled);
}

TEST(CatchmentBands, AreParsedOrRefusedWithTheText) {
  EXPECT_EQ(parseBands(" 10000, 5000 ,,30000", 20000), (std::vector<double>{5000, 10000}));
  EXPECT_TRUE(parseBands("", 20000).empty());
  for (const char* bad : {"5 km", "-5", "0", "abc", "5000;6000"}) {
    try {
      parseBands(bad, 20000);
      ADD_FAILURE() << bad << " was accepted";
    } catch (const layers::OptionError& e) {
      EXPECT_NE(std::string(e.what()).find(bad), std::string::npos) << e.what();
    }
  }
}

}  // namespace
}  // namespace cp::analyses
