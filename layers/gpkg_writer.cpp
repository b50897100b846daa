#include "gpkg_writer.h"

#include <cstdio>
#include <stdexcept>

#include <ogrsf_frmts.h>

namespace cp::layers {

GpkgWriter::GpkgWriter(const std::string& path, const OGRSpatialReference& srs)
    : path_(path), tempPath_(path + ".partial.gpkg"), srs_(srs) {
  GDALAllRegister();
  GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
  if (driver == nullptr)
    fail("the GeoPackage driver is not available");
  std::remove(tempPath_.c_str());
  dataset_.reset(driver->Create(tempPath_.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
  if (!dataset_)
    fail("cannot create the file");
}

GpkgWriter::~GpkgWriter() {
  if (!dataset_)
    return;
  dataset_.reset();
  std::remove(tempPath_.c_str());
}

void GpkgWriter::fail(const std::string& what) const {
  const char* why = CPLGetLastErrorMsg();
  throw std::runtime_error("cannot write '" + path_ + "': " + what +
                           (why && *why ? " (" + std::string(why) + ")" : ""));
}

OGRLayer& GpkgWriter::createLayer(const std::string& name, OGRwkbGeometryType type) {
  if (inTransaction_ && dataset_->CommitTransaction() != OGRERR_NONE)
    fail("commit failed");
  inTransaction_ = false;
  // GDAL 3.6 takes a non-const CRS but only clones it.
  auto* srs = type == wkbNone ? nullptr : const_cast<OGRSpatialReference*>(&srs_);
  OGRLayer* layer = dataset_->CreateLayer(name.c_str(), srs, type, nullptr);
  if (layer == nullptr)
    fail("cannot create layer " + name);
  inTransaction_ = dataset_->StartTransaction() == OGRERR_NONE;
  return *layer;
}

void GpkgWriter::addField(OGRLayer& layer, const std::string& name, OGRFieldType type,
                          OGRFieldSubType subType) {
  OGRFieldDefn field(name.c_str(), type);
  field.SetSubType(subType);
  if (layer.CreateField(&field) != OGRERR_NONE)
    fail("cannot create field " + name);
}

void GpkgWriter::addFeature(OGRLayer& layer, OGRFeature& feature) {
  if (layer.CreateFeature(&feature) != OGRERR_NONE)
    fail("cannot write a feature");
}

void GpkgWriter::setMetadata(const std::string& key, const std::string& value) {
  dataset_->SetMetadataItem(key.c_str(), value.c_str());
}

void GpkgWriter::commit() {
  if (inTransaction_ && dataset_->CommitTransaction() != OGRERR_NONE)
    fail("commit failed");
  inTransaction_ = false;
  CPLErrorReset();
  dataset_.reset();
  if (CPLGetLastErrorType() >= CE_Failure)
    fail("closing the file failed");
  if (std::rename(tempPath_.c_str(), path_.c_str()) != 0)
    fail("cannot move the finished file into place");
}

}  // namespace cp::layers
