#include "cpflowreader.h"

#include <cmath>

#include <qgsfeatureiterator.h>

#include "cplayerreaders.h"
#include "layers/diagnostics.h"
#include "qgis/cpqgisapi.h"

namespace cp::qgis {
namespace {

// Reads one row, naming it in every message.
class Row {
 public:
  Row(const QgsFeature& f, const QString& label, const FlowFields& fields)
      : f_(f), label_(label.toStdString()), fields_(fields) {
    name_ = "row " + std::to_string(f.id());
    const std::string id = text(fields.id);
    if (!id.empty())
      name_ += " (flow " + id + ")";
  }

  std::string text(const QString& field) const {
    if (field.isEmpty())
      return "";
    const QVariant v = f_.attribute(field);
    const QString s = v.isNull() ? QString() : v.toString().trimmed();
    if (s.contains(QChar::ReplacementCharacter))
      fail(field,
           "holds text that is not valid in the table's encoding (set the layer's "
           "encoding, e.g. UTF-8 or windows-1251)");
    return s.toStdString();
  }

  std::string required(const QString& field) const {
    const std::string value = text(field);
    if (value.empty())
      fail(field, "is empty");
    return value;
  }

  double tonnes() const {
    const QVariant v = f_.attribute(fields_.tonnes);
    bool number = false;
    const double value = v.toDouble(&number);
    const std::string problem = layers::quantityProblem(!v.isNull() && number, value);
    if (!problem.empty())
      fail(fields_.tonnes, problem + ", not '" + v.toString().toStdString() + "'");
    return value;
  }

  layers::MaterialClass materialClass() const {
    const std::string value = required(fields_.materialClass);
    if (const auto c = layers::parseMaterialClass(value))
      return *c;
    std::string known;
    for (layers::MaterialClass c : layers::allMaterialClasses())
      known += std::string(known.empty() ? "" : ", ") + layers::materialClassName(c);
    fail(fields_.materialClass, "'" + value + "' is not a material class (" + known + ")");
  }

  [[noreturn]] void fail(const QString& field, const std::string& message) const {
    layers::failInput(label_, name_, field.toStdString(), message);
  }

 private:
  const QgsFeature& f_;
  std::string label_;
  const FlowFields& fields_;
  std::string name_;
};

}  // namespace

FlowFields detectFlowFields(const QgsFeatureSource& table) {
  namespace names = layers::field_names;
  const auto pick = [&table](const names::Names& usual) { return detectField(table, usual); };
  return {pick(names::kFlowId), pick(names::kFlowOrigin),    pick(names::kFlowDestination),
          pick(names::kTonnes), pick(names::kMaterialClass), pick(names::kMaterial),
          pick(names::kStage),  pick(names::kScenario),      pick(names::kView)};
}

std::vector<layers::Flow> readFlows(const QgsFeatureSource& table, const QString& label,
                                    const FlowFields& fields) {
  const std::pair<const QString*, const char*> required[] = {
      {&fields.origin, "origin (e.g. origin_id)"},
      {&fields.destination, "destination (e.g. destination_id)"},
      {&fields.tonnes, "tonnes (e.g. tonnes_per_year)"},
      {&fields.materialClass, "material class (material_class)"}};
  for (const auto& [field, what] : required) {
    if (field->isEmpty())
      layers::failInput(label.toStdString(), "", "", std::string("no field for the ") + what);
    if (table.fields().lookupField(*field) < 0)
      layers::failInput(label.toStdString(), "", field->toStdString(),
                        "the table has no such field");
  }
  std::vector<layers::Flow> flows;
  QgsFeatureRequest request;
  request.setFlags(cp::qgis::RequestFlag::NoGeometry);
  QgsFeatureIterator it = table.getFeatures(request);
  for (QgsFeature f; it.nextFeature(f);) {
    const Row row(f, label, fields);
    layers::Flow flow;
    flow.id = row.text(fields.id);
    if (flow.id.empty())
      flow.id = std::to_string(f.id());
    flow.origin = row.required(fields.origin);
    flow.destination = row.required(fields.destination);
    flow.tonnes = row.tonnes();
    flow.materialClass = row.materialClass();
    flow.material = row.text(fields.material);
    flow.stage = row.text(fields.stage);
    flow.scenario = row.text(fields.scenario);
    flow.group = row.text(fields.group);
    flows.push_back(std::move(flow));
  }
  return flows;
}

}  // namespace cp::qgis
