// Bad road and point layers: each gets a clear error or a listed warning that
// names the layer, feature and field - never a crash or a silent drop.

#include <gtest/gtest.h>

#include <filesystem>

#include "geo/routing.h"
#include "layers/jobs/od_job.h"
#include "layers/point_reader.h"
#include "layers/road_reader.h"
#include "support/broken_files.h"
#include "support/temp_files.h"

namespace cp::layers {
namespace {

std::string featureCollection(const std::string& features) {
  return R"({"type":"FeatureCollection","features":[)" + features + "]}";
}

std::string road(const std::string& coords, const std::string& props = R"("fclass":"primary")",
                 const std::string& type = "LineString") {
  return R"({"type":"Feature","properties":{)" + props + R"(},"geometry":{"type":")" + type +
         R"(","coordinates":)" + coords + "}}";
}

// A small street grid in central Almaty, about 250 m by 200 m.
const std::string kGrid = featureCollection(
    road("[[76.900,43.250],[76.903,43.250]]") + "," + road("[[76.903,43.250],[76.903,43.252]]") +
    "," + road("[[76.900,43.250],[76.900,43.252],[76.903,43.252]]"));

bool mentions(const Diagnostics& d, const std::string& field, const std::string& text) {
  for (const Diagnostic& item : d.all())
    if (item.field == field && item.text().find(text) != std::string::npos)
      return true;
  return false;
}

template <typename Fn>
Diagnostic expectInputError(Fn&& fn) {
  try {
    fn();
  } catch (const InputError& e) {
    EXPECT_FALSE(e.diagnostic().layer.empty());
    return e.diagnostic();
  }
  ADD_FAILURE() << "no InputError";
  return {};
}

TEST(BadInput, AShapefileWhoseDbfIsShortSaysHowManyFeaturesWereNotRead) {
  const std::string grid = test::writeText("grid_for_shp.geojson", kGrid);
  const std::string shp = test::tempPath("short_dbf.shp");
  std::filesystem::remove(shp);
  test::translate(grid, shp, {"-f", "ESRI Shapefile", "-overwrite"});
  test::shortenDbf(shp, 1);
  const RoadData roads = readRoads(LayerRef::parse(shp));
  EXPECT_EQ(roads.featuresRead, 1u);
  EXPECT_TRUE(mentions(roads.diagnostics, "", "only 1 of the 3 features"));
}

TEST(BadInput, MissingFileNamesTheSource) {
  const Diagnostic d =
      expectInputError([] { readRoads(LayerRef::parse("/nonexistent/roads.gpkg")); });
  EXPECT_NE(d.text().find("cannot open"), std::string::npos);
  EXPECT_NE(d.layer.find("/nonexistent/roads.gpkg"), std::string::npos);
}

TEST(BadInput, EmptyLayer) {
  const std::string path = test::writeText("empty.geojson", featureCollection(""));
  const Diagnostic d = expectInputError([&] { readRoads(LayerRef::parse(path)); });
  EXPECT_NE(d.message.find("empty"), std::string::npos);
}

TEST(BadInput, WrongGeometryType) {
  const std::string path =
      test::writeText("points_as_roads.geojson",
                      featureCollection(road("[76.9,43.25]", R"("fclass":"primary")", "Point")));
  const Diagnostic d = expectInputError([&] { readRoads(LayerRef::parse(path)); });
  EXPECT_NE(d.message.find("must be lines"), std::string::npos);
}

TEST(BadInput, NoCrsIsAnErrorUnlessTheUserNamesOne) {
  const std::string path = test::writeText(
      "no_crs.csv", "WKT,fclass\n\"LINESTRING (76.900 43.250,76.903 43.250)\",primary\n");
  const Diagnostic d = expectInputError([&] { readRoads(LayerRef::parse(path)); });
  EXPECT_NE(d.message.find("no CRS"), std::string::npos);
  RoadReadOptions options;
  options.sourceEpsg = 4326;
  EXPECT_EQ(readRoads(LayerRef::parse(path), options).lines.size(), 1u);
}

TEST(BadInput, GeographicAndProjectedCopiesGiveTheSameNetwork) {
  const std::string geographic = test::writeText("grid_4326.geojson", kGrid);
  const std::string projected = test::tempPath("grid_32643.gpkg");
  std::filesystem::remove(projected);
  test::translate(geographic, projected, {"-t_srs", "EPSG:32643", "-f", "GPKG"});

  auto total = [](const std::string& ref) {
    const RoadData roads = readRoads(LayerRef::parse(ref));
    const geo::Network net = geo::buildNetwork(roads.lines, {});
    double sum = 0;
    for (double l : net.segmentLength)
      sum += l;
    return std::make_pair(sum, net.segmentCount());
  };
  const auto [lengthGeo, segmentsGeo] = total(geographic);
  const auto [lengthProj, segmentsProj] = total(projected);
  EXPECT_EQ(segmentsGeo, segmentsProj);
  EXPECT_NEAR(lengthGeo, lengthProj, 1e-6 * lengthGeo);
  EXPECT_GT(lengthGeo, 700);
}

TEST(BadInput, NullNegativeAndTextSpeedsFallBackToTheClassDefaultWithWarnings) {
  const std::string path = test::writeText(
      "speeds.geojson",
      featureCollection(
          road("[[76.900,43.250],[76.903,43.250]]", R"("fclass":"primary","maxspeed":null)") + "," +
          road("[[76.903,43.250],[76.903,43.252]]", R"("fclass":"primary","maxspeed":-30)") + "," +
          road("[[76.903,43.252],[76.900,43.252]]", R"("fclass":"primary","maxspeed":"fast")") +
          "," +
          road("[[76.900,43.252],[76.900,43.250]]", R"("fclass":"primary","maxspeed":"30 mph")")));
  const RoadData roads = readRoads(LayerRef::parse(path));
  ASSERT_EQ(roads.lines.size(), 4u);
  EXPECT_EQ(roads.lines[0].speedKmh, 60);
  EXPECT_EQ(roads.lines[1].speedKmh, 60);
  EXPECT_EQ(roads.lines[2].speedKmh, 60);
  EXPECT_NEAR(roads.lines[3].speedKmh, 48.28, 0.01);
  EXPECT_TRUE(mentions(roads.diagnostics, "maxspeed", "feature 1"));
  EXPECT_TRUE(mentions(roads.diagnostics, "maxspeed", "'fast'"));
}

TEST(BadInput, OddOnewayValuesMixedGeometriesAndNullGeometriesAreListed) {
  const std::string path = test::writeText(
      "mixed.geojson",
      featureCollection(
          road("[[76.900,43.250],[76.903,43.250]]", R"("fclass":"primary","oneway":"maybe")") +
          "," + road("[76.9,43.25]", R"("fclass":"primary")", "Point") + "," +
          R"({"type":"Feature","properties":{"fclass":"primary"},"geometry":null})"));
  const RoadData roads = readRoads(LayerRef::parse(path));
  EXPECT_EQ(roads.lines.size(), 1u);
  EXPECT_TRUE(mentions(roads.diagnostics, "oneway", "'maybe'"));
  EXPECT_TRUE(mentions(roads.diagnostics, "", "not a line"));
  EXPECT_TRUE(mentions(roads.diagnostics, "", "no geometry"));
}

TEST(BadInput, SelfLoopsZeroLengthAndRepeatedVerticesAreReportedByTheBuild) {
  const std::string path = test::writeText(
      "topology.geojson",
      featureCollection(
          road("[[76.900,43.250],[76.900,43.250],[76.903,43.250]]") + "," +  // repeated vertex
          road("[[76.905,43.255],[76.905,43.255]]") + "," +                  // zero length
          road("[[76.903,43.250],[76.904,43.251],[76.905,43.250],[76.903,43.250]]")));  // loop
  const RoadData roads = readRoads(LayerRef::parse(path));
  geo::BuildReport report;
  geo::buildNetwork(roads.lines, {}, &report);
  EXPECT_EQ(report.duplicateVertices, 2u);
  EXPECT_EQ(report.droppedLines, 1u);
  EXPECT_EQ(report.selfLoops, 1u);
}

TEST(BadInput, MultiPartLinesKeepEveryPart) {
  const std::string path = test::writeText(
      "multi.geojson", featureCollection(road(
                           "[[[76.900,43.250],[76.903,43.250]],[[76.903,43.250],[76.903,43.252]]]",
                           R"("fclass":"primary")", "MultiLineString")));
  const RoadData roads = readRoads(LayerRef::parse(path));
  ASSERT_EQ(roads.lines.size(), 2u);
  EXPECT_EQ(roads.lines[0].featureId, roads.lines[1].featureId);
  EXPECT_EQ(geo::buildNetwork(roads.lines, {}).componentNodeCount.size(), 1u);
}

TEST(BadInput, OnlyFootwaysLeavesNothingToRouteOn) {
  const std::string path = test::writeText(
      "footways.geojson",
      featureCollection(road("[[76.900,43.250],[76.903,43.250]]", R"("fclass":"footway")")));
  const Diagnostic d = expectInputError([&] { readRoads(LayerRef::parse(path)); });
  EXPECT_NE(d.message.find("no drivable line"), std::string::npos);
}

TEST(BadInput, PointFiftyKilometresAwayIsListedAndOnlyFilledWhenAsked) {
  const std::string roads = test::writeText("grid.geojson", kGrid);
  const std::string points = test::writeText(
      "far_points.geojson",
      featureCollection(road("[76.9015,43.2501]", R"("name":"near")", "Point") + "," +
                        road("[77.52,43.25]", R"("name":"far")", "Point") + "," +
                        R"({"type":"Feature","properties":{"name":"nowhere"},"geometry":null})"));
  OdJob job;
  job.network.roads = roads;
  job.origins = points;
  job.originIdField = "name";
  job.output = test::tempPath("far.gpkg");
  const OdJobResult plain = runOdJob(job);
  EXPECT_EQ(plain.pairs, 9u);
  EXPECT_EQ(plain.pointsNotSnapped, 2u);
  EXPECT_EQ(plain.pairsByNetwork, 1u);
  EXPECT_EQ(plain.pairsUnreachable, 8u);
  bool farNamed = false;
  for (const Diagnostic& d : plain.diagnostics.all())
    farNamed |=
        d.feature == "far" && d.message.find("beyond the snapping limit") != std::string::npos;
  EXPECT_TRUE(farNamed);

  job.analysis.fallback.enabled = true;
  const OdJobResult filled = runOdJob(job);
  EXPECT_EQ(filled.pairsByFallback,
            3u);  // far<->near, far<->far: the null geometry stays unreachable
  EXPECT_EQ(filled.pairsUnreachable, 5u);
}

TEST(BadInput, MissingIdFieldNamesTheField) {
  const std::string points = test::writeText(
      "pts.geojson", featureCollection(road("[76.9015,43.2501]", R"("name":"a")", "Point")));
  const Diagnostic d = expectInputError(
      [&] { readPoints(LayerRef::parse(points), "site_id", WorkingFrame::fromEpsg(32643)); });
  EXPECT_EQ(d.field, "site_id");
}

}  // namespace
}  // namespace cp::layers
