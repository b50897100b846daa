#include "sankey_diagram.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace cp::analyses {
namespace {

// A flow as a note under the diagram: what, from where to where, how much.
std::string noteOf(const layers::Flow& f, const layers::NodeNames& names) {
  return (f.material.empty() ? f.id : f.material) + ", " + layers::nodeName(names, f.origin) +
         " → " + layers::nodeName(names, f.destination) + ": " +
         layers::quantityLabel(f.tonnes, f.unit);
}

// Emissions are gases released, not materials passed on: in a diagram of
// material tonnes they are set apart like any other unit.
std::vector<layers::Flow> withoutEmissions(std::vector<layers::Flow> flows,
                                           std::vector<layers::Flow>& emissions) {
  std::vector<layers::Flow> kept;
  for (layers::Flow& f : flows)
    (f.materialClass == layers::MaterialClass::Emissions ? emissions : kept)
        .push_back(std::move(f));
  return kept;
}

void warnUnnamed(const std::vector<layers::Flow>& drawn, const layers::NodeNames& names,
                 const std::string& flowTable, layers::Diagnostics& diagnostics) {
  if (names.empty())
    return;
  std::set<std::string> unnamed;
  for (const layers::Flow& f : drawn)
    for (const std::string* id : {&f.origin, &f.destination})
      if (names.count(*id) == 0)
        unnamed.insert(*id);
  if (!unnamed.empty())
    diagnostics.warn(flowTable, "", "",
                     "nodes without a name in the names given (" +
                         layers::listed({unnamed.begin(), unnamed.end()}) +
                         "): drawn by their ids made readable",
                     unnamed.size());
}

// Nodes through which the drawn flows pass (in and out) but whose outflows
// do not add up to their inflows: the rest (stock change, emissions, losses,
// or flows the table lacks) would otherwise leave the reader guessing.
std::vector<std::string> unbalancedNodes(const std::vector<layers::Flow>& drawn,
                                         const layers::NodeNames& names) {
  std::map<std::string, std::pair<double, double>> inOut;
  double largest = 0;
  for (const layers::Flow& f : drawn) {
    inOut[f.destination].first += f.tonnes;
    inOut[f.origin].second += f.tonnes;
    largest = std::max(largest, f.tonnes);
  }
  std::vector<std::string> notes;
  for (const auto& [node, flows] : inOut) {
    const auto& [in, out] = flows;
    if (in > 0 && out > 0 && std::abs(in - out) > 0.005 * largest)
      notes.push_back(layers::nodeName(names, node) + ": " +
                      layers::quantityLabel(in, drawn.front().unit) + " in, " +
                      layers::quantityLabel(out, drawn.front().unit) + " out; " +
                      layers::quantityLabel(std::abs(in - out), drawn.front().unit) +
                      (in > out ? " more in than out" : " more out than in"));
  }
  return notes;
}

}  // namespace

SankeyDiagram drawSankey(const std::vector<layers::Flow>& flows,
                         const SankeyDiagramOptions& options, const std::string& flowTable) {
  SankeyDiagram diagram;
  layers::SankeyOptions drawing = options.drawing;
  drawing.unit = layers::canonicalFlowUnit(options.unit);
  std::vector<layers::Flow> ofGroup, apart;
  for (const layers::Flow& f : flows) {
    if (!options.group.empty() && f.group != options.group)
      continue;
    ofGroup.push_back(f);
    if (f.unit != drawing.unit)
      apart.push_back(f);
  }
  std::vector<layers::Flow> inUnit =
      layers::flowsInUnit(std::move(ofGroup), drawing.unit, flowTable,
                          "not drawn, since the diagram shows " + drawing.unit +
                              ", and units are never added; named under the diagram",
                          diagram.diagnostics);
  std::vector<layers::Flow> emissions;
  if (drawing.unit == layers::kMassUnit) {
    inUnit = withoutEmissions(std::move(inUnit), emissions);
    if (!emissions.empty())
      diagram.diagnostics.warn(
          flowTable, "", "",
          layers::counted(emissions.size(), "emission flow") +
              " in tonnes: not drawn among materials (emissions are released, not passed on); "
              "named under the diagram");
    apart.insert(apart.end(), emissions.begin(), emissions.end());
  }
  if (inUnit.empty())
    throw layers::OptionError(
        "no flow in " + drawing.unit + " passes the filters" +
        (options.group.empty() ? std::string() : " in group '" + options.group + "'") +
        ": nothing to draw");
  if (!apart.empty())
    drawing.notes.push_back("Not drawn (other units, or emissions: never added to the bands):");
  for (const layers::Flow& f : apart)
    drawing.notes.push_back("  " + noteOf(f, drawing.names));
  if (const std::vector<std::string> unbalanced = unbalancedNodes(inUnit, drawing.names);
      !unbalanced.empty()) {
    drawing.notes.push_back(
        "In and out differ (stock change, emissions, losses, or flows not in the table):");
    for (const std::string& node : unbalanced)
      drawing.notes.push_back("  " + node);
  }
  warnUnnamed(inUnit, drawing.names, flowTable, diagram.diagnostics);
  diagram.layout = layers::layoutSankey(inUnit, drawing);
  diagram.svg = layers::sankeySvg(diagram.layout, drawing);
  return diagram;
}

std::vector<SankeyView> sankeyViews(const std::vector<layers::Flow>& flows) {
  std::vector<SankeyView> views;
  for (const layers::Flow& f : flows) {
    auto it = std::find_if(views.begin(), views.end(),
                           [&f](const SankeyView& v) { return v.group == f.group; });
    if (it == views.end())
      it = views.insert(views.end(), {f.group, f.unit});
    if (f.unit == layers::kMassUnit && f.materialClass != layers::MaterialClass::Emissions)
      it->unit = layers::kMassUnit;
  }
  return views;
}

}  // namespace cp::analyses
