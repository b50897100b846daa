#include "vertex_clusters.h"

#include <algorithm>
#include <cmath>

#include "geodesy.h"

namespace cp::geo {
namespace {

std::uint64_t cellKey(std::int64_t cx, std::int64_t cy) {
  // Distinct cells may share a key; candidates are always checked by distance.
  return static_cast<std::uint64_t>(cx) * 0x9E3779B97F4A7C15ULL ^ static_cast<std::uint64_t>(cy);
}

}  // namespace

VertexClusters::VertexClusters(double tolerance)
    : tolerance_(tolerance), cellSize_(std::max(tolerance, 1e-6)) {}

std::int64_t VertexClusters::cellOf(double v) const {
  return static_cast<std::int64_t>(std::floor(v / cellSize_));
}

std::uint32_t VertexClusters::findIn(std::int64_t cx, std::int64_t cy, const XY& p) const {
  auto it = cellHead_.find(cellKey(cx, cy));
  if (it == cellHead_.end())
    return kNoId;
  for (std::uint32_t c = it->second; c != kNoId; c = nextInCell_[c]) {
    const XY& r = representatives_[c];
    if (r.x == p.x && r.y == p.y)
      return c;
    if (tolerance_ > 0 && planarDistance(r, p) <= tolerance_)
      return c;
  }
  return kNoId;
}

std::uint32_t VertexClusters::add(const XY& p) {
  const std::int64_t cx = cellOf(p.x);
  const std::int64_t cy = cellOf(p.y);
  for (std::int64_t dx = -1; dx <= 1; ++dx) {
    for (std::int64_t dy = -1; dy <= 1; ++dy) {
      const std::uint32_t found = findIn(cx + dx, cy + dy, p);
      if (found != kNoId)
        return found;
    }
  }
  const auto id = static_cast<std::uint32_t>(representatives_.size());
  representatives_.push_back(p);
  auto [it, inserted] = cellHead_.try_emplace(cellKey(cx, cy), id);
  nextInCell_.push_back(inserted ? kNoId : it->second);
  it->second = id;
  return id;
}

}  // namespace cp::geo
