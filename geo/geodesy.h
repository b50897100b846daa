#pragma once
// Ellipsoidal (WGS 84) measures, as QGIS's QgsDistanceArea computes them.

#include <vector>

#include "types.h"

namespace cp::geo {

// Geodesic distance in metres between two points on the WGS 84 ellipsoid.
double geodesicDistance(const LonLat& a, const LonLat& b);

double planarDistance(const XY& a, const XY& b);

// The area in m² enclosed by a ring of points on the WGS 84 ellipsoid, by
// Karney's method; positive whichever way the ring runs.
double geodesicRingArea(const std::vector<LonLat>& ring);

}  // namespace cp::geo
