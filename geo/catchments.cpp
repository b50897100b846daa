#include "catchments.h"

#include <algorithm>

#include "routing.h"

namespace cp::geo {

// cost(t) = a + b * t for t in [lo, hi], in the minimised measure.
struct Catchments::Candidate {
  std::uint32_t site;
  double a;
  double b;
  double lo;
  double hi;
  double at(double t) const { return a + b * t; }
};

namespace {

bool closer(const Assignment& x, const Assignment& y, Metric metric) {
  if (lexLess(x.cost, y.cost, metric))
    return true;
  return !lexLess(y.cost, x.cost, metric) && x.site < y.site;
}

}  // namespace

Catchments::Catchments(const Network& network, const std::vector<std::optional<Location>>& sites,
                       const CatchmentOptions& options, const Feedback* feedback)
    : network_(network), options_(options), sites_(sites) {
  if (options.travel == Travel::ToSite)
    reversed_ = reversed(network);
  const Network& net = searched();
  // Each node is seeded once, by the site that reaches it first along its segment.
  std::vector<Assignment> seed(net.nodeCount());
  sitesOnSegment_.resize(net.segmentCount());
  for (std::uint32_t i = 0; i < sites.size(); ++i) {
    if (!sites[i])
      continue;
    sitesOnSegment_[sites[i]->segment].push_back(i);
    for (const Seed& s : departures(net, *sites[i]))
      if (closer({i, s.cost}, seed[s.node], options.metric))
        seed[s.node] = {i, s.cost};
  }
  Dijkstra search(net, options.metric);
  search.reset();
  for (NodeId v = 0; v < net.nodeCount(); ++v)
    if (seed[v].site != kNoId)
      search.addSeed(v, seed[v].cost);
  nodeSite_.assign(net.nodeCount(), kNoId);
  nodeCost_.assign(net.nodeCount(), Cost{});
  // Settled in cost order, a node's parent is settled before it: its site is known.
  std::size_t settled = 0;
  search.run(options.cutoff, [&](NodeId u) {
    const ArcId parent = search.parentArc(u);
    nodeSite_[u] = parent == kNoId ? seed[u].site : nodeSite_[net.arcTail(parent)];
    nodeCost_[u] = search.cost(u);
    if (++settled % 16384 == 0)
      throwIfCanceled(feedback);
    return false;
  });
  throwIfCanceled(feedback);
}

Assignment Catchments::at(const Location& place) const {
  const Network& net = searched();
  Assignment best;
  for (const Seed& a : arrivals(net, place)) {
    if (nodeSite_[a.node] != kNoId) {
      const Assignment via{nodeSite_[a.node], nodeCost_[a.node] + a.cost};
      if (closer(via, best, options_.metric))
        best = via;
    }
  }
  for (std::uint32_t i : sitesOnSegment_[place.segment]) {
    const Assignment direct{i, alongSegment(net, *sites_[i], place, options_.metric)};
    if (direct.cost.reachable() && closer(direct, best, options_.metric))
      best = direct;
  }
  if (!best.cost.reachable() || primaryOf(best.cost, options_.metric) > options_.cutoff)
    return {};
  return best;
}

std::vector<Assignment> Catchments::atAll(
    const std::vector<std::optional<Location>>& places) const {
  std::vector<Assignment> out;
  out.reserve(places.size());
  for (const auto& p : places)
    out.push_back(p ? at(*p) : Assignment{});
  return out;
}

std::vector<Catchments::Candidate> Catchments::candidates(SegmentId s) const {
  const Network& net = searched();
  const Direction d = net.segmentDirection[s];
  const double length =
      options_.metric == Metric::Distance ? net.segmentLength[s] : net.segmentTime[s];
  const auto primary = [&](NodeId v) { return primaryOf(nodeCost_[v], options_.metric); };
  std::vector<Candidate> out;
  const NodeId from = net.segmentFrom[s];
  const NodeId to = net.segmentTo[s];
  if (allowsForward(d) && nodeSite_[from] != kNoId)
    out.push_back({nodeSite_[from], primary(from), length, 0, 1});
  if (allowsBackward(d) && nodeSite_[to] != kNoId)
    out.push_back({nodeSite_[to], primary(to) + length, -length, 0, 1});
  for (std::uint32_t i : sitesOnSegment_[s]) {
    const double f = sites_[i]->fraction;
    if (allowsForward(d))
      out.push_back({i, -f * length, length, f, 1});
    if (allowsBackward(d))
      out.push_back({i, f * length, -length, 0, f});
  }
  return out;
}

std::vector<CatchmentPiece> Catchments::pieces(const std::vector<double>& bands) const {
  std::vector<double> thresholds = bands;
  if (options_.cutoff < kInfinity)
    thresholds.push_back(options_.cutoff);
  const auto bandOf = [&bands](double cost) {
    return std::upper_bound(bands.begin(), bands.end(), cost) - bands.begin();
  };
  std::vector<CatchmentPiece> out;
  for (SegmentId s = 0; s < network_.segmentCount(); ++s) {
    const std::vector<Candidate> cands = candidates(s);
    if (cands.empty())
      continue;
    // Where the serving site or the band may change: ends, crossings, thresholds.
    std::vector<double> cuts{0, 1};
    for (std::size_t i = 0; i < cands.size(); ++i) {
      cuts.push_back(cands[i].lo);
      cuts.push_back(cands[i].hi);
      for (std::size_t j = i + 1; j < cands.size(); ++j)
        if (cands[i].b != cands[j].b)
          cuts.push_back((cands[j].a - cands[i].a) / (cands[i].b - cands[j].b));
      if (cands[i].b != 0)
        for (double t : thresholds)
          cuts.push_back((t - cands[i].a) / cands[i].b);
    }
    for (double& t : cuts)
      t = std::clamp(t, 0.0, 1.0);
    std::sort(cuts.begin(), cuts.end());
    cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
    const Candidate* lastCandidate = nullptr;
    for (std::size_t k = 0; k + 1 < cuts.size(); ++k) {
      const double t0 = cuts[k];
      const double t1 = cuts[k + 1];
      const double mid = 0.5 * (t0 + t1);
      const Candidate* best = nullptr;
      for (const Candidate& c : cands) {
        if (mid < c.lo || mid > c.hi)
          continue;
        if (!best || c.at(mid) < best->at(mid) ||
            (c.at(mid) == best->at(mid) && c.site < best->site))
          best = &c;
      }
      if (!best || best->at(mid) > options_.cutoff)
        continue;
      const double cost = best->at(mid);
      if (!out.empty()) {
        CatchmentPiece& last = out.back();
        // One candidate per piece keeps its cost linear between its ends.
        if (last.segment == s && best == lastCandidate && last.f1 == t0 &&
            bandOf(0.5 * (last.cost0 + last.cost1)) == bandOf(cost)) {
          last.f1 = t1;
          last.cost1 = best->at(t1);
          continue;
        }
      }
      out.push_back({s, t0, t1, best->site, best->at(t0), best->at(t1)});
      lastCandidate = best;
    }
  }
  return out;
}

}  // namespace cp::geo
