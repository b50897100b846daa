#pragma once
// A reusable single-source shortest-path search on the network's arcs: flat
// arrays reset by a generation stamp, and a 4-ary heap indexed by node.

#include <cstdint>
#include <vector>

#include "network.h"

namespace cp::geo {

// Costs of a path in both measures; the search minimises one, lexicographically
// followed by the other so that ties resolve the same way every time. Where two
// routes tie only up to floating-point rounding (sums in another order), the
// other measure is that of either route.
struct Cost {
  double distanceM = kInfinity;
  double timeS = kInfinity;

  bool reachable() const { return distanceM < kInfinity; }
};

inline Cost operator+(const Cost& a, const Cost& b) {
  return {a.distanceM + b.distanceM, a.timeS + b.timeS};
}

inline double primaryOf(const Cost& c, Metric metric) {
  return metric == Metric::Distance ? c.distanceM : c.timeS;
}

// Lexicographic order: the minimised measure first, then the other.
inline bool lexLess(const Cost& a, const Cost& b, Metric metric) {
  if (metric == Metric::Distance)
    return a.distanceM < b.distanceM || (a.distanceM == b.distanceM && a.timeS < b.timeS);
  return a.timeS < b.timeS || (a.timeS == b.timeS && a.distanceM < b.distanceM);
}

class Dijkstra {
 public:
  Dijkstra(const Network& network, Metric metric);

  void reset();
  void addSeed(NodeId node, Cost cost);

  // Settles nodes in cost order until the heap is empty, the next cost exceeds
  // cutoff (in the minimised measure), or onSettle(node) returns true.
  template <typename OnSettle>
  void run(double cutoff, OnSettle&& onSettle);

  bool reached(NodeId node) const { return stamp_[node] == generation_; }
  Cost cost(NodeId node) const {
    return reached(node) ? Cost{distance_[node], time_[node]} : Cost{};
  }
  ArcId parentArc(NodeId node) const { return parent_[node]; }
  double primary(const Cost& c) const { return primaryOf(c, metric_); }
  bool better(const Cost& a, const Cost& b) const { return lexLess(a, b, metric_); }
  Metric metric() const { return metric_; }
  const Network& network() const { return network_; }

 private:
  // Heap entries carry their key so that sifting never leaves the heap's memory.
  struct Entry {
    double key;  // the minimised measure
    NodeId node;
  };

  bool heapEmpty() const { return heap_.empty(); }
  double minPrimary() const { return heap_.front().key; }
  NodeId popMin();
  void relax(NodeId node, Cost cost, ArcId viaArc);
  void touch(NodeId node);
  void siftUp(std::uint32_t pos, Entry entry);
  void siftDown(std::uint32_t pos, Entry entry);
  void place(std::uint32_t pos, Entry entry);

  const Network& network_;
  Metric metric_;
  std::uint32_t generation_ = 0;
  std::vector<std::uint32_t> stamp_;
  std::vector<double> distance_;
  std::vector<double> time_;
  std::vector<ArcId> parent_;
  std::vector<std::uint32_t> heapPos_;  // kNoId: not in the heap
  std::vector<Entry> heap_;
};

template <typename OnSettle>
void Dijkstra::run(double cutoff, OnSettle&& onSettle) {
  const bool byDistance = metric_ == Metric::Distance;
  const ArcId* begin = network_.arcBegin.data();
  const Network::Arc* arcs = network_.arcs.data();
  while (!heapEmpty()) {
    if (minPrimary() > cutoff)
      return;
    const NodeId u = popMin();
    if (onSettle(u))
      return;
    const double du = distance_[u];
    const double tu = time_[u];
    for (ArcId a = begin[u]; a < begin[u + 1]; ++a) {
      const Cost c{du + arcs[a].length, tu + arcs[a].time};
      if ((byDistance ? c.distanceM : c.timeS) > cutoff)
        continue;
      relax(arcs[a].head, c, a);
    }
  }
}

}  // namespace cp::geo
