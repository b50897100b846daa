#include "sankey_diagram.h"

#include <map>

namespace cp::analyses {

SankeyDiagram drawSankey(const std::vector<layers::Flow>& flows,
                         const SankeyDiagramOptions& options, const std::string& flowTable) {
  SankeyDiagram diagram;
  std::vector<layers::Flow> drawn;
  std::map<std::string, std::vector<std::string>> otherUnits;  // flow ids by unit
  for (const layers::Flow& f : flows) {
    if (!options.group.empty() && f.group != options.group)
      continue;
    if (f.unit == options.unit)
      drawn.push_back(f);
    else
      otherUnits[f.unit].push_back(f.id);
  }
  for (const auto& [unit, ids] : otherUnits)
    diagram.diagnostics.warn(flowTable, "", "",
                             layers::counted(ids.size(), "flow") + " in " + unit + " (" +
                                 layers::listed(ids) + "): not drawn, since the diagram shows " +
                                 options.unit + ", and units are never added");
  if (drawn.empty())
    throw layers::OptionError(
        "no flow in " + options.unit + " passes the filters" +
        (options.group.empty() ? std::string() : " in group '" + options.group + "'") +
        ": nothing to draw");
  diagram.layout = layers::layoutSankey(drawn, options.drawing);
  diagram.svg = layers::sankeySvg(diagram.layout, options.drawing);
  return diagram;
}

}  // namespace cp::analyses
