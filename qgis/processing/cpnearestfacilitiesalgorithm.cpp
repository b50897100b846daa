#include "cpnearestfacilitiesalgorithm.h"

#include <qgsprocessingparameters.h>

#include "geo/routing.h"
#include "geo/snapping.h"
#include "layers/snapped_places.h"
#include "qgis/cpqgisapi.h"

namespace {

QgsFields outputFields() {
  return cpFields({{"origin_id", QMetaType::QString},
                   {"facility_id", QMetaType::QString},
                   {"rank", QMetaType::Int},
                   {"distance_m", QMetaType::Double},
                   {"time_s", QMetaType::Double}});
}

}  // namespace

QString CpNearestFacilitiesAlgorithm::shortHelpString() const {
  return QObject::tr(
      "For every origin, finds the k facilities that are nearest over the road network (by "
      "distance or "
      "travel time) and draws a line to each, with its rank, distance (m) and time (s). Origins "
      "and "
      "facilities that cannot join the network are reported. An optional cutoff limits the "
      "search.");
}

void CpNearestFacilitiesAlgorithm::initAlgorithm(const QVariantMap&) {
  addRoadParameters();
  addPlacesParameter(QStringLiteral("ORIGINS"), QStringLiteral("ORIGIN_ID"),
                     QObject::tr("Origins"));
  addPlacesParameter(QStringLiteral("FACILITIES"), QStringLiteral("FACILITY_ID"),
                     QObject::tr("Facilities"));
  addParameter(new QgsProcessingParameterNumber(QStringLiteral("K"),
                                                QObject::tr("Facilities per origin"),
                                                cp::qgis::NumberType::Integer, 1, false, 1));
  addMetricAndSnapParameters();
  addParameter(new QgsProcessingParameterNumber(
      QStringLiteral("CUTOFF"),
      QObject::tr("Search no farther than (m, or s for time; 0: no limit)"),
      cp::qgis::NumberType::Double, 0, false, 0));
  addParameter(new QgsProcessingParameterFeatureSink(
      QStringLiteral("OUTPUT"), QObject::tr("Nearest facilities"), cp::qgis::Source::VectorLine));
}

QVariantMap CpNearestFacilitiesAlgorithm::processAlgorithm(const QVariantMap& p,
                                                           QgsProcessingContext& context,
                                                           QgsProcessingFeedback* feedback) {
  return guarded(feedback, [&](const cp::geo::Feedback* progress) {
    const PreparedRoads prepared = prepareRoads(p, context, feedback, progress);
    const cp::layers::WorkingFrame& frame = *prepared.roads.frame;
    Places places = readOriginsAnd(p, QStringLiteral("FACILITIES"), QStringLiteral("FACILITY_ID"),
                                   context, prepared);
    const cp::layers::PointData& origins = places.origins;
    const cp::layers::PointData& facilities = places.destinations;
    cp::layers::Diagnostics& diagnostics = places.diagnostics;
    const cp::geo::Snapper snapper(prepared.network, snapOptions(p, context));
    const auto from = cp::layers::snapPlaces(snapper, origins, diagnostics).locations();
    const auto to = cp::layers::snapPlaces(snapper, facilities, diagnostics).locations();
    cp::geo::QueryOptions query;
    query.metric = metric(p, context);
    const double cutoff = parameterAsDouble(p, QStringLiteral("CUTOFF"), context);
    if (cutoff > 0)
      query.cutoff = cutoff;
    const auto k = static_cast<std::size_t>(parameterAsInt(p, QStringLiteral("K"), context));
    const auto nearest = cp::geo::nearestFacilities(prepared.network, from, to, k, query, progress);
    cpReportDiagnostics(diagnostics, feedback);

    SinkOutput output = createLineOutput(p, context, outputFields(), frame);
    for (std::size_t o = 0; o < nearest.size(); ++o) {
      for (std::size_t rank = 0; rank < nearest[o].size(); ++rank) {
        const cp::geo::Nearest& n = nearest[o][rank];
        QgsAttributes attributes;
        attributes << QString::fromStdString(origins.ids[o])
                   << QString::fromStdString(facilities.ids[n.facility])
                   << static_cast<int>(rank + 1) << cpNumber(n.cost.distanceM)
                   << cpNumber(n.cost.timeS);
        addLine(output, p, attributes, from[o]->xy, to[n.facility]->xy);
      }
    }
    return QVariantMap{{QStringLiteral("OUTPUT"), output.destination}};
  });
}
