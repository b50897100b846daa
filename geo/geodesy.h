#pragma once
// Ellipsoidal (WGS 84) measures, as QGIS's QgsDistanceArea computes them.

#include <vector>

#include "types.h"

namespace cp::geo {

// Geodesic distance in metres between two points on the WGS 84 ellipsoid.
double geodesicDistance(const LonLat& a, const LonLat& b);

double planarDistance(const XY& a, const XY& b);

}  // namespace cp::geo
