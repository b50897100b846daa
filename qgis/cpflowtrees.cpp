#include "cpflowtrees.h"

#include "cpqgisapi.h"

#include <map>

#include <QObject>

#include <qgscoordinatetransform.h>
#include <qgsfeatureiterator.h>
#include <qgsgeometry.h>
#include <qgsvectorlayer.h>

#include "geo/flows_on_network.h"
#include "layers/ogr_source.h"

namespace cp::qgis {
namespace {

struct Flow {
  QString destination;
  QgsPointXY from, to;  // in metres
  double tonnes;
};

geo::XY xy(const QgsPointXY& p) {
  return {p.x(), p.y()};
}

}  // namespace

std::unique_ptr<QgsVectorLayer> flowTrees(const QgsVectorLayer& corridors,
                                          const QString& originField,
                                          const QString& destinationField) {
  auto layer = std::make_unique<QgsVectorLayer>(QStringLiteral("LineString"), QObject::tr("Flows"),
                                                QStringLiteral("memory"));
  layer->setCrs(corridors.crs());
  layer->dataProvider()->addAttributes(
      {makeField(QStringLiteral("origin_id"), QMetaType::QString),
       makeField(QStringLiteral("destination_id"), QMetaType::QString),
       makeField(QStringLiteral("material_class"), QMetaType::QString),
       makeField(QStringLiteral("tonnes"), QMetaType::Double),
       makeField(QStringLiteral("part"), QMetaType::QString)});
  layer->updateFields();
  const QgsRectangle extent = corridors.extent();
  if (extent.isEmpty())
    return layer;
  // Split points are placed in metres: a UTM zone of the flows' middle.
  const QgsCoordinateReferenceSystem wgs84(QStringLiteral("EPSG:4326"));
  const QgsPointXY middle =
      QgsCoordinateTransform(corridors.crs(), wgs84, QgsCoordinateTransformContext())
          .transform(extent.center());
  const QgsCoordinateReferenceSystem metric = QgsCoordinateReferenceSystem::fromEpsgId(
      cp::layers::WorkingFrame::utmFor(middle.x(), middle.y()).epsg());
  const QgsCoordinateTransform toMetres(corridors.crs(), metric, QgsCoordinateTransformContext());

  std::map<std::pair<QString, QString>, std::vector<Flow>> trees;  // by origin and class
  QgsFeatureIterator it = corridors.getFeatures();
  for (QgsFeature f; it.nextFeature(f);) {
    // A corridor without a line (a place it names is missing) is counted and
    // said by the step that made the corridors: nothing to draw here.
    const QgsGeometry line = f.geometry();
    if (line.isEmpty())
      continue;
    const QgsPolylineXY points =
        line.isMultipart() ? line.asMultiPolyline().value(0) : line.asPolyline();
    if (points.size() < 2)
      continue;
    trees[{f.attribute(originField).toString(),
           f.attribute(QStringLiteral("material_class")).toString()}]
        .push_back({f.attribute(destinationField).toString(), toMetres.transform(points.first()),
                    toMetres.transform(points.last()),
                    f.attribute(QStringLiteral("tonnes")).toDouble()});
  }

  QgsFeatureList features;
  const auto add = [&](const QString& origin, const QString& destination, const QString& kind,
                       double tonnes, const QgsPointXY& a, const QgsPointXY& b,
                       const QString& part) {
    QgsGeometry line = QgsGeometry::fromPolylineXY({a, b});
    line.transform(toMetres, Qgis::TransformDirection::Reverse);
    QgsFeature f(layer->fields());
    f.setAttributes(QgsAttributes() << origin << destination << kind << tonnes << part);
    f.setGeometry(line);
    features << f;
  };
  for (const auto& [key, flows] : trees) {
    const auto& [origin, kind] = key;
    std::vector<geo::XY> ends;
    std::vector<double> tonnes;
    double total = 0;
    for (const Flow& flow : flows) {
      ends.push_back(xy(flow.to));
      tonnes.push_back(flow.tonnes);
      total += flow.tonnes;
    }
    const geo::XY split = geo::flowSplitPoint(xy(flows.front().from), ends, tonnes);
    const QgsPointXY parting(split.x, split.y);
    const bool trunk = parting != flows.front().from;
    if (trunk)
      add(origin, QString(), kind, total, flows.front().from, parting, QStringLiteral("trunk"));
    for (const Flow& flow : flows)
      add(origin, flow.destination, kind, flow.tonnes, parting, flow.to,
          trunk ? QStringLiteral("branch") : QStringLiteral("direct"));
  }
  layer->dataProvider()->addFeatures(features);
  layer->updateExtents();
  return layer;
}

}  // namespace cp::qgis
