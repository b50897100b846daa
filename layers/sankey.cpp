#include "sankey.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <limits>
#include <map>
#include <tuple>

#include "svg_text.h"

namespace cp::layers {
namespace {

constexpr double kLoopGap = 8;      // px between loops, and between the drawing and the first
constexpr double kCharWidth = 6.2;  // px, of an 11 px sans-serif label, to space the legend

// The longest chain of links into each node; links that close a cycle (found
// by depth-first search), and a node's links to itself, become loops.
std::vector<int> columns(std::size_t n, std::vector<SankeyLink>& links) {
  std::vector<std::vector<std::size_t>> out(n);
  for (std::size_t l = 0; l < links.size(); ++l)
    out[links[l].from].push_back(l);
  std::vector<int> state(n, 0);    // 0 new, 1 on the path, 2 done
  std::vector<std::size_t> order;  // reverse post-order: a topological order
  std::function<void(std::size_t)> visit = [&](std::size_t v) {
    state[v] = 1;
    for (std::size_t l : out[v]) {
      if (state[links[l].to] == 1)
        links[l].loop = true;
      else if (state[links[l].to] == 0)
        visit(links[l].to);
    }
    state[v] = 2;
    order.push_back(v);
  };
  for (std::size_t v = 0; v < n; ++v)
    if (state[v] == 0)
      visit(v);
  std::vector<int> column(n, 0);
  for (auto it = order.rbegin(); it != order.rend(); ++it)
    for (std::size_t l : out[*it])
      if (!links[l].loop)
        column[links[l].to] = std::max(column[links[l].to], column[*it] + 1);
  return column;
}

// Bands leave each node in the order of their targets' heights, and enter in
// the order of their sources', so that they cross as little as possible;
// loops leave and enter last, nearest the loops' lanes below.
void stackBands(SankeyLayout& layout) {
  const auto& nodes = layout.nodes;
  const auto& links = layout.links;
  std::vector<std::size_t> byTarget(links.size()), bySource;
  for (std::size_t l = 0; l < byTarget.size(); ++l)
    byTarget[l] = l;
  bySource = byTarget;
  std::stable_sort(byTarget.begin(), byTarget.end(), [&](std::size_t a, std::size_t b) {
    return std::make_pair(links[a].loop, nodes[links[a].to].y) <
           std::make_pair(links[b].loop, nodes[links[b].to].y);
  });
  std::stable_sort(bySource.begin(), bySource.end(), [&](std::size_t a, std::size_t b) {
    return std::make_pair(links[a].loop, nodes[links[a].from].y) <
           std::make_pair(links[b].loop, nodes[links[b].from].y);
  });
  std::vector<double> outY(nodes.size()), inY(nodes.size());
  for (std::size_t v = 0; v < nodes.size(); ++v)
    outY[v] = inY[v] = nodes[v].y;
  for (std::size_t l : byTarget) {
    layout.links[l].y0 = outY[links[l].from];
    outY[links[l].from] += links[l].width;
  }
  for (std::size_t l : bySource) {
    layout.links[l].y1 = inY[links[l].to];
    inY[links[l].to] += links[l].width;
  }
}

// Each loop gets a lane of its own below the drawing area, the widest nearest.
void laneLoops(SankeyLayout& layout, double drawingHeight) {
  std::vector<SankeyLink*> loops;
  for (SankeyLink& l : layout.links)
    if (l.loop)
      loops.push_back(&l);
  std::stable_sort(loops.begin(), loops.end(),
                   [](const SankeyLink* a, const SankeyLink* b) { return a->width > b->width; });
  double y = drawingHeight;
  for (SankeyLink* l : loops) {
    y += kLoopGap;
    l->loopY = y + l->width / 2;
    y += l->width;
  }
  layout.loopsHeight = y - drawingHeight;
}

// How far a loop runs beside its nodes before it turns.
double loopReach(const SankeyLink& l) {
  return 10 + l.width / 2;
}

std::string bandPath(const SankeyLink& l, const SankeyNode& a, const SankeyNode& b,
                     double nodeWidth) {
  const double x0 = a.x + nodeWidth, x1 = b.x;
  const double ya = l.y0 + l.width / 2, yb = l.y1 + l.width / 2;
  if (!l.loop) {
    const double mid = (x0 + x1) / 2;
    return "M" + svgNumber(x0) + "," + svgNumber(ya) + " C" + svgNumber(mid) + "," + svgNumber(ya) + " " +
           svgNumber(mid) + "," + svgNumber(yb) + " " + svgNumber(x1) + "," + svgNumber(yb);
  }
  // Out to the right, down to its lane, back left beyond the target, up, in.
  const double reach = loopReach(l);
  return "M" + svgNumber(x0) + "," + svgNumber(ya) + " H" + svgNumber(x0 + reach) + " V" + svgNumber(l.loopY) +
         " H" + svgNumber(x1 - reach) + " V" + svgNumber(yb) + " H" + svgNumber(x1);
}

std::string nodeLabel(const SankeyNode& v, const std::string& unit) {
  return v.name + " " + quantityLabel(v.tonnes, unit);
}

int lastColumn(const SankeyLayout& layout) {
  int last = 0;
  for (const SankeyNode& v : layout.nodes)
    last = std::max(last, v.column);
  return last;
}

// Room on either side for loops that pass beyond the first or last column
// (labels stay inside the drawing: the last column's on the left of its nodes).
double sideMargin(const SankeyLayout& layout) {
  double margin = 20;
  for (const SankeyLink& l : layout.links)
    if (l.loop)
      margin = std::max(margin, loopReach(l) + l.width / 2 + 10);
  return margin;
}

std::string legend(const SankeyLayout& layout, double y) {
  std::set<MaterialClass> drawn;
  for (const SankeyLink& l : layout.links)
    drawn.insert(l.materialClass);
  std::string svg;
  double x = 0;
  for (MaterialClass c : allMaterialClasses()) {
    if (drawn.count(c) == 0)
      continue;
    const std::string name = nodeName({}, materialClassName(c));  // "Fossil fuels"
    svg += "<rect x=\"" + svgNumber(x) + "\" y=\"" + svgNumber(y) +
           "\" width=\"14\" height=\"10\" fill=\"" + materialClassColour(c) +
           "\" fill-opacity=\"0.7\"/><text x=\"" + svgNumber(x + 18) + "\" y=\"" + svgNumber(y + 9) +
           "\">" + svgEscaped(name) + "</text>\n";
    x += 30 + kCharWidth * static_cast<double>(name.size());
  }
  return svg;
}

}  // namespace

std::string quantityLabel(double value, const std::string& unit) {
  const bool tonnes = unit == kMassUnit || unit.rfind(kMassUnit + " ", 0) == 0;
  if (!tonnes)
    return withThousands(value) + " " + unit;
  const std::string rest = unit.substr(kMassUnit.size());  // "" or " CH4"
  char text[48];
  if (std::abs(value) >= 1e6)
    std::snprintf(text, sizeof text, "%.2f Mt%s", value / 1e6, rest.c_str());
  else if (std::abs(value) >= 1e3)
    std::snprintf(text, sizeof text, "%.0f kt%s", value / 1e3, rest.c_str());
  else
    std::snprintf(text, sizeof text, "%.0f t%s", value, rest.c_str());
  return text;
}

SankeyLayout layoutSankey(const std::vector<Flow>& flows, const SankeyOptions& o) {
  SankeyLayout layout;
  std::map<std::pair<std::string, bool>, std::size_t> index;  // (id, as the split sink)
  const auto node = [&](const std::string& id, bool sink) {
    const auto [it, fresh] =
        index.emplace(std::make_pair(id, sink && o.splitNodes.count(id) > 0), layout.nodes.size());
    if (fresh)
      layout.nodes.push_back({id, nodeName(o.names, id)});
    return it->second;
  };
  std::map<std::tuple<std::size_t, std::size_t, MaterialClass>, std::size_t> linkOf;
  for (const Flow& f : flows) {
    if (f.tonnes <= 0)
      continue;
    const std::size_t from = node(f.origin, false);  // origins first: the order nodes are met
    const std::size_t to = node(f.destination, true);
    const auto key = std::make_tuple(from, to, f.materialClass);
    const auto [it, fresh] = linkOf.emplace(key, layout.links.size());
    if (fresh)
      layout.links.push_back({std::get<0>(key), std::get<1>(key), 0, f.materialClass});
    layout.links[it->second].tonnes += f.tonnes;
  }
  const std::size_t n = layout.nodes.size();
  if (n == 0)
    return layout;
  const std::vector<int> column = columns(n, layout.links);
  std::vector<double> in(n, 0.0), out(n, 0.0);
  for (const SankeyLink& l : layout.links) {
    out[l.from] += l.tonnes;
    in[l.to] += l.tonnes;
  }
  const int columnCount = *std::max_element(column.begin(), column.end()) + 1;
  std::vector<double> columnTonnes(static_cast<std::size_t>(columnCount), 0.0);
  std::vector<int> columnNodes(static_cast<std::size_t>(columnCount), 0);
  for (std::size_t v = 0; v < n; ++v) {
    layout.nodes[v].column = column[v];
    layout.nodes[v].tonnes = std::max(in[v], out[v]);
    columnTonnes[static_cast<std::size_t>(column[v])] += layout.nodes[v].tonnes;
    ++columnNodes[static_cast<std::size_t>(column[v])];
  }
  // One scale for all: the fullest column fills the height, gaps included.
  layout.pxPerTonne = std::numeric_limits<double>::infinity();
  for (int c = 0; c < columnCount; ++c) {
    const double room = o.height - o.nodeGap * (columnNodes[static_cast<std::size_t>(c)] - 1);
    layout.pxPerTonne =
        std::min(layout.pxPerTonne, room / columnTonnes[static_cast<std::size_t>(c)]);
  }
  const double step = columnCount > 1 ? (o.width - o.nodeWidth) / (columnCount - 1) : 0;
  std::vector<double> nextY(static_cast<std::size_t>(columnCount), 0.0);
  for (SankeyNode& v : layout.nodes) {
    v.x = v.column * step;
    v.height = std::max(1.0, v.tonnes * layout.pxPerTonne);
    v.y = nextY[static_cast<std::size_t>(v.column)];
    nextY[static_cast<std::size_t>(v.column)] += v.height + o.nodeGap;
  }
  for (SankeyLink& link : layout.links)
    link.width = link.tonnes * layout.pxPerTonne;
  stackBands(layout);
  laneLoops(layout, o.height);
  return layout;
}

std::string sankeySvg(const SankeyLayout& layout, const SankeyOptions& o) {
  const double side = sideMargin(layout);
  const double top = o.title.empty() ? 20 : 50;
  const double legendY = o.height + layout.loopsHeight + 20;
  const double notesY = legendY + 34;
  const double totalHeight = top + notesY + 16 * static_cast<double>(o.notes.size()) + 10;
  std::string svg =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" "
      "width=\"" +
      svgNumber(o.width + 2 * side) + "\" height=\"" + svgNumber(totalHeight) +
      "\" font-family=\"sans-serif\" font-size=\"11\">\n";
  if (!o.title.empty())
    svg += "<text x=\"" + svgNumber(side) + "\" y=\"28\" font-size=\"16\" font-weight=\"bold\">" +
           svgEscaped(o.title) + "</text>\n";
  svg += "<g transform=\"translate(" + svgNumber(side) + "," + svgNumber(top) + ")\">\n";
  for (const SankeyLink& l : layout.links) {
    const SankeyNode& a = layout.nodes[l.from];
    const SankeyNode& b = layout.nodes[l.to];
    svg += "<path d=\"" + bandPath(l, a, b, o.nodeWidth) + "\" fill=\"none\" stroke=\"" +
           materialClassColour(l.materialClass) + "\" stroke-opacity=\"0.45\" stroke-width=\"" +
           svgNumber(std::max(0.5, l.width)) + "\"><title>" +
           svgEscaped(a.name + " → " + b.name + ": " + quantityLabel(l.tonnes, o.unit) + " " +
                   materialClassName(l.materialClass)) +
           "</title></path>\n";
  }
  const int last = lastColumn(layout);
  for (const SankeyNode& v : layout.nodes) {
    svg += "<rect x=\"" + svgNumber(v.x) + "\" y=\"" + svgNumber(v.y) + "\" width=\"" +
           svgNumber(o.nodeWidth) + "\" height=\"" + svgNumber(v.height) + "\" fill=\"#444\"/>\n";
    const bool right = v.column < last || last == 0;
    const double tx = right ? v.x + o.nodeWidth + 4 : v.x - 4;
    // Over the bands: a white halo first (a second copy, which every SVG
    // renderer draws, unlike paint-order), then the label.
    const std::string at = "<text x=\"" + svgNumber(tx) + "\" y=\"" + svgNumber(v.y + v.height / 2 + 4) +
                           "\"" + (right ? "" : " text-anchor=\"end\"");
    const std::string label = svgEscaped(nodeLabel(v, o.unit));
    svg += at + " fill=\"white\" stroke=\"white\" stroke-width=\"3\" stroke-linejoin=\"round\">" +
           label + "</text>\n" + at + ">" + label + "</text>\n";
  }
  svg += legend(layout, legendY);
  for (std::size_t i = 0; i < o.notes.size(); ++i)
    svg += "<text x=\"0\" y=\"" + svgNumber(notesY + 16 * static_cast<double>(i)) +
           "\" fill=\"#555\">" + svgEscaped(o.notes[i]) + "</text>\n";
  svg += "</g>\n</svg>\n";
  return svg;
}

}  // namespace cp::layers
