#pragma once
// Basic value types shared by the whole engine.

#include <cstdint>
#include <limits>
#include <vector>

namespace cp::geo {

// A point in the metric working CRS (metres).
struct XY {
  double x = 0;
  double y = 0;
};

// A point in geographic WGS 84 coordinates (degrees), used for ellipsoidal measures.
struct LonLat {
  double lon = 0;
  double lat = 0;
};

using NodeId = std::uint32_t;
using SegmentId = std::uint32_t;
using ArcId = std::uint32_t;
inline constexpr std::uint32_t kNoId = std::numeric_limits<std::uint32_t>::max();
inline constexpr double kInfinity = std::numeric_limits<double>::infinity();

// Which ways a road segment may be driven, relative to its digitised direction.
enum class Direction : std::uint8_t { Both = 3, Forward = 1, Backward = 2, Closed = 0 };

inline bool allowsForward(Direction d) {
  return (static_cast<unsigned>(d) & 1U) != 0;
}
inline bool allowsBackward(Direction d) {
  return (static_cast<unsigned>(d) & 2U) != 0;
}

// Which cost a search minimises; the other is accumulated along the chosen path.
enum class Metric : std::uint8_t { Distance, Time };

}  // namespace cp::geo
