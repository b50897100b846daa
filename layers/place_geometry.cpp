#include "place_geometry.h"

#include <algorithm>
#include <cstdio>

#include <ogr_api.h>

#include "point_reader.h"

namespace cp::layers {
namespace {

// Shares of the smaller area below this are slivers of digitising, not overlaps.
constexpr double kOverlapShare = 0.01;

bool isArea(OGRwkbGeometryType type) {
  return OGR_GT_IsSubClassOf(type, wkbCurvePolygon) || OGR_GT_IsSubClassOf(type, wkbMultiSurface);
}

double areaOf(const OGRGeometry& g) {
  return polygonalArea(g);
}

bool ringsClosed(const OGRGeometry& g) {
  const OGRwkbGeometryType type = wkbFlatten(g.getGeometryType());
  if (type == wkbPolygon) {
    const OGRPolygon& polygon = *g.toPolygon();
    for (const OGRLinearRing* ring : polygon)
      if (!ring->get_IsClosed())
        return false;
    return true;
  }
  if (type == wkbMultiPolygon) {
    for (const OGRPolygon* part : *g.toMultiPolygon())
      if (!ringsClosed(*part))
        return false;
  }
  return true;
}

// The polygons among what MakeValid returned (it may add the lines and points
// a collapsed part leaves); null when none has an area.
std::unique_ptr<OGRGeometry> polygonalPart(std::unique_ptr<OGRGeometry> g) {
  if (!g)
    return nullptr;
  const OGRwkbGeometryType type = wkbFlatten(g->getGeometryType());
  if (type == wkbGeometryCollection) {
    auto polygons = std::make_unique<OGRMultiPolygon>();
    for (const OGRGeometry* part : *g->toGeometryCollection()) {
      const OGRwkbGeometryType partType = wkbFlatten(part->getGeometryType());
      if (partType == wkbPolygon)
        polygons->addGeometry(part);
      else if (partType == wkbMultiPolygon)
        for (const OGRPolygon* polygon : *part->toMultiPolygon())
          polygons->addGeometry(polygon);
    }
    g = std::move(polygons);
  }
  if (!isArea(wkbFlatten(g->getGeometryType())) || areaOf(*g) <= 0)
    return nullptr;
  return g;
}

}  // namespace

double polygonalArea(const OGRGeometry& geometry) {
  const OGRwkbGeometryType type = wkbFlatten(geometry.getGeometryType());
  if (OGR_GT_IsSubClassOf(type, wkbCurvePolygon))
    return geometry.toCurvePolygon()->get_Area();
  if (!OGR_GT_IsSubClassOf(type, wkbGeometryCollection))
    return 0;
  double area = 0;
  for (const OGRGeometry* part : *geometry.toGeometryCollection())
    area += polygonalArea(*part);
  return area;
}

std::unique_ptr<OGRGeometry> repairedGeometry(const OGRGeometry& geometry,
                                              PolygonRepairs& repairs) {
  repairs.straightenedCurves = geometry.hasCurveGeometry() != 0;
  std::unique_ptr<OGRGeometry> out(repairs.straightenedCurves ? geometry.getLinearGeometry()
                                                              : geometry.clone());
  if (!out || !isArea(wkbFlatten(out->getGeometryType())))
    return out;
  if (!ringsClosed(*out)) {
    out->closeRings();
    repairs.closedRings = true;
  }
  if (!out->IsValid()) {
    repairs.madeValid = true;
    return polygonalPart(std::unique_ptr<OGRGeometry>(out->MakeValid()));
  }
  return polygonalPart(std::move(out));
}

PlaceGeometries::Place PlaceGeometries::place(const std::string& feature, const OGRGeometry* g) {
  Place out;
  if (g == nullptr || g->IsEmpty()) {
    out.problem = "no geometry; it cannot be routed";
    return out;
  }
  const OGRwkbGeometryType type = wkbFlatten(g->getGeometryType());
  if (type == wkbPoint || (type == wkbMultiPoint && g->toMultiPoint()->getNumGeometries() == 1)) {
    const OGRPoint* p = type == wkbPoint ? g->toPoint() : g->toMultiPoint()->getGeometryRef(0);
    out = {true, p->getX(), p->getY(), false, ""};
    return out;
  }
  if (type == wkbMultiPoint) {
    out.problem = kSeveralPointsMessage;
    return out;
  }
  if (!isArea(type)) {
    out.problem = "geometry is neither a point nor a polygon; it cannot be routed";
    return out;
  }
  PolygonRepairs repairs;
  std::unique_ptr<OGRGeometry> area = repairedGeometry(*g, repairs);
  if (repairs.closedRings)
    closed_.push_back(feature);
  if (repairs.straightenedCurves)
    straightened_.push_back(feature);
  if (repairs.madeValid)
    madeValid_.push_back(feature);
  OGRGeometryH inside = area ? OGR_G_PointOnSurface(OGRGeometry::ToHandle(area.get())) : nullptr;
  if (inside == nullptr) {
    out.problem = "a polygon with no area, even after repair; it cannot be routed";
    return out;
  }
  out = {true, OGR_G_GetX(inside, 0), OGR_G_GetY(inside, 0), true, ""};
  OGR_G_DestroyGeometry(inside);
  Area kept{feature, std::move(area), {}, 0};
  kept.geometry->getEnvelope(&kept.envelope);
  kept.area = areaOf(*kept.geometry);
  areas_.push_back(std::move(kept));
  return out;
}

void PlaceGeometries::finish(Diagnostics& diagnostics) {
  const auto say = [&](const std::vector<std::string>& features, const std::string& what) {
    if (!features.empty())
      diagnostics.warn(layer_, listed(features), "", what, features.size());
  };
  say(closed_, "a polygon ring did not end where it began; it was closed");
  say(straightened_, "curved outlines were made straight (as QGIS draws them)");
  say(madeValid_,
      "a self-intersecting polygon was repaired as QGIS's Fix geometries does (its area is "
      "that of the repaired outline); check the outline");
  listOverlaps(diagnostics);
}

void PlaceGeometries::listOverlaps(Diagnostics& diagnostics) const {
  std::vector<const Area*> byWest;
  for (const Area& a : areas_)
    byWest.push_back(&a);
  std::sort(byWest.begin(), byWest.end(),
            [](const Area* a, const Area* b) { return a->envelope.MinX < b->envelope.MinX; });
  std::vector<std::string> pairs;
  for (std::size_t i = 0; i < byWest.size(); ++i) {
    const Area& a = *byWest[i];
    for (std::size_t j = i + 1; j < byWest.size() && byWest[j]->envelope.MinX < a.envelope.MaxX;
         ++j) {
      const Area& b = *byWest[j];
      if (!a.envelope.Intersects(b.envelope) || !a.geometry->Intersects(b.geometry.get()))
        continue;
      const std::unique_ptr<OGRGeometry> common(a.geometry->Intersection(b.geometry.get()));
      const double share = common ? areaOf(*common) / std::min(a.area, b.area) : 0;
      if (share <= kOverlapShare)
        continue;
      char percent[16];
      std::snprintf(percent, sizeof percent, "%.0f", share * 100);
      pairs.push_back(a.feature + " and " + b.feature + " (" + percent + " % of the smaller)");
    }
  }
  if (!pairs.empty())
    diagnostics.warn(layer_, "", "",
                     "areas overlap (" + std::to_string(pairs.size()) +
                         (pairs.size() == 1 ? " pair" : " pairs") +
                         "), so what they hold may be counted twice: " + listed(pairs));
}

}  // namespace cp::layers
