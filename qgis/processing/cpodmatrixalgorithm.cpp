#include "cpodmatrixalgorithm.h"

#include <qgsprocessingparameters.h>

#include "layers/analyses/od.h"
#include "qgis/cpqgisapi.h"
#include "qgis/cpresultstyles.h"
#include "qgis/processing/cpkeys.h"

namespace {

// A table has at most this many columns before it stops being a table anyone reads.
constexpr std::size_t kMaxMatrixColumns = 500;

// Destination ids as column names, made unique ("a", "a_2", ...).
QStringList columnNames(const std::vector<std::string>& ids) {
  QStringList names;
  QSet<QString> used{QStringLiteral("origin_id")};
  for (const std::string& id : ids) {
    const QString base = id.empty() ? QStringLiteral("unnamed") : QString::fromStdString(id);
    QString name = base;
    for (int n = 2; used.contains(name.toLower()); ++n)
      name = QStringLiteral("%1_%2").arg(base).arg(n);
    used.insert(name.toLower());
    names << name;
  }
  return names;
}

}  // namespace

QString CpOdMatrixAlgorithm::shortHelpString() const {
  return QObject::tr(
      "Computes road distances (m) and travel times (s) between every origin and every "
      "destination. "
      "Roads are joined where they share a vertex, filtered to drivable classes, one-way streets "
      "are "
      "respected (OSM yes/no/-1 and Geofabrik F/T/B) and speeds come from the speed field or a "
      "default "
      "per road class. Points join the nearest road of the main network; points that cannot join "
      "are "
      "reported and their rows say 'unreachable', unless a straight-line fallback is asked for. "
      "Polygons are routed from a point inside them. Lengths are ellipsoidal (WGS 84).");
}

void CpOdMatrixAlgorithm::initAlgorithm(const QVariantMap&) {
  addRoadParameters();
  addPlacesParameter(CpKey::Origins, CpKey::OriginId, QObject::tr("Origins"));
  addPlacesParameter(CpKey::Destinations, CpKey::DestinationId, QObject::tr("Destinations"));
  addMetricAndSnapParameters();
  addParameter(new QgsProcessingParameterNumber(
      CpKey::FallbackDetour, QObject::tr("Straight-line fallback detour factor (0: no fallback)"),
      cp::qgis::NumberType::Double, 0, false, 0));
  addParameter(new QgsProcessingParameterFeatureSink(CpKey::Output, QObject::tr("OD matrix"),
                                                     cp::qgis::Source::VectorLine));
  addParameter(new QgsProcessingParameterFeatureSink(
      CpKey::Matrix, QObject::tr("OD matrix as a table (a column per destination)"),
      cp::qgis::Source::Vector, QVariant(), true, false));
  addPlacesOutput();
}

QVariantMap CpOdMatrixAlgorithm::processAlgorithm(const QVariantMap& p,
                                                  QgsProcessingContext& context,
                                                  QgsProcessingFeedback* feedback) {
  return guarded(feedback, [&](const cp::geo::Feedback* progress) {
    cp::analyses::OdOptions options;
    options.query.metric = metric(p, context);
    options.snap = snapOptions(p, context);
    const double detour = parameterAsDouble(p, CpKey::FallbackDetour, context);
    options.fallback.enabled = detour > 0;
    if (options.fallback.enabled)
      options.fallback.detourFactor = detour;

    const PreparedRoads prepared = prepareRoads(p, context, feedback, progress);
    const cp::layers::WorkingFrame& frame = *prepared.roads.frame;
    Places places = readOriginsAnd(p, CpKey::Destinations, CpKey::DestinationId, context, prepared);
    const cp::layers::PointData& origins = places.origins;
    const cp::layers::PointData& destinations = places.destinations;
    cp::layers::Diagnostics& diagnostics = places.diagnostics;
    const cp::analyses::OdResult od =
        cp::analyses::analyseOd(prepared.network, origins, destinations, false, options, progress);
    diagnostics.append(od.diagnostics);
    cpReportDiagnostics(diagnostics, feedback);

    QVariantMap results{
        {CpKey::Output,
         writeTable(p, context, frame, cp::analyses::odTable(od, origins, destinations),
                    CpKey::Output, Output::Required, cp::qgis::styleOdLines)}};
    writePlaces(p, context, frame,
                {{"origin", origins, od.origins}, {"destination", destinations, od.destinations}},
                results);
    const QString matrix =
        writeMatrix(p, context, origins.ids, destinations.ids, od.rows, options.query.metric);
    if (!matrix.isEmpty())
      results.insert(CpKey::Matrix, matrix);
    return results;
  });
}

QString CpOdMatrixAlgorithm::writeMatrix(const QVariantMap& p, QgsProcessingContext& context,
                                         const std::vector<std::string>& originIds,
                                         const std::vector<std::string>& destinationIds,
                                         const std::vector<cp::geo::OdRow>& rows,
                                         cp::geo::Metric metric) {
  if (p.value(CpKey::Matrix).isNull())
    return {};
  if (destinationIds.size() > kMaxMatrixColumns)
    throw QgsProcessingException(
        QObject::tr("The table would have %1 destination columns (at most %2); leave the "
                    "table output empty and use the OD matrix lines")
            .arg(destinationIds.size())
            .arg(kMaxMatrixColumns));
  QgsFields fields;
  fields.append(cp::qgis::makeField(QStringLiteral("origin_id"), QMetaType::QString));
  for (const QString& name : columnNames(destinationIds))
    fields.append(cp::qgis::makeField(name, QMetaType::Double));
  QString destination;
  std::unique_ptr<QgsFeatureSink> sink(parameterAsSink(p, CpKey::Matrix, context, destination,
                                                       fields, cp::qgis::WkbType::NoGeometry));
  if (!sink)
    throw QgsProcessingException(invalidSinkError(p, CpKey::Matrix));
  std::vector<QgsAttributes> table(originIds.size(),
                                   QgsAttributes(static_cast<int>(destinationIds.size() + 1)));
  for (std::size_t o = 0; o < originIds.size(); ++o)
    table[o][0] = QString::fromStdString(originIds[o]);
  for (const cp::geo::OdRow& row : rows) {
    const double value =
        metric == cp::geo::Metric::Distance ? row.cost.distanceM / 1000.0 : row.cost.timeS / 60.0;
    table[row.origin][static_cast<int>(row.destination + 1)] = cpNumber(value);
  }
  for (QgsAttributes& attributes : table) {
    QgsFeature f(fields);
    f.setAttributes(attributes);
    if (!sink->addFeature(f, QgsFeatureSink::FastInsert))
      throw QgsProcessingException(writeFeatureError(sink.get(), p, CpKey::Matrix));
  }
  return destination;
}
