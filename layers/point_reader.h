#pragma once
// Reads the places to route between (points, or polygons represented by a point
// inside them) with their ids. No feature is dropped: one that cannot be placed
// keeps its row with non-finite coordinates and a warning, and later shows as
// not routable.

#include <functional>
#include <set>
#include <string>
#include <vector>

#include "diagnostics.h"
#include "geo/types.h"
#include "ogr_source.h"
#include "place_geometry.h"

namespace cp::layers {

// One rule for every reader: a place is one point or an area (routed from a
// point inside it); a multi-point of several points is no one place.
inline constexpr const char* kSeveralPointsMessage =
    "a multi-point of several points: a place must be one point or an area; it cannot be routed";

struct PointData {
  std::string layerLabel;
  std::vector<std::string> ids;
  std::vector<geo::XY> xy;          // working CRS
  std::vector<geo::LonLat> lonLat;  // WGS 84
  Diagnostics diagnostics;
};

// The rules every reader of places applies row by row, whatever opened the
// layer: ids (missing, repeated, garbled) and geometry (PlaceGeometries). A
// row that cannot be placed keeps its place with no coordinates, and says why.
class PlaceRows {
 public:
  PlaceRows(PointData& out, std::string idField, ToWorking toWorking);

  void add(const std::string& feature, std::string id, const OGRGeometry* geometry);
  // `held`: the features the layer says it holds (< 0: it cannot tell).
  void finish(long long held);

 private:
  PointData& out_;
  std::string idField_;
  ToWorking toWorking_;
  PlaceGeometries geometries_;
  std::set<std::string> seen_;
  std::vector<std::string> garbled_;
  std::size_t areas_ = 0;
};

// Sites' ids must be unique, since results are reported per site: a repeated
// id is an InputError naming it.
void requireUniqueIds(const PointData& sites, const std::string& idField);

// Values read from the places' layer in a pass of their own (tonnes,
// capacities, flags) belong to the places by order: a count that differs means
// the layer changed while it was read, or some features could not be read the
// second time. That is an InputError naming the layer, never values paired
// with the wrong places.
void requireOnePerPlace(const PointData& places, std::size_t values, const std::string& what);

// idField empty: the feature id. sourceEpsg: the CRS assumed when the layer has none.
PointData readPoints(const LayerRef& ref, const std::string& idField, const WorkingFrame& frame,
                     int sourceEpsg = 0);

}  // namespace cp::layers
