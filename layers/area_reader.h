#pragma once
// Areas (districts, farmland parcels) read for what their outlines carry into
// a result: the outline in the working CRS, repaired as places are (see
// place_geometry.h), and its size measured on the WGS 84 ellipsoid - one rule
// whatever opened the layer.

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <ogr_geometry.h>

#include "ogr_source.h"
#include "point_reader.h"

namespace cp::layers {

struct AreaShapes {
  std::vector<std::unique_ptr<OGRGeometry>> shapes;  // working CRS; null: no surface
  std::vector<double> hectares;                      // on the ellipsoid; 0 without a surface
};

// The rule, feature by feature; each reader (OGR here, QGIS in the bridge)
// feeds it the geometry in the layer's CRS and the layer's point transform.
class AreaRows {
 public:
  AreaRows(std::string layer, ToWorking toWorking)
      : layer_(std::move(layer)), toWorking_(std::move(toWorking)) {}
  void add(const std::string& feature, const OGRGeometry* geometry);  // null: none
  // Features with no surface to measure (not a polygon, or not placed) count
  // 0 ha; they are listed in `diagnostics`.
  AreaShapes finish(Diagnostics& diagnostics);

 private:
  std::string layer_;
  ToWorking toWorking_;
  AreaShapes out_;
  std::vector<std::string> noSurface_;
};

// In the layer's order; what GDAL says while reading goes to `diagnostics`.
AreaShapes readAreas(const LayerRef& ref, const WorkingFrame& frame, Diagnostics& diagnostics,
                     int sourceEpsg = 0);

}  // namespace cp::layers
