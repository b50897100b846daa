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
