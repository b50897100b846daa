#include "cplayerreaders.h"

#include <cmath>

#include <qgscoordinatetransform.h>
#include <qgsfeatureiterator.h>
#include <qgsfeaturerequest.h>
#include <qgsfeedback.h>
#include <qgsgeometry.h>

#include "layers/flag_reader.h"
#include "layers/library_messages.h"
#include "layers/place_geometry.h"
#include "layers/quantity_reader.h"
#include "layers/road_attributes.h"
#include "qgis/cpqgisapi.h"

namespace cp::qgis {
namespace {

QgsCoordinateReferenceSystem wgs84() {
  return QgsCoordinateReferenceSystem(QStringLiteral("EPSG:4326"));
}

void requireCrs(const QgsFeatureSource& source, const QString& label) {
  if (!source.sourceCrs().isValid())
    layers::failInput(label.toStdString(), "", "",
                      "the layer has no CRS; assign one with Layer > Set CRS");
  const QString problem = coordinatesProblem(source);
  if (!problem.isEmpty())
    layers::failInput(label.toStdString(), "", "", problem.toStdString());
}

std::string text(const QgsFeature& f, int index) {
  if (index < 0)
    return "";
  const QVariant v = f.attribute(index);
  return v.isNull() ? "" : v.toString().toStdString();
}

// Transforms source coordinates to the working CRS and to WGS 84.
class Transforms {
 public:
  Transforms(const QgsCoordinateReferenceSystem& source, const layers::WorkingFrame& frame,
             const QgsCoordinateTransformContext& context)
      : toWorking_(source, QgsCoordinateReferenceSystem::fromEpsgId(frame.epsg()), context),
        toWgs84_(source, wgs84(), context) {}

  // For the reader rules of layers/ (the transforms must outlive it).
  layers::ToWorking function() const {
    return [this](double x, double y, geo::XY& xy, geo::LonLat& lonLat) {
      return apply(QgsPointXY(x, y), xy, lonLat);
    };
  }

  bool apply(const QgsPointXY& p, geo::XY& xy, geo::LonLat& ll) const {
    try {
      const QgsPointXY w = toWorking_.transform(p);
      const QgsPointXY g = toWgs84_.transform(p);
      xy = {w.x(), w.y()};
      ll = {g.x(), g.y()};
      return std::isfinite(xy.x) && std::isfinite(xy.y) && std::isfinite(ll.lon) &&
             std::isfinite(ll.lat);
    } catch (const QgsCsException&) {
      return false;
    }
  }

 private:
  QgsCoordinateTransform toWorking_;
  QgsCoordinateTransform toWgs84_;
};

// The index of a field that was named (-1 when none was); naming a field the
// layer lacks is an error, never a silent default.
int fieldIndex(const QgsFeatureSource& source, const QString& label, const std::string& name) {
  if (name.empty())
    return -1;
  const int index = source.fields().lookupField(QString::fromStdString(name));
  if (index < 0)
    layers::failInput(label.toStdString(), "", name, "the layer has no such field");
  return index;
}

// Each feature with its value of one field, read without geometry, in the
// order readPoints reads them; the field must exist.
template <typename Use>
void forEachValue(const QgsFeatureSource& source, const QString& label, const QString& field,
                  Use use) {
  const int index = fieldIndex(source, label, field.toStdString());
  if (index < 0)
    layers::failInput(label.toStdString(), "", "", "no field given or found");
  QgsFeatureRequest request;
  request.setFlags(cp::qgis::RequestFlag::NoGeometry);
  request.setSubsetOfAttributes(QgsAttributeList{index});
  QgsFeatureIterator it = source.getFeatures(request);
  for (QgsFeature f; it.nextFeature(f);)
    use(f, index);
}

// "1200 t", "3,5 kt", "800 кг": a number followed by a unit.

}  // namespace

std::unique_ptr<OGRGeometry> toOgr(const QgsGeometry& geometry) {
  if (geometry.isNull())
    return nullptr;
  const QByteArray wkb = geometry.asWkb();
  OGRGeometry* out = nullptr;
  OGRGeometryFactory::createFromWkb(wkb.constData(), nullptr, &out,
                                    static_cast<size_t>(wkb.size()));
  return std::unique_ptr<OGRGeometry>(out);
}

QgsGeometry fromOgr(const OGRGeometry& geometry) {
  QByteArray wkb(static_cast<int>(geometry.WkbSize()), Qt::Uninitialized);
  geometry.exportToWkb(wkbNDR, reinterpret_cast<unsigned char*>(wkb.data()), wkbVariantIso);
  QgsGeometry out;
  out.fromWkb(wkb);
  return out;
}

QString coordinatesProblem(const QgsFeatureSource& source) {
  const QgsRectangle extent = source.sourceExtent();
  if (extent.isNull())
    return QString();
  return QString::fromStdString(layers::coordinatesProblem(
      extent.xMinimum(), extent.yMinimum(), extent.xMaximum(), extent.yMaximum(),
      source.sourceCrs().isGeographic(), source.sourceCrs().authid().toStdString()));
}

QStringList usualNames(const layers::field_names::Names& names) {
  QStringList out;
  for (const std::string& name : names)
    out << QString::fromStdString(name);
  return out;
}

QString detectField(const QgsFeatureSource& source, const layers::field_names::Names& usual) {
  for (const std::string& name : usual) {
    const int index = source.fields().lookupField(QString::fromStdString(name));
    if (index >= 0)
      return source.fields().at(index).name();
  }
  return QString();
}

layers::WorkingFrame frameFor(const QgsFeatureSource& source,
                              const QgsCoordinateTransformContext& context, const QString& label) {
  const QgsRectangle extent = source.sourceExtent();
  if (extent.isEmpty() && extent.width() == 0 && extent.height() == 0 && source.featureCount() == 0)
    layers::failInput(label.toStdString(), "", "", "the layer is empty");
  try {
    const QgsPointXY centre =
        QgsCoordinateTransform(source.sourceCrs(), wgs84(), context).transform(extent.center());
    return layers::WorkingFrame::utmFor(centre.x(), centre.y());
  } catch (const QgsCsException&) {
    layers::failInput(label.toStdString(), "", "",
                      "the layer's extent cannot be placed on the globe");
  }
}

layers::RoadData readRoads(const QgsFeatureSource& source, const QString& label,
                           const layers::RoadFields& fields, bool drivableOnly,
                           const QgsCoordinateTransformContext& context, QgsFeedback* feedback) {
  layers::LibraryMessages gdal;
  requireCrs(source, label);
  const cp::qgis::GeometryType type = QgsWkbTypes::geometryType(source.wkbType());
  if (type != cp::qgis::Geometry::Line && type != cp::qgis::Geometry::Unknown)
    layers::failInput(label.toStdString(), "", "",
                      "roads must be lines, but the layer holds " +
                          QgsWkbTypes::displayString(source.wkbType()).toStdString());
  if (source.featureCount() == 0)
    layers::failInput(label.toStdString(), "", "", "the road layer is empty");
  layers::RoadData out;
  out.fieldsUsed = fields;
  out.frame = frameFor(source, context, label);
  const Transforms transforms(source.sourceCrs(), *out.frame, context);
  layers::RoadRows rows(label.toStdString(), out, drivableOnly, transforms.function());
  const int classIndex = fieldIndex(source, label, fields.roadClass);
  const int onewayIndex = fieldIndex(source, label, fields.oneway);
  const int speedIndex = fieldIndex(source, label, fields.speedKmh);
  const int lengthIndex = fieldIndex(source, label, fields.roadLength);
  QgsFeatureIterator it = source.getFeatures();
  for (QgsFeature f; it.nextFeature(f);) {
    if (feedback != nullptr && feedback->isCanceled())
      throw geo::Canceled();
    rows.add(static_cast<std::uint64_t>(f.id()),
             {text(f, classIndex), text(f, onewayIndex), text(f, speedIndex), text(f, lengthIndex)},
             toOgr(f.geometry()).get());
  }
  gdal.reportTo(out.diagnostics, label.toStdString(), "reading");
  rows.finish(source.featureCount());
  return out;
}

layers::PointData readPoints(const QgsFeatureSource& source, const QString& label,
                             const QString& idField, const layers::WorkingFrame& frame,
                             const QgsCoordinateTransformContext& context) {
  layers::LibraryMessages gdal;
  requireCrs(source, label);
  const int idIndex = idField.isEmpty() ? -1 : source.fields().lookupField(idField);
  if (!idField.isEmpty() && idIndex < 0)
    layers::failInput(label.toStdString(), "", idField.toStdString(),
                      "the layer has no such field");
  if (source.featureCount() == 0)
    layers::failInput(label.toStdString(), "", "", "the layer is empty");
  const cp::qgis::GeometryType type = QgsWkbTypes::geometryType(source.wkbType());
  if (type != cp::qgis::Geometry::Point && type != cp::qgis::Geometry::Polygon)
    layers::failInput(label.toStdString(), "", "",
                      "the layer holds " +
                          QgsWkbTypes::displayString(source.wkbType()).toStdString() +
                          " geometries; places must be points or polygons");
  const Transforms transforms(source.sourceCrs(), frame, context);
  layers::PointData out;
  out.layerLabel = label.toStdString();
  layers::PlaceRows rows(out, idField.toStdString(), transforms.function());
  QgsFeatureIterator it = source.getFeatures();
  for (QgsFeature f; it.nextFeature(f);)
    rows.add(std::to_string(f.id()), text(f, idIndex), toOgr(f.geometry()).get());
  gdal.reportTo(out.diagnostics, out.layerLabel, "reading");
  rows.finish(source.featureCount());
  return out;
}

layers::AreaShapes readAreas(const QgsFeatureSource& source, const QString& label,
                             const layers::WorkingFrame& frame,
                             const QgsCoordinateTransformContext& context,
                             layers::Diagnostics& diagnostics) {
  const Transforms transforms(source.sourceCrs(), frame, context);
  layers::AreaRows rows(label.toStdString(), transforms.function());
  QgsFeatureIterator it = source.getFeatures();
  for (QgsFeature f; it.nextFeature(f);)
    rows.add(std::to_string(f.id()), toOgr(f.geometry()).get());
  return rows.finish(diagnostics);
}

std::vector<double> readQuantities(const QgsFeatureSource& source, const QString& label,
                                   const QString& field, layers::Diagnostics& diagnostics,
                                   const std::string& unit, std::optional<double> whenNull) {
  if (field.isEmpty())
    layers::failInput(label.toStdString(), "", "", "no tonnes field given or found");
  layers::QuantityRows rows(label.toStdString(), field.toStdString(), diagnostics, unit, whenNull);
  forEachValue(source, label, field,
               [&rows](const QgsFeature& f, int index) { addQuantity(rows, f, index); });
  return rows.finish();
}

void addQuantity(layers::QuantityRows& rows, const QgsFeature& feature, int index) {
  const QVariant v = feature.attribute(index);
  bool number = false;
  const double value = v.toDouble(&number);
  rows.add(std::to_string(feature.id()), !v.isNull() && number, value, v.toString().toStdString(),
           v.isNull());
}

namespace {

// Every value of the field into `rows`, in the order readPoints reads them.
void addValues(const QgsFeatureSource& source, const QString& label, const QString& field,
               layers::FlagRows& rows, std::vector<long long>* ids) {
  forEachValue(source, label, field, [&](const QgsFeature& f, int index) {
    const QVariant v = f.attribute(index);
    rows.add(std::to_string(f.id()), v.isNull(), v.type() == QVariant::String,
             v.toString().toStdString(), v.toDouble());
    if (ids)
      ids->push_back(f.id());
  });
}

}  // namespace

std::vector<bool> readFlags(const QgsFeatureSource& source, const QString& label,
                            const QString& field, layers::Diagnostics& diagnostics,
                            std::vector<long long>* ids) {
  layers::FlagRows rows(label.toStdString(), field.toStdString(), diagnostics);
  addValues(source, label, field, rows, ids);
  return rows.finish();
}

std::vector<double> readShares(const QgsFeatureSource& source, const QString& label,
                               const QString& field, layers::Diagnostics& diagnostics) {
  layers::FlagRows rows(label.toStdString(), field.toStdString(), diagnostics);
  addValues(source, label, field, rows, nullptr);
  return rows.finishShares();
}

void readNodeNames(const QgsFeatureSource& source, const QString& label, layers::NodeNames& names,
                   layers::Diagnostics& diagnostics) {
  const QString idField = detectField(source, layers::field_names::kNodeId);
  const QString nameField = detectField(source, layers::field_names::kNodeName);
  if (const std::string missing =
          layers::missingNameFields(idField.toStdString(), nameField.toStdString());
      !missing.empty())
    layers::failInput(label.toStdString(), "", "", missing);
  const int id = source.fields().indexOf(idField);
  const int name = source.fields().indexOf(nameField);
  QgsFeatureRequest request;
  request.setFlags(cp::qgis::RequestFlag::NoGeometry);
  request.setSubsetOfAttributes(QgsAttributeList{id, name});
  layers::NameRows rows(label.toStdString(), idField.toStdString(), nameField.toStdString(),
                        diagnostics);
  QgsFeatureIterator it = source.getFeatures(request);
  for (QgsFeature f; it.nextFeature(f);) {
    const QVariant idValue = f.attribute(id), nameValue = f.attribute(name);
    rows.add(std::to_string(f.id()), idValue.isNull() ? "" : idValue.toString().toStdString(),
             nameValue.isNull() ? "" : nameValue.toString().toStdString());
  }
  rows.finishInto(names);
}

std::vector<layers::FacilityKind> readFacilityKinds(const QgsFeatureSource& source,
                                                    const QString& label, const QString& field,
                                                    layers::Diagnostics& diagnostics) {
  layers::KindRows rows(label.toStdString(), field.toStdString(), diagnostics);
  forEachValue(source, label, field, [&rows](const QgsFeature& f, int index) {
    rows.add(std::to_string(f.id()), text(f, index));
  });
  return rows.finish();
}

std::vector<std::string> readTexts(const QgsFeatureSource& source, const QString& label,
                                   const QString& field) {
  std::vector<std::string> out;
  forEachValue(source, label, field,
               [&out](const QgsFeature& f, int index) { out.push_back(text(f, index)); });
  return out;
}

layers::FactorTable readFactorTable(const QgsFeatureSource& source, const QString& label,
                                    layers::Diagnostics& diagnostics) {
  const QgsFields fields = source.fields();
  const auto index = [&](const char* name, bool required) {
    const int i = fields.lookupField(QString::fromLatin1(name));
    if (i < 0 && required)
      layers::failInput(label.toStdString(), "", name, "the table has no such field");
    return i;
  };
  const int key = index("key", true), description = index("description", false),
            unit = index("unit", true), low = index("low", true), central = index("central", true),
            high = index("high", true), year = index("year", false),
            origin = index("source", false);
  const auto number = [](const QgsFeature& f, int i) -> std::optional<double> {
    bool ok = false;
    const double v = f.attribute(i).toDouble(&ok);
    return !f.attribute(i).isNull() && ok ? std::optional<double>(v) : std::nullopt;
  };
  layers::FactorRows rows(label.toStdString(), diagnostics);
  QgsFeatureRequest request;
  request.setFlags(cp::qgis::RequestFlag::NoGeometry);
  QgsFeatureIterator it = source.getFeatures(request);
  for (QgsFeature f; it.nextFeature(f);)
    rows.add({std::to_string(f.id()), text(f, key), text(f, description), text(f, unit),
              number(f, low), number(f, central), number(f, high), text(f, year), text(f, origin)});
  return rows.finish();
}

}  // namespace cp::qgis
