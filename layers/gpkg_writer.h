#pragma once
// A GeoPackage written under a temporary name in one transaction per layer and
// renamed into place by commit(); destroyed without commit() it leaves nothing.

#include <string>

#include "ogr_source.h"

namespace cp::layers {

class GpkgWriter {
 public:
  GpkgWriter(const std::string& path, const OGRSpatialReference& srs);
  ~GpkgWriter();
  GpkgWriter(const GpkgWriter&) = delete;
  GpkgWriter& operator=(const GpkgWriter&) = delete;

  OGRLayer& createLayer(const std::string& name, OGRwkbGeometryType type);
  void addField(OGRLayer& layer, const std::string& name, OGRFieldType type,
                OGRFieldSubType subType = OFSTNone);
  void addFeature(OGRLayer& layer, OGRFeature& feature);
  void setMetadata(const std::string& key, const std::string& value);
  void commit();

 private:
  [[noreturn]] void fail(const std::string& what) const;

  std::string path_;
  std::string tempPath_;
  const OGRSpatialReference& srs_;
  DatasetPtr dataset_;
  bool inTransaction_ = false;
};

}  // namespace cp::layers
