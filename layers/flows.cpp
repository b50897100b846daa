#include "flows.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <tuple>

#include "diagnostics.h"

namespace cp::layers {
namespace {

struct ClassName {
  MaterialClass value;
  const char* name;
};

constexpr ClassName kClasses[] = {
    {MaterialClass::Biomass, "biomass"}, {MaterialClass::Minerals, "minerals"},
    {MaterialClass::Metals, "metals"},   {MaterialClass::FossilFuels, "fossil_fuels"},
    {MaterialClass::Water, "water"},     {MaterialClass::Emissions, "emissions"},
    {MaterialClass::Mixed, "mixed"}};

std::string normalised(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == ' ' || c == '-')
      c = '_';
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  const auto begin = out.find_first_not_of('_');
  const auto end = out.find_last_not_of('_');
  return begin == std::string::npos ? std::string() : out.substr(begin, end - begin + 1);
}

}  // namespace

std::optional<MaterialClass> parseMaterialClass(const std::string& text) {
  const std::string key = normalised(text);
  for (const ClassName& c : kClasses)
    if (key == c.name)
      return c.value;
  return std::nullopt;
}

const char* materialClassName(MaterialClass value) {
  for (const ClassName& c : kClasses)
    if (c.value == value)
      return c.name;
  return "mixed";
}

const char* materialClassColour(MaterialClass c) {
  switch (c) {
    case MaterialClass::Biomass:
      return "#1a9641";
    case MaterialClass::Minerals:
      return "#a6761d";
    case MaterialClass::Metals:
      return "#4575b4";
    case MaterialClass::FossilFuels:
      return "#252525";
    case MaterialClass::Water:
      return "#74add1";
    case MaterialClass::Emissions:
      return "#969696";
    case MaterialClass::Mixed:
      break;
  }
  return "#984ea3";
}

const std::vector<MaterialClass>& allMaterialClasses() {
  static const std::vector<MaterialClass> all = [] {
    std::vector<MaterialClass> v;
    for (const ClassName& c : kClasses)
      v.push_back(c.value);
    return v;
  }();
  return all;
}

std::string canonicalFlowUnit(const std::string& text) {
  static const std::set<std::string> tonnes{"",     "t",      "tonne",      "tonnes",
                                            "t/yr", "t/year", "t_per_year", "tonnes_per_year"};
  return tonnes.count(normalised(text)) > 0 ? kMassUnit : trimmed(text);
}

std::vector<Flow> flowsInUnit(std::vector<Flow> flows, const std::string& unit,
                              const std::string& table, const std::string& why,
                              Diagnostics& diagnostics) {
  std::vector<Flow> kept;
  std::map<std::string, std::vector<std::string>> others;  // flow ids by unit
  for (Flow& f : flows) {
    if (f.unit == unit)
      kept.push_back(std::move(f));
    else
      others[f.unit].push_back(f.id);
  }
  for (const auto& [other, ids] : others)
    diagnostics.warn(
        table, "", "",
        counted(ids.size(), "flow") + " in " + other + " (" + listed(ids) + "): " + why);
  return kept;
}

bool FlowFilter::keeps(const Flow& f) const {
  return (classes.empty() || classes.count(f.materialClass) > 0) &&
         (stage.empty() || f.stage == stage) && (scenario.empty() || f.scenario == scenario);
}

std::vector<NodeBalance> balances(const std::vector<Flow>& flows,
                                  const std::set<std::string>& stockNodes) {
  std::map<std::tuple<std::string, std::string, std::string>, NodeBalance> nodes;
  const auto node = [&nodes](const Flow& f, const std::string& id) -> NodeBalance& {
    NodeBalance& b = nodes[{f.group, f.unit, id}];
    b.group = f.group;
    b.unit = f.unit;
    b.node = id;
    return b;
  };
  for (const Flow& f : flows) {
    if (f.origin == f.destination)
      continue;
    if (stockNodes.count(f.destination) > 0) {
      node(f, f.origin).stockChange += f.tonnes;
      continue;
    }
    node(f, f.origin).out += f.tonnes;
    node(f, f.destination).in += f.tonnes;
  }
  std::vector<NodeBalance> out;
  for (auto& [key, b] : nodes) {
    const bool sends = b.out > 0 || b.stockChange > 0;
    b.boundary = !(b.in > 0 && sends);
    out.push_back(b);
  }
  return out;
}

}  // namespace cp::layers
