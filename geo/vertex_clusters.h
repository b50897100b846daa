#pragma once
// Groups vertices that lie within a tolerance of each other (a uniform grid
// with a 3x3 cell neighbourhood), so roads digitised with tiny gaps still meet.

#include <cstdint>
#include <unordered_map>
#include <vector>

#include "types.h"

namespace cp::geo {

class VertexClusters {
 public:
  explicit VertexClusters(double tolerance);

  // The id of the cluster within tolerance of p, creating one when there is none.
  std::uint32_t add(const XY& p);
  const XY& representative(std::uint32_t cluster) const { return representatives_[cluster]; }
  std::size_t size() const { return representatives_.size(); }

 private:
  std::int64_t cellOf(double v) const;
  std::uint32_t findIn(std::int64_t cx, std::int64_t cy, const XY& p) const;

  double tolerance_;
  double cellSize_;
  std::unordered_map<std::uint64_t, std::uint32_t> cellHead_;  // cell -> last cluster in it
  std::vector<std::uint32_t> nextInCell_;
  std::vector<XY> representatives_;
};

}  // namespace cp::geo
