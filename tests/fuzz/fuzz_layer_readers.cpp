// Fuzzes the road and place readers on any file GDAL can be handed: the first
// byte picks GeoJSON, CSV or GeoPackage, the rest is the file. Bad files must
// end in InputError or std::runtime_error, never a crash.

#include <gdal_priv.h>

#include <stdexcept>

#include "layers/point_reader.h"
#include "layers/road_reader.h"

namespace {

const char* const kNames[] = {"/vsimem/fuzz.geojson", "/vsimem/fuzz.csv", "/vsimem/fuzz.gpkg"};

void readAll(const std::string& path) {
  const cp::layers::LayerRef ref = cp::layers::LayerRef::parse(path);
  cp::layers::RoadReadOptions options;
  options.sourceEpsg = 4326;
  try {
    cp::layers::readRoads(ref, options);
  } catch (const std::runtime_error&) {  // InputError among them
  }
  try {
    cp::layers::readPoints(ref, "", cp::layers::WorkingFrame::fromEpsg(32643), 4326);
  } catch (const std::runtime_error&) {
  }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  GDALAllRegister();
  CPLSetErrorHandler(CPLQuietErrorHandler);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 1)
    return 0;
  const std::string path = kNames[data[0] % 3];
  VSILFILE* file =
      VSIFileFromMemBuffer(path.c_str(), const_cast<GByte*>(data + 1), size - 1, FALSE);
  if (file == nullptr)
    return 0;
  VSIFCloseL(file);
  readAll(path);
  VSIUnlink(path.c_str());
  return 0;
}
