#include "road_reader.h"

#include "field_names.h"

#include <cmath>

#include "library_messages.h"
#include "road_attributes.h"

namespace cp::layers {
namespace {

struct FieldIndexes {
  int roadClass = -1;
  int oneway = -1;
  int speed = -1;
};

std::string resolveField(const OpenLayer& layer, const std::string& given,
                         const std::vector<std::string>& candidates) {
  if (!given.empty()) {
    layer.fieldIndex(given, true);
    return given;
  }
  return detectField(layer, candidates);
}

void checkGeometryType(const OpenLayer& layer) {
  const OGRwkbGeometryType type = wkbFlatten(layer.layer().GetGeomType());
  const bool lines = type == wkbUnknown || type == wkbLineString || type == wkbMultiLineString ||
                     type == wkbCompoundCurve || type == wkbMultiCurve ||
                     type == wkbCircularString || type == wkbGeometryCollection;
  if (!lines)
    failInput(layer.label(), "", "",
              std::string("roads must be lines, but the layer holds ") +
                  OGRGeometryTypeToName(layer.layer().GetGeomType()));
}

class RoadLayerReader {
 public:
  RoadLayerReader(const OpenLayer& layer, const RoadReadOptions& options, RoadData& out)
      : layer_(layer),
        out_(out),
        parser_(layer.label(), out.fieldsUsed, options.drivableOnly, out.diagnostics) {}

  void read(const LayerTransform& transform) {
    transform_ = &transform;
    const OGRFeatureDefn* defn = layer_.layer().GetLayerDefn();
    fields_ = {defn->GetFieldIndex(out_.fieldsUsed.roadClass.c_str()),
               defn->GetFieldIndex(out_.fieldsUsed.oneway.c_str()),
               defn->GetFieldIndex(out_.fieldsUsed.speedKmh.c_str())};
    layer_.layer().ResetReading();
    for (auto& feature : layer_.layer()) {
      ++out_.featuresRead;
      readFeature(*feature);
    }
    parser_.finish();
    checkAllFeaturesRead(out_.diagnostics, layer_.label(), layer_.layer().GetFeatureCount(FALSE),
                         out_.featuresRead);
  }

 private:
  std::string fid(const OGRFeature& f) const { return std::to_string(f.GetFID()); }

  void warn(const std::string& key, const OGRFeature& f, const std::string& field,
            const std::string& msg) {
    out_.diagnostics.warnOnce(key, layer_.label(), fid(f), field, msg);
  }

  std::string text(const OGRFeature& f, int index) const {
    return index >= 0 && f.IsFieldSetAndNotNull(index) ? f.GetFieldAsString(index) : "";
  }

  void readFeature(const OGRFeature& f) {
    const auto props = parser_.parse(fid(f), text(f, fields_.roadClass), text(f, fields_.oneway),
                                     text(f, fields_.speed));
    if (!props) {
      ++out_.featuresNotDrivable;
      return;
    }
    geo::RoadLine proto;
    proto.featureId = static_cast<std::uint64_t>(f.GetFID());
    proto.direction = props->direction;
    proto.speedKmh = props->speedKmh;
    addGeometry(f, proto);
  }

  void addGeometry(const OGRFeature& f, const geo::RoadLine& proto) {
    const OGRGeometry* g = f.GetGeometryRef();
    if (g == nullptr || g->IsEmpty()) {
      warn("nogeom", f, "", "feature has no geometry; skipped");
      return;
    }
    std::unique_ptr<OGRGeometry> linear(g->getLinearGeometry());
    const OGRwkbGeometryType type = wkbFlatten(linear->getGeometryType());
    if (type == wkbLineString) {
      addPart(f, *linear->toLineString(), proto);
    } else if (type == wkbMultiLineString) {
      for (const OGRLineString* part : *linear->toMultiLineString())
        addPart(f, *part, proto);
    } else {
      warn(std::string("type:") + linear->getGeometryName(), f, "",
           std::string("a ") + linear->getGeometryName() + " is not a line; skipped");
    }
  }

  void addPart(const OGRFeature& f, const OGRLineString& part, geo::RoadLine line) {
    for (int i = 0; i < part.getNumPoints(); ++i) {
      double x = part.getX(i);
      double y = part.getY(i);
      double lon = x;
      double lat = y;
      if (!transform_->toWorking(x, y) || !transform_->toLonLat(lon, lat)) {
        warn("coords", f, "",
             "a vertex has invalid coordinates or lies outside the CRS; line skipped");
        return;
      }
      line.xy.push_back({x, y});
      line.lonLat.push_back({lon, lat});
    }
    out_.lines.push_back(std::move(line));
  }

  const OpenLayer& layer_;
  RoadData& out_;
  RoadAttributeParser parser_;
  FieldIndexes fields_;
  const LayerTransform* transform_ = nullptr;
};

}  // namespace

std::string detectField(const OpenLayer& layer, const std::vector<std::string>& candidates) {
  for (const std::string& name : candidates)
    if (layer.fieldIndex(name, false) >= 0)
      return name;
  return "";
}

RoadData readRoads(const LayerRef& ref, const RoadReadOptions& options) {
  LibraryMessages gdal;
  const OpenLayer layer(ref);
  checkGeometryType(layer);
  if (layer.layer().GetFeatureCount(TRUE) == 0)
    failInput(layer.label(), "", "", "the road layer is empty");
  RoadData out;
  out.fieldsUsed = {resolveField(layer, options.fields.roadClass, field_names::kRoadClass),
                    resolveField(layer, options.fields.oneway, field_names::kOneway),
                    resolveField(layer, options.fields.speedKmh, field_names::kSpeed)};
  if (out.fieldsUsed.roadClass.empty() && options.drivableOnly)
    out.diagnostics.warn(layer.label(), "", "",
                         "no road-class field (fclass/highway): every line is treated as drivable");
  const auto crs = layerCrs(layer, options.sourceEpsg);
  const geo::LonLat centre = layerCentreLonLat(layer, *crs);
  out.frame = options.workingEpsg != 0 ? WorkingFrame::fromEpsg(options.workingEpsg)
                                       : WorkingFrame::utmFor(centre.lon, centre.lat);
  const LayerTransform transform(*crs, *out.frame, layer.label());
  RoadLayerReader(layer, options, out).read(transform);
  gdal.reportTo(out.diagnostics, layer.label(), "reading");
  if (out.lines.empty())
    failInput(layer.label(), "", out.fieldsUsed.roadClass,
              "no drivable line remains after reading (" + std::to_string(out.featuresRead) +
                  " features read, " + std::to_string(out.featuresNotDrivable) + " not drivable)");
  return out;
}

}  // namespace cp::layers
