#include "contraction_hierarchy.h"

#include <algorithm>
#include <numeric>
#include <queue>

#include "parallel.h"

namespace cp::geo {
namespace {

struct QueueItem {
  Cost cost;
  NodeId node;
};

// A min-heap of (cost, node) with lazy deletion, ordered lexicographically.
class CostQueue {
 public:
  explicit CostQueue(Metric metric) : metric_(metric) {}
  void push(Cost c, NodeId n) {
    items_.push_back({c, n});
    std::push_heap(items_.begin(), items_.end(), greater());
  }
  QueueItem pop() {
    std::pop_heap(items_.begin(), items_.end(), greater());
    const QueueItem top = items_.back();
    items_.pop_back();
    return top;
  }
  bool empty() const { return items_.empty(); }
  void clear() { items_.clear(); }

 private:
  struct Greater {
    Metric metric;
    bool operator()(const QueueItem& a, const QueueItem& b) const {
      return lexLess(b.cost, a.cost, metric);
    }
  };
  Greater greater() const { return {metric_}; }
  Metric metric_;
  std::vector<QueueItem> items_;
};

// Costs per node, reset in O(1) by a generation stamp.
class CostLabels {
 public:
  explicit CostLabels(std::size_t n) : cost_(n), stamp_(n, 0) {}
  void reset() {
    if (++generation_ == 0) {
      std::fill(stamp_.begin(), stamp_.end(), 0);
      generation_ = 1;
    }
  }
  Cost get(NodeId n) const { return stamp_[n] == generation_ ? cost_[n] : Cost{}; }
  void set(NodeId n, Cost c) {
    cost_[n] = c;
    stamp_[n] = generation_;
  }

 private:
  std::vector<Cost> cost_;
  std::vector<std::uint32_t> stamp_;
  std::uint32_t generation_ = 0;
};

}  // namespace

// Contracts nodes one by one, least important first, adding a shortcut u->w
// for each path u->v->w through the contracted node v that no other path
// (a "witness") matches.
class ContractionHierarchy::Contractor {
 public:
  Contractor(const Network& net, Metric metric, const Feedback* feedback)
      : metric_(metric),
        feedback_(feedback),
        out_(net.nodeCount()),
        in_(net.nodeCount()),
        contracted_(net.nodeCount(), false),
        deletedNeighbours_(net.nodeCount(), 0),
        witness_(net.nodeCount()),
        queue_(metric) {
    for (NodeId u = 0; u < net.nodeCount(); ++u)
      for (ArcId a = net.arcBegin[u]; a < net.arcBegin[u + 1]; ++a)
        if (net.arcs[a].head != u)
          addEdge(u, net.arcs[a].head, {net.arcs[a].length, net.arcs[a].time});
  }

  void run(ContractionHierarchy& ch) {
    const auto n = static_cast<NodeId>(out_.size());
    using Entry = std::pair<int, NodeId>;
    std::priority_queue<Entry, std::vector<Entry>, std::greater<>> order;
    for (NodeId v = 0; v < n; ++v)
      order.push({priority(v), v});
    std::vector<std::vector<UpArc>> up(n), down(n);
    std::size_t done = 0;
    while (!order.empty()) {
      const NodeId v = order.top().second;
      order.pop();
      const int current = priority(v);
      if (!order.empty() && current > order.top().first) {
        order.push({current, v});  // lazy update: importance grew since it was queued
        continue;
      }
      contract(v, up[v], down[v], ch.shortcuts_);
      if (++done % 4096 == 0)
        throwIfCanceled(feedback_);
    }
    flatten(up, ch.upBegin_, ch.up_);
    flatten(down, ch.downBegin_, ch.down_);
  }

 private:
  struct Edge {
    NodeId other;
    Cost cost;
  };
  struct Shortcut {
    NodeId from;
    NodeId to;
    Cost cost;
  };

  // Witness searches stop after this many nodes and then assume there is no
  // witness: the shortcut is then sometimes unneeded, never wrong. Estimating a
  // node's importance needs less precision than contracting it.
  static constexpr std::size_t kEstimateSettleLimit = 20;
  static constexpr std::size_t kContractSettleLimit = 200;

  static void keepBest(std::vector<Edge>& edges, NodeId other, Cost c, Metric m) {
    for (Edge& e : edges) {
      if (e.other != other)
        continue;
      if (lexLess(c, e.cost, m))
        e.cost = c;
      return;
    }
    edges.push_back({other, c});
  }

  void addEdge(NodeId from, NodeId to, Cost c) {
    keepBest(out_[from], to, c, metric_);
    keepBest(in_[to], from, c, metric_);
  }

  // Shortcuts needed if v were contracted now.
  std::vector<Shortcut> shortcutsFor(NodeId v, std::size_t settleLimit) {
    std::vector<Shortcut> result;
    for (const Edge& in : in_[v]) {
      if (contracted_[in.other])
        continue;
      double bound = 0;
      for (const Edge& out : out_[v])
        if (!contracted_[out.other] && out.other != in.other)
          bound = std::max(bound, primaryOf(in.cost + out.cost, metric_));
      searchWitnesses(in.other, v, bound, settleLimit);
      for (const Edge& out : out_[v]) {
        if (contracted_[out.other] || out.other == in.other)
          continue;
        const Cost via = in.cost + out.cost;
        if (lexLess(via, witness_.get(out.other), metric_))
          result.push_back({in.other, out.other, via});
      }
    }
    return result;
  }

  // Bounded Dijkstra from u among uncontracted nodes, avoiding v.
  void searchWitnesses(NodeId u, NodeId v, double bound, std::size_t settleLimit) {
    witness_.reset();
    queue_.clear();
    witness_.set(u, {0, 0});
    queue_.push({0, 0}, u);
    std::size_t settled = 0;
    while (!queue_.empty() && settled < settleLimit) {
      const QueueItem top = queue_.pop();
      if (lexLess(witness_.get(top.node), top.cost, metric_))
        continue;  // stale entry
      if (primaryOf(top.cost, metric_) > bound)
        break;
      ++settled;
      for (const Edge& e : out_[top.node]) {
        if (contracted_[e.other] || e.other == v)
          continue;
        const Cost c = top.cost + e.cost;
        if (lexLess(c, witness_.get(e.other), metric_)) {
          witness_.set(e.other, c);
          queue_.push(c, e.other);
        }
      }
    }
  }

  int liveDegree(const std::vector<Edge>& edges) const {
    int d = 0;
    for (const Edge& e : edges)
      d += contracted_[e.other] ? 0 : 1;
    return d;
  }

  // Edge difference plus contracted neighbours: keeps the hierarchy shallow and even.
  int priority(NodeId v) {
    const auto shortcuts = static_cast<int>(shortcutsFor(v, kEstimateSettleLimit).size());
    return 2 * shortcuts - liveDegree(in_[v]) - liveDegree(out_[v]) + deletedNeighbours_[v];
  }

  void contract(NodeId v, std::vector<UpArc>& up, std::vector<UpArc>& down,
                std::size_t& shortcutCount) {
    for (const Shortcut& s : shortcutsFor(v, kContractSettleLimit)) {
      addEdge(s.from, s.to, s.cost);
      ++shortcutCount;
    }
    for (const Edge& e : out_[v]) {
      if (contracted_[e.other])
        continue;
      up.push_back({e.cost, e.other});
      ++deletedNeighbours_[e.other];
    }
    for (const Edge& e : in_[v]) {
      if (contracted_[e.other])
        continue;
      down.push_back({e.cost, e.other});
      ++deletedNeighbours_[e.other];
    }
    contracted_[v] = true;
    for (const Edge& e : out_[v])
      forget(in_[e.other], v);
    for (const Edge& e : in_[v])
      forget(out_[e.other], v);
  }

  static void forget(std::vector<Edge>& edges, NodeId v) {
    edges.erase(
        std::remove_if(edges.begin(), edges.end(), [v](const Edge& e) { return e.other == v; }),
        edges.end());
  }

  static void flatten(const std::vector<std::vector<UpArc>>& lists, std::vector<ArcId>& begin,
                      std::vector<UpArc>& arcs) {
    begin.assign(1, 0);
    for (const auto& list : lists) {
      arcs.insert(arcs.end(), list.begin(), list.end());
      begin.push_back(static_cast<ArcId>(arcs.size()));
    }
  }

  Metric metric_;
  const Feedback* feedback_;
  std::vector<std::vector<Edge>> out_;
  std::vector<std::vector<Edge>> in_;
  std::vector<bool> contracted_;
  std::vector<int> deletedNeighbours_;
  CostLabels witness_;
  CostQueue queue_;
};

// Dijkstra restricted to arcs that lead up the hierarchy; settles everything
// reachable upwards (a few hundred nodes on a city network).
class ContractionHierarchy::UpwardSearch {
 public:
  UpwardSearch(std::size_t nodes, Metric metric)
      : labels_(nodes), queue_(metric), metric_(metric) {}

  const std::vector<QueueItem>& run(const std::vector<Seed>& seeds, const std::vector<ArcId>& begin,
                                    const std::vector<UpArc>& arcs) {
    labels_.reset();
    queue_.clear();
    settled_.clear();
    for (const Seed& s : seeds)
      relax(s.node, s.cost);
    while (!queue_.empty()) {
      const QueueItem top = queue_.pop();
      if (lexLess(labels_.get(top.node), top.cost, metric_))
        continue;
      settled_.push_back(top);
      for (ArcId a = begin[top.node]; a < begin[top.node + 1]; ++a)
        relax(arcs[a].head, top.cost + arcs[a].cost);
    }
    return settled_;
  }

 private:
  void relax(NodeId n, Cost c) {
    if (!lexLess(c, labels_.get(n), metric_))
      return;
    labels_.set(n, c);
    queue_.push(c, n);
  }

  CostLabels labels_;
  CostQueue queue_;
  Metric metric_;
  std::vector<QueueItem> settled_;
};

ContractionHierarchy ContractionHierarchy::build(const Network& network, Metric metric,
                                                 const Feedback* feedback) {
  ContractionHierarchy ch(network, metric);
  Contractor(network, metric, feedback).run(ch);
  return ch;
}

namespace {

// For each node, the destinations reachable from it going down the hierarchy.
struct Buckets {
  struct Entry {
    std::size_t destination;
    Cost cost;
  };
  std::vector<ArcId> begin;  // node v: entries[begin[v] .. begin[v+1])
  std::vector<Entry> entries;

  Buckets(std::size_t nodes, const std::vector<std::vector<QueueItem>>& reachedFrom)
      : begin(nodes + 1, 0) {
    for (const auto& list : reachedFrom)
      for (const QueueItem& item : list)
        ++begin[item.node + 1];
    std::partial_sum(begin.begin(), begin.end(), begin.begin());
    entries.resize(begin[nodes]);
    std::vector<ArcId> next(begin.begin(), begin.begin() + static_cast<std::ptrdiff_t>(nodes));
    for (std::size_t d = 0; d < reachedFrom.size(); ++d)
      for (const QueueItem& item : reachedFrom[d])
        entries[next[item.node]++] = {d, item.cost};
  }
};

}  // namespace

OdMatrix ContractionHierarchy::manyToMany(const std::vector<std::optional<Location>>& origins,
                                          const std::vector<std::optional<Location>>& destinations,
                                          unsigned threads, const Feedback* feedback) const {
  const Network& net = *network_;
  // Backward searches: which hierarchy nodes reach each destination, at what cost.
  std::vector<std::vector<QueueItem>> reachedFrom(destinations.size());
  parallelFor(
      destinations.size(), threads, feedback,
      [&] { return UpwardSearch(net.nodeCount(), metric_); },
      [&](UpwardSearch& search, std::size_t d) {
        if (destinations[d])
          reachedFrom[d] = search.run(arrivals(net, *destinations[d]), downBegin_, down_);
      },
      0.0, 30.0);
  const Buckets buckets(net.nodeCount(), reachedFrom);

  // Forward searches meet the buckets.
  OdMatrix m;
  m.rows = origins.size();
  m.cols = destinations.size();
  m.cells.assign(m.rows * m.cols, Cost{});
  parallelFor(
      origins.size(), threads, feedback, [&] { return UpwardSearch(net.nodeCount(), metric_); },
      [&](UpwardSearch& search, std::size_t o) {
        if (!origins[o])
          return;
        Cost* row = &m.cells[o * m.cols];
        for (const QueueItem& x : search.run(departures(net, *origins[o]), upBegin_, up_)) {
          for (ArcId b = buckets.begin[x.node]; b < buckets.begin[x.node + 1]; ++b) {
            const Buckets::Entry& e = buckets.entries[b];
            const Cost c = x.cost + e.cost;
            if (lexLess(c, row[e.destination], metric_))
              row[e.destination] = c;
          }
        }
        for (std::size_t d = 0; d < m.cols; ++d) {
          if (!destinations[d] || destinations[d]->segment != origins[o]->segment)
            continue;
          const Cost direct = alongSegment(net, *origins[o], *destinations[d], metric_);
          if (lexLess(direct, row[d], metric_))
            row[d] = direct;
        }
      },
      30.0, 100.0);
  return m;
}

}  // namespace cp::geo
