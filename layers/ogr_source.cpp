#include "ogr_source.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <sstream>
#include <stdexcept>

#include "diagnostics.h"

namespace cp::layers {
namespace {

// Degrees past the globe's edges still taken as longitude and latitude: some
// data wrap a little past the antimeridian.
constexpr double kGlobeSlack = 1;

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

// "EPSG:4326", or the CRS's name when it has no code.
std::string crsName(const OGRSpatialReference& srs) {
  const char* authority = srs.GetAuthorityName(nullptr);
  const char* code = srs.GetAuthorityCode(nullptr);
  if (authority != nullptr && code != nullptr)
    return std::string(authority) + ":" + code;
  const char* name = srs.GetName();
  return name != nullptr ? name : "an unnamed CRS";
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

namespace {

std::string leadingBytes(const std::filesystem::path& path, std::size_t count) {
  std::ifstream in(path, std::ios::binary);
  std::string bytes(count, '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(count));
  bytes.resize(static_cast<std::size_t>(std::max<std::streamsize>(in.gcount(), 0)));
  return bytes;
}

bool looksLikeHtml(const std::string& bytes) {
  std::string start;
  for (char c : bytes)
    if (!std::isspace(static_cast<unsigned char>(c)) && static_cast<unsigned char>(c) < 0x80)
      start += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return start.rfind("<!doctypehtml", 0) == 0 || start.rfind("<html", 0) == 0;
}

}  // namespace

std::string whyUnopenable(const std::string& dataset, const std::string& libraryMessage) {
  namespace fs = std::filesystem;
  const std::string gdalSays = libraryMessage.empty() ? "" : " (GDAL says: " + libraryMessage + ")";
  const bool isFile = dataset.rfind("PG:", 0) != 0 && dataset.rfind("/vsi", 0) != 0;
  std::error_code error;
  if (!isFile)
    return "the data source cannot be opened" + gdalSays;
  const fs::path path(dataset);
  if (!fs::exists(path, error))
    return "there is no such file or folder";
  if (fs::is_directory(path, error))
    return "the folder holds no data source that GDAL can read";
  if (fs::file_size(path, error) == 0)
    return "the file is empty (0 bytes)";
  if (!std::ifstream(path, std::ios::binary))
    return "the file cannot be read (no permission?)";
  const std::string bytes = leadingBytes(path, 512);
  if (bytes.rfind("PK\x03\x04", 0) == 0)
    return "the file is a zip archive: unpack it, or name a file inside it as '/vsizip/" + dataset +
           "/NAME'";
  if (bytes.rfind("\x1f\x8b", 0) == 0)
    return "the file is gzip-compressed: unpack it, or name it as '/vsigzip/" + dataset + "'";
  if (looksLikeHtml(bytes))
    return "the file is a web page (HTML), perhaps an error page saved in place of a download";
  if (path.extension() == ".gpkg" && bytes.rfind("SQLite format 3", 0) != 0)
    return "the file is not a GeoPackage: it holds no SQLite database";
  return "the file is damaged or in a format GDAL does not read" + gdalSays;
}

std::string unnamedLayerProblem(GDALDataset& dataset, const std::string& datasetName) {
  const int count = dataset.GetLayerCount();
  if (count <= 1)
    return "";
  std::ostringstream out;
  out << "the data source holds " << count << " layers (";
  constexpr int kNamed = 8;
  for (int i = 0; i < std::min(count, kNamed); ++i)
    out << (i > 0 ? ", " : "") << dataset.GetLayer(i)->GetName();
  out << (count > kNamed ? ", ..." : "") << ") and none was named; name one, e.g. '" << datasetName
      << "|layername=" << dataset.GetLayer(0)->GetName() << "'";
  return out.str();
}

std::string coordinatesProblem(double minX, double minY, double maxX, double maxY, bool geographic,
                               const std::string& crsName) {
  const bool beyond = minX < -180 - kGlobeSlack || maxX > 180 + kGlobeSlack ||
                      minY < -90 - kGlobeSlack || maxY > 90 + kGlobeSlack;
  if (!geographic || !beyond)
    return "";
  std::ostringstream out;
  out.setf(std::ios::fixed);
  out.precision(0);
  out << "coordinates reach " << minX << "," << minY << " : " << maxX << "," << maxY
      << ", beyond longitude and latitude, yet the layer's CRS is " << crsName
      << "; set the CRS the data were made in (in QGIS: Layer > Set CRS)";
  return out.str();
}

OpenLayer::OpenLayer(const LayerRef& ref) : label_(ref.label()) {
  CPLErrorReset();
  dataset_ = openVectorDataset(ref.dataset, GDAL_OF_READONLY);
  if (!dataset_)
    failInput(label_, "", "",
              "cannot open the data source: " + whyUnopenable(ref.dataset, CPLGetLastErrorMsg()));
  if (ref.layer.empty()) {
    const std::string problem = unnamedLayerProblem(*dataset_, ref.dataset);
    if (!problem.empty())
      failInput(label_, "", "", problem);
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

std::string OpenLayer::detectField(const std::vector<std::string>& candidates) const {
  for (const std::string& name : candidates)
    if (fieldIndex(name, false) >= 0)
      return name;
  return "";
}

std::vector<std::string> OpenLayer::texts(const std::string& field) const {
  const int index = fieldIndex(field, true);
  std::vector<std::string> out;
  layer_->ResetReading();
  for (auto& f : *layer_)
    out.emplace_back(f->IsFieldSetAndNotNull(index) ? f->GetFieldAsString(index) : "");
  return out;
}

WorkingFrame WorkingFrame::utmFor(double lon, double lat) {
  if (!std::isfinite(lon) || !std::isfinite(lat))
    throw std::invalid_argument("no UTM zone for a point without finite coordinates");
  // Clamped before the conversion: a longitude far off the globe stays defined.
  const double zone = std::clamp(std::floor((lon + 180.0) / 6.0) + 1, 1.0, 60.0);
  return fromEpsg((lat >= 0 ? 32600 : 32700) + static_cast<int>(zone));
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
  if (srs != nullptr) {
    OGREnvelope extent;
    if (layer.layer().GetExtent(&extent, TRUE) == OGRERR_NONE) {
      const std::string problem =
          coordinatesProblem(extent.MinX, extent.MinY, extent.MaxX, extent.MaxY,
                             srs->IsGeographic() != 0, crsName(*srs));
      if (!problem.empty())
        failInput(layer.label(), "", "", problem);
    }
    return gisOrder(std::unique_ptr<OGRSpatialReference>(srs->Clone()));
  }
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
  if (!t->Transform(1, &x, &y) || !std::isfinite(x) || !std::isfinite(y) ||
      std::abs(x) > 180 + kGlobeSlack || std::abs(y) > 90 + kGlobeSlack)
    failInput(layer.label(), "", "", "the layer's extent cannot be placed on the globe");
  return {x, y};
}

ToWorking pointTransform(const LayerTransform& transform) {
  return [&transform](double x, double y, geo::XY& xy, geo::LonLat& lonLat) {
    lonLat = {x, y};
    xy = {x, y};
    return transform.toWorking(xy.x, xy.y) && transform.toLonLat(lonLat.lon, lonLat.lat);
  };
}

}  // namespace cp::layers
