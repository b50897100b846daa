#include "ogr_source.h"

#include <algorithm>
#include <cmath>
#include <mutex>

#include "diagnostics.h"

namespace cp::layers {
namespace {

void registerDrivers() {
  static std::once_flag once;
  std::call_once(once, [] { GDALAllRegister(); });
}

std::unique_ptr<OGRSpatialReference> gisOrder(std::unique_ptr<OGRSpatialReference> srs) {
  srs->SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  return srs;
}

std::unique_ptr<OGRSpatialReference> epsgSrs(int epsg, const std::string& layer) {
  auto srs = std::make_unique<OGRSpatialReference>();
  if (srs->importFromEPSG(epsg) != OGRERR_NONE)
    failInput(layer, "", "", "EPSG:" + std::to_string(epsg) + " is not a known CRS");
  return gisOrder(std::move(srs));
}

std::unique_ptr<OGRCoordinateTransformation> makeTransform(const OGRSpatialReference& from,
                                                           const OGRSpatialReference& to,
                                                           const std::string& layer) {
  std::unique_ptr<OGRCoordinateTransformation> t(OGRCreateCoordinateTransformation(&from, &to));
  if (!t)
    failInput(layer, "", "", "no coordinate transformation from the layer's CRS is available");
  return t;
}

}  // namespace

LayerRef LayerRef::parse(const std::string& text) {
  LayerRef ref;
  std::size_t start = 0;
  std::size_t bar = text.find('|');
  ref.dataset = text.substr(0, bar);
  while (!ref.dataset.empty() && ref.dataset.back() == ' ')
    ref.dataset.pop_back();
  while (bar != std::string::npos) {
    start = bar + 1;
    bar = text.find('|', start);
    const std::string option = text.substr(start, bar == std::string::npos ? bar : bar - start);
    const auto eq = option.find('=');
    const std::string key = option.substr(0, eq);
    const std::string value = eq == std::string::npos ? "" : option.substr(eq + 1);
    if (key == "layername")
      ref.layer = value;
    if (key == "subset")
      ref.subset = value;
  }
  return ref;
}

std::string LayerRef::label() const {
  std::string out = layer.empty() ? dataset : dataset + "|" + layer;
  return subset.empty() ? out : out + " [" + subset + "]";
}

DatasetPtr openVectorDataset(const std::string& name, unsigned access) {
  registerDrivers();
  return DatasetPtr(static_cast<GDALDataset*>(
      GDALOpenEx(name.c_str(), GDAL_OF_VECTOR | access, nullptr, nullptr, nullptr)));
}

OpenLayer::OpenLayer(const LayerRef& ref) : label_(ref.label()) {
  dataset_ = openVectorDataset(ref.dataset, GDAL_OF_READONLY);
  if (!dataset_) {
    const char* why = CPLGetLastErrorMsg();
    failInput(
        label_, "", "",
        std::string("cannot open the data source") + (why && *why ? ": " + std::string(why) : ""));
  }
  layer_ = ref.layer.empty() ? dataset_->GetLayer(0) : dataset_->GetLayerByName(ref.layer.c_str());
  if (layer_ == nullptr)
    failInput(label_, "", "", "the data source has no such layer");
  if (!ref.subset.empty() && layer_->SetAttributeFilter(ref.subset.c_str()) != OGRERR_NONE)
    failInput(label_, "", "", "the subset filter '" + ref.subset + "' is not valid for this layer");
}

int OpenLayer::fieldIndex(const std::string& name, bool required) const {
  const int index = name.empty() ? -1 : layer_->GetLayerDefn()->GetFieldIndex(name.c_str());
  if (index < 0 && required)
    failInput(label_, "", name, "the layer has no such field");
  return index;
}

WorkingFrame WorkingFrame::utmFor(double lon, double lat) {
  const int zone = std::clamp(static_cast<int>(std::floor((lon + 180.0) / 6.0)) + 1, 1, 60);
  return fromEpsg((lat >= 0 ? 32600 : 32700) + zone);
}

WorkingFrame WorkingFrame::fromEpsg(int epsg) {
  return WorkingFrame(epsg, std::shared_ptr<OGRSpatialReference>(epsgSrs(epsg, "working CRS")));
}

std::string WorkingFrame::wkt() const {
  char* text = nullptr;
  srs_->exportToWkt(&text);
  std::string out = text != nullptr ? text : "";
  CPLFree(text);
  return out;
}

LayerTransform::LayerTransform(const OGRSpatialReference& source, const WorkingFrame& frame,
                               const std::string& layerLabel)
    : toWorking_(makeTransform(source, frame.srs(), layerLabel)),
      toLonLat_(makeTransform(source, *epsgSrs(4326, layerLabel), layerLabel)) {}

bool LayerTransform::toWorking(double& x, double& y) const {
  return toWorking_->Transform(1, &x, &y) && std::isfinite(x) && std::isfinite(y);
}

bool LayerTransform::toLonLat(double& x, double& y) const {
  return toLonLat_->Transform(1, &x, &y) && std::isfinite(x) && std::isfinite(y);
}

std::unique_ptr<OGRSpatialReference> layerCrs(const OpenLayer& layer, int fallbackEpsg) {
  const OGRSpatialReference* srs = layer.layer().GetSpatialRef();
  if (srs != nullptr)
    return gisOrder(std::unique_ptr<OGRSpatialReference>(srs->Clone()));
  if (fallbackEpsg == 0)
    failInput(layer.label(), "", "",
              "the layer has no CRS; assign one (e.g. in QGIS: Layer > Set CRS) or name it "
              "with the source-CRS option");
  return epsgSrs(fallbackEpsg, layer.label());
}

geo::LonLat layerCentreLonLat(const OpenLayer& layer, const OGRSpatialReference& crs) {
  OGREnvelope extent;
  if (layer.layer().GetExtent(&extent, TRUE) != OGRERR_NONE)
    failInput(layer.label(), "", "", "the layer has no extent (is it empty?)");
  double x = (extent.MinX + extent.MaxX) / 2;
  double y = (extent.MinY + extent.MaxY) / 2;
  auto wgs84 = epsgSrs(4326, layer.label());
  const auto t = makeTransform(crs, *wgs84, layer.label());
  if (!t->Transform(1, &x, &y))
    failInput(layer.label(), "", "", "the layer's extent cannot be placed on the globe");
  return {x, y};
}

}  // namespace cp::layers
