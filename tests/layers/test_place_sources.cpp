// Places from files that are odd in the ways real planning data are: polygons
// that need repair or overlap, curves, text in a lying encoding, files that are
// no data at all, a file of several layers, metres labelled as degrees. Each is
// read as QGIS would read it, or refused with the reason - and always said.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include <ogrsf_frmts.h>

#include "layers/library_messages.h"
#include "layers/point_reader.h"
#include "support/temp_files.h"

namespace cp::layers {
namespace {

const WorkingFrame& almatyUtm() {
  static const WorkingFrame frame = WorkingFrame::fromEpsg(32643);
  return frame;
}

struct Row {
  std::string id;
  std::string wkt;
};

// A layer of places in WGS 84 written by GDAL (any driver), with an `id` field.
std::string writePlaces(const std::string& file, const std::string& driver,
                        const std::vector<Row>& rows, const std::string& layerName = "places",
                        char** layerOptions = nullptr) {
  GDALAllRegister();
  const std::string path = test::tempPath(file);
  std::filesystem::remove_all(path);
  GDALDriver* gdalDriver = GetGDALDriverManager()->GetDriverByName(driver.c_str());
  GDALDataset* ds = gdalDriver->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr);
  OGRSpatialReference wgs84;
  wgs84.importFromEPSG(4326);
  OGRLayer* layer = ds->CreateLayer(layerName.c_str(), &wgs84, wkbUnknown, layerOptions);
  OGRFieldDefn id("id", OFTString);
  if (layer->CreateField(&id) != OGRERR_NONE)
    throw std::runtime_error("cannot write a test field");
  for (const Row& row : rows) {
    OGRFeature feature(layer->GetLayerDefn());
    feature.SetField("id", row.id.c_str());
    OGRGeometry* g = nullptr;
    OGRGeometryFactory::createFromWkt(row.wkt.c_str(), &wgs84, &g);
    feature.SetGeometryDirectly(g);
    if (layer->CreateFeature(&feature) != OGRERR_NONE)
      throw std::runtime_error("cannot write a test feature");
  }
  GDALClose(ds);
  return path;
}

std::string messages(const Diagnostics& d) {
  std::string out;
  for (const Diagnostic& item : d.all())
    out += item.text() + "\n";
  return out;
}

std::string refusal(const std::string& ref) {
  try {
    readPoints(LayerRef::parse(ref), "", almatyUtm());
  } catch (const InputError& e) {
    return e.what();
  }
  return "(read without an error)";
}

// Two squares of 0.01 degree in Almaty; the second is also drawn as a bow-tie.
const std::string kSquare =
    "POLYGON((76.90 43.20,76.91 43.20,76.91 43.21,76.90 43.21,76.90 43.20))";
const std::string kBowTie =
    "POLYGON((76.92 43.20,76.93 43.21,76.93 43.20,76.92 43.21,76.92 43.20))";

TEST(PlaceSources, ASelfIntersectingPolygonIsRepairedAsFixGeometriesDoesAndListed) {
  const PointData places = readPoints(
      LayerRef::parse(writePlaces("bowtie.gpkg", "GPKG", {{"a", kSquare}, {"b", kBowTie}})), "id",
      almatyUtm());
  ASSERT_EQ(places.ids.size(), 2u);
  // The repaired bow-tie is two triangles meeting at (76.925, 43.205); its place lies in one.
  const double lon = places.lonLat[1].lon;
  const double lat = places.lonLat[1].lat;
  EXPECT_GT(lon, 76.92);
  EXPECT_LT(lon, 76.93);
  EXPECT_GT(lat, 43.20);
  EXPECT_LT(lat, 43.21);
  EXPECT_NE(
      messages(places.diagnostics).find("feature 2: a self-intersecting polygon was repaired"),
      std::string::npos)
      << messages(places.diagnostics);
}

TEST(PlaceSources, RepairedPolygonsHaveTheAreaOfBothLobes) {
  OGRGeometry* bowTie = nullptr;
  OGRGeometryFactory::createFromWkt(kBowTie.c_str(), nullptr, &bowTie);
  PolygonRepairs repairs;
  const std::unique_ptr<OGRGeometry> fixed = repairedGeometry(*bowTie, repairs);
  EXPECT_TRUE(repairs.madeValid);
  // Two triangles of a quarter of the 0.01-degree square each; the raw ring's
  // signed lobes cancel to 0.
  EXPECT_NEAR(fixed->toMultiPolygon()->get_Area(), 0.5e-4, 1e-12);
  OGRGeometryFactory::destroyGeometry(bowTie);
}

TEST(PlaceSources, AnUnclosedRingIsClosedAndListed) {
  const std::string path = test::writeText(
      "unclosed.geojson",
      R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{"id":"open"},)"
      R"("geometry":{"type":"Polygon","coordinates":[[[76.9,43.2],[76.91,43.2],[76.91,43.21],)"
      R"([76.9,43.21]]]}}]})");
  LibraryMessages gdal;
  const PointData places = readPoints(LayerRef::parse(path), "id", almatyUtm());
  EXPECT_NEAR(places.lonLat[0].lon, 76.905, 0.005);
  EXPECT_NEAR(places.lonLat[0].lat, 43.205, 0.005);
  const std::string said = messages(places.diagnostics);
  EXPECT_NE(said.find("feature 0: a polygon ring did not end where it began"), std::string::npos)
      << said;
  // GDAL's own words about the ring are said with the layer, not printed.
  EXPECT_NE(said.find("while reading it, GDAL warning"), std::string::npos) << said;
  EXPECT_TRUE(gdal.take().empty());
}

TEST(PlaceSources, CurvedPolygonsAreMadeStraightAndListed) {
  const PointData places = readPoints(
      LayerRef::parse(writePlaces(
          "curved.gpkg", "GPKG",
          {{"round", "CURVEPOLYGON(CIRCULARSTRING(76.90 43.20,76.92 43.20,76.90 43.20))"},
           {"square", kSquare}})),
      "id", almatyUtm());
  EXPECT_NEAR(places.lonLat[0].lon, 76.91, 0.01);
  EXPECT_NEAR(places.lonLat[0].lat, 43.20, 0.01);
  EXPECT_NE(messages(places.diagnostics).find("feature 1: curved outlines were made straight"),
            std::string::npos)
      << messages(places.diagnostics);
}

TEST(PlaceSources, OverlappingAreasAreListedByPair) {
  const std::string shifted =
      "POLYGON((76.905 43.20,76.915 43.20,76.915 43.21,76.905 43.21,76.905 43.20))";
  const std::string touching =
      "POLYGON((76.91 43.20,76.92 43.20,76.92 43.21,76.91 43.21,76.91 43.20))";
  const PointData places =
      readPoints(LayerRef::parse(writePlaces("overlap.gpkg", "GPKG",
                                             {{"a", kSquare}, {"b", shifted}, {"c", touching}})),
                 "id", almatyUtm());
  const std::string said = messages(places.diagnostics);
  // a and b share half their area; b and c too; a and c only touch.
  EXPECT_NE(said.find("areas overlap (2 pairs)"), std::string::npos) << said;
  EXPECT_NE(said.find("1 and 2 (50 % of the smaller)"), std::string::npos) << said;
  EXPECT_NE(said.find("2 and 3 (50 % of the smaller)"), std::string::npos) << said;
  EXPECT_EQ(said.find("1 and 3"), std::string::npos) << said;
}

TEST(PlaceSources, TextInALyingEncodingIsListed) {
  char* cp1251[] = {const_cast<char*>("ENCODING=CP1251"), nullptr};
  const std::string dir = writePlaces(
      "lying_cpg", "ESRI Shapefile",
      {{"Алматы", "POINT(76.9 43.2)"}, {"Talgar", "POINT(77.0 43.3)"}}, "places", cp1251);
  std::ofstream(dir + "/places.cpg", std::ios::trunc) << "UTF-8";
  const PointData places = readPoints(LayerRef::parse(dir + "/places.shp"), "id", almatyUtm());
  const std::string said = messages(places.diagnostics);
  // The Windows-1251 name, feature 0, is named; the plain Latin one is fine.
  EXPECT_NE(said.find("feature 0, field 'id': text that is not valid in the layer's declared "
                      "encoding"),
            std::string::npos)
      << said;
  EXPECT_EQ(said.find("feature 1"), std::string::npos) << said;
  EXPECT_EQ(places.ids[1], "Talgar");
}

TEST(PlaceSources, FilesThatHoldNoDataSayWhatTheyAre) {
  EXPECT_NE(refusal(test::writeText("empty.geojson", "")).find("the file is empty (0 bytes)"),
            std::string::npos);
  EXPECT_NE(refusal(test::writeText("page.geojson",
                                    "\n  <!DOCTYPE html>\n<html><body>502 Bad Gateway</body>"))
                .find("a web page (HTML)"),
            std::string::npos);
  EXPECT_NE(refusal(test::writeText("zipped.geojson", std::string("PK\x03\x04", 4) + "rest"))
                .find("a zip archive"),
            std::string::npos);
  EXPECT_NE(refusal(test::writeText("text.gpkg", "roads,districts\n"))
                .find("not a GeoPackage: it holds no SQLite database"),
            std::string::npos);
  EXPECT_NE(refusal(test::tempPath("absent.gpkg")).find("no such file"), std::string::npos);
}

TEST(PlaceSources, AFileOfSeveralLayersNeedsOneNamed) {
  const std::string said =
      refusal(test::sampleLayer("roads").substr(0, test::sampleLayer("roads").find('|')));
  EXPECT_NE(said.find("holds 19 layers (roads, districts"), std::string::npos) << said;
  EXPECT_NE(said.find("|layername=roads"), std::string::npos) << said;
  EXPECT_NO_THROW(
      readPoints(LayerRef::parse(test::sampleLayer("composting_sites")), "site_id", almatyUtm()));
}

TEST(PlaceSources, MetresLabelledAsDegreesAreRefusedWithTheExtent) {
  const std::string path =
      writePlaces("metres.geojson", "GeoJSON",
                  {{"a", "POINT(279752 4787223)"}, {"b", "POINT(326804 4820545)"}});
  const std::string said = refusal(path);
  EXPECT_NE(said.find("coordinates reach 279752,4787223 : 326804,4820545"), std::string::npos)
      << said;
  EXPECT_NE(said.find("EPSG:4326"), std::string::npos) << said;
}

}  // namespace
}  // namespace cp::layers
