#pragma once
// Joins points to the network at the nearest point of the nearest usable segment.

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "network.h"

namespace cp::geo {

// A place on the network: a fraction of the way along a segment's shape.
struct Location {
  SegmentId segment = kNoId;
  double fraction = 0;  // 0 at the from-node, 1 at the to-node
  XY xy;                // the snapped point in the working CRS
};

struct SnapOptions {
  double maxDistanceM = 1000;  // points farther from every usable segment are not joined
  // Only segments of components with at least this many nodes are usable; 0 means
  // only the largest component.
  std::uint32_t minComponentNodes = 0;
  // A snapped point this close to a segment's end node is on that node (as the
  // network builder joins road ends this close): it then reaches every road
  // there at no cost, whichever way its own segment runs.
  double nodeToleranceM = 0.01;
  // A point joined this much farther away than the nearest road - which lies on
  // a small separate piece of the network - is said to have been joined far off.
  double fartherJoinM = 50;
};

enum class SnapFailure { None, InvalidCoordinate, TooFar, SmallComponent, EmptyNetwork };

struct SnapResult {
  std::optional<Location> location;
  double connectorM = kInfinity;  // planar distance from the point to the snapped point
  SnapFailure failure = SnapFailure::None;
  std::string reason;   // set when the point could not join
  std::string warning;  // set when it joined, but far from the road it lies by
};

class Snapper {
 public:
  Snapper(const Network& network, SnapOptions options);
  ~Snapper();
  Snapper(const Snapper&) = delete;
  Snapper& operator=(const Snapper&) = delete;

  SnapResult snap(const XY& point) const;
  std::vector<SnapResult> snapAll(const std::vector<XY>& points) const;

 private:
  bool usable(SegmentId s) const;
  SnapResult nearestOn(const XY& point, bool usableOnly) const;
  Location onEndNode(const Location& at) const;

  struct Index;
  const Network& network_;
  SnapOptions options_;
  std::unique_ptr<Index> index_;
};

std::string toString(SnapFailure failure);

}  // namespace cp::geo
