#pragma once
// A job's result tables written to one GeoPackage, in the working CRS, with the
// data's attribution; the file appears only when complete.

#include <string>
#include <vector>

#include "layers/diagnostics.h"
#include "layers/ogr_source.h"
#include "layers/result_table.h"

namespace cp::layers {

// The attribution a result owes its data: `given` when the user gave one, else
// the distinct ATTRIBUTION metadata of the inputs' data sources (`layers` are
// layer references; "" ones are skipped), so that results derived from, say,
// OpenStreetMap roads carry the ODbL credit without anyone remembering to.
std::string dataAttribution(const std::string& given, const std::vector<std::string>& layers);

// What GDAL says while writing is added to `diagnostics`, naming the file.
void writeResultFile(const std::string& path, const WorkingFrame& frame,
                     const std::vector<ResultTable>& tables, const std::string& attribution,
                     Diagnostics& diagnostics);

}  // namespace cp::layers
