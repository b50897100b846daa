// Our network distances on the Almaty roads against QGIS's own network
// analysis (QgsVectorLayerDirector + QgsGraphAnalyzer) built independently from
// the same road layer: its own noding, one-way handling and ellipsoidal lengths.

#include <gtest/gtest.h>

#include "geo/routing.h"
#include "support/almaty_network.h"
#include "support/qgis_graph.h"
#include "support/temp_files.h"

namespace cp {
namespace {

TEST(QgisReference, TwoHundredPairsEqualQgsGraphAnalyzer) {
  const test::AlmatyNetwork almaty = test::buildAlmatyNetwork();
  const auto places = test::randomLocations(almaty.network, 30, 2024);
  std::vector<geo::XY> xy;
  for (const auto& p : places)
    xy.push_back(p.xy);
  const auto lonLat = test::toLonLat(*almaty.roads.frame, xy);

  const QString source = QString::fromStdString(test::sampleLayer("roads"));
  QgsVectorLayer roads(source, QStringLiteral("roads"), QStringLiteral("ogr"));
  ASSERT_TRUE(roads.isValid());
  ASSERT_TRUE(roads.setSubsetString(test::drivableSubset()));
  QVector<QgsPointXY> ties;
  for (const auto& p : lonLat)
    ties.append(QgsPointXY(p.lon, p.lat));
  const test::QgisGraph qgis = test::buildQgisGraph(roads, ties);

  // 20 origins x 10 destinations = 200 pairs.
  std::vector<std::optional<geo::Location>> origins(places.begin(), places.begin() + 20);
  std::vector<std::optional<geo::Location>> destinations(places.begin() + 20, places.end());
  const geo::OdMatrix ours = geo::odMatrix(almaty.network, origins, destinations);
  std::vector<std::size_t> destinationTies;
  for (std::size_t i = 20; i < places.size(); ++i)
    destinationTies.push_back(i);

  int compared = 0;
  double worstRelative = 0;
  for (std::size_t o = 0; o < origins.size(); ++o) {
    const auto reference = test::qgisDistances(qgis, o, destinationTies);
    for (std::size_t d = 0; d < destinations.size(); ++d) {
      const double got = ours.at(o, d).distanceM;
      ASSERT_EQ(std::isinf(got), std::isinf(reference[d])) << "pair " << o << "," << d;
      if (std::isinf(got))
        continue;
      ++compared;
      // Partial segments differ by how a fraction is measured (planar in UTM vs
      // geodesic to the tie point): micrometres on segments of tens of metres.
      EXPECT_NEAR(got, reference[d], 1e-6 * reference[d] + 0.01) << "pair " << o << "," << d;
      if (reference[d] > 0)
        worstRelative = std::max(worstRelative, std::abs(got - reference[d]) / reference[d]);
    }
  }
  EXPECT_GT(compared, 180);
  std::cout << compared << " pairs compared; worst relative difference " << worstRelative << "\n";
}

}  // namespace
}  // namespace cp
