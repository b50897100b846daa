#include "cpodmatrixalgorithm.h"

#include <qgsprocessingparameters.h>

#include "layers/od_job.h"
#include "qgis/cpresultstyles.h"

namespace {

QgsFields outputFields() {
  QgsFields fields;
  fields.append(QgsField(QStringLiteral("origin_id"), QVariant::String));
  fields.append(QgsField(QStringLiteral("destination_id"), QVariant::String));
  fields.append(QgsField(QStringLiteral("distance_m"), QVariant::Double));
  fields.append(QgsField(QStringLiteral("time_s"), QVariant::Double));
  fields.append(QgsField(QStringLiteral("method"), QVariant::String));
  fields.append(QgsField(QStringLiteral("origin_connector_m"), QVariant::Double));
  fields.append(QgsField(QStringLiteral("destination_connector_m"), QVariant::Double));
  return fields;
}

// Where a place meets the network, or the place itself when it did not snap.
cp::geo::XY placed(const cp::layers::PointData& points,
                   const std::vector<cp::geo::SnapResult>& snaps, std::size_t i) {
  return snaps[i].location ? snaps[i].location->xy : points.xy[i];
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
  addPlacesParameter(QStringLiteral("ORIGINS"), QStringLiteral("ORIGIN_ID"),
                     QObject::tr("Origins"));
  addPlacesParameter(QStringLiteral("DESTINATIONS"), QStringLiteral("DESTINATION_ID"),
                     QObject::tr("Destinations"));
  addMetricAndSnapParameters();
  addParameter(new QgsProcessingParameterNumber(
      QStringLiteral("FALLBACK_DETOUR"),
      QObject::tr("Straight-line fallback detour factor (0: no fallback)"),
      QgsProcessingParameterNumber::Double, 0, false, 0));
  addParameter(new QgsProcessingParameterFeatureSink(
      QStringLiteral("OUTPUT"), QObject::tr("OD matrix"), QgsProcessing::TypeVectorLine));
}

QVariantMap CpOdMatrixAlgorithm::processAlgorithm(const QVariantMap& p,
                                                  QgsProcessingContext& context,
                                                  QgsProcessingFeedback* feedback) {
  return guarded(feedback, [&](const cp::geo::Feedback* progress) {
    cp::layers::OdJob options;
    options.queryOptions.metric = metric(p, context);
    options.snapOptions.maxDistanceM = maxSnap(p, context);
    const double detour = parameterAsDouble(p, QStringLiteral("FALLBACK_DETOUR"), context);
    options.fallback.enabled = detour > 0;
    if (options.fallback.enabled)
      options.fallback.detourFactor = detour;

    const PreparedRoads prepared = prepareRoads(p, context, feedback, progress);
    const cp::layers::WorkingFrame& frame = *prepared.roads.frame;
    const auto origins =
        readPlaces(p, QStringLiteral("ORIGINS"), QStringLiteral("ORIGIN_ID"), context, frame);
    const auto destinations = readPlaces(p, QStringLiteral("DESTINATIONS"),
                                         QStringLiteral("DESTINATION_ID"), context, frame);
    cp::layers::Diagnostics diagnostics = prepared.roads.diagnostics;
    diagnostics.append(origins.diagnostics);
    diagnostics.append(destinations.diagnostics);
    const cp::layers::OdAnalysis od = cp::layers::analyseOd(prepared.network, origins, destinations,
                                                            false, options, diagnostics, progress);
    cpReportDiagnostics(diagnostics, feedback);

    LineOutput output = createLineOutput(p, context, outputFields(), frame);
    for (const cp::geo::OdRow& row : od.rows) {
      QgsAttributes attributes;
      attributes << QString::fromStdString(origins.ids[row.origin])
                 << QString::fromStdString(destinations.ids[row.destination])
                 << cpNumber(row.cost.distanceM) << cpNumber(row.cost.timeS)
                 << QString::fromStdString(cp::geo::toString(row.method))
                 << cpNumber(od.originSnaps[row.origin].connectorM)
                 << cpNumber(od.destinationSnaps[row.destination].connectorM);
      addLine(output, p, attributes, placed(origins, od.originSnaps, row.origin),
              placed(destinations, od.destinationSnaps, row.destination));
    }
    cp::qgis::styleOnLoad(context, output.destination, cp::qgis::styleOdLines);
    return QVariantMap{{QStringLiteral("OUTPUT"), output.destination}};
  });
}
