// circularplanner:allocation on the Almaty sample data and on bad input.

#include <gtest/gtest.h>

#include <qgsproject.h>

#include "processing_run.h"

namespace cp {
namespace {

using test::AlgorithmRun;
using test::runAlgorithm;
using test::sample;

const QString kAllocation = QStringLiteral("circularplanner:allocation");

QVariantMap organicToCompost() {
  return {{QStringLiteral("ROADS"), sample("roads")},
          {QStringLiteral("SOURCES"), sample("organic_sources")},
          {QStringLiteral("SOURCE_ID"), QStringLiteral("source_id")},
          {QStringLiteral("SITES"), sample("composting_sites")},
          {QStringLiteral("SITE_ID"), QStringLiteral("site_id")}};
}

double sum(QgsVectorLayer& layer, const QString& field) {
  double total = 0;
  QgsFeature f;
  QgsFeatureIterator it = layer.getFeatures();
  while (it.nextFeature(f))
    total += f.attribute(field).toDouble();
  return total;
}

// Every tonne is either allocated or reported; no site takes more than its
// capacity; the reported tonne-km is that of the lines.
TEST(ProcessingAllocation, OrganicWasteToCompostingSitesConservesTonnes) {
  const AlgorithmRun run =
      runAlgorithm(kAllocation, organicToCompost(), {"SITE_INTAKE", "SOURCE_STATUS"});
  ASSERT_TRUE(run.ok) << run.errors.toStdString();
  QgsVectorLayer sources(sample("organic_sources"), "s", "ogr");
  QgsVectorLayer sites(sample("composting_sites"), "c", "ogr");
  const double supply = sum(sources, QStringLiteral("tonnes_per_year"));
  const double capacity = sum(sites, QStringLiteral("capacity_t_per_year"));
  const double allocated = run.results.value("ALLOCATED_TONNES").toDouble();
  const double unallocated = run.results.value("UNALLOCATED_TONNES").toDouble();
  EXPECT_NEAR(allocated + unallocated, supply, 1e-6 * supply);
  EXPECT_NEAR(sum(*run.output, QStringLiteral("tonnes")), allocated, 1e-6 * supply);
  EXPECT_NEAR(sum(*run.output, QStringLiteral("tonne_km")),
              run.results.value("TONNE_KM").toDouble(), 1e-6 * supply);
  EXPECT_NEAR(allocated, std::min(supply, capacity), 1e-6 * supply);  // all reachable
  QgsVectorLayer& intake = *run.more.at("SITE_INTAKE");
  QgsFeature f;
  QgsFeatureIterator it = intake.getFeatures();
  while (it.nextFeature(f))
    EXPECT_LE(f.attribute("tonnes_in").toDouble(), f.attribute("capacity_t").toDouble() + 1e-6);
  EXPECT_NEAR(sum(*run.more.at("SOURCE_STATUS"), QStringLiteral("unallocated_t")), unallocated,
              1e-6 * supply);
  EXPECT_GT(run.results.value("MEAN_HAUL_KM").toDouble(), 1);
  std::printf(
      "Almaty organic waste: %.0f t of %.0f t allocated (capacity %.0f t), "
      "%.0f tonne-km, mean haul %.1f km\n",
      allocated, supply, capacity, run.results.value("TONNE_KM").toDouble(),
      run.results.value("MEAN_HAUL_KM").toDouble());
}

TEST(ProcessingAllocation, NegativeOrMissingTonnesAreNamed) {
  auto layer = std::make_unique<QgsVectorLayer>(
      QStringLiteral("Point?crs=EPSG:4326&field=source_id:string&field=tonnes_per_year:double"),
      QStringLiteral("bad_sources"), QStringLiteral("memory"));
  QgsFeature f(layer->fields());
  f.setAttribute(0, QStringLiteral("farm"));
  f.setAttribute(1, -5.0);
  f.setGeometry(QgsGeometry::fromPointXY(QgsPointXY(76.95, 43.25)));
  layer->dataProvider()->addFeature(f);
  const test::ProjectLayer bad(layer.release());
  QVariantMap p = organicToCompost();
  p[QStringLiteral("SOURCES")] = bad.id();
  const AlgorithmRun run = runAlgorithm(kAllocation, p);
  EXPECT_FALSE(run.ok);
  EXPECT_TRUE(run.errors.contains(QStringLiteral("tonnes_per_year"))) << run.errors.toStdString();
  EXPECT_TRUE(run.errors.contains(QStringLiteral("-5"))) << run.errors.toStdString();
}

TEST(ProcessingAllocation, MoreTonnesThanCapacityAreReportedNotLost) {
  auto layer = std::make_unique<QgsVectorLayer>(
      QStringLiteral("Point?crs=EPSG:4326&field=site_id:string&field=capacity_t_per_year:double"),
      QStringLiteral("small_sites"), QStringLiteral("memory"));
  QgsFeature f(layer->fields());
  f.setAttribute(0, QStringLiteral("tiny"));
  f.setAttribute(1, 1000.0);
  f.setGeometry(QgsGeometry::fromPointXY(QgsPointXY(76.92, 43.26)));  // central Almaty
  layer->dataProvider()->addFeature(f);
  const test::ProjectLayer small(layer.release());
  QVariantMap p = organicToCompost();
  p[QStringLiteral("SITES")] = small.id();
  const AlgorithmRun run = runAlgorithm(kAllocation, p, {"SOURCE_STATUS"});
  ASSERT_TRUE(run.ok) << run.errors.toStdString();
  EXPECT_NEAR(run.results.value("ALLOCATED_TONNES").toDouble(), 1000, 1e-6);
  QgsVectorLayer& status = *run.more.at("SOURCE_STATUS");
  status.setSubsetString(QStringLiteral("\"unallocated_t\" > 0"));
  EXPECT_GT(status.featureCount(), 20);
  QgsFeature row;
  status.getFeatures().nextFeature(row);
  EXPECT_TRUE(row.attribute("reason").toString().contains(QStringLiteral("capacity")));
}

}  // namespace
}  // namespace cp
