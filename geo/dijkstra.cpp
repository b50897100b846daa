#include "dijkstra.h"

#include <algorithm>

namespace cp::geo {

Dijkstra::Dijkstra(const Network& network, Metric metric)
    : network_(network),
      metric_(metric),
      stamp_(network.nodeCount(), 0),
      distance_(network.nodeCount(), kInfinity),
      time_(network.nodeCount(), kInfinity),
      parent_(network.nodeCount(), kNoId),
      heapPos_(network.nodeCount(), kNoId) {
  heap_.reserve(1024);
}

void Dijkstra::reset() {
  for (NodeId n : heap_) heapPos_[n] = kNoId;
  heap_.clear();
  if (++generation_ == 0) {  // the stamp wrapped around: clear it once every 2^32 searches
    std::fill(stamp_.begin(), stamp_.end(), 0);
    generation_ = 1;
  }
}

bool Dijkstra::better(const Cost& a, const Cost& b) const {
  if (metric_ == Metric::Distance)
    return a.distanceM < b.distanceM || (a.distanceM == b.distanceM && a.timeS < b.timeS);
  return a.timeS < b.timeS || (a.timeS == b.timeS && a.distanceM < b.distanceM);
}

void Dijkstra::touch(NodeId node) {
  if (stamp_[node] == generation_) return;
  stamp_[node] = generation_;
  distance_[node] = kInfinity;
  time_[node] = kInfinity;
  parent_[node] = kNoId;
  heapPos_[node] = kNoId;
}

void Dijkstra::addSeed(NodeId node, Cost cost) { relax(node, cost, kNoId); }

void Dijkstra::relax(NodeId node, Cost cost, ArcId viaArc) {
  touch(node);
  if (!better(cost, {distance_[node], time_[node]})) return;
  const bool settled = heapPos_[node] == kNoId && distance_[node] < kInfinity;
  if (settled) return;  // non-negative costs: a settled label is final
  distance_[node] = cost.distanceM;
  time_[node] = cost.timeS;
  parent_[node] = viaArc;
  if (heapPos_[node] == kNoId) {
    heap_.push_back(node);
    heapPos_[node] = static_cast<std::uint32_t>(heap_.size() - 1);
  }
  siftUp(heapPos_[node]);
}

bool Dijkstra::less(NodeId a, NodeId b) const {
  return better({distance_[a], time_[a]}, {distance_[b], time_[b]});
}

void Dijkstra::place(std::uint32_t pos, NodeId node) {
  heap_[pos] = node;
  heapPos_[node] = pos;
}

void Dijkstra::siftUp(std::uint32_t pos) {
  const NodeId node = heap_[pos];
  while (pos > 0) {
    const std::uint32_t parent = (pos - 1) / 4;
    if (!less(node, heap_[parent])) break;
    place(pos, heap_[parent]);
    pos = parent;
  }
  place(pos, node);
}

void Dijkstra::siftDown(std::uint32_t pos) {
  const NodeId node = heap_[pos];
  const auto size = static_cast<std::uint32_t>(heap_.size());
  while (true) {
    const std::uint32_t first = 4 * pos + 1;
    if (first >= size) break;
    std::uint32_t best = first;
    const std::uint32_t last = std::min(first + 4, size);
    for (std::uint32_t c = first + 1; c < last; ++c)
      if (less(heap_[c], heap_[best])) best = c;
    if (!less(heap_[best], node)) break;
    place(pos, heap_[best]);
    pos = best;
  }
  place(pos, node);
}

NodeId Dijkstra::popMin() {
  const NodeId top = heap_.front();
  heapPos_[top] = kNoId;
  const NodeId last = heap_.back();
  heap_.pop_back();
  if (!heap_.empty()) {
    heap_[0] = last;
    heapPos_[last] = 0;
    siftDown(0);
  }
  return top;
}

}  // namespace cp::geo
