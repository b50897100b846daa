#include "od_writer.h"

#include <cmath>

#include "gpkg_writer.h"

namespace cp::layers {
namespace {

bool finite(const geo::XY& p) {
  return std::isfinite(p.x) && std::isfinite(p.y);
}

void setReal(OGRFeature& f, const char* field, double value) {
  if (std::isfinite(value))
    f.SetField(field, value);
  else
    f.SetFieldNull(f.GetFieldIndex(field));
}

void writeOdLayer(GpkgWriter& gpkg, const OdOutput& out) {
  OGRLayer& layer = gpkg.createLayer("od_matrix", wkbLineString);
  gpkg.addField(layer, "origin_id", OFTString);
  gpkg.addField(layer, "destination_id", OFTString);
  gpkg.addField(layer, "distance_m", OFTReal);
  gpkg.addField(layer, "time_s", OFTReal);
  gpkg.addField(layer, "method", OFTString);
  gpkg.addField(layer, "origin_connector_m", OFTReal);
  gpkg.addField(layer, "destination_connector_m", OFTReal);
  for (const geo::OdRow& row : out.rows) {
    OGRFeature f(layer.GetLayerDefn());
    f.SetField("origin_id", out.origins.ids[row.origin].c_str());
    f.SetField("destination_id", out.destinations.ids[row.destination].c_str());
    setReal(f, "distance_m", row.cost.distanceM);
    setReal(f, "time_s", row.cost.timeS);
    f.SetField("method", geo::toString(row.method).c_str());
    setReal(f, "origin_connector_m", out.originSnaps.snaps[row.origin].connectorM);
    setReal(f, "destination_connector_m", out.destinationSnaps.snaps[row.destination].connectorM);
    const geo::XY a = out.originSnaps.placed(out.origins, row.origin);
    const geo::XY b = out.destinationSnaps.placed(out.destinations, row.destination);
    if (finite(a) && finite(b)) {
      OGRLineString line;
      line.addPoint(a.x, a.y);
      line.addPoint(b.x, b.y);
      f.SetGeometry(&line);
    }
    gpkg.addFeature(layer, f);
  }
}

void writeSnapRows(GpkgWriter& gpkg, OGRLayer& points, OGRLayer& connectors, const char* role,
                   const PointData& data, const std::vector<geo::SnapResult>& snaps) {
  for (std::size_t i = 0; i < data.ids.size(); ++i) {
    OGRFeature f(points.GetLayerDefn());
    f.SetField("role", role);
    f.SetField("point_id", data.ids[i].c_str());
    f.SetField("status", geo::toString(snaps[i].failure).c_str());
    f.SetField("reason", snaps[i].reason.c_str());
    setReal(f, "connector_m", snaps[i].connectorM);
    if (finite(data.xy[i])) {
      OGRPoint p(data.xy[i].x, data.xy[i].y);
      f.SetGeometry(&p);
    }
    gpkg.addFeature(points, f);
    if (!snaps[i].location || !finite(data.xy[i]))
      continue;
    OGRFeature c(connectors.GetLayerDefn());
    c.SetField("role", role);
    c.SetField("point_id", data.ids[i].c_str());
    c.SetField("length_m", snaps[i].connectorM);
    OGRLineString line;
    line.addPoint(data.xy[i].x, data.xy[i].y);
    line.addPoint(snaps[i].location->xy.x, snaps[i].location->xy.y);
    c.SetGeometry(&line);
    gpkg.addFeature(connectors, c);
  }
}

void writeSnapLayers(GpkgWriter& gpkg, const OdOutput& out) {
  OGRLayer& points = gpkg.createLayer("snapping", wkbPoint);
  for (const char* name : {"role", "point_id", "status", "reason"})
    gpkg.addField(points, name, OFTString);
  gpkg.addField(points, "connector_m", OFTReal);
  OGRLayer& connectors = gpkg.createLayer("connectors", wkbLineString);
  gpkg.addField(connectors, "role", OFTString);
  gpkg.addField(connectors, "point_id", OFTString);
  gpkg.addField(connectors, "length_m", OFTReal);
  writeSnapRows(gpkg, points, connectors, "origin", out.origins, out.originSnaps.snaps);
  writeSnapRows(gpkg, points, connectors, "destination", out.destinations,
                out.destinationSnaps.snaps);
}

}  // namespace

void writeOdGeoPackage(const std::string& path, const OdOutput& output) {
  GpkgWriter gpkg(path, output.frame.srs());
  writeOdLayer(gpkg, output);
  writeSnapLayers(gpkg, output);
  if (!output.attribution.empty())
    gpkg.setMetadata("ATTRIBUTION", output.attribution);
  gpkg.commit();
}

}  // namespace cp::layers
