#include "cproutesalgorithm.h"

#include <unordered_set>

#include <qgsfeatureiterator.h>
#include <qgsfeaturerequest.h>
#include <qgsprocessingparameters.h>

#include "layers/analyses/routes.h"
#include "layers/flag_reader.h"
#include "qgis/cplayerreaders.h"
#include "qgis/cpqgisapi.h"
#include "qgis/cpresultstyles.h"
#include "qgis/processing/cpkeys.h"

namespace {

// Source ids of the roads whose flag field says yes.
std::unordered_set<std::uint64_t> flaggedRoads(const QgsFeatureSource& roads, const QString& label,
                                               const QString& field,
                                               cp::layers::Diagnostics& diagnostics) {
  if (field.isEmpty())
    return {};
  std::vector<long long> ids;
  const std::vector<bool> flags = cp::qgis::readFlags(roads, label, field, diagnostics, &ids);
  return cp::layers::idsFlaggedYes(flags, ids);
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
      CpKey::FlagField, QObject::tr("Roads: field flagging schematic roads"), QVariant(),
      CpKey::Roads, cp::qgis::FieldDataType::Any, false, true));
  addPlacesParameter(CpKey::Origins, CpKey::OriginId, QObject::tr("Origins"));
  addPlacesParameter(CpKey::Destinations, CpKey::DestinationId, QObject::tr("Destinations"));
  addMetricAndSnapParameters();
  addParameter(new QgsProcessingParameterFeatureSink(CpKey::Output, QObject::tr("Routes"),
                                                     cp::qgis::Source::VectorLine));
  addPlacesOutput();
}

QVariantMap CpRoutesAlgorithm::processAlgorithm(const QVariantMap& p, QgsProcessingContext& context,
                                                QgsProcessingFeedback* feedback) {
  return guarded(feedback, [&](const cp::geo::Feedback* progress) {
    const PreparedRoads prepared = prepareRoads(p, context, feedback, progress);
    const cp::layers::WorkingFrame& frame = *prepared.roads.frame;
    Places places = readOriginsAnd(p, CpKey::Destinations, CpKey::DestinationId, context, prepared);
    const cp::layers::PointData& origins = places.origins;
    const cp::layers::PointData& destinations = places.destinations;
    QString flagField = parameterAsString(p, CpKey::FlagField, context);
    const auto roads = requireSource(p, CpKey::Roads, context);
    if (flagField.isEmpty())
      flagField = cp::qgis::detectField(*roads, cp::layers::field_names::kSchematicRoad);
    const auto flagged =
        flaggedRoads(*roads, inputLabel(CpKey::Roads), flagField, places.diagnostics);
    const cp::analyses::RoutesInput input{prepared.network, prepared.roads.lines, origins,
                                          destinations, flagged};
    cp::analyses::RoutesOptions options;
    options.snap = snapOptions(p, context);
    options.metric = metric(p, context);
    const cp::analyses::RoutesResult result =
        cp::analyses::routeEveryPair(input, options, progress);
    places.diagnostics.append(result.diagnostics);
    cpReportDiagnostics(places.diagnostics, feedback);
    QVariantMap results{
        {CpKey::Output, writeTable(p, context, frame, cp::analyses::routesTable(result, input),
                                   CpKey::Output, Output::Required, cp::qgis::styleRoutes)}};
    writePlaces(
        p, context, frame,
        {{"origin", origins, result.origins}, {"destination", destinations, result.destinations}},
        results);
    return results;
  });
}
