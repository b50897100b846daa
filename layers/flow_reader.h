#pragma once
// A flow table (GeoPackage or PostGIS table, CSV, a layer with or without
// geometry) read into the flow model, with one set of rules whatever opened
// it: an empty origin or destination, an unknown material class or text in
// the wrong encoding is an InputError naming the table, the row and the field;
// tonnes follow the rules of every quantity (QuantityRows).

#include <functional>
#include <string>
#include <vector>

#include "diagnostics.h"
#include "field_names.h"
#include "flows.h"
#include "ogr_source.h"

namespace cp::layers {

// The table's field for each part of a flow; "" where the table has none
// (only origin, destination, tonnes and material class are required).
struct FlowFields {
  std::string id, origin, destination, tonnes, materialClass, material, stage, scenario, group,
      unit;
};

// The fields under their usual names; `detect` gives the first of the names
// the table has, or "".
FlowFields detectFlowFields(const std::function<std::string(const field_names::Names&)>& detect);

// The rules, row by row; each reader (OGR here, QGIS in the bridge) feeds it.
class FlowRows {
 public:
  // Throws InputError when a required field is missing; `hasField` says
  // whether the table has a field of that name.
  FlowRows(std::string table, FlowFields fields,
           const std::function<bool(const std::string&)>& hasField, Diagnostics& diagnostics);
  const FlowFields& fields() const { return fields_; }

  // One row, named by its feature id: `text` gives a field's value as text,
  // spaces trimmed ("" for NULL); the tonnes as QuantityRows takes them.
  struct Tonnes {
    bool isNumber = false;
    double value = 0;
    std::string shown;
    bool isNull = false;
  };
  void add(const std::string& featureId, const std::function<std::string(const std::string&)>& text,
           const Tonnes& tonnes);
  // The flows in the order added; throws InputError listing unusable tonnes.
  std::vector<Flow> finish();

 private:
  std::string table_;
  FlowFields fields_;
  Diagnostics& diagnostics_;
  std::vector<Flow> flows_;
  std::vector<std::string> rows_;
  std::vector<Tonnes> tonnes_;
};

// Every row of the table, fields detected by their usual names.
std::vector<Flow> readFlows(const LayerRef& ref, Diagnostics& diagnostics);

// The flows the filter keeps, in their order.
std::vector<Flow> filteredFlows(std::vector<Flow> flows, const FlowFilter& filter);

}  // namespace cp::layers
