#pragma once
// Opening any OGR vector source (GeoPackage, Shapefile, GeoJSON, CSV, PostGIS)
// and moving its geometries into the engine's working CRS.

#include <functional>
#include <memory>
#include <string>

#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include "geo/types.h"

namespace cp::layers {

// "path", "path|layername=name" (as QGIS writes it) or "PG:dbname=... |layername=table",
// optionally followed by "|subset=SQL WHERE clause" (QGIS's provider filter).
struct LayerRef {
  std::string dataset;
  std::string layer;   // empty: the dataset's only (first) layer
  std::string subset;  // empty: every feature

  static LayerRef parse(const std::string& text);
  std::string label() const;  // for messages
};

struct DatasetCloser {
  void operator()(GDALDataset* ds) const { GDALClose(ds); }
};
using DatasetPtr = std::unique_ptr<GDALDataset, DatasetCloser>;

// Any OGR vector source opened with GDAL_OF_READONLY or GDAL_OF_UPDATE; null
// when it cannot be opened (whyUnopenable() says why).
DatasetPtr openVectorDataset(const std::string& name, unsigned access);

// Why a data source cannot be opened, in words a planner can act on: no such
// file, an empty file, a web page or a zip archive saved under a data file's
// name, a file that cannot be read; else GDAL's own message (`libraryMessage`).
std::string whyUnopenable(const std::string& dataset, const std::string& libraryMessage);

// The layers of a data source, when it holds more than one and the user named
// none: using the first silently could analyse the wrong table. "" when fine.
std::string unnamedLayerProblem(GDALDataset& dataset, const std::string& datasetName);

// Why a layer's coordinates cannot be in its CRS - metres under a lon/lat CRS,
// i.e. the layer was given the wrong CRS - or "" when they can.
std::string coordinatesProblem(double minX, double minY, double maxX, double maxY, bool geographic,
                               const std::string& crsName);

// An open layer; throws InputError when the dataset or the layer cannot be opened.
class OpenLayer {
 public:
  explicit OpenLayer(const LayerRef& ref);
  OGRLayer& layer() const { return *layer_; }
  const std::string& label() const { return label_; }
  // The field's index, or -1; failInput() naming the layer when required and absent.
  int fieldIndex(const std::string& name, bool required) const;
  // The first of the candidates (e.g. a field_names list) that the layer has, or "".
  std::string detectField(const std::vector<std::string>& candidates) const;
  // The field's text per feature, in the layer's order ("" for NULL); the
  // field must exist.
  std::vector<std::string> texts(const std::string& field) const;

 private:
  DatasetPtr dataset_;
  OGRLayer* layer_ = nullptr;
  std::string label_;
};

// The metric working CRS (a UTM zone) and transforms into it and to WGS 84.
class WorkingFrame {
 public:
  // The UTM zone containing the point (lon, lat), or a given EPSG code.
  static WorkingFrame utmFor(double lon, double lat);
  static WorkingFrame fromEpsg(int epsg);

  int epsg() const { return epsg_; }
  const OGRSpatialReference& srs() const { return *srs_; }
  std::string wkt() const;

 private:
  WorkingFrame(int epsg, std::shared_ptr<OGRSpatialReference> srs)
      : epsg_(epsg), srs_(std::move(srs)) {}
  int epsg_;
  std::shared_ptr<OGRSpatialReference> srs_;
};

// Transforms a layer's coordinates into the working frame and to WGS 84.
class LayerTransform {
 public:
  LayerTransform(const OGRSpatialReference& source, const WorkingFrame& frame,
                 const std::string& layerLabel);
  bool toWorking(double& x, double& y) const;  // in place; false when PROJ fails
  bool toLonLat(double& x, double& y) const;   // from source coordinates

 private:
  std::unique_ptr<OGRCoordinateTransformation> toWorking_;
  std::unique_ptr<OGRCoordinateTransformation> toLonLat_;
};

// Moves a point from a layer's CRS into the working CRS and WGS 84; false when
// it cannot. Every reader (OGR's LayerTransform, or QGIS's transforms) gives one.
using ToWorking = std::function<bool(double x, double y, geo::XY& xy, geo::LonLat& lonLat)>;
// A LayerTransform's (which must outlive the function).
ToWorking pointTransform(const LayerTransform& transform);

// The layer's CRS, or - when it has none - the given fallback EPSG code (0: fail).
std::unique_ptr<OGRSpatialReference> layerCrs(const OpenLayer& layer, int fallbackEpsg);

// The centre of the layer's extent in WGS 84, used to pick the UTM zone.
geo::LonLat layerCentreLonLat(const OpenLayer& layer, const OGRSpatialReference& crs);

}  // namespace cp::layers
