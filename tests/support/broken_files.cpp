#include "support/broken_files.h"

#include <gdal_utils.h>

#include <filesystem>
#include <fstream>
#include <stdexcept>

namespace cp::test {

namespace {

// A Shapefile is several files: an earlier run's broken one (a short .dbf)
// would otherwise be opened, and refused, by a newer GDAL before overwriting.
void removeWithSidecars(const std::filesystem::path& path) {
  std::filesystem::remove(path);
  if (path.extension() == ".shp")
    for (const char* extension : {".shx", ".dbf", ".prj", ".cpg", ".qix"})
      std::filesystem::remove(std::filesystem::path(path).replace_extension(extension));
}

std::size_t littleEndian16(const unsigned char* bytes) {
  return static_cast<std::size_t>(bytes[0]) | (static_cast<std::size_t>(bytes[1]) << 8);
}

}  // namespace

void translate(const std::string& from, const std::string& to, std::vector<const char*> args) {
  GDALAllRegister();
  removeWithSidecars(to);
  args.push_back(nullptr);
  GDALVectorTranslateOptions* opts =
      GDALVectorTranslateOptionsNew(const_cast<char**>(args.data()), nullptr);
  GDALDatasetH src = GDALOpenEx(from.c_str(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr);
  GDALDatasetH out = GDALVectorTranslate(to.c_str(), nullptr, 1, &src, opts, nullptr);
  if (out == nullptr)
    throw std::runtime_error("cannot write " + to);
  GDALClose(out);
  GDALClose(src);
  GDALVectorTranslateOptionsFree(opts);
}

void shortenDbf(const std::string& shp, std::uint32_t records) {
  const std::string dbf = shp.substr(0, shp.size() - 4) + ".dbf";
  std::fstream file(dbf, std::ios::in | std::ios::out | std::ios::binary);
  unsigned char header[12];
  file.read(reinterpret_cast<char*>(header), sizeof header);
  const std::size_t headerBytes = littleEndian16(header + 8);
  const std::size_t recordBytes = littleEndian16(header + 10);
  for (int i = 0; i < 4; ++i)
    header[4 + i] = static_cast<unsigned char>(records >> (8 * i));
  file.seekp(0);
  file.write(reinterpret_cast<const char*>(header), sizeof header);
  file.close();
  std::filesystem::resize_file(dbf, headerBytes + records * recordBytes);
}

}  // namespace cp::test
