#include "road_reader.h"

#include "field_names.h"

#include <cmath>

#include "library_messages.h"
#include "road_attributes.h"

namespace cp::layers {
namespace {

std::string resolveField(const OpenLayer& layer, const std::string& given,
                         const std::vector<std::string>& candidates) {
  if (!given.empty()) {
    layer.fieldIndex(given, true);
    return given;
  }
  return layer.detectField(candidates);
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

}  // namespace

RoadRows::RoadRows(std::string layer, RoadData& out, bool drivableOnly, ToWorking toWorking)
    : layer_(std::move(layer)),
      out_(out),
      parser_(layer_, out.fieldsUsed, drivableOnly, out.diagnostics),
      toWorking_(std::move(toWorking)) {
  if (out.fieldsUsed.roadClass.empty() && drivableOnly)
    out.diagnostics.warn(layer_, "", "",
                         "no road-class field (fclass/highway): every line is treated as drivable");
}

void RoadRows::add(std::uint64_t featureId, const RoadTexts& texts, const OGRGeometry* geometry) {
  ++out_.featuresRead;
  const std::string fid = std::to_string(featureId);
  const auto props = parser_.parse(fid, texts);
  if (!props) {
    ++out_.featuresNotDrivable;
    return;
  }
  if (geometry == nullptr || geometry->IsEmpty()) {
    out_.diagnostics.warnOnce("nogeom", layer_, fid, "", "feature has no geometry; skipped");
    return;
  }
  geo::RoadLine proto;
  proto.featureId = featureId;
  proto.direction = props->direction;
  proto.speedKmh = props->speedKmh;
  proto.roadLengthM = props->roadLengthM;
  const std::unique_ptr<OGRGeometry> linear(geometry->getLinearGeometry());
  const OGRwkbGeometryType type = wkbFlatten(linear->getGeometryType());
  if (type == wkbLineString) {
    addPart(fid, *linear->toLineString(), proto);
  } else if (type == wkbMultiLineString) {
    // The parts of one road do not say how its length divides between them.
    if (proto.roadLengthM > 0 && linear->toMultiLineString()->getNumGeometries() > 1) {
      out_.diagnostics.warnOnce("multi-length", layer_, fid, out_.fieldsUsed.roadLength,
                                "a road length on a line of several parts: its parts keep "
                                "their drawn lengths (give it on single lines)");
      proto.roadLengthM = 0;
    }
    for (const OGRLineString* part : *linear->toMultiLineString())
      addPart(fid, *part, proto);
  } else {
    out_.diagnostics.warnOnce(
        std::string("type:") + linear->getGeometryName(), layer_, fid, "",
        std::string("a ") + linear->getGeometryName() + " is not a line; skipped");
  }
}

void RoadRows::addPart(const std::string& fid, const OGRLineString& part, geo::RoadLine line) {
  for (int i = 0; i < part.getNumPoints(); ++i) {
    geo::XY xy;
    geo::LonLat lonLat;
    if (!toWorking_(part.getX(i), part.getY(i), xy, lonLat)) {
      out_.diagnostics.warnOnce(
          "coords", layer_, fid, "",
          "a vertex has invalid coordinates or lies outside the CRS; line skipped");
      return;
    }
    line.xy.push_back(xy);
    line.lonLat.push_back(lonLat);
  }
  out_.lines.push_back(std::move(line));
}

void RoadRows::finish(long long held) {
  parser_.finish();
  checkAllFeaturesRead(out_.diagnostics, layer_, held, out_.featuresRead);
  if (out_.lines.empty())
    failInput(layer_, "", out_.fieldsUsed.roadClass,
              "no drivable line remains after reading (" + std::to_string(out_.featuresRead) +
                  " features read, " + std::to_string(out_.featuresNotDrivable) + " not drivable)");
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
                    resolveField(layer, options.fields.speedKmh, field_names::kSpeed),
                    resolveField(layer, options.fields.roadLength, field_names::kRoadLength)};
  const auto crs = layerCrs(layer, options.sourceEpsg);
  const geo::LonLat centre = layerCentreLonLat(layer, *crs);
  out.frame = options.workingEpsg != 0 ? WorkingFrame::fromEpsg(options.workingEpsg)
                                       : WorkingFrame::utmFor(centre.lon, centre.lat);
  const LayerTransform transform(*crs, *out.frame, layer.label());
  RoadRows rows(layer.label(), out, options.drivableOnly, pointTransform(transform));
  const OGRFeatureDefn* defn = layer.layer().GetLayerDefn();
  const int fields[] = {defn->GetFieldIndex(out.fieldsUsed.roadClass.c_str()),
                        defn->GetFieldIndex(out.fieldsUsed.oneway.c_str()),
                        defn->GetFieldIndex(out.fieldsUsed.speedKmh.c_str()),
                        defn->GetFieldIndex(out.fieldsUsed.roadLength.c_str())};
  const auto text = [](const OGRFeature& f, int index) {
    return index >= 0 && f.IsFieldSetAndNotNull(index) ? std::string(f.GetFieldAsString(index))
                                                       : std::string();
  };
  layer.layer().ResetReading();
  for (auto& f : layer.layer())
    rows.add(static_cast<std::uint64_t>(f->GetFID()),
             {text(*f, fields[0]), text(*f, fields[1]), text(*f, fields[2]), text(*f, fields[3])},
             f->GetGeometryRef());
  gdal.reportTo(out.diagnostics, layer.label(), "reading");
  rows.finish(layer.layer().GetFeatureCount(FALSE));
  return out;
}

}  // namespace cp::layers
