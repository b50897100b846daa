#include "sankey_diagram.h"

namespace cp::analyses {

SankeyDiagram drawSankey(const std::vector<layers::Flow>& flows,
                         const SankeyDiagramOptions& options, const std::string& flowTable) {
  SankeyDiagram diagram;
  const std::string unit = layers::canonicalFlowUnit(options.unit);
  std::vector<layers::Flow> ofGroup;
  for (const layers::Flow& f : flows)
    if (options.group.empty() || f.group == options.group)
      ofGroup.push_back(f);
  const std::vector<layers::Flow> drawn = layers::flowsInUnit(
      std::move(ofGroup), unit, flowTable,
      "not drawn, since the diagram shows " + unit + ", and units are never added",
      diagram.diagnostics);
  if (drawn.empty())
    throw layers::OptionError(
        "no flow in " + unit + " passes the filters" +
        (options.group.empty() ? std::string() : " in group '" + options.group + "'") +
        ": nothing to draw");
  diagram.layout = layers::layoutSankey(drawn, options.drawing);
  diagram.svg = layers::sankeySvg(diagram.layout, options.drawing);
  return diagram;
}

}  // namespace cp::analyses
