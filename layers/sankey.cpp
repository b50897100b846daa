#include "sankey.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <limits>
#include <map>
#include <tuple>

namespace cp::layers {
namespace {

std::string escaped(const std::string& text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string number(double v) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f", v);
  return text;
}

std::string tonnesLabel(double t) {
  char text[32];
  if (t >= 1e6)
    std::snprintf(text, sizeof text, "%.2f Mt", t / 1e6);
  else if (t >= 1e3)
    std::snprintf(text, sizeof text, "%.0f kt", t / 1e3);
  else
    std::snprintf(text, sizeof text, "%.0f t", t);
  return text;
}

// The longest chain of links into each node, ignoring links that close a
// cycle (found by depth-first search).
std::vector<int> columns(std::size_t n, const std::vector<SankeyLink>& links) {
  std::vector<std::vector<std::size_t>> out(n);
  for (std::size_t l = 0; l < links.size(); ++l)
    out[links[l].from].push_back(l);
  std::vector<int> state(n, 0);  // 0 new, 1 on the path, 2 done
  std::vector<char> back(links.size(), 0);
  std::vector<std::size_t> order;  // reverse post-order: a topological order
  std::function<void(std::size_t)> visit = [&](std::size_t v) {
    state[v] = 1;
    for (std::size_t l : out[v]) {
      if (state[links[l].to] == 1)
        back[l] = 1;
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
      if (!back[l])
        column[links[l].to] = std::max(column[links[l].to], column[*it] + 1);
  return column;
}

}  // namespace

SankeyLayout layoutSankey(const std::vector<Flow>& flows, const SankeyOptions& o) {
  SankeyLayout layout;
  std::map<std::pair<std::string, bool>, std::size_t> index;  // (id, as the split sink)
  const auto node = [&](const std::string& id, bool sink) {
    const auto [it, fresh] =
        index.emplace(std::make_pair(id, sink && o.splitNodes.count(id) > 0), layout.nodes.size());
    if (fresh)
      layout.nodes.push_back({id});
    return it->second;
  };
  std::map<std::tuple<std::size_t, std::size_t, MaterialClass>, std::size_t> linkOf;
  for (const Flow& f : flows) {
    if (f.origin == f.destination || f.tonnes <= 0)
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
  // Bands leave each node in the order of their targets' heights, and enter
  // in the order of their sources', so that they cross as little as possible.
  std::vector<std::size_t> byTarget(layout.links.size()), bySource;
  for (std::size_t l = 0; l < byTarget.size(); ++l)
    byTarget[l] = l;
  bySource = byTarget;
  const auto& nodes = layout.nodes;
  const auto& links = layout.links;
  std::stable_sort(byTarget.begin(), byTarget.end(), [&](std::size_t a, std::size_t b) {
    return nodes[links[a].to].y < nodes[links[b].to].y;
  });
  std::stable_sort(bySource.begin(), bySource.end(), [&](std::size_t a, std::size_t b) {
    return nodes[links[a].from].y < nodes[links[b].from].y;
  });
  std::vector<double> outY(n), inY(n);
  for (std::size_t v = 0; v < n; ++v)
    outY[v] = inY[v] = layout.nodes[v].y;
  for (SankeyLink& link : layout.links)
    link.width = link.tonnes * layout.pxPerTonne;
  for (std::size_t l : byTarget) {
    layout.links[l].y0 = outY[layout.links[l].from];
    outY[layout.links[l].from] += layout.links[l].width;
  }
  for (std::size_t l : bySource) {
    layout.links[l].y1 = inY[layout.links[l].to];
    inY[layout.links[l].to] += layout.links[l].width;
  }
  return layout;
}

std::string sankeySvg(const SankeyLayout& layout, const SankeyOptions& o) {
  const double margin = 150;  // room for labels on either side
  const double top = o.title.empty() ? 20 : 50;
  std::string svg =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" "
      "width=\"" +
      number(o.width + 2 * margin) + "\" height=\"" + number(o.height + top + 20) +
      "\" font-family=\"sans-serif\" font-size=\"11\">\n";
  if (!o.title.empty())
    svg += "<text x=\"" + number(margin) + "\" y=\"28\" font-size=\"16\" font-weight=\"bold\">" +
           escaped(o.title) + "</text>\n";
  svg += "<g transform=\"translate(" + number(margin) + "," + number(top) + ")\">\n";
  for (const SankeyLink& l : layout.links) {
    const SankeyNode& a = layout.nodes[l.from];
    const SankeyNode& b = layout.nodes[l.to];
    const double x0 = a.x + o.nodeWidth, x1 = b.x;
    const double mid = (x0 + x1) / 2;
    const double ya = l.y0 + l.width / 2, yb = l.y1 + l.width / 2;
    svg += "<path d=\"M" + number(x0) + "," + number(ya) + " C" + number(mid) + "," + number(ya) +
           " " + number(mid) + "," + number(yb) + " " + number(x1) + "," + number(yb) +
           "\" fill=\"none\" stroke=\"" + materialClassColour(l.materialClass) +
           "\" stroke-opacity=\"0.45\" stroke-width=\"" + number(std::max(0.5, l.width)) +
           "\"><title>" +
           escaped(a.id + " → " + b.id + ": " + tonnesLabel(l.tonnes) + " " +
                   materialClassName(l.materialClass)) +
           "</title></path>\n";
  }
  const int lastColumn = layout.nodes.empty()
                             ? 0
                             : std::max_element(layout.nodes.begin(), layout.nodes.end(),
                                                [](const SankeyNode& a, const SankeyNode& b) {
                                                  return a.column < b.column;
                                                })
                                   ->column;
  for (const SankeyNode& v : layout.nodes) {
    svg += "<rect x=\"" + number(v.x) + "\" y=\"" + number(v.y) + "\" width=\"" +
           number(o.nodeWidth) + "\" height=\"" + number(v.height) + "\" fill=\"#444\"/>\n";
    const bool right = v.column < lastColumn || lastColumn == 0;
    const double tx = right ? v.x + o.nodeWidth + 4 : v.x - 4;
    svg += "<text x=\"" + number(tx) + "\" y=\"" + number(v.y + v.height / 2 + 4) + "\"" +
           (right ? "" : " text-anchor=\"end\"") + ">" + escaped(v.id) + " " +
           tonnesLabel(v.tonnes) + "</text>\n";
  }
  svg += "</g>\n</svg>\n";
  return svg;
}

}  // namespace cp::layers
