// circularplanner:odmatrix run through QGIS's Processing framework, as the
// toolbox, the modeler and qgis_process run it.

#include <gtest/gtest.h>

#include <qgsapplication.h>
#include <qgscoordinatetransform.h>
#include <qgsprocessingalgorithm.h>
#include <qgsprocessingfeedback.h>
#include <qgsprocessingregistry.h>
#include <qgsprocessingutils.h>
#include <qgsproject.h>
#include <qgsrulebasedrenderer.h>
#include <qgsvectorlayer.h>

#include <map>

#include "layers/od_job.h"
#include "qgis/cpresultstyles.h"
#include "qgis/processing/cpprocessingprovider.h"
#include "support/temp_files.h"

namespace cp {
namespace {

// Collects what the algorithm reports, so that tests can read its messages.
class RecordingFeedback : public QgsProcessingFeedback {
 public:
  void reportError(const QString& error, bool fatal) override {
    errors += error + '\n';
    QgsProcessingFeedback::reportError(error, fatal);
  }
  void pushWarning(const QString& warning) override { warnings += warning + '\n'; }
  QString errors;
  QString warnings;
};

struct AlgorithmRun {
  bool ok = false;
  std::unique_ptr<QgsVectorLayer> output;
  QString errors;
  QString warnings;
};

QString sample(const std::string& layer) {
  return QString::fromStdString(test::sampleLayer(layer));
}

AlgorithmRun runAlgorithm(const QString& id, QVariantMap parameters) {
  QgsProcessingRegistry* registry = QgsApplication::processingRegistry();
  if (!registry->providerById(QStringLiteral("circularplanner")))
    registry->addProvider(new CpProcessingProvider());
  const QgsProcessingAlgorithm* registered = registry->algorithmById(id);
  EXPECT_NE(registered, nullptr) << id.toStdString();
  if (!registered)
    return {};
  std::unique_ptr<QgsProcessingAlgorithm> alg(registered->create());
  parameters.insert(QStringLiteral("OUTPUT"), QgsProcessing::TEMPORARY_OUTPUT);
  QgsProcessingContext context;
  context.setProject(QgsProject::instance());
  RecordingFeedback feedback;
  AlgorithmRun run;
  const QVariantMap results = alg->run(parameters, context, &feedback, &run.ok);
  run.errors = feedback.errors;
  run.warnings = feedback.warnings;
  if (run.ok)
    run.output.reset(qobject_cast<QgsVectorLayer*>(
        context.takeResultLayer(results.value(QStringLiteral("OUTPUT")).toString())));
  return run;
}

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
  std::map<QString, double> out;
  QgsFeature f;
  QgsFeatureIterator it = layer.getFeatures();
  while (it.nextFeature(f))
    out[f.attribute(QStringLiteral("origin_id")).toString() + "->" +
        f.attribute(QStringLiteral("destination_id")).toString()] =
        f.attribute(QStringLiteral("distance_m")).toDouble();
  return out;
}

TEST(ProcessingOdMatrix, ZonesToDistrictsEqualsTheHeadlessRunner) {
  const AlgorithmRun run = runOdMatrix(zonesToDistricts());
  ASSERT_TRUE(run.ok) << run.errors.toStdString();
  ASSERT_TRUE(run.output);
  EXPECT_EQ(run.output->featureCount(), 40);
  EXPECT_EQ(run.output->geometryType(), QgsWkbTypes::LineGeometry);

  layers::OdJob job;
  job.roads = test::sampleLayer("roads");
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

TEST(ProcessingOdMatrix, ResultIsStyledByDistanceWithUnreachableRowsApart) {
  AlgorithmRun run = runOdMatrix(zonesToDistricts());
  ASSERT_TRUE(run.ok);
  qgis::styleOdLines(*run.output);
  auto* renderer = dynamic_cast<QgsRuleBasedRenderer*>(run.output->renderer());
  ASSERT_NE(renderer, nullptr);
  const auto rules = renderer->rootRule()->children();
  ASSERT_EQ(rules.size(), 2);
  EXPECT_EQ(rules[0]->children().size(), 5);  // five distance classes
  EXPECT_EQ(rules[1]->filterExpression(), QStringLiteral("\"distance_m\" IS NULL"));
}

TEST(ProcessingOdMatrix, OriginsInAnotherCrsGiveTheSameDistances) {
  // The zones reprojected to Web Mercator, as a memory layer.
  QgsVectorLayer zones(sample("industrial_zones"), "zones", "ogr");
  auto mercator =
      std::make_unique<QgsVectorLayer>(QStringLiteral("Polygon?crs=EPSG:3857&field=zone_id:string"),
                                       QStringLiteral("zones_3857"), QStringLiteral("memory"));
  const QgsCoordinateTransform t(zones.crs(), mercator->crs(), QgsProject::instance());
  QgsFeature f;
  QgsFeatureIterator it = zones.getFeatures();
  while (it.nextFeature(f)) {
    QgsGeometry g = f.geometry();
    g.transform(t);
    QgsFeature copy(mercator->fields());
    copy.setAttribute(0, f.attribute(QStringLiteral("zone_id")));
    copy.setGeometry(g);
    mercator->dataProvider()->addFeature(copy);
  }
  QgsProject::instance()->addMapLayer(mercator.get(), false);
  QVariantMap params = zonesToDistricts();
  params[QStringLiteral("ORIGINS")] = mercator->id();
  const AlgorithmRun projected = runOdMatrix(params);
  const AlgorithmRun plain = runOdMatrix(zonesToDistricts());
  QgsProject::instance()->takeMapLayer(mercator.get());
  ASSERT_TRUE(projected.ok) << projected.errors.toStdString();
  const auto a = distances(*projected.output);
  const auto b = distances(*plain.output);
  ASSERT_EQ(a.size(), b.size());
  for (const auto& [pair, metres] : b)
    EXPECT_NEAR(a.at(pair), metres, 0.5) << pair.toStdString();
  EXPECT_EQ(projected.output->crs().authid(), QStringLiteral("EPSG:3857"));
}

TEST(ProcessingOdMatrix, WrongGeometryTypeIsRefused) {
  QVariantMap params = zonesToDistricts();
  params[QStringLiteral("ROADS")] = sample("settlements");
  const AlgorithmRun run = runOdMatrix(params);
  EXPECT_FALSE(run.ok);
  EXPECT_TRUE(run.errors.contains(QStringLiteral("must be lines"))) << run.errors.toStdString();
}

TEST(ProcessingOdMatrix, MissingIdFieldIsNamedInTheError) {
  QVariantMap params = zonesToDistricts();
  params[QStringLiteral("ORIGIN_ID")] = QStringLiteral("nom");
  const AlgorithmRun run = runOdMatrix(params);
  EXPECT_FALSE(run.ok);
  EXPECT_TRUE(run.errors.contains(QStringLiteral("nom"))) << run.errors.toStdString();
}

TEST(ProcessingOdMatrix, EmptyRoadLayerIsAClearError) {
  auto empty = std::make_unique<QgsVectorLayer>(
      QStringLiteral("LineString?crs=EPSG:4326&field=fclass:string"), QStringLiteral("no_roads"),
      QStringLiteral("memory"));
  QgsProject::instance()->addMapLayer(empty.get(), false);
  QVariantMap params = zonesToDistricts();
  params[QStringLiteral("ROADS")] = empty->id();
  const AlgorithmRun run = runOdMatrix(params);
  QgsProject::instance()->takeMapLayer(empty.get());
  EXPECT_FALSE(run.ok);
  EXPECT_TRUE(run.errors.contains(QStringLiteral("empty"))) << run.errors.toStdString();
}

TEST(ProcessingOdMatrix, FarPointsAreReportedAndFilledOnlyWithTheFallback) {
  auto far =
      std::make_unique<QgsVectorLayer>(QStringLiteral("Point?crs=EPSG:4326&field=name:string"),
                                       QStringLiteral("far"), QStringLiteral("memory"));
  QgsFeature f(far->fields());
  f.setAttribute(0, QStringLiteral("steppe"));
  f.setGeometry(QgsGeometry::fromPointXY(QgsPointXY(77.9, 44.4)));  // far beyond the roads
  far->dataProvider()->addFeature(f);
  QgsProject::instance()->addMapLayer(far.get(), false);
  QVariantMap params = zonesToDistricts();
  params[QStringLiteral("DESTINATIONS")] = far->id();
  params[QStringLiteral("DESTINATION_ID")] = QStringLiteral("name");
  const AlgorithmRun plain = runOdMatrix(params);
  params[QStringLiteral("FALLBACK_DETOUR")] = 1.3;
  const AlgorithmRun filled = runOdMatrix(params);
  QgsProject::instance()->takeMapLayer(far.get());
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
