#pragma once
// Reads the places to route between (points, or polygons represented by a point
// inside them) with their ids. No feature is dropped: one that cannot be placed
// keeps its row with non-finite coordinates and a warning, and later shows as
// not routable.

#include <string>
#include <vector>

#include "diagnostics.h"
#include "geo/types.h"
#include "ogr_source.h"

namespace cp::layers {

// One rule for every reader: a place is one point or an area (routed from a
// point inside it); a multi-point of several points is no one place.
inline constexpr const char* kSeveralPointsMessage =
    "a multi-point of several points: a place must be one point or an area; it cannot be routed";

struct PointData {
  std::string layerLabel;
  std::vector<std::string> ids;
  std::vector<geo::XY> xy;          // working CRS
  std::vector<geo::LonLat> lonLat;  // WGS 84
  Diagnostics diagnostics;
};

// idField empty: the feature id. sourceEpsg: the CRS assumed when the layer has none.
PointData readPoints(const LayerRef& ref, const std::string& idField, const WorkingFrame& frame,
                     int sourceEpsg = 0);

}  // namespace cp::layers
