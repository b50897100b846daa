#include "result_file.h"

#include "layers/gpkg_writer.h"
#include "layers/library_messages.h"

namespace cp::layers {

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
