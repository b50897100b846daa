#include "cproadloadsalgorithm.h"

#include <qgsprocessingoutputs.h>
#include <qgsprocessingparameters.h>

#include "layers/analyses/road_loads.h"
#include "qgis/cpqgisapi.h"
#include "qgis/cpresultstyles.h"
#include "qgis/processing/cpkeys.h"

QString CpRoadLoadsAlgorithm::shortHelpString() const {
  return QObject::tr(
      "Routes every flow of a flow table along its shortest road route and adds its tonnes to "
      "each road segment it uses: which roads carry the construction traffic, or any other "
      "material. Outputs the loaded segments with their tonnes per year in all and per material "
      "class, and the tonne-km travelled on each; the segments' tonne-km add up to the flows' "
      "routed tonne-km. Flows naming no place, or whose places no road joins, are listed.");
}

void CpRoadLoadsAlgorithm::initAlgorithm(const QVariantMap&) {
  addRoadParameters();
  addFlowParameters();
  addFlowPlacesParameter();
  addSnapParameter(2000);
  addParameter(new QgsProcessingParameterFeatureSink(CpKey::Output, QObject::tr("Road loads"),
                                                     cp::qgis::Source::VectorLine));
  addOutput(new QgsProcessingOutputNumber(CpKey::Segments, QObject::tr("Road segments loaded")));
  addOutput(new QgsProcessingOutputNumber(CpKey::TonneKm, QObject::tr("Tonne-km")));
  addOutput(new QgsProcessingOutputNumber(CpKey::FlowsRouted, QObject::tr("Flows routed")));
}

QVariantMap CpRoadLoadsAlgorithm::processAlgorithm(const QVariantMap& p,
                                                   QgsProcessingContext& context,
                                                   QgsProcessingFeedback* feedback) {
  return guarded(feedback, [&](const cp::geo::Feedback* progress) {
    const FlowsOnRoads read = readFlowsOnRoads(p, context, feedback, progress);
    cpReportDiagnostics(read.diagnostics, feedback);
    const cp::analyses::RoadLoadsResult result =
        cp::analyses::roadLoads(read.prepared.network, read.flows, progress);
    const QString destination = writeTable(p, context, read.frame(), result.segments, CpKey::Output,
                                           Output::Required, cp::qgis::styleRoadLoads);
    feedback->pushInfo(QObject::tr("%1 of %2 flows routed; %3 road segments loaded; %4 tonne-km")
                           .arg(result.routed)
                           .arg(read.flows.placed.flows.size())
                           .arg(result.segments.rows.size())
                           .arg(result.tonneKm, 0, 'f', 0));
    return QVariantMap{{CpKey::Output, destination},
                       {CpKey::Segments, static_cast<int>(result.segments.rows.size())},
                       {CpKey::TonneKm, result.tonneKm},
                       {CpKey::FlowsRouted, static_cast<int>(result.routed)}};
  });
}
