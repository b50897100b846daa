// circularplanner:odmatrix and nearestfacilities run through QGIS's Processing
// framework, as the toolbox, the modeler and qgis_process run them.

#include <gtest/gtest.h>

#include <QFile>

#include <qgsapplication.h>
#include <qgscoordinatetransform.h>
#include <qgsprocessingalgorithm.h>
#include <qgsprocessingfeedback.h>
#include <qgsprocessingparameters.h>
#include <qgsprocessingregistry.h>
#include <qgsprocessingutils.h>
#include <qgsproject.h>
#include <qgsrulebasedrenderer.h>
#include <qgsvectorlayer.h>

#include <map>

#include "layers/jobs/od_job.h"
#include "processing_run.h"
#include "qgis/cpqgisapi.h"
#include "qgis/cpresultstyles.h"
#include "support/broken_files.h"
#include "support/temp_files.h"

namespace cp {
namespace {

using test::AlgorithmRun;
using test::runAlgorithm;
using test::sample;

AlgorithmRun runOdMatrix(const QVariantMap& parameters) {
  return runAlgorithm(QStringLiteral("circularplanner:odmatrix"), parameters);
}

QVariantMap zonesToDistricts() {
  return {{QStringLiteral("ROADS"), sample("roads")},
          {QStringLiteral("ORIGINS"), sample("industrial_zones")},
          {QStringLiteral("ORIGIN_ID"), QStringLiteral("zone_id")},
          {QStringLiteral("DESTINATIONS"), sample("district_centres")},
          {QStringLiteral("DESTINATION_ID"), QStringLiteral("name")}};
}

std::map<QString, double> distances(QgsVectorLayer& layer) {
  return test::byPair(layer, QStringLiteral("distance_m"));
}

TEST(ProcessingOdMatrix, ZonesToDistrictsEqualsTheHeadlessRunner) {
  const AlgorithmRun run = runOdMatrix(zonesToDistricts());
  ASSERT_TRUE(run.ok) << run.errors.toStdString();
  ASSERT_TRUE(run.output);
  EXPECT_EQ(run.output->featureCount(), 40);
  EXPECT_EQ(run.output->geometryType(), cp::qgis::Geometry::Line);

  layers::OdJob job;
  job.network.roads = test::sampleLayer("roads");
  job.origins = test::sampleLayer("industrial_zones");
  job.originIdField = "zone_id";
  job.destinations = test::sampleLayer("district_centres");
  job.destinationIdField = "name";
  job.output = test::tempPath("processing_reference.gpkg");
  layers::runOdJob(job);
  QgsVectorLayer reference(QString::fromStdString(job.output + "|layername=od_matrix"), "ref",
                           "ogr");
  const auto expected = distances(reference);
  const auto got = distances(*run.output);
  ASSERT_EQ(got.size(), expected.size());
  for (const auto& [pair, metres] : expected) {
    ASSERT_TRUE(got.count(pair)) << pair.toStdString();
    EXPECT_NEAR(got.at(pair), metres, 1e-9 * metres) << pair.toStdString();
  }
}

// A network saved by Build network serves later runs without the roads, with
// the same answer; a saved network that is not there is a clear error.
TEST(ProcessingOdMatrix, ASavedNetworkGivesTheSameMatrixWithoutTheRoads) {
  const QString saved = QString::fromStdString(test::tempPath("processing_saved.cpnet"));
  QFile::remove(saved);
  const AlgorithmRun built = runAlgorithm(
      QStringLiteral("circularplanner:buildnetwork"),
      {{QStringLiteral("ROADS"), sample("roads")}, {QStringLiteral("SAVE_TO"), saved}});
  ASSERT_TRUE(built.ok) << built.errors.toStdString();
  ASSERT_TRUE(QFile::exists(saved));

  QVariantMap fromSaved = zonesToDistricts();
  fromSaved.remove(QStringLiteral("ROADS"));
  fromSaved.insert(QStringLiteral("SAVED_NETWORK"), saved);
  const AlgorithmRun a = runOdMatrix(zonesToDistricts());
  const AlgorithmRun b = runOdMatrix(fromSaved);
  ASSERT_TRUE(a.ok && b.ok) << b.errors.toStdString();
  EXPECT_EQ(distances(*a.output), distances(*b.output));
  EXPECT_EQ(test::byPair(*a.output, QStringLiteral("time_s")),
            test::byPair(*b.output, QStringLiteral("time_s")));

  fromSaved.insert(QStringLiteral("SAVED_NETWORK"), saved + ".missing");
  const AlgorithmRun missing = runOdMatrix(fromSaved);
  EXPECT_FALSE(missing.ok);
  EXPECT_TRUE(missing.errors.contains(QStringLiteral("No network is saved at")))
      << missing.errors.toStdString();
  fromSaved.remove(QStringLiteral("SAVED_NETWORK"));
  const AlgorithmRun neither = runOdMatrix(fromSaved);
  EXPECT_FALSE(neither.ok);
  EXPECT_TRUE(neither.errors.contains(QStringLiteral("Give the roads, or a saved network")))
      << neither.errors.toStdString();
}

// What a planner asks of a source in the algorithm dialog - selected features
// only, at most so many features - holds for the run, which reads a snapshot of
// the layer taken while the run is prepared.
TEST(ProcessingOdMatrix, SelectedFeaturesAndFeatureLimitsOfASourceHold) {
  test::ProjectLayer zones(new QgsVectorLayer(sample("industrial_zones"), "zones", "ogr"));
  QgsFeatureIds firstTwo;
  QgsFeature feature;
  for (QgsFeatureIterator it = zones.layer->getFeatures(); it.nextFeature(feature);)
    if (firstTwo.size() < 2)
      firstTwo.insert(feature.id());
  zones.layer->selectByIds(firstTwo);

  QVariantMap selected = zonesToDistricts();
  selected[QStringLiteral("ORIGINS")] =
      QVariant::fromValue(QgsProcessingFeatureSourceDefinition(zones.id(), true));
  const AlgorithmRun fromSelection = runOdMatrix(selected);
  ASSERT_TRUE(fromSelection.ok) << fromSelection.errors.toStdString();
  EXPECT_EQ(fromSelection.output->featureCount(), 2 * 8);

  QVariantMap limited = zonesToDistricts();
  limited[QStringLiteral("ORIGINS")] =
      QVariant::fromValue(QgsProcessingFeatureSourceDefinition(zones.id(), false, 3));
  const AlgorithmRun fromLimit = runOdMatrix(limited);
  ASSERT_TRUE(fromLimit.ok) << fromLimit.errors.toStdString();
  EXPECT_EQ(fromLimit.output->featureCount(), 3 * 8);
}

TEST(ProcessingOdMatrix, ResultIsStyledByDistanceWithUnreachableRowsApart) {
  AlgorithmRun run = runOdMatrix(zonesToDistricts());
  ASSERT_TRUE(run.ok);
  qgis::styleOdLines(*run.output);
  auto* renderer = dynamic_cast<QgsRuleBasedRenderer*>(run.output->renderer());
  ASSERT_NE(renderer, nullptr);
  const auto rules = renderer->rootRule()->children();
  ASSERT_EQ(rules.size(), 2);
  // About five distance classes at rounded breaks (as many as the breaks need).
  EXPECT_GE(rules[0]->children().size(), 4);
  EXPECT_LE(rules[0]->children().size(), 7);
  EXPECT_EQ(rules[1]->filterExpression(), QStringLiteral("\"distance_m\" IS NULL"));
}

TEST(ProcessingOdMatrix, OriginsInAnotherCrsGiveTheSameDistances) {
  QgsVectorLayer zones(sample("industrial_zones"), "zones", "ogr");
  const test::ProjectLayer mercator(
      test::reprojected(zones, QStringLiteral("EPSG:3857")).release());
  QVariantMap params = zonesToDistricts();
  params[QStringLiteral("ORIGINS")] = mercator.id();
  const AlgorithmRun projected = runOdMatrix(params);
  const AlgorithmRun plain = runOdMatrix(zonesToDistricts());
  ASSERT_TRUE(projected.ok) << projected.errors.toStdString();
  const auto a = distances(*projected.output);
  const auto b = distances(*plain.output);
  ASSERT_EQ(a.size(), b.size());
  for (const auto& [pair, metres] : b)
    EXPECT_NEAR(a.at(pair), metres, 0.5) << pair.toStdString();
}

TEST(ProcessingOdMatrix, ResultsComeInTheProjectCrs) {
  QgsProject* project = QgsProject::instance();
  const QgsCoordinateReferenceSystem before = project->crs();
  project->setCrs(QgsCoordinateReferenceSystem(QStringLiteral("EPSG:32643")));
  const AlgorithmRun utm = runOdMatrix(zonesToDistricts());
  project->setCrs(QgsCoordinateReferenceSystem());
  const AlgorithmRun noProject = runOdMatrix(zonesToDistricts());
  project->setCrs(before);
  ASSERT_TRUE(utm.ok && noProject.ok);
  EXPECT_EQ(utm.output->crs().authid(), QStringLiteral("EPSG:32643"));
  EXPECT_EQ(noProject.output->crs().authid(), QStringLiteral("EPSG:4326"));  // the roads' CRS
  // The same line ends, whichever CRS they are drawn in.
  QgsFeature a, b;
  utm.output->getFeatures().nextFeature(a);
  noProject.output->getFeatures().nextFeature(b);
  QgsGeometry moved = b.geometry();
  moved.transform(QgsCoordinateTransform(noProject.output->crs(), utm.output->crs(), project));
  EXPECT_LT(moved.hausdorffDistance(a.geometry()), 0.01);
}

TEST(ProcessingOdMatrix, WrongGeometryTypeIsRefused) {
  QVariantMap params = zonesToDistricts();
  params[QStringLiteral("ROADS")] = sample("settlements");
  const AlgorithmRun run = runOdMatrix(params);
  EXPECT_FALSE(run.ok);
  EXPECT_TRUE(run.errors.contains(QStringLiteral("must be lines"))) << run.errors.toStdString();
}

TEST(ProcessingOdMatrix, AShapefileWhoseDbfIsShortSaysHowManyPlacesWereNotRead) {
  const std::string shp = test::tempPath("district_centres_short_dbf.shp");
  test::translate(std::string(CP_SAMPLE_DATA) + "/almaty.gpkg", shp,
                  {"-f", "ESRI Shapefile", "-overwrite", "district_centres"});
  test::shortenDbf(shp, 3);
  QVariantMap params = zonesToDistricts();
  params[QStringLiteral("DESTINATIONS")] = QString::fromStdString(shp);
  const AlgorithmRun run = runOdMatrix(params);
  ASSERT_TRUE(run.ok) << run.errors.toStdString();
  EXPECT_TRUE(run.warnings.contains(QStringLiteral("only 3 of the 8 features")))
      << run.warnings.toStdString();
}

TEST(ProcessingOdMatrix, MissingIdFieldIsNamedInTheError) {
  QVariantMap params = zonesToDistricts();
  params[QStringLiteral("ORIGIN_ID")] = QStringLiteral("nom");
  const AlgorithmRun run = runOdMatrix(params);
  EXPECT_FALSE(run.ok);
  EXPECT_TRUE(run.errors.contains(QStringLiteral("nom"))) << run.errors.toStdString();
}

TEST(ProcessingOdMatrix, FarPointsAreReportedAndFilledOnlyWithTheFallback) {
  auto far =
      std::make_unique<QgsVectorLayer>(QStringLiteral("Point?crs=EPSG:4326&field=name:string"),
                                       QStringLiteral("far"), QStringLiteral("memory"));
  QgsFeature f(far->fields());
  f.setAttribute(0, QStringLiteral("steppe"));
  f.setGeometry(QgsGeometry::fromPointXY(QgsPointXY(77.9, 44.4)));  // far beyond the roads
  far->dataProvider()->addFeature(f);
  const test::ProjectLayer farLayer(far.release());
  QVariantMap params = zonesToDistricts();
  params[QStringLiteral("DESTINATIONS")] = farLayer.id();
  params[QStringLiteral("DESTINATION_ID")] = QStringLiteral("name");
  const AlgorithmRun plain = runOdMatrix(params);
  params[QStringLiteral("FALLBACK_DETOUR")] = 1.3;
  const AlgorithmRun filled = runOdMatrix(params);
  ASSERT_TRUE(plain.ok && filled.ok);
  EXPECT_TRUE(plain.warnings.contains(QStringLiteral("steppe"))) << plain.warnings.toStdString();
  QgsFeature row;
  plain.output->getFeatures().nextFeature(row);
  EXPECT_EQ(row.attribute(QStringLiteral("method")).toString(), QStringLiteral("unreachable"));
  EXPECT_TRUE(row.attribute(QStringLiteral("distance_m")).isNull());
  filled.output->getFeatures().nextFeature(row);
  EXPECT_EQ(row.attribute(QStringLiteral("method")).toString(),
            QStringLiteral("straight_line_x_detour"));
  EXPECT_GT(row.attribute(QStringLiteral("distance_m")).toDouble(), 50000);
}

TEST(ProcessingNearestFacilities, NearestIsTheRowMinimumOfTheOdMatrix) {
  const QVariantMap common{{QStringLiteral("ROADS"), sample("roads")},
                           {QStringLiteral("ORIGINS"), sample("organic_sources")},
                           {QStringLiteral("ORIGIN_ID"), QStringLiteral("source_id")}};
  QVariantMap nearestParams = common;
  nearestParams.insert(QStringLiteral("FACILITIES"), sample("composting_sites"));
  nearestParams.insert(QStringLiteral("FACILITY_ID"), QStringLiteral("site_id"));
  nearestParams.insert(QStringLiteral("K"), 2);
  const AlgorithmRun nearest =
      runAlgorithm(QStringLiteral("circularplanner:nearestfacilities"), nearestParams);
  ASSERT_TRUE(nearest.ok) << nearest.errors.toStdString();
  EXPECT_EQ(nearest.output->featureCount(), 21 * 2);

  QVariantMap odParams = common;
  odParams.insert(QStringLiteral("DESTINATIONS"), sample("composting_sites"));
  odParams.insert(QStringLiteral("DESTINATION_ID"), QStringLiteral("site_id"));
  const AlgorithmRun od = runOdMatrix(odParams);
  ASSERT_TRUE(od.ok);
  std::map<QString, double> rowMinimum;
  QgsFeature f;
  QgsFeatureIterator it = od.output->getFeatures();
  while (it.nextFeature(f)) {
    const QString origin = f.attribute(QStringLiteral("origin_id")).toString();
    const double d = f.attribute(QStringLiteral("distance_m")).toDouble();
    if (!rowMinimum.count(origin) || d < rowMinimum[origin])
      rowMinimum[origin] = d;
  }
  std::map<QString, double> firstRank;
  it = nearest.output->getFeatures();
  while (it.nextFeature(f)) {
    const QString origin = f.attribute(QStringLiteral("origin_id")).toString();
    if (f.attribute(QStringLiteral("rank")).toInt() == 1)
      firstRank[origin] = f.attribute(QStringLiteral("distance_m")).toDouble();
    else
      EXPECT_GE(f.attribute(QStringLiteral("distance_m")).toDouble(), firstRank[origin]);
  }
  ASSERT_EQ(firstRank.size(), rowMinimum.size());
  for (const auto& [origin, metres] : rowMinimum)
    EXPECT_NEAR(firstRank[origin], metres, 1e-6) << origin.toStdString();
}

}  // namespace
}  // namespace cp
