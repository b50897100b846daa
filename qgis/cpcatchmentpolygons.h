#pragma once
// Catchment polygons from the network pieces each site serves: a band of
// `radius` metres round each site's pieces. Where two sites' bands overlap
// (their roads run within twice the width of each other) the earlier site in
// the layer keeps the overlap, so that the polygons partition the served area:
// one per site, disjoint, never farther than `radius` (plus the 5 % the road
// lines are simplified by) from a road the site reaches within the cutoff. Built with GEOS
// (QgsGeometry).

#include <vector>

#include <qgsgeometry.h>

#include "geo/catchments.h"

namespace cp::qgis {

// One polygon (possibly empty or multi-part) per site, in the network's working CRS.
std::vector<QgsGeometry> catchmentPolygons(const geo::Network& network,
                                           const std::vector<geo::CatchmentPiece>& pieces,
                                           std::size_t siteCount, double radius);

}  // namespace cp::qgis
