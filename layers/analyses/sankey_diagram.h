#pragma once
// A Sankey diagram of one group of flows (a view of the report), drawn as SVG.

#include <string>
#include <vector>

#include "layers/flows.h"
#include "layers/sankey.h"

namespace cp::analyses {

struct SankeyDiagramOptions {
  std::string group;  // the flows' group (view) to draw; empty: all
  layers::SankeyOptions drawing;
};

struct SankeyDiagram {
  layers::SankeyLayout layout;
  std::string svg;
};

// Throws layers::OptionError when no flow is of the group: nothing to draw.
SankeyDiagram drawSankey(const std::vector<layers::Flow>& flows,
                         const SankeyDiagramOptions& options);

}  // namespace cp::analyses
