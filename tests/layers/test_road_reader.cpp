#include <gtest/gtest.h>

#include "layers/road_classes.h"
#include "layers/road_reader.h"
#include "support/temp_files.h"

namespace cp::layers {
namespace {

TEST(RoadClasses, OnewayConventionsOfOsmAndGeofabrik) {
  using geo::Direction;
  EXPECT_EQ(parseOneway("F"), Direction::Forward);
  EXPECT_EQ(parseOneway("T"), Direction::Backward);
  EXPECT_EQ(parseOneway("B"), Direction::Both);
  EXPECT_EQ(parseOneway("yes"), Direction::Forward);
  EXPECT_EQ(parseOneway("-1"), Direction::Backward);
  EXPECT_EQ(parseOneway("no"), Direction::Both);
  EXPECT_EQ(parseOneway(""), Direction::Both);
  EXPECT_EQ(parseOneway("sometimes"), std::nullopt);
}

TEST(RoadClasses, DrivableClassesAndDefaultSpeeds) {
  EXPECT_TRUE(isDrivableClass("primary_link"));
  EXPECT_TRUE(isDrivableClass("living_street"));
  EXPECT_FALSE(isDrivableClass("footway"));
  EXPECT_FALSE(isDrivableClass("track_grade3"));
  EXPECT_FALSE(isDrivableClass("unknown"));
  EXPECT_EQ(defaultSpeedKmh("primary"), 60);
  EXPECT_EQ(defaultSpeedKmh("something_new"), defaultSpeedKmh("unclassified"));
}

TEST(RoadClasses, MaxspeedFollowsOsmConventions) {
  using Kind = SpeedReading::Kind;
  const auto is = [](const std::string& text, Kind kind, double kmh) {
    const SpeedReading r = readMaxspeed(text);
    EXPECT_EQ(r.kind, kind) << text;
    EXPECT_NEAR(r.kmh, kmh, 1e-9) << text;
  };
  is("50", Kind::Value, 50);
  is(" 50 km/h", Kind::Value, 50);
  is("30 mph", Kind::Value, 30 * 1.609344);
  is("RU:urban", Kind::Value, 60);
  is("KZ:rural", Kind::Value, 90);
  is("walk", Kind::Value, 6);
  is("none", Kind::NoLimit, 0);
  is("signals", Kind::NoLimit, 0);
  is("60;80", Kind::Several, 60);
  is("80;60", Kind::Several, 60);
  is("", Kind::Missing, 0);
  is("0", Kind::Missing, 0);
  is("9999", Kind::Implausible, 9999);
  is("1", Kind::Implausible, 1);
  is("1e3", Kind::Unreadable, 0);
  is("50,5", Kind::Unreadable, 0);
  is("XX:urban", Kind::Unreadable, 0);
  is("60;fast", Kind::Unreadable, 0);
  is("inf", Kind::Unreadable, 0);
}

std::string roadFeature(const std::string& coords, const std::string& props) {
  return R"({"type":"Feature","properties":{)" + props +
         R"(},"geometry":{"type":"LineString","coordinates":)" + coords + "}}";
}

const Diagnostic* find(const Diagnostics& d, const std::string& text) {
  for (const Diagnostic& item : d.all())
    if (item.message.find(text) != std::string::npos)
      return &item;
  return nullptr;
}

TEST(RoadReader, RoadsWithoutAClassAreKeptAndCounted) {
  // A chain of three roads; the middle two have no class.
  const std::string path = test::writeText(
      "null_class.geojson",
      R"({"type":"FeatureCollection","features":[)" +
          roadFeature("[[76.900,43.250],[76.903,43.250]]", R"("fclass":"primary")") + "," +
          roadFeature("[[76.903,43.250],[76.906,43.250]]", R"("fclass":null)") + "," +
          roadFeature("[[76.906,43.250],[76.909,43.250]]", R"("fclass":"")") + "," +
          roadFeature("[[76.909,43.250],[76.912,43.250]]", R"("fclass":"primary")") + "," +
          roadFeature("[[76.912,43.250],[76.915,43.250]]", R"("fclass":"footway")") + "]}");
  const RoadData roads = readRoads(LayerRef::parse(path));
  EXPECT_EQ(roads.lines.size(), 4u);
  EXPECT_EQ(roads.lines[1].speedKmh, defaultSpeedKmh("unclassified"));
  const Diagnostic* noClass = find(roads.diagnostics, "no road class");
  ASSERT_NE(noClass, nullptr);
  EXPECT_EQ(noClass->count, 2u);
  EXPECT_EQ(noClass->field, "fclass");
  EXPECT_EQ(noClass->severity, Diagnostic::Severity::Warning);
  const Diagnostic* footway = find(roads.diagnostics, "not open to cars");
  ASSERT_NE(footway, nullptr);
  EXPECT_EQ(footway->count, 1u);
  EXPECT_NE(footway->message.find("'footway' x1"), std::string::npos);
}

TEST(RoadReader, AbsurdSpeedsFallBackToTheClassDefaultWithOneWarningEach) {
  std::string features;
  const std::vector<std::string> speeds{"9999", "1e3", "60;80", "50,5", "9999", "50 mph"};
  for (std::size_t i = 0; i < speeds.size(); ++i) {
    const std::string x0 = std::to_string(76.900 + 0.003 * static_cast<double>(i));
    const std::string x1 = std::to_string(76.903 + 0.003 * static_cast<double>(i));
    features +=
        (i ? "," : "") + roadFeature("[[" + x0 + ",43.25],[" + x1 + ",43.25]]",
                                     R"("fclass":"primary","maxspeed":")" + speeds[i] + R"(")");
  }
  const std::string path = test::writeText(
      "absurd_speeds.geojson", R"({"type":"FeatureCollection","features":[)" + features + "]}");
  const RoadData roads = readRoads(LayerRef::parse(path));
  ASSERT_EQ(roads.lines.size(), speeds.size());
  for (std::size_t i : {0u, 1u, 3u, 4u})
    EXPECT_EQ(roads.lines[i].speedKmh, defaultSpeedKmh("primary")) << speeds[i];
  EXPECT_EQ(roads.lines[2].speedKmh, 60);
  EXPECT_NEAR(roads.lines[5].speedKmh, 80.4672, 1e-9);
  const Diagnostic* implausible = find(roads.diagnostics, "outside the plausible");
  ASSERT_NE(implausible, nullptr);
  EXPECT_EQ(implausible->count, 2u);
  EXPECT_NE(implausible->message.find("'9999' x2"), std::string::npos);
  EXPECT_EQ(implausible->field, "maxspeed");
  const Diagnostic* unreadable = find(roads.diagnostics, "not a speed");
  ASSERT_NE(unreadable, nullptr);
  EXPECT_EQ(unreadable->count, 2u);
  EXPECT_NE(unreadable->message.find("'1e3' x1"), std::string::npos);
  EXPECT_NE(find(roads.diagnostics, "several speed limits"), nullptr);
}

// A schematic line's real length (road_length_m) reaches the network builder;
// one that is no positive number is said per value, and a length on a line of
// several parts is not guessed between them.
TEST(RoadReader, ReadsTheRealLengthOfASchematicLine) {
  const std::string line = "[[76.90,43.25],[76.95,43.25]]";
  const std::string multi =
      R"({"type":"Feature","properties":{"fclass":"trunk","road_length_m":9000},)"
      R"("geometry":{"type":"MultiLineString","coordinates":[[[76.90,43.30],[76.92,43.30]],)"
      R"([[76.93,43.30],[76.95,43.30]]]}})";
  const std::string path =
      test::writeText("road_lengths.geojson",
                      R"({"type":"FeatureCollection","features":[)" +
                          roadFeature(line, R"("fclass":"trunk","road_length_m":"8000.5")") + "," +
                          roadFeature(line, R"("fclass":"trunk","road_length_m":"8 km")") + "," +
                          roadFeature(line, R"("fclass":"trunk","road_length_m":"-3")") + "," +
                          roadFeature(line, R"("fclass":"trunk")") + "," + multi + "]}");
  const RoadData roads = readRoads(LayerRef::parse(path));
  EXPECT_EQ(roads.fieldsUsed.roadLength, "road_length_m");
  ASSERT_EQ(roads.lines.size(), 6u);
  EXPECT_EQ(roads.lines[0].roadLengthM, 8000.5);
  for (std::size_t i = 1; i < 6; ++i)
    EXPECT_EQ(roads.lines[i].roadLengthM, 0) << i;
  const Diagnostic* bad = find(roads.diagnostics, "not a positive number of metres");
  ASSERT_NE(bad, nullptr);
  EXPECT_EQ(bad->count, 2u);
  EXPECT_EQ(bad->field, "road_length_m");
  EXPECT_NE(find(roads.diagnostics, "line of several parts"), nullptr);
}

TEST(RoadReader, ReadsTheAlmatyRoadsWithDetectedFields) {
  // The OSM roads only; the schematic regional corridors are checked elsewhere.
  const RoadData roads =
      readRoads(LayerRef::parse(test::sampleLayer("roads") + "|subset=schematic = 0"));
  EXPECT_EQ(roads.featuresRead, 25028u);
  EXPECT_EQ(roads.fieldsUsed.roadClass, "fclass");
  EXPECT_EQ(roads.fieldsUsed.oneway, "oneway");
  EXPECT_EQ(roads.fieldsUsed.speedKmh, "maxspeed");
  ASSERT_TRUE(roads.frame);
  EXPECT_EQ(roads.frame->epsg(), 32643);
  // Drivable per SOURCES.md: all but footway/path/steps/cycleway/pedestrian/bridleway,
  // and tracks and 'unknown' are not drivable here either.
  const std::size_t drivable = roads.featuresRead - roads.featuresNotDrivable;
  EXPECT_EQ(drivable, 20384u - 438u - 2u);
  EXPECT_GE(roads.lines.size(), drivable);  // multi-part features give more lines
  std::size_t oneWay = 0;
  for (const auto& l : roads.lines)
    oneWay += l.direction != geo::Direction::Both ? 1 : 0;
  EXPECT_GT(oneWay, 2000u);
}

TEST(RoadReader, GivenFieldThatDoesNotExistIsAnError) {
  RoadReadOptions options;
  options.fields.speedKmh = "speed_limit";
  try {
    readRoads(LayerRef::parse(test::sampleLayer("roads")), options);
    FAIL();
  } catch (const InputError& e) {
    EXPECT_EQ(e.diagnostic().field, "speed_limit");
    EXPECT_NE(std::string(e.what()).find("roads"), std::string::npos);
  }
}

TEST(RoadReader, BadSubsetFilterNamesTheLayer) {
  EXPECT_THROW(readRoads(LayerRef::parse(test::sampleLayer("roads") + "|subset=no_such_field = 1")),
               InputError);
}

TEST(LayerRef, ParsesQgisStyleReferences) {
  const LayerRef a = LayerRef::parse("/data/x.gpkg|layername=roads");
  EXPECT_EQ(a.dataset, "/data/x.gpkg");
  EXPECT_EQ(a.layer, "roads");
  EXPECT_EQ(LayerRef::parse("/data/roads.shp").layer, "");
  EXPECT_EQ(LayerRef::parse("PG:dbname=x |layername=public.roads").dataset, "PG:dbname=x");
  const LayerRef filtered =
      LayerRef::parse("/d/x.gpkg|layername=roads|subset=\"fclass\" = 'primary'");
  EXPECT_EQ(filtered.layer, "roads");
  EXPECT_EQ(filtered.subset, "\"fclass\" = 'primary'");
}

}  // namespace
}  // namespace cp::layers
