#pragma once
// A Sankey diagram of one group of flows (a view of the report) in one unit,
// drawn as SVG: band widths add up, so flows in another unit (methane, CO2
// equivalents beside material tonnes) are never drawn in the same diagram.

#include <string>
#include <vector>

#include "layers/diagnostics.h"
#include "layers/flows.h"
#include "layers/sankey.h"

namespace cp::analyses {

struct SankeyDiagramOptions {
  std::string group;                     // the flows' group (view) to draw; empty: all
  std::string unit = layers::kMassUnit;  // as written: "tonnes" is kMassUnit
  layers::SankeyOptions drawing;
};

struct SankeyDiagram {
  layers::SankeyLayout layout;
  std::string svg;
  layers::Diagnostics diagnostics;  // the group's flows in other units, left out
};

// Throws layers::OptionError when no flow is of the group and unit: nothing
// to draw. `flowTable` names the table in warnings.
SankeyDiagram drawSankey(const std::vector<layers::Flow>& flows,
                         const SankeyDiagramOptions& options, const std::string& flowTable);

}  // namespace cp::analyses
