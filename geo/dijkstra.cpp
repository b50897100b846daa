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
  for (const Entry& e : heap_)
    heapPos_[e.node] = kNoId;
  heap_.clear();
  if (++generation_ == 0) {  // the stamp wrapped around: clear it once every 2^32 searches
    std::fill(stamp_.begin(), stamp_.end(), 0);
    generation_ = 1;
  }
}

void Dijkstra::touch(NodeId node) {
  if (stamp_[node] == generation_)
    return;
  stamp_[node] = generation_;
  distance_[node] = kInfinity;
  time_[node] = kInfinity;
  parent_[node] = kNoId;
  heapPos_[node] = kNoId;
}

void Dijkstra::addSeed(NodeId node, Cost cost) {
  relax(node, cost, kNoId);
}

void Dijkstra::relax(NodeId node, Cost cost, ArcId viaArc) {
  touch(node);
  if (!better(cost, {distance_[node], time_[node]}))
    return;
  const std::uint32_t pos = heapPos_[node];
  if (pos == kNoId && distance_[node] < kInfinity)
    return;  // settled: final
  distance_[node] = cost.distanceM;
  time_[node] = cost.timeS;
  parent_[node] = viaArc;
  const Entry entry{primary(cost), node};
  if (pos == kNoId) {
    heap_.push_back(entry);
    siftUp(static_cast<std::uint32_t>(heap_.size() - 1), entry);
  } else {
    siftUp(pos, entry);
  }
}

void Dijkstra::place(std::uint32_t pos, Entry entry) {
  heap_[pos] = entry;
  heapPos_[entry.node] = pos;
}

void Dijkstra::siftUp(std::uint32_t pos, Entry entry) {
  while (pos > 0) {
    const std::uint32_t parent = (pos - 1) / 4;
    if (!(entry.key < heap_[parent].key))
      break;
    place(pos, heap_[parent]);
    pos = parent;
  }
  place(pos, entry);
}

void Dijkstra::siftDown(std::uint32_t pos, Entry entry) {
  const auto size = static_cast<std::uint32_t>(heap_.size());
  while (true) {
    const std::uint32_t first = 4 * pos + 1;
    if (first >= size)
      break;
    std::uint32_t best = first;
    const std::uint32_t last = std::min(first + 4, size);
    for (std::uint32_t c = first + 1; c < last; ++c)
      if (heap_[c].key < heap_[best].key)
        best = c;
    if (!(heap_[best].key < entry.key))
      break;
    place(pos, heap_[best]);
    pos = best;
  }
  place(pos, entry);
}

NodeId Dijkstra::popMin() {
  const NodeId top = heap_.front().node;
  heapPos_[top] = kNoId;
  const Entry last = heap_.back();
  heap_.pop_back();
  if (!heap_.empty())
    siftDown(0, last);
  return top;
}

}  // namespace cp::geo
