#include "point_reader.h"

#include <limits>
#include <set>

#include <ogr_api.h>

namespace cp::layers {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// A point that stands for the feature: itself, or a point on a polygon's surface.
bool representativePoint(const OGRGeometry& g, double& x, double& y, bool& wasArea) {
  const OGRwkbGeometryType type = wkbFlatten(g.getGeometryType());
  wasArea = false;
  if (type == wkbPoint) {
    x = g.toPoint()->getX();
    y = g.toPoint()->getY();
    return true;
  }
  if (type == wkbMultiPoint && g.toMultiPoint()->getNumGeometries() == 1) {
    x = g.toMultiPoint()->getGeometryRef(0)->getX();
    y = g.toMultiPoint()->getGeometryRef(0)->getY();
    return true;
  }
  if (type == wkbPolygon || type == wkbMultiPolygon) {
    wasArea = true;
    OGRGeometryH inside = OGR_G_PointOnSurface(OGRGeometry::ToHandle(const_cast<OGRGeometry*>(&g)));
    if (inside == nullptr)
      return false;
    x = OGR_G_GetX(inside, 0);
    y = OGR_G_GetY(inside, 0);
    OGR_G_DestroyGeometry(inside);
    return true;
  }
  return false;
}

}  // namespace

PointData readPoints(const LayerRef& ref, const std::string& idField, const WorkingFrame& frame,
                     int sourceEpsg) {
  const OpenLayer layer(ref);
  const int idIndex = layer.fieldIndex(idField, !idField.empty());
  if (layer.layer().GetFeatureCount(TRUE) == 0)
    failInput(layer.label(), "", "", "the layer is empty");
  const auto crs = layerCrs(layer, sourceEpsg);
  const LayerTransform transform(*crs, frame, layer.label());
  PointData out;
  out.layerLabel = layer.label();
  std::set<std::string> seen;
  for (auto& f : layer.layer()) {
    const std::string fid = std::to_string(f->GetFID());
    std::string id =
        idIndex >= 0 && f->IsFieldSetAndNotNull(idIndex) ? f->GetFieldAsString(idIndex) : "";
    if (idIndex >= 0 && id.empty())
      out.diagnostics.warnOnce("noid", layer.label(), fid, idField,
                               "no id (NULL or empty): the feature number is used instead");
    if (id.empty())
      id = fid;
    if (!seen.insert(id).second)
      out.diagnostics.warn(layer.label(), fid, idField,
                           "id '" + id + "' is used by more than one feature");

    double x = kNaN, y = kNaN, lon = kNaN, lat = kNaN;
    bool wasArea = false;
    const OGRGeometry* g = f->GetGeometryRef();
    if (g == nullptr || g->IsEmpty() || !representativePoint(*g, x, y, wasArea)) {
      const bool severalPoints = g != nullptr && wkbFlatten(g->getGeometryType()) == wkbMultiPoint;
      out.diagnostics.warn(layer.label(), fid, "",
                           g == nullptr || g->IsEmpty() ? "no geometry; it cannot be routed"
                           : severalPoints
                               ? kSeveralPointsMessage
                               : "geometry is neither a point nor a polygon; it cannot be routed");
      x = y = kNaN;
    } else {
      lon = x;
      lat = y;
      if (!transform.toWorking(x, y) || !transform.toLonLat(lon, lat)) {
        out.diagnostics.warn(layer.label(), fid, "",
                             "coordinates cannot be transformed; it cannot be routed");
        x = y = lon = lat = kNaN;
      } else if (wasArea) {
        out.diagnostics.warnOnce("area", layer.label(), fid, "",
                                 "areas are routed from a point inside each of them");
      }
    }
    out.ids.push_back(id);
    out.xy.push_back({x, y});
    out.lonLat.push_back({lon, lat});
  }
  checkAllFeaturesRead(out.diagnostics, layer.label(), layer.layer().GetFeatureCount(FALSE),
                       out.ids.size());
  return out;
}

}  // namespace cp::layers
