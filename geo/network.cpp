#include "network.h"

#include <numeric>

#include "geodesy.h"

namespace cp::geo {

std::vector<XY> Network::segmentShape(SegmentId s) const {
  return {shape.begin() + shapeBegin[s], shape.begin() + shapeBegin[s + 1]};
}

double Network::segmentPlanarLength(SegmentId s) const {
  double total = 0;
  for (std::uint32_t i = shapeBegin[s] + 1; i < shapeBegin[s + 1]; ++i)
    total += planarDistance(shape[i - 1], shape[i]);
  return total;
}

void rebuildArcs(Network& net) {
  const std::size_t n = net.nodeCount();
  const auto forEachArc = [&net](auto&& fn) {
    for (SegmentId s = 0; s < net.segmentCount(); ++s) {
      const Direction d = net.segmentDirection[s];
      if (allowsForward(d))
        fn(net.segmentFrom[s], net.segmentTo[s], s);
      if (allowsBackward(d))
        fn(net.segmentTo[s], net.segmentFrom[s], s);
    }
  };
  std::vector<ArcId> count(n + 1, 0);
  forEachArc([&](NodeId tail, NodeId, SegmentId) { ++count[tail + 1]; });
  std::partial_sum(count.begin(), count.end(), count.begin());
  net.arcBegin = count;
  net.arcs.resize(count[n]);
  forEachArc([&](NodeId tail, NodeId head, SegmentId s) {
    net.arcs[count[tail]++] = {net.segmentLength[s], net.segmentTime[s], head, s};
  });
}

Network reversed(const Network& network) {
  Network out = network;
  for (Direction& d : out.segmentDirection) {
    if (d == Direction::Forward)
      d = Direction::Backward;
    else if (d == Direction::Backward)
      d = Direction::Forward;
  }
  rebuildArcs(out);
  return out;
}

}  // namespace cp::geo
