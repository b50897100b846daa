#include "result_table.h"

#include <algorithm>
#include <cmath>

#include "gpkg_writer.h"

namespace cp::layers {
namespace {

bool finite(const geo::XY& xy) {
  return std::isfinite(xy.x) && std::isfinite(xy.y);
}

OGRwkbGeometryType ogrType(ResultGeometry geometry) {
  switch (geometry) {
    case ResultGeometry::Point:
      return wkbPoint;
    case ResultGeometry::LineString:
      return wkbLineString;
    case ResultGeometry::MultiPolygon:
      return wkbMultiPolygon;
    case ResultGeometry::None:
      break;
  }
  return wkbNone;
}

OGRFieldType ogrType(FieldType type) {
  switch (type) {
    case FieldType::Integer:
    case FieldType::Boolean:
      return OFTInteger;
    case FieldType::Integer64:
      return OFTInteger64;
    case FieldType::Real:
      return OFTReal;
    case FieldType::Text:
      break;
  }
  return OFTString;
}

void setValue(OGRFeature& f, int index, const ResultValue& value) {
  if (const auto* text = std::get_if<std::string>(&value))
    f.SetField(index, text->c_str());
  else if (const auto* whole = std::get_if<long long>(&value))
    f.SetField(index, static_cast<GIntBig>(*whole));
  else if (const auto* real = std::get_if<double>(&value))
    f.SetField(index, *real);
  else
    f.SetFieldNull(index);
}

}  // namespace

ResultValue finiteOrNull(double value) {
  return std::isfinite(value) ? ResultValue(value) : ResultValue();
}

void ResultTable::add(std::vector<ResultValue> values, std::unique_ptr<OGRGeometry> shape) {
  rows.push_back({std::move(values), std::move(shape)});
}

std::unique_ptr<OGRGeometry> pointAt(const geo::XY& xy) {
  if (!finite(xy))
    return nullptr;
  return std::make_unique<OGRPoint>(xy.x, xy.y);
}

std::unique_ptr<OGRGeometry> lineAlong(const std::vector<geo::XY>& points) {
  const auto atFirst = [&points](const geo::XY& xy) {
    return xy.x == points.front().x && xy.y == points.front().y;
  };
  if (points.size() < 2 || !std::all_of(points.begin(), points.end(), finite) ||
      std::all_of(points.begin(), points.end(), atFirst))
    return nullptr;
  auto line = std::make_unique<OGRLineString>();
  for (const geo::XY& xy : points)
    line->addPoint(xy.x, xy.y);
  return line;
}

OGRLayer& createTableLayer(GpkgWriter& gpkg, const std::string& name, ResultGeometry geometry,
                           const std::vector<ResultField>& fields) {
  OGRLayer& layer = gpkg.createLayer(name, ogrType(geometry));
  for (const ResultField& field : fields)
    gpkg.addField(layer, field.name, ogrType(field.type),
                  field.type == FieldType::Boolean ? OFSTBoolean : OFSTNone);
  return layer;
}

void writeTable(GpkgWriter& gpkg, const ResultTable& table) {
  OGRLayer& layer = createTableLayer(gpkg, table.name, table.geometry, table.fields);
  OGRFeature f(layer.GetLayerDefn());
  for (const ResultRow& row : table.rows) {
    f.SetFID(OGRNullFID);
    for (std::size_t i = 0; i < row.values.size(); ++i)
      setValue(f, static_cast<int>(i), row.values[i]);
    std::unique_ptr<OGRGeometry> shape(row.geometry ? row.geometry->clone() : nullptr);
    if (shape && table.geometry == ResultGeometry::MultiPolygon)
      shape.reset(OGRGeometryFactory::forceToMultiPolygon(shape.release()));
    f.SetGeometryDirectly(shape.release());
    gpkg.addFeature(layer, f);
  }
}

}  // namespace cp::layers
