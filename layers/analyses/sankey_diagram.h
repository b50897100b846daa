#pragma once
// A Sankey diagram of one group of flows (a view of the report) in one unit,
// drawn as SVG: band widths add up, so flows in another unit (methane, CO2
// equivalents, water beside material tonnes) are never drawn in the same
// diagram, nor are emissions among materials: they are named under it instead.

#include <string>
#include <vector>

#include "layers/diagnostics.h"
#include "layers/flows.h"
#include "layers/sankey.h"

namespace cp::analyses {

struct SankeyDiagramOptions {
  std::string group;                     // the flows' group (view) to draw; empty: all
  std::string unit = layers::kMassUnit;  // as written: "tonnes" is kMassUnit
  layers::SankeyOptions drawing;         // its unit is set from `unit`
};

struct SankeyDiagram {
  layers::SankeyLayout layout;
  std::string svg;
  // The group's flows in other units, and emissions among materials, left out;
  // nodes without a name where names were given.
  layers::Diagnostics diagnostics;
};

// Throws layers::OptionError when no flow is of the group and unit: nothing
// to draw. `flowTable` names the table in warnings.
SankeyDiagram drawSankey(const std::vector<layers::Flow>& flows,
                         const SankeyDiagramOptions& options, const std::string& flowTable);

// A group of flows and the unit its diagram shows.
struct SankeyView {
  std::string group;
  std::string unit;
};

// Each group of the flows, in the order first met, drawn in material tonnes
// where it has material flows in tonnes, else in the first unit it has (a
// view of water alone is drawn in m3).
std::vector<SankeyView> sankeyViews(const std::vector<layers::Flow>& flows);

}  // namespace cp::analyses
