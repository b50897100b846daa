#include "point_reader.h"

#include <limits>

#include "library_messages.h"
#include "place_geometry.h"

namespace cp::layers {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

}  // namespace

PlaceRows::PlaceRows(PointData& out, std::string idField, ToWorking toWorking)
    : out_(out),
      idField_(std::move(idField)),
      toWorking_(std::move(toWorking)),
      geometries_(out.layerLabel) {}

void PlaceRows::add(const std::string& feature, std::string id, const OGRGeometry* geometry) {
  const std::string& layer = out_.layerLabel;
  if (!idField_.empty() && id.empty())
    out_.diagnostics.warnOnce("noid", layer, feature, idField_,
                              "no id (NULL or empty): the feature number is used instead");
  if (garbledText(id))
    garbled_.push_back(feature);
  if (id.empty())
    id = feature;
  if (!seen_.insert(id).second)
    out_.diagnostics.warn(layer, feature, idField_,
                          "id '" + id + "' is used by more than one feature");
  geo::XY xy{kNaN, kNaN};
  geo::LonLat lonLat{kNaN, kNaN};
  const PlaceGeometries::Place place = geometries_.place(feature, geometry);
  if (!place.ok) {
    out_.diagnostics.warn(layer, feature, "", place.problem);
  } else if (!toWorking_(place.x, place.y, xy, lonLat)) {
    out_.diagnostics.warn(layer, feature, "",
                          "coordinates cannot be transformed; it cannot be routed");
    xy = {kNaN, kNaN};
    lonLat = {kNaN, kNaN};
  }
  areas_ += place.ok && place.isArea ? 1 : 0;
  out_.ids.push_back(id);
  out_.xy.push_back(xy);
  out_.lonLat.push_back(lonLat);
}

void PlaceRows::finish(long long held) {
  geometries_.finish(out_.diagnostics);
  if (!garbled_.empty())
    out_.diagnostics.warn(out_.layerLabel, listed(garbled_), idField_, kGarbledTextMessage,
                          garbled_.size());
  if (areas_ > 0)
    out_.diagnostics.note(out_.layerLabel, "areas are routed from a point inside each of them",
                          areas_);
  checkAllFeaturesRead(out_.diagnostics, out_.layerLabel, held, out_.ids.size());
}

PointData readPoints(const LayerRef& ref, const std::string& idField, const WorkingFrame& frame,
                     int sourceEpsg) {
  LibraryMessages gdal;
  const OpenLayer layer(ref);
  const int idIndex = layer.fieldIndex(idField, !idField.empty());
  if (layer.layer().GetFeatureCount(TRUE) == 0)
    failInput(layer.label(), "", "", "the layer is empty");
  const auto crs = layerCrs(layer, sourceEpsg);
  const LayerTransform transform(*crs, frame, layer.label());
  PointData out;
  out.layerLabel = layer.label();
  PlaceRows rows(out, idField, pointTransform(transform));
  for (auto& f : layer.layer()) {
    const bool hasId = idIndex >= 0 && f->IsFieldSetAndNotNull(idIndex);
    rows.add(std::to_string(f->GetFID()), hasId ? f->GetFieldAsString(idIndex) : "",
             f->GetGeometryRef());
  }
  gdal.reportTo(out.diagnostics, layer.label(), "reading");
  rows.finish(layer.layer().GetFeatureCount(FALSE));
  return out;
}

void requireUniqueIds(const PointData& sites, const std::string& idField) {
  std::set<std::string> seen;
  for (const std::string& id : sites.ids)
    if (!seen.insert(id).second)
      failInput(sites.layerLabel, "", idField,
                "site id '" + id +
                    "' is used by more than one feature; results per site need "
                    "unique ids");
}

void requireOnePerPlace(const PointData& places, std::size_t values, const std::string& what) {
  if (values == places.ids.size())
    return;
  failInput(places.layerLabel, "", "",
            "read as " + counted(places.ids.size(), "place") + " but " + std::to_string(values) +
                " " + what +
                ": the layer changed while it was read, or not all its features could be read "
                "again; nothing was computed, run again");
}

}  // namespace cp::layers
