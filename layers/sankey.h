#pragma once
// A Sankey diagram of material flows, as SVG for reports: nodes in columns
// from sources to sinks, each as tall as the tonnes through it, and the flows
// as bands as wide as their tonnes, coloured by material class.

#include <set>
#include <string>
#include <vector>

#include "flows.h"

namespace cp::layers {

struct SankeyOptions {
  double width = 1000;  // px
  double height = 600;  // px, of the drawing area (labels and title come on top)
  double nodeWidth = 14;
  double nodeGap = 14;  // between nodes of a column, px
  std::string title;
  // Nodes drawn twice, where flows come from and where they go (e.g. the
  // world 'outside' the city), so that imports and exports do not loop back.
  std::set<std::string> splitNodes{"outside"};
};

struct SankeyNode {
  std::string id;  // as labelled; a split node has two entries
  int column = 0;
  double x = 0, y = 0, height = 0;  // px
  double tonnes = 0;                // throughput: the larger of in and out
};

struct SankeyLink {
  std::size_t from = 0, to = 0;  // node indices
  double tonnes = 0;
  MaterialClass materialClass = MaterialClass::Mixed;
  double y0 = 0, y1 = 0;  // the band's top at its source and at its target
  double width = 0;       // px
};

struct SankeyLayout {
  std::vector<SankeyNode> nodes;
  std::vector<SankeyLink> links;
  double pxPerTonne = 0;
};

// Columns by the longest chain of flows leading to a node (a flow that would
// close a cycle is drawn backwards, not lost); flows between the same nodes
// and of the same class are added together; self-flows are left out.
SankeyLayout layoutSankey(const std::vector<Flow>& flows, const SankeyOptions& options);
std::string sankeySvg(const SankeyLayout& layout, const SankeyOptions& options);

}  // namespace cp::layers
