#include "node_names.h"

#include <cctype>

#include "library_messages.h"

namespace cp::layers {

NameRows::NameRows(std::string layer, std::string idField, std::string nameField,
                   Diagnostics& diagnostics)
    : layer_(std::move(layer)),
      idField_(std::move(idField)),
      nameField_(std::move(nameField)),
      diagnostics_(diagnostics) {}

void NameRows::add(const std::string& feature, const std::string& id, const std::string& name) {
  if (trimmed(id).empty() || trimmed(name).empty())
    empty_.push_back(feature);
  else
    rows_.emplace_back(trimmed(id), trimmed(name));
}

void NameRows::finishInto(NodeNames& names) {
  std::vector<std::string> renamed;
  for (const auto& [id, name] : rows_) {
    const auto [it, fresh] = names.emplace(id, name);
    if (!fresh && it->second != name)
      renamed.push_back("'" + id + "' ('" + name + "', kept '" + it->second + "')");
  }
  if (!empty_.empty())
    diagnostics_.warn(layer_, "", idField_ + ", " + nameField_,
                      "features " + listed(empty_) + ": no id or no name; left out of the names",
                      empty_.size());
  if (!renamed.empty())
    diagnostics_.warn(
        layer_, "", idField_,
        "ids named before under another name: " + listed(renamed) + "; the first name is kept",
        renamed.size());
}

std::string missingNameFields(const std::string& idField, const std::string& nameField) {
  const auto usual = [](const field_names::Names& names) {
    std::string text;
    for (const std::string& name : names)
      text += (text.empty() ? "" : ", ") + name;
    return text;
  };
  if (idField.empty())
    return "no id field to name the flows' nodes by (one of " + usual(field_names::kNodeId) + ")";
  if (nameField.empty())
    return "no name field for the flows' nodes (one of " + usual(field_names::kNodeName) + ")";
  return "";
}

void readNodeNames(const LayerRef& ref, NodeNames& names, Diagnostics& diagnostics) {
  LibraryMessages gdal;
  const OpenLayer layer(ref);
  const std::string idField = layer.detectField(field_names::kNodeId);
  const std::string nameField = layer.detectField(field_names::kNodeName);
  if (const std::string missing = missingNameFields(idField, nameField); !missing.empty())
    failInput(layer.label(), "", "", missing);
  const int id = layer.fieldIndex(idField, true);
  const int name = layer.fieldIndex(nameField, true);
  NameRows rows(layer.label(), idField, nameField, diagnostics);
  layer.layer().ResetReading();
  for (auto& f : layer.layer())
    rows.add(std::to_string(f->GetFID()),
             f->IsFieldSetAndNotNull(id) ? f->GetFieldAsString(id) : "",
             f->IsFieldSetAndNotNull(name) ? f->GetFieldAsString(name) : "");
  gdal.reportTo(diagnostics, layer.label(), "reading");
  rows.finishInto(names);
}

std::string nodeName(const NodeNames& names, const std::string& id) {
  if (const auto it = names.find(id); it != names.end())
    return it->second;
  std::string readable = id;
  for (char& c : readable)
    if (c == '_')
      c = ' ';
  if (!readable.empty())
    readable[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(readable[0])));
  return readable;
}

}  // namespace cp::layers
