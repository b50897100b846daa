#pragma once
// An analysis result as a table: named, typed fields and rows of values with an
// optional geometry in the working CRS. The analysis defines each table once;
// the QGIS bridge writes it to a Processing output, the runner to a GeoPackage.

#include <memory>
#include <string>
#include <variant>
#include <vector>

#include <ogr_geometry.h>
#include <ogrsf_frmts.h>

#include "geo/types.h"

namespace cp::layers {

class GpkgWriter;

// Integer: 32 bits; Integer64 for feature ids; Boolean: an Integer of 0 or 1.
enum class FieldType { Text, Integer, Integer64, Real, Boolean };

struct ResultField {
  std::string name;
  FieldType type;
};

// std::monostate is NULL.
using ResultValue = std::variant<std::monostate, std::string, long long, double>;

// NULL for an infinite or undefined number (an unreachable site's haul).
ResultValue finiteOrNull(double value);

enum class ResultGeometry { None, Point, LineString, MultiPolygon };

struct ResultRow {
  std::vector<ResultValue> values;        // one per field, in order
  std::unique_ptr<OGRGeometry> geometry;  // working CRS; null: none
};

struct ResultTable {
  std::string name;  // the GeoPackage layer, e.g. "catchments"
  ResultGeometry geometry = ResultGeometry::None;
  std::vector<ResultField> fields;
  std::vector<ResultRow> rows;

  void add(std::vector<ResultValue> values, std::unique_ptr<OGRGeometry> geometry = nullptr);
};

// A point, or null when it has no finite coordinates.
std::unique_ptr<OGRGeometry> pointAt(const geo::XY& xy);
// A line along the points, or null with fewer than two, any not finite, or
// all at one place (a line of no length is not a valid geometry: what does
// not travel, e.g. a district's demolitions used in the district, has none).
std::unique_ptr<OGRGeometry> lineAlong(const std::vector<geo::XY>& points);

// Writes the table as a layer of the GeoPackage.
void writeTable(GpkgWriter& gpkg, const ResultTable& table);

// The layer of a table, with its fields and no rows yet: for a writer that
// fills a very large table row by row (the OD matrix).
OGRLayer& createTableLayer(GpkgWriter& gpkg, const std::string& name, ResultGeometry geometry,
                           const std::vector<ResultField>& fields);

}  // namespace cp::layers
