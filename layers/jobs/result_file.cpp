#include "result_file.h"

#include <algorithm>

#include "layers/gpkg_writer.h"
#include "layers/library_messages.h"

namespace cp::layers {

std::string dataAttribution(const std::string& given, const std::vector<std::string>& layers) {
  if (!given.empty())
    return given;
  LibraryMessages quiet;  // an input that cannot be opened is said by its reader
  std::vector<std::string> credits;
  for (const std::string& ref : layers) {
    if (ref.empty())
      continue;
    const DatasetPtr dataset = openVectorDataset(LayerRef::parse(ref).dataset, GDAL_OF_READONLY);
    const char* credit = dataset ? dataset->GetMetadataItem("ATTRIBUTION") : nullptr;
    if (credit != nullptr && *credit != '\0' &&
        std::find(credits.begin(), credits.end(), credit) == credits.end())
      credits.emplace_back(credit);
  }
  std::string joined;
  for (const std::string& c : credits)
    joined += (joined.empty() ? "" : "; ") + c;
  return joined;
}

void writeResultFile(const std::string& path, const WorkingFrame& frame,
                     const std::vector<ResultTable>& tables, const std::string& attribution,
                     Diagnostics& diagnostics) {
  LibraryMessages gdal;
  GpkgWriter gpkg(path, frame.srs());
  for (const ResultTable& table : tables)
    writeTable(gpkg, table);
  if (!attribution.empty())
    gpkg.setMetadata("ATTRIBUTION", attribution);
  gpkg.commit();
  gdal.reportTo(diagnostics, path, "writing");
}

}  // namespace cp::layers
