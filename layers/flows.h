#pragma once
// Material flows: rows of a flow table, each carrying tonnes per year of one
// material class from an origin to a destination (ids of places of any role,
// or of the report's system nodes such as 'outside' or 'stock'); filters; and
// the mass balance of every node.

#include <optional>
#include <set>
#include <string>
#include <vector>

namespace cp::layers {

// The report's material classes; 'mixed' for flows that add several together.
enum class MaterialClass { Biomass, Minerals, Metals, FossilFuels, Water, Emissions, Mixed };

// Accepts the names below in any case, with '_', ' ' or '-' between words.
std::optional<MaterialClass> parseMaterialClass(const std::string& text);
const char* materialClassName(MaterialClass c);  // biomass, minerals, ..., fossil_fuels, mixed
const std::vector<MaterialClass>& allMaterialClasses();
// The class's colour (#rrggbb) on every map and diagram, so that a reader
// learns it once: ColorBrewer hues that stay apart for most colour vision.
const char* materialClassColour(MaterialClass c);

// The unit of material flows: tonnes of the material. Emissions in CO2
// equivalents, a gas's own mass (t CH4) or water in m³ are other units: they
// are kept apart and never added to material tonnes or to each other.
inline const std::string kMassUnit = "t";

// A flow's unit as written ("" means tonnes, as the quantity field says):
// the usual spellings of tonnes become kMassUnit, any other is kept as given.
std::string canonicalFlowUnit(const std::string& text);

struct Flow {
  std::string id;
  std::string origin;
  std::string destination;
  double tonnes = 0;  // per year, in `unit`
  MaterialClass materialClass = MaterialClass::Mixed;
  std::string material;  // what it is, e.g. 'concrete' or 'organic waste'
  std::string stage;     // e.g. import, processing, consumption, stock, landfill
  std::string scenario;
  std::string group;  // flows balanced together, e.g. the report's view
  std::string unit = kMassUnit;
};

class Diagnostics;

// The flows in `unit`, in their order. The others are said in `diagnostics`
// under `table`, one message per unit naming its flows and ending with `why`
// (e.g. "not drawn"): flows in different units are never added together.
std::vector<Flow> flowsInUnit(std::vector<Flow> flows, const std::string& unit,
                              const std::string& table, const std::string& why,
                              Diagnostics& diagnostics);

struct FlowFilter {
  std::set<MaterialClass> classes;  // empty: all
  std::string stage;                // empty: all
  std::string scenario;             // empty: all
  bool keeps(const Flow& f) const;
};

// What a node takes in, sends on and keeps, within one group of flows and one
// unit (a node's methane balances apart from its materials). A
// flow into a stock node adds to its origin's stock. Nodes that only send or
// only receive are the system's boundary (sources and sinks): they need not
// balance. Flows from a node to itself are internal and left out.
struct NodeBalance {
  std::string group;
  std::string unit;
  std::string node;
  double in = 0;
  double out = 0;
  double stockChange = 0;
  bool boundary = false;
  double imbalance() const { return in - out - stockChange; }
};

// Sorted by group, then unit, then node.
std::vector<NodeBalance> balances(const std::vector<Flow>& flows,
                                  const std::set<std::string>& stockNodes);

}  // namespace cp::layers
