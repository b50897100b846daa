#pragma once
// Readable names of the nodes of material flows ('disposal_sites' is drawn as
// "Landfill and dumpsites"), read from any table with an id and a name: a
// table of the flows' system nodes, or the places' own layers. One rule
// whatever opened the layer: an empty id or name is skipped and listed, and an
// id named twice with another name keeps its first name and is listed.

#include <map>
#include <string>
#include <vector>

#include "diagnostics.h"
#include "field_names.h"
#include "ogr_source.h"

namespace cp::layers {

using NodeNames = std::map<std::string, std::string>;  // id -> name

// The rule, row by row; each reader (OGR here, QGIS in the bridge) feeds it,
// and several tables may feed one NodeNames.
class NameRows {
 public:
  NameRows(std::string layer, std::string idField, std::string nameField, Diagnostics& diagnostics);
  void add(const std::string& feature, const std::string& id, const std::string& name);
  // Adds the names to `names` (ids already there keep theirs) and warns once
  // about the rows left out.
  void finishInto(NodeNames& names);

 private:
  std::string layer_, idField_, nameField_;
  Diagnostics& diagnostics_;
  std::vector<std::pair<std::string, std::string>> rows_;
  std::vector<std::string> empty_;  // features without an id or a name
};

// Why a layer gives no names: it lacks an id or a name field of the usual
// names (field_names::kNodeId, kNodeName); or "" when it has both.
std::string missingNameFields(const std::string& idField, const std::string& nameField);

// Adds the layer's names to `names`, its fields detected; an InputError
// naming the layer when it has no id or no name field.
void readNodeNames(const LayerRef& ref, NodeNames& names, Diagnostics& diagnostics);

// The name a node is drawn with: its given name, else its id made readable
// ('city_industry' -> "City industry").
std::string nodeName(const NodeNames& names, const std::string& id);

}  // namespace cp::layers
