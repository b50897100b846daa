#pragma once
// A Sankey diagram of material flows, as SVG for reports: nodes in columns
// from sources to sinks, each as tall as the quantity through it, the flows as
// bands as wide as theirs, coloured by material class with a legend of the
// classes drawn, and nodes labelled by name.

#include <set>
#include <string>
#include <vector>

#include "flows.h"
#include "node_names.h"

namespace cp::layers {

struct SankeyOptions {
  double width = 1000;  // px
  double height = 600;  // px, of the drawing area (labels, loops, legend and notes come on top)
  double nodeWidth = 14;
  double nodeGap = 14;  // between nodes of a column, px
  std::string title;
  std::string unit = kMassUnit;    // what the bands measure, for their labels
  NodeNames names;                 // nodes' readable names; others by their ids made readable
  std::vector<std::string> notes;  // lines under the legend, e.g. what the diagram leaves out
  // Nodes drawn twice, where flows come from and where they go (e.g. the
  // world 'outside' the city), so that imports and exports do not loop back.
  std::set<std::string> splitNodes{"outside"};
};

struct SankeyNode {
  std::string id;  // a split node has two entries
  std::string name;
  int column = 0;
  double x = 0, y = 0, height = 0;  // px
  double tonnes = 0;                // throughput: the larger of in and out, in the unit drawn
};

struct SankeyLink {
  std::size_t from = 0, to = 0;  // node indices; equal for a node's flow to itself
  double tonnes = 0;
  MaterialClass materialClass = MaterialClass::Mixed;
  double y0 = 0, y1 = 0;  // the band's top at its source and at its target
  double width = 0;       // px
  // A flow to its own node or back to an earlier column: drawn as a loop
  // below the diagram, its middle at `loopY`.
  bool loop = false;
  double loopY = 0;
};

struct SankeyLayout {
  std::vector<SankeyNode> nodes;
  std::vector<SankeyLink> links;
  double pxPerTonne = 0;
  double loopsHeight = 0;  // px below the drawing area taken by loops
};

// Columns by the longest chain of flows leading to a node (a flow that would
// close a cycle, or that stays in its node, is drawn as a loop, not lost);
// flows between the same nodes and of the same class are added together.
SankeyLayout layoutSankey(const std::vector<Flow>& flows, const SankeyOptions& options);
std::string sankeySvg(const SankeyLayout& layout, const SankeyOptions& options);

// A quantity as labelled: tonnes (and "t X" units) as t, kt or Mt; other
// units with thousands separated ("225,000 m3").
std::string quantityLabel(double value, const std::string& unit);

}  // namespace cp::layers
