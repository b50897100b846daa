// Every circularplanner algorithm on the Almaty sample data and on bad input,
// through QGIS's Processing framework.

#include <gtest/gtest.h>

#include <gdal_utils.h>

#include <cstdio>

#include <qgsapplication.h>
#include <qgscategorizedsymbolrenderer.h>
#include <qgsdistancearea.h>
#include <qgslayertree.h>
#include <qgsprocessingregistry.h>
#include <qgsproject.h>
#include <qgsvectorlayer.h>

#include "geo/network_builder.h"
#include "layers/jobs/nearest_job.h"
#include "layers/jobs/routes_job.h"
#include "layers/road_reader.h"
#include "processing_run.h"
#include "qgis/cpqgisapi.h"
#include "qgis/cpresultstyles.h"
#include "qgis/processing/cpprocessingprovider.h"
#include "support/temp_files.h"

namespace cp {
namespace {

using test::AlgorithmRun;
using test::runAlgorithm;
using test::sample;

const QString kBuild = QStringLiteral("circularplanner:buildnetwork");
const QString kOd = QStringLiteral("circularplanner:odmatrix");
const QString kRoutes = QStringLiteral("circularplanner:routes");
const QString kNearest = QStringLiteral("circularplanner:nearestfacilities");

// Industrial zones to district centres: 5 x 8 places, all reachable.
QVariantMap zonesToDistricts(const QString& algorithm) {
  QVariantMap p{{QStringLiteral("ROADS"), sample("roads")}};
  if (algorithm == kBuild)
    return p;
  p.insert(QStringLiteral("ORIGINS"), sample("industrial_zones"));
  p.insert(QStringLiteral("ORIGIN_ID"), QStringLiteral("zone_id"));
  const bool nearest = algorithm == kNearest;
  p.insert(nearest ? QStringLiteral("FACILITIES") : QStringLiteral("DESTINATIONS"),
           sample("district_centres"));
  p.insert(nearest ? QStringLiteral("FACILITY_ID") : QStringLiteral("DESTINATION_ID"),
           QStringLiteral("name"));
  return p;
}

double ellipsoidalLength(const QgsGeometry& g, const QgsCoordinateReferenceSystem& crs) {
  QgsDistanceArea da;
  da.setSourceCrs(crs, QgsProject::instance()->transformContext());
  da.setEllipsoid(QStringLiteral("WGS84"));
  return da.measureLength(g);
}

// The metres a line gains where it runs along a schematic road that gives its
// real length (road_length_m): that stretch, measured by QGIS on the
// ellipsoid, times the road's length over its drawn length, less the stretch.
class RoadLengthGain {
 public:
  explicit RoadLengthGain(const QgsCoordinateReferenceSystem& crs)
      : crs_(crs),
        toUtm_(crs, utm(), QgsProject::instance()),
        fromUtm_(utm(), crs, QgsProject::instance()) {
    QgsVectorLayer roads(sample("roads"), QStringLiteral("roads"), QStringLiteral("ogr"));
    roads.setSubsetString(QStringLiteral("road_length_m IS NOT NULL"));
    const QgsCoordinateTransform roadsToUtm(roads.crs(), utm(), QgsProject::instance());
    QgsFeature road;
    QgsFeatureIterator it = roads.getFeatures();
    while (it.nextFeature(road)) {
      QgsGeometry corridor = road.geometry();
      corridor.transform(roadsToUtm);
      const double drawn = ellipsoidalLength(road.geometry(), roads.crs());
      stretched_.push_back(
          {corridor.buffer(2, 4), road.attribute("road_length_m").toDouble() / drawn});
    }
  }

  double operator()(const QgsGeometry& line) const {
    QgsGeometry along = line;
    along.transform(toUtm_);
    double gain = 0;
    for (const auto& [buffer, scale] : stretched_) {
      if (!along.boundingBox().intersects(buffer.boundingBox()))
        continue;
      QgsGeometry inside = along.intersection(buffer);
      if (inside.isEmpty())
        continue;
      inside.transform(fromUtm_);
      gain += ellipsoidalLength(inside, crs_) * (scale - 1);
    }
    return gain;
  }

 private:
  // A 2 m buffer in metres: UTM 43N (Taraz lies 4 degrees west of its central
  // meridian: a 0.1 % scale error on 2 m).
  static QgsCoordinateReferenceSystem utm() {
    return QgsCoordinateReferenceSystem(QStringLiteral("EPSG:32643"));
  }
  QgsCoordinateReferenceSystem crs_;
  QgsCoordinateTransform toUtm_, fromUtm_;
  std::vector<std::pair<QgsGeometry, double>> stretched_;  // buffer, real over drawn length
};

// ---- Routes --------------------------------------------------------------

TEST(ProcessingRoutes, RoutesMatchTheOdMatrixAndFollowTheRoads) {
  const AlgorithmRun routes = runAlgorithm(kRoutes, zonesToDistricts(kRoutes), {"PLACES"});
  const AlgorithmRun od = runAlgorithm(kOd, zonesToDistricts(kOd));
  ASSERT_TRUE(routes.ok && od.ok) << routes.errors.toStdString();
  EXPECT_EQ(routes.output->featureCount(), 40);
  EXPECT_EQ(routes.more.at("PLACES")->featureCount(), 13);
  const auto matrix = test::byPair(*od.output, QStringLiteral("distance_m"));
  QgsFeature f;
  const RoadLengthGain gain(routes.output->crs());
  QgsFeatureIterator it = routes.output->getFeatures();
  while (it.nextFeature(f)) {
    const QString pair =
        f.attribute("origin_id").toString() + "->" + f.attribute("destination_id").toString();
    const double metres = f.attribute("distance_m").toDouble();
    EXPECT_NEAR(metres, matrix.at(pair), 1e-6 * metres) << pair.toStdString();
    // The drawn line, measured by QGIS on the ellipsoid, is the route's length
    // (with the real length of the road to Taraz where it runs along it).
    EXPECT_NEAR(ellipsoidalLength(f.geometry(), routes.output->crs()) + gain(f.geometry()), metres,
                2e-4 * metres)
        << pair.toStdString();
    const double share = f.attribute("schematic_share").toDouble();
    EXPECT_GE(share, 0);
    EXPECT_LE(share, 1);
  }
}

// The schematic metres of each route, measured independently: the route's
// length inside a 2 m buffer round the roads flagged schematic (at the real
// road's length where a line gives it).
TEST(ProcessingRoutes, SchematicShareEqualsTheLengthAlongFlaggedRoads) {
  const AlgorithmRun routes = runAlgorithm(kRoutes, zonesToDistricts(kRoutes));
  ASSERT_TRUE(routes.ok) << routes.errors.toStdString();
  QgsVectorLayer roads(sample("roads"), "roads", "ogr");
  roads.setSubsetString(QStringLiteral("schematic = 1"));
  ASSERT_GT(roads.featureCount(), 0);
  const QgsCoordinateTransform toOutput(roads.crs(), routes.output->crs(), QgsProject::instance());
  QVector<QgsGeometry> parts;
  QgsFeature r;
  QgsFeatureIterator rit = roads.getFeatures();
  while (rit.nextFeature(r)) {
    QgsGeometry g = r.geometry();
    g.transform(toOutput);
    parts << g;
  }
  const QgsGeometry flagged = QgsGeometry::unaryUnion(parts);
  int withSchematic = 0;
  QgsFeature f;
  const RoadLengthGain gain(routes.output->crs());
  QgsFeatureIterator it = routes.output->getFeatures();
  while (it.nextFeature(f)) {
    // A 2 m buffer in metres: work in the local UTM zone.
    const QgsCoordinateReferenceSystem utm(QStringLiteral("EPSG:32643"));
    const QgsCoordinateTransform toUtm(routes.output->crs(), utm, QgsProject::instance());
    QgsGeometry route = f.geometry();
    QgsGeometry zone = flagged;
    route.transform(toUtm);
    zone.transform(toUtm);
    const QgsGeometry inside = route.intersection(zone.buffer(2, 4));
    const QgsCoordinateTransform back(utm, routes.output->crs(), QgsProject::instance());
    QgsGeometry insideBack = inside;
    insideBack.transform(back);
    const double measured =
        (inside.isEmpty() ? 0 : ellipsoidalLength(insideBack, routes.output->crs())) +
        gain(f.geometry());
    const double reported = f.attribute("schematic_m").toDouble();
    const QString pair =
        f.attribute("origin_id").toString() + "->" + f.attribute("destination_id").toString();
    EXPECT_NEAR(reported, measured, 30 + 0.002 * reported) << pair.toStdString();
    if (reported > 1000)
      ++withSchematic;
  }
  EXPECT_GT(withSchematic, 10);  // the zones outside the city are reached by drawn corridors
}

// The sample roads with one more field, `flag`, holding `value` on every road.
QString roadsFlagged(const char* value) {
  const std::string path = test::tempPath(std::string("roads_flagged_") + value + ".gpkg");
  std::remove(path.c_str());
  GDALDatasetH source = GDALOpenEx((std::string(CP_SAMPLE_DATA) + "/almaty.gpkg").c_str(),
                                   GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr);
  const std::string sql = std::string("SELECT *, '") + value + "' AS flag FROM roads";
  const char* args[] = {"-sql", sql.c_str(), "-nln", "roads", nullptr};
  GDALVectorTranslateOptions* options =
      GDALVectorTranslateOptionsNew(const_cast<char**>(args), nullptr);
  GDALClose(GDALVectorTranslate(path.c_str(), nullptr, 1, &source, options, nullptr));
  GDALVectorTranslateOptionsFree(options);
  GDALClose(source);
  return QString::fromStdString(path + "|layername=roads");
}

TEST(ProcessingRoutes, AFlagSetOnEveryRoadGivesAShareOfOne) {
  QVariantMap p = zonesToDistricts(kRoutes);
  p.insert(QStringLiteral("ROADS"), roadsFlagged("yes"));
  p.insert(QStringLiteral("FLAG_FIELD"), QStringLiteral("flag"));
  const AlgorithmRun routes = runAlgorithm(kRoutes, p);
  ASSERT_TRUE(routes.ok) << routes.errors.toStdString();
  QgsFeature f;
  QgsFeatureIterator it = routes.output->getFeatures();
  while (it.nextFeature(f))
    EXPECT_NEAR(f.attribute("schematic_share").toDouble(), 1.0, 1e-9);
}

// A flag that is neither yes nor no (here a road class) flips no road and is
// said, with the roads that hold it.
TEST(ProcessingRoutes, AFlagThatIsNeitherYesNorNoIsSaidAndTakenAsNo) {
  QVariantMap p = zonesToDistricts(kRoutes);
  p.insert(QStringLiteral("FLAG_FIELD"), QStringLiteral("fclass"));
  const AlgorithmRun routes = runAlgorithm(kRoutes, p);
  ASSERT_TRUE(routes.ok) << routes.errors.toStdString();
  EXPECT_TRUE(routes.warnings.contains(QStringLiteral("neither yes nor no")))
      << routes.warnings.toStdString();
  EXPECT_TRUE(routes.warnings.contains(QStringLiteral("('primary')")))
      << routes.warnings.toStdString();
  QgsFeature f;
  QgsFeatureIterator it = routes.output->getFeatures();
  while (it.nextFeature(f))
    EXPECT_EQ(f.attribute("schematic_share").toDouble(), 0.0);
}

// The headless routes job and the Processing algorithm are one analysis.
TEST(ProcessingRoutes, EqualTheHeadlessRunner) {
  const AlgorithmRun run = runAlgorithm(kRoutes, zonesToDistricts(kRoutes));
  ASSERT_TRUE(run.ok) << run.errors.toStdString();
  layers::RoutesJob job;
  job.network.roads = test::sampleLayer("roads");
  job.origins = test::sampleLayer("industrial_zones");
  job.originIdField = "zone_id";
  job.destinations = test::sampleLayer("district_centres");
  job.destinationIdField = "name";
  job.output = test::tempPath("routes_reference.gpkg");
  layers::runRoutesJob(job);
  QgsVectorLayer reference(QString::fromStdString(job.output + "|layername=routes"), "ref", "ogr");
  for (const char* field : {"distance_m", "time_s", "schematic_share"}) {
    const auto expected = test::byPair(reference, QString::fromLatin1(field));
    const auto got = test::byPair(*run.output, QString::fromLatin1(field));
    ASSERT_EQ(got.size(), expected.size()) << field;
    for (const auto& [pair, value] : expected)
      EXPECT_NEAR(got.at(pair), value, 1e-9 * std::max(1.0, value))
          << field << " " << pair.toStdString();
  }
}

// ---- Nearest facilities ---------------------------------------------------

TEST(ProcessingNearestFacilities, EqualTheHeadlessRunner) {
  QVariantMap p = zonesToDistricts(kNearest);
  p.insert(QStringLiteral("K"), 3);
  const AlgorithmRun run = runAlgorithm(kNearest, p);
  ASSERT_TRUE(run.ok) << run.errors.toStdString();
  layers::NearestJob job;
  job.network.roads = test::sampleLayer("roads");
  job.origins = test::sampleLayer("industrial_zones");
  job.originIdField = "zone_id";
  job.facilities = test::sampleLayer("district_centres");
  job.facilityIdField = "name";
  job.analysis.k = 3;
  job.output = test::tempPath("nearest_reference.gpkg");
  EXPECT_EQ(layers::runNearestJob(job).lines, 15U);  // 5 zones x 3
  QgsVectorLayer reference(QString::fromStdString(job.output + "|layername=nearest"), "ref", "ogr");
  for (const char* field : {"rank", "distance_m", "time_s"}) {
    const auto expected = test::byPair(reference, QString::fromLatin1(field), "facility_id");
    const auto got = test::byPair(*run.output, QString::fromLatin1(field), "facility_id");
    ASSERT_EQ(got.size(), expected.size()) << field;
    for (const auto& [pair, value] : expected)
      EXPECT_NEAR(got.at(pair), value, 1e-9 * std::max(1.0, value))
          << field << " " << pair.toStdString();
  }
}

// ---- Build network --------------------------------------------------------

// QGIS's reader and the OGR reader give the same network.
TEST(ProcessingBuildNetwork, SegmentsEqualTheEngineBuiltFromTheOgrReader) {
  const AlgorithmRun run = runAlgorithm(kBuild, zonesToDistricts(kBuild));
  ASSERT_TRUE(run.ok) << run.errors.toStdString();
  const layers::RoadData roads =
      layers::readRoads(layers::LayerRef::parse(test::sampleLayer("roads")));
  geo::BuildReport report;
  const geo::Network net = geo::buildNetwork(roads.lines, {}, &report);
  EXPECT_EQ(run.output->featureCount(), static_cast<long long>(net.segmentCount()));
  EXPECT_EQ(run.results.value("NODES").toLongLong(), static_cast<long long>(net.nodeCount()));
  EXPECT_EQ(run.results.value("COMPONENTS").toLongLong(),
            static_cast<long long>(report.components));
  EXPECT_EQ(run.results.value("MAIN_NETWORK_NODES").toLongLong(),
            static_cast<long long>(report.largestComponentNodes));
  double ours = 0;
  double drawn = 0;
  long long cutOff = 0;
  QgsFeature f;
  const RoadLengthGain gain(run.output->crs());
  QgsFeatureIterator it = run.output->getFeatures();
  while (it.nextFeature(f)) {
    ours += f.attribute("length_m").toDouble();
    drawn += ellipsoidalLength(f.geometry(), run.output->crs()) + gain(f.geometry());
    cutOff += f.attribute("in_main_network").toBool() ? 0 : 1;
  }
  double expected = 0;
  for (double l : net.segmentLength)
    expected += l;
  EXPECT_NEAR(ours, expected, 1e-6 * expected);
  // Measured by QGIS, with the road to Taraz at its real length.
  EXPECT_NEAR(drawn, expected, 1e-6 * expected);
  EXPECT_GT(cutOff, 0);  // the OSM extract has pieces cut off at its edge
}

// One rule for roads, whoever reads them: a layer without a class field is
// said to count every line as drivable (QGIS's reader once said nothing), and
// a curved road is read as the line it draws.
TEST(ProcessingBuildNetwork, RoadsAreReadByTheSameRulesAsTheRunnerReadsThem) {
  auto* roads = new QgsVectorLayer(QStringLiteral("CompoundCurve?crs=EPSG:4326&field=name:string"),
                                   QStringLiteral("plain_roads"), QStringLiteral("memory"));
  QgsFeature f(roads->fields());
  f.setAttributes(QgsAttributes() << QStringLiteral("arc"));
  f.setGeometry(QgsGeometry::fromWkt(QStringLiteral(
      "CompoundCurve (CircularString (76.90 43.20, 76.91 43.21, 76.92 43.20), (76.92 43.20, "
      "76.93 43.20))")));
  ASSERT_TRUE(roads->dataProvider()->addFeature(f));
  const test::ProjectLayer held(roads);
  const AlgorithmRun run = runAlgorithm(kBuild, {{QStringLiteral("ROADS"), held.id()}});
  ASSERT_TRUE(run.ok) << run.errors.toStdString();
  EXPECT_TRUE(run.warnings.contains(
      QStringLiteral("no road-class field (fclass/highway): every line is treated as drivable")))
      << run.warnings.toStdString();
  // The arc's length, not its chord's: straightened into many short pieces.
  EXPECT_GT(test::sum(*run.output, QStringLiteral("length_m")), 1.5 * 1620);
}

// ---- OD matrix as a table and places --------------------------------------

TEST(ProcessingOdMatrix, TableHasARowPerOriginAndAColumnPerDestination) {
  const AlgorithmRun od = runAlgorithm(kOd, zonesToDistricts(kOd), {"MATRIX", "PLACES"});
  ASSERT_TRUE(od.ok) << od.errors.toStdString();
  QgsVectorLayer& table = *od.more.at("MATRIX");
  EXPECT_EQ(table.featureCount(), 5);
  EXPECT_EQ(table.fields().count(), 1 + 8);
  EXPECT_EQ(table.geometryType(), cp::qgis::Geometry::Null);
  const auto lines = test::byPair(*od.output, QStringLiteral("distance_m"));
  QgsFeature f;
  QgsFeatureIterator it = table.getFeatures();
  while (it.nextFeature(f)) {
    for (int c = 1; c < table.fields().count(); ++c) {
      const QString pair = f.attribute(0).toString() + "->" + table.fields().at(c).name();
      EXPECT_NEAR(f.attribute(c).toDouble() * 1000, lines.at(pair), 1e-6) << pair.toStdString();
    }
  }
  QgsVectorLayer& places = *od.more.at("PLACES");
  EXPECT_EQ(places.featureCount(), 13);
  places.setSubsetString(QStringLiteral("NOT \"joined\""));
  EXPECT_EQ(places.featureCount(), 0);
}

// ---- Results as Processing loads them ---------------------------------------

// What Processing does with a result it loads: add it to the project, then
// run the algorithm's post-processor. The layer ends up styled, in the group.
TEST(ProcessingResults, LoadedResultsAreStyledAndGrouped) {
  QgsProcessingRegistry* registry = QgsApplication::processingRegistry();
  if (!registry->providerById(QStringLiteral("circularplanner")))
    registry->addProvider(new CpProcessingProvider());
  std::unique_ptr<QgsProcessingAlgorithm> alg(registry->algorithmById(kRoutes)->create());
  QVariantMap p = zonesToDistricts(kRoutes);
  p.insert(QStringLiteral("OUTPUT"), QgsProcessing::TEMPORARY_OUTPUT);
  QgsProcessingContext context;
  QgsProject project;
  context.setProject(&project);
  QgsProcessingFeedback feedback;
  bool ok = false;
  const QVariantMap results = alg->run(p, context, &feedback, &ok);
  ASSERT_TRUE(ok);
  const QString id = results.value(QStringLiteral("OUTPUT")).toString();
  // The algorithm registers its styler only for results that are to be loaded.
  QgsProcessingContext loading;
  loading.setProject(&project);
  loading.addLayerToLoadOnCompletion(id, QgsProcessingContext::LayerDetails("routes", &project));
  qgis::styleOnLoad(loading, id, qgis::styleRoutes);
  QgsMapLayer* layer = context.takeResultLayer(id);
  ASSERT_NE(layer, nullptr);
  project.addMapLayer(layer);
  loading.layerToLoadOnCompletionDetails(id).postProcessor()->postProcessLayer(layer, loading,
                                                                               &feedback);
  QgsLayerTreeGroup* group = project.layerTreeRoot()->findGroup(qgis::kResultsGroupName);
  ASSERT_NE(group, nullptr);
  EXPECT_NE(group->findLayer(layer), nullptr);
  EXPECT_EQ(project.layerTreeRoot()->findLayers().size(), 1);  // moved, not copied
  auto* renderer =
      dynamic_cast<QgsCategorizedSymbolRenderer*>(qobject_cast<QgsVectorLayer*>(layer)->renderer());
  ASSERT_NE(renderer, nullptr);
  EXPECT_EQ(renderer->categories().size(), 5);  // one colour per origin zone
}

// ---- Bad input, for every algorithm ---------------------------------------

class EveryAlgorithm : public ::testing::TestWithParam<QString> {};

TEST_P(EveryAlgorithm, RunsOnTheSampleData) {
  const AlgorithmRun run = runAlgorithm(GetParam(), zonesToDistricts(GetParam()));
  ASSERT_TRUE(run.ok) << run.errors.toStdString();
  EXPECT_GT(run.output->featureCount(), 0);
}

TEST_P(EveryAlgorithm, PointsAsRoadsAreRefused) {
  QVariantMap p = zonesToDistricts(GetParam());
  p[QStringLiteral("ROADS")] = sample("settlements");
  const AlgorithmRun run = runAlgorithm(GetParam(), p);
  EXPECT_FALSE(run.ok);
  EXPECT_TRUE(run.errors.contains(QStringLiteral("must be lines"))) << run.errors.toStdString();
}

TEST_P(EveryAlgorithm, AnEmptyRoadLayerIsAClearError) {
  const test::ProjectLayer empty(
      new QgsVectorLayer(QStringLiteral("LineString?crs=EPSG:4326&field=fclass:string"),
                         QStringLiteral("no_roads"), QStringLiteral("memory")));
  QVariantMap p = zonesToDistricts(GetParam());
  p[QStringLiteral("ROADS")] = empty.id();
  const AlgorithmRun run = runAlgorithm(GetParam(), p);
  EXPECT_FALSE(run.ok);
  EXPECT_TRUE(run.errors.contains(QStringLiteral("empty"))) << run.errors.toStdString();
}

TEST_P(EveryAlgorithm, AMissingRoadFieldIsNamed) {
  QVariantMap p = zonesToDistricts(GetParam());
  p[QStringLiteral("SPEED_FIELD")] = QStringLiteral("vitesse");
  const AlgorithmRun run = runAlgorithm(GetParam(), p);
  EXPECT_FALSE(run.ok);
  EXPECT_TRUE(run.errors.contains(QStringLiteral("vitesse"))) << run.errors.toStdString();
}

// The algorithms that read places (Build network reads roads only).
class EveryPlacesAlgorithm : public ::testing::TestWithParam<QString> {};

TEST_P(EveryPlacesAlgorithm, PlacesThatAreLinesOrEmptyAreRefusedByName) {
  const test::ProjectLayer empty(
      new QgsVectorLayer(QStringLiteral("Point?crs=EPSG:4326&field=name:string"),
                         QStringLiteral("nowhere"), QStringLiteral("memory")));
  for (const QString& places : {sample("roads"), empty.id()}) {
    QVariantMap p = zonesToDistricts(GetParam());
    p[QStringLiteral("ORIGINS")] = places;
    p[QStringLiteral("ORIGIN_ID")] = QString();
    const AlgorithmRun run = runAlgorithm(GetParam(), p);
    EXPECT_FALSE(run.ok);
    EXPECT_TRUE(run.errors.contains(QStringLiteral("Origins"))) << run.errors.toStdString();
    EXPECT_TRUE(run.errors.contains(QStringLiteral("empty")) ||
                run.errors.contains(QStringLiteral("points or polygons")))
        << run.errors.toStdString();
  }
}

// What an algorithm's output says, keyed so that two runs can be compared:
// per pair (or segment) its distance in metres.
std::map<QString, double> costs(const QString& algorithm, QgsVectorLayer& output) {
  if (algorithm == kBuild)
    return test::byPair(output, QStringLiteral("length_m"), QStringLiteral("segment"));
  return test::byPair(
      output, QStringLiteral("distance_m"),
      algorithm == kNearest ? QStringLiteral("facility_id") : QStringLiteral("destination_id"));
}

// Roads in Web Mercator, places in WGS 84: the same costs as all in WGS 84.
TEST_P(EveryAlgorithm, MixedCrsGivesTheSameResult) {
  QgsVectorLayer roads(sample("roads"), "roads", "ogr");
  const test::ProjectLayer mercator(
      test::reprojected(roads, QStringLiteral("EPSG:3857")).release());
  QVariantMap p = zonesToDistricts(GetParam());
  const AlgorithmRun plain = runAlgorithm(GetParam(), p);
  p[QStringLiteral("ROADS")] = mercator.id();
  const AlgorithmRun mixed = runAlgorithm(GetParam(), p);
  ASSERT_TRUE(plain.ok && mixed.ok) << mixed.errors.toStdString();
  const auto a = costs(GetParam(), *plain.output);
  const auto b = costs(GetParam(), *mixed.output);
  ASSERT_EQ(a.size(), b.size());
  for (const auto& [key, metres] : a) {
    ASSERT_TRUE(b.count(key)) << key.toStdString();
    EXPECT_NEAR(b.at(key), metres, 0.5) << key.toStdString();
  }
}

std::string algorithmName(const ::testing::TestParamInfo<QString>& param) {
  return param.param.section(':', 1).toStdString();
}

INSTANTIATE_TEST_SUITE_P(Processing, EveryAlgorithm,
                         ::testing::Values(kBuild, kOd, kRoutes, kNearest), algorithmName);
INSTANTIATE_TEST_SUITE_P(Processing, EveryPlacesAlgorithm,
                         ::testing::Values(kOd, kRoutes, kNearest), algorithmName);

}  // namespace
}  // namespace cp
