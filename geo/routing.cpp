#include "routing.h"

#include <algorithm>

#include "geodesy.h"

namespace cp::geo {
namespace {

Cost share(const Network& net, SegmentId s, double fraction) {
  return {net.segmentLength[s] * fraction, net.segmentTime[s] * fraction};
}

// How a destination is entered: from one of its segment's end nodes, or
// straight along the origin's own segment.
struct Arrival {
  Cost cost;
  NodeId node = kNoId;  // kNoId: along the shared segment, no node passed
  Seed last{};          // the piece from `node` to the destination
};

Arrival bestArrival(const Dijkstra& search, const Location& from, const Location& to) {
  const Network& net = search.network();
  Arrival best;
  for (const Seed& a : arrivals(net, to)) {
    if (!search.reached(a.node))
      continue;
    const Cost c = search.cost(a.node) + a.cost;
    if (search.better(c, best.cost))
      best = {c, a.node, a};
  }
  const Cost direct = alongSegment(net, from, to, search.metric());
  if (direct.reachable() && search.better(direct, best.cost))
    best = {direct, kNoId, {}};
  return best;
}

}  // namespace

DecisiveNodes::DecisiveNodes(const Network& net,
                             const std::vector<std::optional<Location>>& targets)
    : isDecisive_(net.nodeCount(), 0) {
  for (const auto& t : targets)
    if (t)
      for (const Seed& a : arrivals(net, *t)) {
        count_ += isDecisive_[a.node] == 0 ? 1U : 0U;
        isDecisive_[a.node] = 1;
      }
}

void DecisiveNodes::settle(Dijkstra& search, double cutoff) const {
  std::size_t remaining = count_;
  if (remaining == 0)
    return;
  search.run(cutoff, [&](NodeId u) { return isDecisive_[u] != 0 && --remaining == 0; });
}

namespace {

void appendPoints(std::vector<XY>& line, const std::vector<XY>& more) {
  for (const XY& p : more) {
    if (!line.empty() && line.back().x == p.x && line.back().y == p.y)
      continue;
    line.push_back(p);
  }
}

void appendArcShape(const Network& net, ArcId arc, std::vector<XY>& line) {
  std::vector<XY> shape = net.segmentShape(net.arcs[arc].segment);
  if (!net.arcIsForward(arc))
    std::reverse(shape.begin(), shape.end());
  appendPoints(line, shape);
}

// The departure a search's path tree root was reached by: the cheapest seed there.
Seed departureTo(const Dijkstra& search, const Location& from, NodeId root) {
  Seed best{root, Cost{}, 0};
  for (const Seed& d : departures(search.network(), from))
    if (d.node == root && search.better(d.cost, best.cost))
      best = d;
  return best;
}

// Adds a travelled piece of a segment; a piece of no length is no travel.
void addPiece(Route& route, SegmentId s, double metres) {
  if (metres <= 0)
    return;
  route.segments.push_back(s);
  route.segmentMetres.push_back(metres);
}

Route assembleRoute(const Dijkstra& search, const Location& from, const Location& to,
                    const Arrival& arrival) {
  const Network& net = search.network();
  Route route;
  route.cost = arrival.cost;
  if (arrival.node == kNoId) {
    route.geometry = partialShape(net, from.segment, from.fraction, to.fraction);
    addPiece(route, from.segment, route.cost.distanceM);
    return route;
  }
  std::vector<ArcId> arcs;
  NodeId node = arrival.node;
  for (ArcId a = search.parentArc(node); a != kNoId; a = search.parentArc(node)) {
    arcs.push_back(a);
    node = net.arcTail(a);
  }
  std::reverse(arcs.begin(), arcs.end());
  const Seed first = departureTo(search, from, node);
  appendPoints(route.geometry, partialShape(net, from.segment, from.fraction, first.nodeFraction));
  addPiece(route, from.segment, first.cost.distanceM);
  for (ArcId a : arcs) {
    appendArcShape(net, a, route.geometry);
    addPiece(route, net.arcs[a].segment, net.arcs[a].length);
  }
  appendPoints(route.geometry,
               partialShape(net, to.segment, arrival.last.nodeFraction, to.fraction));
  addPiece(route, to.segment, arrival.last.cost.distanceM);
  return route;
}

}  // namespace

namespace {

// Seeds at a location's segment ends: from-node and to-node as asked, plus the
// node the location lies on, if any, at no cost.
std::vector<Seed> endSeeds(const Network& net, const Location& at, bool viaFrom, bool viaTo) {
  std::vector<Seed> out;
  if (viaTo)
    out.push_back({net.segmentTo[at.segment], share(net, at.segment, 1 - at.fraction), 1});
  if (viaFrom)
    out.push_back({net.segmentFrom[at.segment], share(net, at.segment, at.fraction), 0});
  const NodeId on = nodeAt(net, at);
  const double onFraction = at.fraction <= 0 ? 0 : 1;
  const bool listed = std::any_of(out.begin(), out.end(),
                                  [&](const Seed& s) { return s.nodeFraction == onFraction; });
  if (on != kNoId && !listed)
    out.push_back({on, Cost{0, 0}, onFraction});
  return out;
}

}  // namespace

NodeId nodeAt(const Network& net, const Location& at) {
  if (at.fraction <= 0)
    return net.segmentFrom[at.segment];
  if (at.fraction >= 1)
    return net.segmentTo[at.segment];
  return kNoId;
}

std::vector<Seed> departures(const Network& net, const Location& from) {
  const Direction d = net.segmentDirection[from.segment];
  return endSeeds(net, from, allowsBackward(d), allowsForward(d));
}

std::vector<Seed> arrivals(const Network& net, const Location& to) {
  const Direction d = net.segmentDirection[to.segment];
  return endSeeds(net, to, allowsForward(d), allowsBackward(d));
}

Cost alongSegment(const Network& net, const Location& from, const Location& to, Metric metric) {
  if (from.segment != to.segment)
    return {};
  const Direction d = net.segmentDirection[to.segment];
  Cost best;
  if (allowsForward(d) && to.fraction >= from.fraction)
    best = share(net, to.segment, to.fraction - from.fraction);
  if (allowsBackward(d) && to.fraction <= from.fraction) {
    const Cost back = share(net, to.segment, from.fraction - to.fraction);
    if (lexLess(back, best, metric))
      best = back;
  }
  return best;
}

void seedFrom(Dijkstra& search, const Location& from) {
  for (const Seed& s : departures(search.network(), from))
    search.addSeed(s.node, s.cost);
}

Cost costTo(const Dijkstra& search, const Location& from, const Location& to) {
  return bestArrival(search, from, to).cost;
}

std::vector<XY> partialShape(const Network& net, SegmentId s, double f0, double f1) {
  const bool reversed = f1 < f0;
  const double lo = std::min(f0, f1);
  const double hi = std::max(f0, f1);
  const double total = net.segmentPlanarLength(s);
  std::vector<XY> out;
  double along = 0;
  for (std::uint32_t i = net.shapeBegin[s]; i + 1 < net.shapeBegin[s + 1]; ++i) {
    const XY& a = net.shape[i];
    const XY& b = net.shape[i + 1];
    const double piece = planarDistance(a, b);
    const auto pointAt = [&](double f) {
      const double t = piece > 0 ? std::clamp((f * total - along) / piece, 0.0, 1.0) : 0.0;
      return XY{a.x + t * (b.x - a.x), a.y + t * (b.y - a.y)};
    };
    if (out.empty() && (along + piece >= lo * total || i + 2 == net.shapeBegin[s + 1]))
      out.push_back(pointAt(lo));
    if (!out.empty() && along + piece < hi * total)
      out.push_back(b);
    else if (!out.empty()) {
      out.push_back(pointAt(hi));
      break;
    }
    along += piece;
  }
  if (reversed)
    std::reverse(out.begin(), out.end());
  return out;
}

Route shortestRoute(const Network& net, const Location& from, const Location& to, Metric metric) {
  Dijkstra search(net, metric);
  search.reset();
  seedFrom(search, from);
  DecisiveNodes(net, {to}).settle(search, kInfinity);
  const Arrival arrival = bestArrival(search, from, to);
  if (!arrival.cost.reachable())
    return {};
  return assembleRoute(search, from, to, arrival);
}

std::vector<Route> routesFrom(const Network& net, const Location& from,
                              const std::vector<std::optional<Location>>& targets, Metric metric) {
  Dijkstra search(net, metric);
  search.reset();
  seedFrom(search, from);
  DecisiveNodes(net, targets).settle(search, kInfinity);
  std::vector<Route> routes(targets.size());
  for (std::size_t i = 0; i < targets.size(); ++i) {
    if (!targets[i])
      continue;
    const Arrival arrival = bestArrival(search, from, *targets[i]);
    if (arrival.cost.reachable())
      routes[i] = assembleRoute(search, from, *targets[i], arrival);
  }
  return routes;
}

std::vector<Cost> oneToMany(const Network& net, const Location& from,
                            const std::vector<Location>& targets, const QueryOptions& options) {
  Dijkstra search(net, options.metric);
  search.reset();
  seedFrom(search, from);
  DecisiveNodes(net, std::vector<std::optional<Location>>(targets.begin(), targets.end()))
      .settle(search, options.cutoff);
  std::vector<Cost> costs;
  costs.reserve(targets.size());
  for (const Location& t : targets) {
    const Cost c = costTo(search, from, t);
    costs.push_back(search.primary(c) <= options.cutoff ? c : Cost{});
  }
  return costs;
}

}  // namespace cp::geo
