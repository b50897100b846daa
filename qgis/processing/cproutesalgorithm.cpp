#include "cproutesalgorithm.h"

#include <limits>
#include <unordered_set>

#include <qgsfeatureiterator.h>
#include <qgsfeaturerequest.h>
#include <qgsprocessingparameters.h>

#include "geo/parallel.h"
#include "geo/routing.h"
#include "layers/snapped_places.h"
#include "qgis/cplayerreaders.h"
#include "qgis/cpqgisapi.h"
#include "qgis/cpresultstyles.h"

namespace {

// Beyond this, drawn routes stop being readable or quick; the OD matrix serves.
constexpr std::size_t kMaxRoutes = 100000;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

QgsFields outputFields() {
  return cpFields({{"origin_id", QMetaType::QString},
                   {"destination_id", QMetaType::QString},
                   {"distance_m", QMetaType::Double},
                   {"time_s", QMetaType::Double},
                   {"schematic_m", QMetaType::Double},
                   {"schematic_share", QMetaType::Double},
                   {"method", QMetaType::QString},
                   {"origin_connector_m", QMetaType::Double},
                   {"destination_connector_m", QMetaType::Double}});
}

// Source ids of the roads whose flag field says yes.
std::unordered_set<std::uint64_t> flaggedRoads(const QgsFeatureSource& roads, const QString& label,
                                               const QString& field,
                                               cp::layers::Diagnostics& diagnostics) {
  std::unordered_set<std::uint64_t> flagged;
  if (field.isEmpty())
    return flagged;
  std::vector<QgsFeatureId> ids;
  const std::vector<bool> flags = cp::qgis::readFlags(roads, label, field, diagnostics, &ids);
  for (std::size_t i = 0; i < flags.size(); ++i)
    if (flags[i])
      flagged.insert(static_cast<std::uint64_t>(ids[i]));
  return flagged;
}

double flaggedMetres(const cp::geo::Route& route, const cp::geo::Network& network,
                     const std::vector<cp::geo::RoadLine>& lines,
                     const std::unordered_set<std::uint64_t>& flagged) {
  double metres = 0;
  for (std::size_t i = 0; i < route.segments.size(); ++i)
    if (flagged.count(lines[network.segmentFeature[route.segments[i]]].featureId))
      metres += route.segmentMetres[i];
  return metres;
}

}  // namespace

QString CpRoutesAlgorithm::shortHelpString() const {
  return QObject::tr(
      "Draws the road route from every origin to every destination (shortest or fastest), with "
      "its distance (m), travel time (s) and the metres and share of it on roads whose flag field "
      "is set (by default the field 'schematic', which marks roads drawn by estimate rather than "
      "surveyed). Pairs without a route are kept, without geometry, as 'unreachable'. The same "
      "road rules as the OD matrix apply. For more than 100,000 pairs use the OD matrix.");
}

void CpRoutesAlgorithm::initAlgorithm(const QVariantMap&) {
  // The share of each route on flagged roads needs the roads themselves.
  addRoadParameters(SavedNetwork::Refused);
  addParameter(new QgsProcessingParameterField(
      QStringLiteral("FLAG_FIELD"), QObject::tr("Roads: field flagging schematic roads"),
      QVariant(), QStringLiteral("ROADS"), cp::qgis::FieldDataType::Any, false, true));
  addPlacesParameter(QStringLiteral("ORIGINS"), QStringLiteral("ORIGIN_ID"),
                     QObject::tr("Origins"));
  addPlacesParameter(QStringLiteral("DESTINATIONS"), QStringLiteral("DESTINATION_ID"),
                     QObject::tr("Destinations"));
  addMetricAndSnapParameters();
  addParameter(new QgsProcessingParameterFeatureSink(
      QStringLiteral("OUTPUT"), QObject::tr("Routes"), cp::qgis::Source::VectorLine));
  addPlacesOutput();
}

QVariantMap CpRoutesAlgorithm::processAlgorithm(const QVariantMap& p, QgsProcessingContext& context,
                                                QgsProcessingFeedback* feedback) {
  return guarded(feedback, [&](const cp::geo::Feedback* progress) {
    const PreparedRoads prepared = prepareRoads(p, context, feedback, progress);
    const cp::layers::WorkingFrame& frame = *prepared.roads.frame;
    Places places = readOriginsAnd(p, QStringLiteral("DESTINATIONS"),
                                   QStringLiteral("DESTINATION_ID"), context, prepared);
    const cp::layers::PointData& origins = places.origins;
    const cp::layers::PointData& destinations = places.destinations;
    if (origins.ids.size() * destinations.ids.size() > kMaxRoutes)
      throw QgsProcessingException(
          QObject::tr("%1 origins x %2 destinations is more than %3 routes; use the OD matrix")
              .arg(origins.ids.size())
              .arg(destinations.ids.size())
              .arg(kMaxRoutes));
    QString flagField = parameterAsString(p, QStringLiteral("FLAG_FIELD"), context);
    const auto roads = requireSource(p, QStringLiteral("ROADS"), context);
    if (flagField.isEmpty())
      flagField = cp::qgis::detectField(*roads, cp::layers::field_names::kSchematicRoad);
    const auto flagged =
        flaggedRoads(*roads, inputLabel(QStringLiteral("ROADS")), flagField, places.diagnostics);

    const cp::geo::Snapper snapper(prepared.network, snapOptions(p, context));
    const auto from = cp::layers::snapPlaces(snapper, origins, places.diagnostics);
    const auto to = cp::layers::snapPlaces(snapper, destinations, places.diagnostics);
    cpReportDiagnostics(places.diagnostics, feedback);

    const cp::geo::Metric minimised = metric(p, context);
    const auto targets = to.locations();
    std::vector<std::vector<cp::geo::Route>> routes(origins.ids.size());
    cp::geo::parallelFor(
        routes.size(), 0, progress, [] { return 0; },
        [&](int, std::size_t o) {
          if (from.snaps[o].location)
            routes[o] =
                cp::geo::routesFrom(prepared.network, *from.snaps[o].location, targets, minimised);
        },
        0, 90);

    SinkOutput output = createLineOutput(p, context, outputFields(), frame);
    const cp::geo::Route none;
    for (std::size_t o = 0; o < routes.size(); ++o) {
      for (std::size_t d = 0; d < destinations.ids.size(); ++d) {
        const cp::geo::Route& route = routes[o].empty() ? none : routes[o][d];
        const bool routed = route.cost.reachable();
        const double schematic =
            routed ? flaggedMetres(route, prepared.network, prepared.roads.lines, flagged) : kNaN;
        const double share = route.cost.distanceM > 0 ? schematic / route.cost.distanceM : 0.0;
        QgsAttributes attributes;
        attributes << QString::fromStdString(origins.ids[o])
                   << QString::fromStdString(destinations.ids[d]) << cpNumber(route.cost.distanceM)
                   << cpNumber(route.cost.timeS) << cpNumber(schematic)
                   << cpNumber(routed ? share : kNaN)
                   << (routed ? QStringLiteral("network") : QStringLiteral("unreachable"))
                   << cpNumber(from.snaps[o].connectorM) << cpNumber(to.snaps[d].connectorM);
        addPolyline(output, p, attributes, route.geometry);
      }
    }
    cp::qgis::styleOnLoad(context, output.destination, cp::qgis::styleRoutes);
    QVariantMap results{{QStringLiteral("OUTPUT"), output.destination}};
    writePlaces(p, context, frame,
                {{QStringLiteral("origin"), origins, from},
                 {QStringLiteral("destination"), destinations, to}},
                results);
    return results;
  });
}
