#include "flow_reader.h"

#include "library_messages.h"
#include "quantity_reader.h"
#include "road_reader.h"

namespace cp::layers {
namespace {

std::string knownClasses() {
  std::string known;
  for (MaterialClass c : allMaterialClasses())
    known += std::string(known.empty() ? "" : ", ") + materialClassName(c);
  return known;
}

}  // namespace

FlowFields detectFlowFields(const std::function<std::string(const field_names::Names&)>& detect) {
  namespace names = field_names;
  return {detect(names::kFlowId),  detect(names::kFlowOrigin),    detect(names::kFlowDestination),
          detect(names::kTonnes),  detect(names::kMaterialClass), detect(names::kMaterial),
          detect(names::kStage),   detect(names::kScenario),      detect(names::kView),
          detect(names::kFlowUnit)};
}

FlowRows::FlowRows(std::string table, FlowFields fields,
                   const std::function<bool(const std::string&)>& hasField,
                   Diagnostics& diagnostics)
    : table_(std::move(table)), fields_(std::move(fields)), diagnostics_(diagnostics) {
  const std::pair<const std::string*, const char*> required[] = {
      {&fields_.origin, "origin (e.g. origin_id)"},
      {&fields_.destination, "destination (e.g. destination_id)"},
      {&fields_.tonnes, "tonnes (e.g. tonnes_per_year)"},
      {&fields_.materialClass, "material class (material_class)"}};
  for (const auto& [field, what] : required) {
    if (field->empty())
      failInput(table_, "", "", std::string("no field for the ") + what);
    if (!hasField(*field))
      failInput(table_, "", *field, "the table has no such field");
  }
}

void FlowRows::add(const std::string& featureId,
                   const std::function<std::string(const std::string&)>& text,
                   const Tonnes& tonnes) {
  std::string name = "row " + featureId;
  const auto value = [&](const std::string& field) {
    if (field.empty())
      return std::string();
    std::string v = text(field);
    if (garbledText(v))
      failInput(table_, name, field,
                "holds text that is not valid in the table's encoding (set the layer's "
                "encoding, e.g. UTF-8 or windows-1251)");
    return v;
  };
  const auto required = [&](const std::string& field) {
    std::string v = value(field);
    if (v.empty())
      failInput(table_, name, field, "is empty");
    return v;
  };
  Flow flow;
  flow.id = value(fields_.id);
  if (flow.id.empty())
    flow.id = featureId;
  else
    name += " (flow " + flow.id + ")";
  flow.origin = required(fields_.origin);
  flow.destination = required(fields_.destination);
  const std::string materialClass = required(fields_.materialClass);
  const std::optional<MaterialClass> parsed = parseMaterialClass(materialClass);
  if (!parsed)
    failInput(table_, name, fields_.materialClass,
              "'" + materialClass + "' is not a material class (" + knownClasses() + ")");
  flow.materialClass = *parsed;
  flow.material = value(fields_.material);
  flow.stage = value(fields_.stage);
  flow.scenario = value(fields_.scenario);
  flow.group = value(fields_.group);
  flow.unit = canonicalFlowUnit(value(fields_.unit));
  flows_.push_back(std::move(flow));
  rows_.push_back(std::move(name));
  tonnes_.push_back(tonnes);
}

std::vector<Flow> FlowRows::finish() {
  QuantityRows quantities(table_, fields_.tonnes, diagnostics_);
  for (std::size_t k = 0; k < flows_.size(); ++k)
    quantities.add(rows_[k], tonnes_[k].isNumber, tonnes_[k].value, tonnes_[k].shown,
                   tonnes_[k].isNull);
  const std::vector<double> values = quantities.finish();
  for (std::size_t k = 0; k < flows_.size(); ++k)
    flows_[k].tonnes = values[k];
  return std::move(flows_);
}

std::vector<Flow> readFlows(const LayerRef& ref, Diagnostics& diagnostics) {
  LibraryMessages gdal;
  const OpenLayer layer(ref);
  FlowRows rows(
      layer.label(), detectFlowFields([&layer](const field_names::Names& usual) {
        return layer.detectField(usual);
      }),
      [&layer](const std::string& field) { return layer.fieldIndex(field, false) >= 0; },
      diagnostics);
  const int tonnes = layer.fieldIndex(rows.fields().tonnes, true);
  layer.layer().ResetReading();
  for (auto& f : layer.layer()) {
    const auto text = [&layer, &f](const std::string& field) {
      const int index = layer.fieldIndex(field, true);
      return f->IsFieldSetAndNotNull(index) ? trimmed(f->GetFieldAsString(index)) : std::string();
    };
    FlowRows::Tonnes t;
    t.isNumber = fieldAsNumber(*f, tonnes, t.value);
    t.isNull = !f->IsFieldSetAndNotNull(tonnes);
    t.shown = f->GetFieldAsString(tonnes);
    rows.add(std::to_string(f->GetFID()), text, t);
  }
  gdal.reportTo(diagnostics, layer.label(), "reading");
  return rows.finish();
}

std::vector<Flow> filteredFlows(std::vector<Flow> flows, const FlowFilter& filter) {
  std::vector<Flow> kept;
  for (Flow& f : flows)
    if (filter.keeps(f))
      kept.push_back(std::move(f));
  return kept;
}

}  // namespace cp::layers
