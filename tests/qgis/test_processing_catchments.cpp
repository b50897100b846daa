// circularplanner:catchments on the Almaty sample data: polygons valid,
// disjoint and within reach; tonnes per site those of the nearest-facility
// answer for each source.

#include <gtest/gtest.h>

#include <map>

#include <qgscategorizedsymbolrenderer.h>
#include <qgsproject.h>
#include <qgssymbol.h>
#include <qgspallabeling.h>
#include <qgsvectorlayerlabeling.h>

#include "processing_run.h"
#include "qgis/cpresultstyles.h"

namespace cp {
namespace {

using test::AlgorithmRun;
using test::runAlgorithm;
using test::sample;

constexpr double kCutoff = 20000;
constexpr double kRadius = 200;

QVariantMap compostCatchments() {
  return {{QStringLiteral("ROADS"), sample("roads")},
          {QStringLiteral("SITES"), sample("composting_sites")},
          {QStringLiteral("SITE_ID"), QStringLiteral("site_id")},
          {QStringLiteral("CUTOFF"), kCutoff},
          {QStringLiteral("BANDS"), QStringLiteral("5000,10000")},
          {QStringLiteral("RADIUS"), kRadius},
          {QStringLiteral("SOURCES"), sample("organic_sources")}};
}

// Runs in UTM so that areas and distances are in metres.
struct UtmProject {
  UtmProject() : before(QgsProject::instance()->crs()) {
    QgsProject::instance()->setCrs(QgsCoordinateReferenceSystem(QStringLiteral("EPSG:32643")));
  }
  ~UtmProject() { QgsProject::instance()->setCrs(before); }
  QgsCoordinateReferenceSystem before;
};

// Each site's features, each buffered by `buffer` when given, united.
std::map<QString, QgsGeometry> bySite(QgsVectorLayer& layer, double buffer = 0) {
  std::map<QString, QVector<QgsGeometry>> parts;
  QgsFeature f;
  QgsFeatureIterator it = layer.getFeatures();
  while (it.nextFeature(f))
    parts[f.attribute("site_id").toString()]
        << (buffer > 0 ? f.geometry().buffer(buffer, 8) : f.geometry());
  std::map<QString, QgsGeometry> out;
  for (const auto& [site, geometries] : parts)
    out[site] = QgsGeometry::unaryUnion(geometries);
  return out;
}

TEST(ProcessingCatchments, PolygonsPartitionTheServedAreaWithinReach) {
  const UtmProject utm;
  const AlgorithmRun run =
      runAlgorithm(QStringLiteral("circularplanner:catchments"), compostCatchments(), {"NETWORK"});
  ASSERT_TRUE(run.ok) << run.errors.toStdString();
  const auto polygons = bySite(*run.output);
  // Where each site's roads reach, widened by the band and its 5 % simplification.
  const auto reach = bySite(*run.more.at("NETWORK"), kRadius * 1.05 + 1);
  ASSERT_GE(polygons.size(), 5U);
  for (auto a = polygons.begin(); a != polygons.end(); ++a) {
    if (a->second.isEmpty())
      continue;
    EXPECT_TRUE(a->second.isGeosValid()) << a->first.toStdString();
    for (auto b = std::next(a); b != polygons.end(); ++b) {
      if (b->second.isEmpty())
        continue;
      EXPECT_LT(a->second.intersection(b->second).area(), 1.0)  // m2: boundaries only
          << a->first.toStdString() << " / " << b->first.toStdString();
    }
    // Never farther than the band width from the site's own reached roads.
    EXPECT_LT(a->second.difference(reach.at(a->first)).area(), 1.0) << a->first.toStdString();
  }
  QgsFeature piece;
  QgsFeatureIterator it = run.more.at("NETWORK")->getFeatures();
  while (it.nextFeature(piece))
    EXPECT_LE(
        std::max(piece.attribute("cost_from").toDouble(), piece.attribute("cost_to").toDouble()),
        kCutoff + 1e-6);
}

// Catchments that touch are told apart by colour (a colouring of the sites'
// neighbours over the charts' palette), and the label says its tonnes are
// what lies within reach, not what the site takes in.
TEST(ProcessingCatchments, TouchingCatchmentsHaveColoursApart) {
  const AlgorithmRun run =
      runAlgorithm(QStringLiteral("circularplanner:catchments"), compostCatchments());
  ASSERT_TRUE(run.ok) << run.errors.toStdString();
  qgis::styleCatchments(*run.output);
  const auto* renderer = dynamic_cast<QgsCategorizedSymbolRenderer*>(run.output->renderer());
  ASSERT_NE(renderer, nullptr);
  std::map<QString, QColor> colour;
  for (const QgsRendererCategory& c : renderer->categories())
    colour[c.value().toString()] = c.symbol()->color();
  const std::map<QString, QgsGeometry> areas = bySite(*run.output);
  EXPECT_EQ(colour.size(), areas.size()) << "a category per site, not per piece";
  int touching = 0;
  for (auto a = areas.begin(); a != areas.end(); ++a)
    for (auto b = std::next(a); b != areas.end(); ++b)
      if (a->second.intersects(b->second)) {
        ++touching;
        EXPECT_NE(colour.at(a->first), colour.at(b->first))
            << a->first.toStdString() << " and " << b->first.toStdString();
      }
  EXPECT_GT(touching, 0) << "no neighbours: the test shows nothing";
  EXPECT_TRUE(run.output->labeling()->settings().getLabelExpression()->expression().contains(
      QStringLiteral("within reach")));
}

TEST(ProcessingCatchments, TonnesPerSiteAreThoseOfEachSourcesNearestSite) {
  const AlgorithmRun run =
      runAlgorithm(QStringLiteral("circularplanner:catchments"), compostCatchments());
  ASSERT_TRUE(run.ok) << run.errors.toStdString();
  const AlgorithmRun nearest =
      runAlgorithm(QStringLiteral("circularplanner:nearestfacilities"),
                   {{QStringLiteral("ROADS"), sample("roads")},
                    {QStringLiteral("ORIGINS"), sample("organic_sources")},
                    {QStringLiteral("ORIGIN_ID"), QStringLiteral("source_id")},
                    {QStringLiteral("FACILITIES"), sample("composting_sites")},
                    {QStringLiteral("FACILITY_ID"), QStringLiteral("site_id")},
                    {QStringLiteral("CUTOFF"), kCutoff}});
  ASSERT_TRUE(nearest.ok);
  QgsVectorLayer sources(sample("organic_sources"), "s", "ogr");
  std::map<QString, double> tonnesOf;
  QgsFeature f;
  QgsFeatureIterator it = sources.getFeatures();
  while (it.nextFeature(f))
    tonnesOf[f.attribute("source_id").toString()] = f.attribute("tonnes_per_year").toDouble();
  std::map<QString, double> expected;
  it = nearest.output->getFeatures();
  while (it.nextFeature(f))
    expected[f.attribute("facility_id").toString()] +=
        tonnesOf[f.attribute("origin_id").toString()];
  double total = 0;
  it = run.output->getFeatures();
  while (it.nextFeature(f)) {
    const QString site = f.attribute("site_id").toString();
    EXPECT_NEAR(f.attribute("tonnes").toDouble(), expected[site], 1e-6) << site.toStdString();
    total += f.attribute("tonnes").toDouble();
  }
  EXPECT_GT(total, 0);
  std::printf(
      "Almaty composting catchments (20 km by road): %.0f t/yr of organic waste within "
      "reach of a site\n",
      total);
}

}  // namespace
}  // namespace cp
