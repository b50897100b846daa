#include "sankey_diagram.h"

#include "layers/diagnostics.h"

namespace cp::analyses {

SankeyDiagram drawSankey(const std::vector<layers::Flow>& flows,
                         const SankeyDiagramOptions& options) {
  std::vector<layers::Flow> drawn;
  for (const layers::Flow& f : flows)
    if (options.group.empty() || f.group == options.group)
      drawn.push_back(f);
  if (drawn.empty())
    throw layers::OptionError(
        "no flow passes the filters" +
        (options.group.empty() ? std::string() : " in group '" + options.group + "'") +
        ": nothing to draw");
  SankeyDiagram diagram;
  diagram.layout = layers::layoutSankey(drawn, options.drawing);
  diagram.svg = layers::sankeySvg(diagram.layout, options.drawing);
  return diagram;
}

}  // namespace cp::analyses
