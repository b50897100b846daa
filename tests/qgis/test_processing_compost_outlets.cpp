// circularplanner:compostoutlets on the Almaty sample data and on bad input.

#include <gtest/gtest.h>

#include <qgsproject.h>

#include "processing_run.h"

namespace cp {
namespace {

using test::AlgorithmRun;
using test::runAlgorithm;
using test::sample;
using test::sum;

const QString kCompostOutlets = QStringLiteral("circularplanner:compostoutlets");

QVariantMap compostToFarmland() {
  return {{QStringLiteral("ROADS"), sample("roads")},
          {QStringLiteral("SITES"), sample("composting_sites")},
          {QStringLiteral("SITE_ID"), QStringLiteral("site_id")},
          {QStringLiteral("FARMLAND"), sample("agricultural_land")},
          {QStringLiteral("PARCEL_ID"), QStringLiteral("parcel_id")},
          {QStringLiteral("COEFFICIENTS"), sample("coefficients")}};
}

// The yield is the planner's number, else the coefficient table's
// compost_yield (0.4 in the sample); with neither the run says what to give.
TEST(ProcessingCompostOutlets, TheYieldComesFromTheCoefficientsOrIsAsked) {
  const AlgorithmRun fromTable = runAlgorithm(kCompostOutlets, compostToFarmland());
  ASSERT_TRUE(fromTable.ok) << fromTable.errors.toStdString();
  QgsVectorLayer sites(sample("composting_sites"), "c", "ogr");
  const double capacity = sum(sites, QStringLiteral("capacity_t_per_year"));
  EXPECT_NEAR(fromTable.results.value("COMPOST_TONNES").toDouble(), 0.4 * capacity,
              1e-6 * capacity);
  QVariantMap p = compostToFarmland();
  p.remove(QStringLiteral("COEFFICIENTS"));
  const AlgorithmRun neither = runAlgorithm(kCompostOutlets, p);
  EXPECT_FALSE(neither.ok);
  EXPECT_TRUE(neither.errors.contains(QStringLiteral("give the compost yield")))
      << neither.errors.toStdString();
}

// Compost made = yield x site capacity; every tonne placed or reported; no
// parcel gets more than it needs; no delivery beyond the haul limit; the
// demand is the sample's (areas measured on the ellipsoid agree with its
// area_ha).
TEST(ProcessingCompostOutlets, SampleCompostReachesFarmlandWithinTheHaul) {
  QVariantMap p = compostToFarmland();
  p[QStringLiteral("YIELD")] = 0.5;
  p[QStringLiteral("HAUL_KM")] = 25.0;
  const AlgorithmRun run = runAlgorithm(kCompostOutlets, p, {"PARCELS", "SITE_OUTLETS"});
  ASSERT_TRUE(run.ok) << run.errors.toStdString();
  QgsVectorLayer sites(sample("composting_sites"), "c", "ogr");
  QgsVectorLayer land(sample("agricultural_land"), "a", "ogr");
  const double made = 0.5 * sum(sites, QStringLiteral("capacity_t_per_year"));
  EXPECT_NEAR(run.results.value("COMPOST_TONNES").toDouble(), made, 1e-6 * made);
  const double placed = run.results.value("PLACED_TONNES").toDouble();
  EXPECT_NEAR(placed + run.results.value("UNPLACED_TONNES").toDouble(), made, 1e-6 * made);
  EXPECT_NEAR(sum(*run.output, QStringLiteral("tonnes")), placed, 1e-6 * made);
  EXPECT_GT(placed, 0);
  QgsFeature f;
  for (QgsFeatureIterator it = run.output->getFeatures(); it.nextFeature(f);)
    EXPECT_LE(f.attribute("haul_km").toDouble(), 25.0 + 1e-9);

  QgsVectorLayer& parcels = *run.more.at("PARCELS");
  EXPECT_EQ(parcels.featureCount(), land.featureCount());
  for (QgsFeatureIterator it = parcels.getFeatures(); it.nextFeature(f);)
    EXPECT_LE(f.attribute("compost_t").toDouble(), f.attribute("demand_t").toDouble() + 1e-6);
  const double demand = sum(land, QStringLiteral("compost_demand_t_per_year"));
  EXPECT_NEAR(run.results.value("DEMAND_TONNES").toDouble(), demand, 1e-3 * demand);
  EXPECT_NEAR(sum(parcels, QStringLiteral("area_ha")), sum(land, QStringLiteral("area_ha")),
              1e-3 * sum(land, QStringLiteral("area_ha")));
  EXPECT_NEAR(sum(*run.more.at("SITE_OUTLETS"), QStringLiteral("placed_t")), placed, 1e-6 * made);
  std::printf(
      "Almaty compost: %.0f t made, %.0f t placed within 25 km on farmland needing %.0f t\n", made,
      placed, demand);
}

// A short haul leaves compost without an outlet: reported per site, not lost.
TEST(ProcessingCompostOutlets, ShortHaulLeavesCompostReportedPerSite) {
  QVariantMap p = compostToFarmland();
  p[QStringLiteral("HAUL_KM")] = 3.0;
  const AlgorithmRun run = runAlgorithm(kCompostOutlets, p, {"SITE_OUTLETS"});
  ASSERT_TRUE(run.ok) << run.errors.toStdString();
  const double unplaced = run.results.value("UNPLACED_TONNES").toDouble();
  EXPECT_GT(unplaced, 0);
  EXPECT_NEAR(sum(*run.more.at("SITE_OUTLETS"), QStringLiteral("unplaced_t")), unplaced,
              1e-6 * unplaced);
}

TEST(ProcessingCompostOutlets, NegativeDemandIsNamed) {
  auto layer = std::make_unique<QgsVectorLayer>(
      QStringLiteral("Polygon?crs=EPSG:4326&field=parcel_id:string&field=compost_demand_t_per_ha_"
                     "year:double"),
      QStringLiteral("bad_farmland"), QStringLiteral("memory"));
  QgsFeature f(layer->fields());
  f.setAttribute(0, QStringLiteral("AG-X"));
  f.setAttribute(1, -3.0);
  f.setGeometry(QgsGeometry::fromWkt(QStringLiteral(
      "POLYGON((76.90 43.25, 76.91 43.25, 76.91 43.26, 76.90 43.26, 76.90 43.25))")));
  layer->dataProvider()->addFeature(f);
  const test::ProjectLayer bad(layer.release());
  QVariantMap p = compostToFarmland();
  p[QStringLiteral("FARMLAND")] = bad.id();
  const AlgorithmRun run = runAlgorithm(kCompostOutlets, p);
  EXPECT_FALSE(run.ok);
  EXPECT_TRUE(run.errors.contains(QStringLiteral("compost_demand_t_per_ha_year")))
      << run.errors.toStdString();
  EXPECT_TRUE(run.errors.contains(QStringLiteral("-3"))) << run.errors.toStdString();
}

}  // namespace
}  // namespace cp
