// Writing result tables into a shared database all or nothing. PostGIS itself
// is exercised by the runner's test; here a GeoPackage, which has transactions
// too, stands as the target.

#include <gtest/gtest.h>

#include "layers/database_export.h"
#include "layers/gpkg_writer.h"
#include "layers/ogr_source.h"
#include "support/temp_files.h"

namespace cp::layers {
namespace {

// Results with two point tables, "first" (3 rows) and "second" (2 rows).
std::string testFile(const std::string& role) {
  const auto* test = ::testing::UnitTest::GetInstance()->current_test_info();
  return cp::test::tempPath("cp_export_" + std::string(test->name()) + "_" + role + ".gpkg");
}

std::string writeResults() {
  const std::string path = testFile("results");
  OGRSpatialReference wgs84;
  wgs84.importFromEPSG(4326);
  GpkgWriter writer(path, wgs84);
  for (const auto& [name, rows] : {std::pair{"first", 3}, std::pair{"second", 2}}) {
    OGRLayer& layer = writer.createLayer(name, wkbPoint);
    writer.addField(layer, "tonnes", OFTReal);
    for (int i = 0; i < rows; ++i) {
      OGRFeature feature(layer.GetLayerDefn());
      feature.SetField("tonnes", 10.0 * i);
      OGRPoint point(76.9 + i * 0.01, 43.25);
      feature.SetGeometry(&point);
      writer.addFeature(layer, feature);
    }
  }
  writer.commit();
  return path;
}

std::string emptyDatabase() {
  const std::string path = testFile("target");
  OGRSpatialReference wgs84;
  wgs84.importFromEPSG(4326);
  GpkgWriter writer(path, wgs84);
  writer.createLayer("existing", wkbPoint);
  writer.commit();
  return path;
}

std::vector<std::string> layerNames(const std::string& path) {
  DatasetPtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR));
  std::vector<std::string> names;
  for (OGRLayer* layer : ds->GetLayers())
    names.push_back(layer->GetName());
  return names;
}

TEST(DatabaseExport, WritesEveryTableAndRow) {
  const std::string target = emptyDatabase();
  EXPECT_EQ(exportTables(writeResults(), {"first", "second"}, {target, ""}), 5u);
  EXPECT_EQ(layerNames(target), (std::vector<std::string>{"existing", "first", "second"}));
}

TEST(DatabaseExport, FailureLeavesTheTargetAsItWas) {
  const std::string target = emptyDatabase();
  try {
    exportTables(writeResults(), {"first", "missing"}, {target, ""});
    FAIL() << "a missing table was not reported";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("missing"), std::string::npos) << e.what();
  }
  EXPECT_EQ(layerNames(target), std::vector<std::string>{"existing"});
}

TEST(DatabaseExport, RefusesASchemaNameThatIsNotAnIdentifier) {
  EXPECT_THROW(exportTables(writeResults(), {"first"}, {emptyDatabase(), "x\"; DROP TABLE y"}),
               std::runtime_error);
}

TEST(DatabaseExport, MasksThePasswordInMessages) {
  EXPECT_EQ(maskedConnection("PG:dbname=p password=secret host=h"),
            "PG:dbname=p password=*** host=h");
  EXPECT_EQ(maskedConnection("PG:password = 'a b' dbname=p"), "PG:password = *** dbname=p");
}

}  // namespace
}  // namespace cp::layers
