#include "cpnearestfacilitiesalgorithm.h"

#include <qgsprocessingparameters.h>

#include "layers/analyses/nearest_facilities.h"
#include "qgis/cpqgisapi.h"
#include "qgis/processing/cpkeys.h"

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
  addPlacesParameter(CpKey::Origins, CpKey::OriginId, QObject::tr("Origins"));
  addPlacesParameter(CpKey::Facilities, CpKey::FacilityId, QObject::tr("Facilities"));
  addParameter(new QgsProcessingParameterNumber(CpKey::K, QObject::tr("Facilities per origin"),
                                                cp::qgis::NumberType::Integer, 1, false, 1));
  addMetricAndSnapParameters();
  addParameter(new QgsProcessingParameterNumber(
      CpKey::Cutoff, QObject::tr("Search no farther than (m, or s for time; 0: no limit)"),
      cp::qgis::NumberType::Double, 0, false, 0));
  addParameter(new QgsProcessingParameterFeatureSink(
      CpKey::Output, QObject::tr("Nearest facilities"), cp::qgis::Source::VectorLine));
}

QVariantMap CpNearestFacilitiesAlgorithm::processAlgorithm(const QVariantMap& p,
                                                           QgsProcessingContext& context,
                                                           QgsProcessingFeedback* feedback) {
  return guarded(feedback, [&](const cp::geo::Feedback* progress) {
    const PreparedRoads prepared = prepareRoads(p, context, feedback, progress);
    Places places = readOriginsAnd(p, CpKey::Facilities, CpKey::FacilityId, context, prepared);
    cp::analyses::NearestOptions options;
    options.snap = snapOptions(p, context);
    options.query.metric = metric(p, context);
    const double cutoff = parameterAsDouble(p, CpKey::Cutoff, context);
    if (cutoff > 0)
      options.query.cutoff = cutoff;
    options.k = static_cast<std::size_t>(parameterAsInt(p, CpKey::K, context));
    const cp::analyses::NearestResult result = cp::analyses::findNearestFacilities(
        prepared.network, places.origins, places.destinations, options, progress);
    places.diagnostics.append(result.diagnostics);
    cpReportDiagnostics(places.diagnostics, feedback);
    return QVariantMap{{CpKey::Output, writeTable(p, context, *prepared.roads.frame,
                                                  cp::analyses::nearestTable(result, places.origins,
                                                                             places.destinations),
                                                  CpKey::Output, Output::Required)}};
  });
}
