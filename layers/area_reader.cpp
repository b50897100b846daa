#include "area_reader.h"

#include "geo/geodesy.h"
#include "library_messages.h"
#include "place_geometry.h"

namespace cp::layers {
namespace {

// The polygons of a repaired geometry; what else a repair may leave (lines
// along a collapsed part) has no surface.
void collectPolygons(const OGRGeometry& g, std::vector<const OGRPolygon*>& out) {
  const OGRwkbGeometryType type = wkbFlatten(g.getGeometryType());
  if (type == wkbPolygon) {
    out.push_back(g.toPolygon());
    return;
  }
  if (type == wkbMultiPolygon || type == wkbGeometryCollection)
    for (const OGRGeometry* part : *g.toGeometryCollection())
      collectPolygons(*part, out);
}

}  // namespace

void AreaRows::add(const std::string& feature, const OGRGeometry* geometry) {
  PolygonRepairs repairs;  // listed when the same features are read as places
  const std::unique_ptr<OGRGeometry> repaired =
      geometry ? repairedGeometry(*geometry, repairs) : nullptr;
  std::vector<const OGRPolygon*> polygons;
  if (repaired)
    collectPolygons(*repaired, polygons);
  auto shape = std::make_unique<OGRMultiPolygon>();
  double squareMetres = 0;
  bool ok = !polygons.empty();
  for (const OGRPolygon* polygon : polygons) {
    auto moved = std::make_unique<OGRPolygon>();
    for (int r = 0; r < polygon->getNumInteriorRings() + 1 && ok; ++r) {
      const OGRLinearRing& ring =
          r == 0 ? *polygon->getExteriorRing() : *polygon->getInteriorRing(r - 1);
      OGRLinearRing inWorking;
      std::vector<geo::LonLat> onEllipsoid;
      for (const OGRPoint& p : ring) {
        geo::XY xy;
        geo::LonLat lonLat;
        ok = ok && toWorking_(p.getX(), p.getY(), xy, lonLat);
        inWorking.addPoint(xy.x, xy.y);
        onEllipsoid.push_back(lonLat);
      }
      const double area = geo::geodesicRingArea(onEllipsoid);
      squareMetres += r == 0 ? area : -area;
      moved->addRing(&inWorking);
    }
    shape->addGeometryDirectly(moved.release());
  }
  out_.shapes.push_back(ok ? std::move(shape) : nullptr);
  out_.hectares.push_back(ok ? squareMetres / 10000.0 : 0.0);
  if (!ok)
    noSurface_.push_back(feature);
}

AreaShapes AreaRows::finish(Diagnostics& diagnostics) {
  if (!noSurface_.empty())
    diagnostics.warn(layer_, listed(noSurface_), "",
                     "no surface whose area can be measured (not a polygon, or its coordinates "
                     "cannot be placed): counted as 0 ha",
                     noSurface_.size());
  return std::move(out_);
}

AreaShapes readAreas(const LayerRef& ref, const WorkingFrame& frame, Diagnostics& diagnostics,
                     int sourceEpsg) {
  LibraryMessages gdal;
  const OpenLayer layer(ref);
  const auto crs = layerCrs(layer, sourceEpsg);
  const LayerTransform transform(*crs, frame, layer.label());
  AreaRows rows(layer.label(), pointTransform(transform));
  layer.layer().ResetReading();
  for (auto& f : layer.layer())
    rows.add(std::to_string(f->GetFID()), f->GetGeometryRef());
  gdal.reportTo(diagnostics, layer.label(), "reading");
  return rows.finish(diagnostics);
}

}  // namespace cp::layers
