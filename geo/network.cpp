#include "network.h"

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

}  // namespace cp::geo
