#pragma once
// How a feature's geometry becomes a place - one rule for every reader: a
// point, or an area routed from a point inside it. Polygons are first repaired
// as QGIS's "Fix geometries" does (rings closed, curves made straight, a self-
// intersecting outline resolved into valid parts), and every repaired feature
// is listed; areas that overlap one another are listed too, since what they
// hold may be counted twice.

#include <memory>
#include <string>
#include <vector>

#include <ogr_geometry.h>

#include "diagnostics.h"

namespace cp::layers {

// The area of a geometry's surfaces only (polygons, also inside collections).
// Newer GDAL (3.13, beside QGIS 3.44; not 3.10) counts the ring of a closed
// line in OGR_G_Area, so the shared boundary of two areas, which an
// intersection returns as lines, would count as an overlap.
double polygonalArea(const OGRGeometry& geometry);

// The repairs a polygon needed before it could be used.
struct PolygonRepairs {
  bool closedRings = false;
  bool straightenedCurves = false;
  bool madeValid = false;
};

// The geometry as it should be read: curves made straight and, for areas,
// rings closed and self-intersections resolved (GEOS MakeValid, the line-work
// method QGIS's Fix geometries uses). Null when nothing usable remains.
std::unique_ptr<OGRGeometry> repairedGeometry(const OGRGeometry& geometry, PolygonRepairs& repairs);

class PlaceGeometries {
 public:
  explicit PlaceGeometries(std::string layerLabel) : layer_(std::move(layerLabel)) {}

  struct Place {
    bool ok = false;
    double x = 0, y = 0;  // in the layer's CRS
    bool isArea = false;
    std::string problem;  // why there is no place, when !ok
  };
  // The point a feature is routed from (g may be null).
  Place place(const std::string& feature, const OGRGeometry* g);

  // The repaired features and the overlapping areas, one warning per kind.
  void finish(Diagnostics& diagnostics);

 private:
  struct Area {
    std::string feature;
    std::unique_ptr<OGRGeometry> geometry;
    OGREnvelope envelope;
    double area;
  };
  void listOverlaps(Diagnostics& diagnostics) const;

  std::string layer_;
  std::vector<std::string> closed_, straightened_, madeValid_;
  std::vector<Area> areas_;
};

}  // namespace cp::layers
