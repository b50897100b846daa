#include "od_writer.h"

#include <cmath>
#include <memory>
#include <optional>

#include "layers/analyses/od.h"
#include "layers/gpkg_writer.h"
#include "layers/result_table.h"

namespace cp::layers {
namespace {

bool finite(const geo::XY& p) {
  return std::isfinite(p.x) && std::isfinite(p.y);
}

void setReal(OGRFeature& f, int field, double value) {
  if (std::isfinite(value))
    f.SetField(field, value);
  else
    f.SetFieldNull(field);
}

// The columns of analyses::odFields(), in order.
enum OdColumn { OriginId, DestinationId, DistanceM, TimeS, Method, OriginConnector, DestConnector };

void writeOdLayer(GpkgWriter& gpkg, const OdOutput& out) {
  const bool lines = withLines(out.geometry, out.rows.size());
  // The Processing algorithm's table (analyses::odTable), written here row by
  // row: a million ResultTable rows would take as long as the matrix itself.
  OGRLayer& layer =
      createTableLayer(gpkg, "od_matrix", lines ? ResultGeometry::LineString : ResultGeometry::None,
                       analyses::odFields());
  // One feature reused for every row, its origin and method set only when they
  // change: a million rows are written in about a second.
  OGRFeature f(layer.GetLayerDefn());
  std::optional<std::size_t> origin;
  std::optional<geo::CostMethod> method;
  for (const geo::OdRow& row : out.rows) {
    f.SetFID(OGRNullFID);
    if (origin != row.origin)
      f.SetField(OriginId, out.origins.ids[row.origin].c_str());
    if (method != row.method)
      f.SetField(Method, geo::toString(row.method).c_str());
    origin = row.origin;
    method = row.method;
    f.SetField(DestinationId, out.destinations.ids[row.destination].c_str());
    setReal(f, DistanceM, row.cost.distanceM);
    setReal(f, TimeS, row.cost.timeS);
    setReal(f, OriginConnector, out.originSnaps.snaps[row.origin].connectorM);
    setReal(f, DestConnector, out.destinationSnaps.snaps[row.destination].connectorM);
    if (lines) {
      const geo::XY a = out.originSnaps.placed(out.origins, row.origin);
      const geo::XY b = out.destinationSnaps.placed(out.destinations, row.destination);
      std::unique_ptr<OGRLineString> line;
      if (finite(a) && finite(b)) {
        line = std::make_unique<OGRLineString>();
        line->addPoint(a.x, a.y);
        line->addPoint(b.x, b.y);
      }
      f.SetGeometryDirectly(line.release());
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
    setReal(f, f.GetFieldIndex("connector_m"), snaps[i].connectorM);
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

bool withLines(OdGeometry geometry, std::size_t pairs) {
  return geometry == OdGeometry::Lines || (geometry == OdGeometry::Auto && pairs <= kOdLinesUpTo);
}

void writeOdGeoPackage(const std::string& path, const OdOutput& output) {
  GpkgWriter gpkg(path, output.frame.srs());
  writeOdLayer(gpkg, output);
  writeSnapLayers(gpkg, output);
  if (!output.attribution.empty())
    gpkg.setMetadata("ATTRIBUTION", output.attribution);
  gpkg.commit();
}

}  // namespace cp::layers
