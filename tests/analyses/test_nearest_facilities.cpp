// Nearest facilities without QGIS, on the Almaty roads: each origin's k
// nearest are those a full OD matrix ranks first, in order, within the cutoff.

#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>

#include "almaty_places.h"
#include "layers/analyses/nearest_facilities.h"

namespace cp::analyses {
namespace {

class NearestAnalysis : public test::OnAlmatyRoads {};

TEST_F(NearestAnalysis, AreTheFirstOfTheFullMatrixInOrder) {
  const layers::PointData origins = places("origin", 30, 71);
  const layers::PointData facilities = places("facility", 12, 72);
  NearestOptions options;
  options.k = 3;
  options.query.cutoff = 6000;
  const NearestResult r = findNearestFacilities(network(), origins, facilities, options);
  const geo::OdMatrix all =
      geo::odMatrix(network(), r.origins.locations(), r.facilities.locations(), {});
  std::size_t found = 0;
  for (std::size_t o = 0; o < origins.ids.size(); ++o) {
    std::vector<std::size_t> order(facilities.ids.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
      return all.at(o, a).distanceM < all.at(o, b).distanceM;
    });
    std::size_t within = 0;
    while (within < order.size() && all.at(o, order[within]).distanceM <= 6000)
      ++within;
    ASSERT_EQ(r.nearest[o].size(), std::min<std::size_t>(3, within)) << o;
    for (std::size_t rank = 0; rank < r.nearest[o].size(); ++rank)
      EXPECT_NEAR(r.nearest[o][rank].cost.distanceM, all.at(o, order[rank]).distanceM, 1e-6)
          << o << " rank " << rank;
    found += r.nearest[o].size();
  }
  EXPECT_GT(found, 0u);
  const layers::ResultTable table = nearestTable(r, origins, facilities);
  EXPECT_EQ(table.rows.size(), found);
  EXPECT_EQ(table.fields[2].name, "rank");
}

}  // namespace
}  // namespace cp::analyses
