#include "cpflowlinesalgorithm.h"

#include <qgsprocessingoutputs.h>
#include <qgsprocessingparameters.h>

#include "layers/analyses/flow_lines.h"
#include "qgis/cpqgisapi.h"
#include "qgis/cpresultstyles.h"
#include "qgis/processing/cpkeys.h"

QString CpFlowLinesAlgorithm::shortHelpString() const {
  return QObject::tr(
      "Draws the flows of a flow table (origin, destination, tonnes per year, material class; "
      "optionally id, material, stage, scenario) between the places they name, found by id in "
      "the given layers (zone_id, district_id, site_id, ...). Lines are straight, curved (the "
      "flows A to B and B to A bend to opposite sides and never overlap) or follow the road "
      "route. Every flow gets its road distance, tonne-km and transport CO2e. Flows can be "
      "filtered by material class, stage and scenario, and added together per origin, "
      "destination and class. Rows naming an unknown place are listed by row and left out.");
}

void CpFlowLinesAlgorithm::initAlgorithm(const QVariantMap&) {
  addRoadParameters();
  addFlowParameters();
  addFlowPlacesParameter();
  addParameter(new QgsProcessingParameterEnum(
      CpKey::Shape, QObject::tr("Lines"),
      {QObject::tr("straight"), QObject::tr("curved"), QObject::tr("along the road route")}, false,
      static_cast<int>(cp::analyses::FlowShape::Curved)));
  addParameter(new QgsProcessingParameterBoolean(
      CpKey::Aggregate, QObject::tr("Add up flows with the same origin, destination and class"),
      false));
  addSnapParameter(2000);
  addCo2Parameters();
  addParameter(new QgsProcessingParameterFeatureSink(CpKey::Output, QObject::tr("Flow lines"),
                                                     cp::qgis::Source::VectorLine));
  for (const auto& [name, title] :
       {std::pair{"FLOWS_DRAWN", "Flows drawn"},
        std::pair{"FLOWS_UNPLACED", "Flows naming no place"}, std::pair{"TONNES", "Tonnes drawn"},
        std::pair{"TONNE_KM", "Tonne-km by road"}})
    addOutput(new QgsProcessingOutputNumber(QString::fromLatin1(name), QObject::tr(title)));
}

QVariantMap CpFlowLinesAlgorithm::processAlgorithm(const QVariantMap& p,
                                                   QgsProcessingContext& context,
                                                   QgsProcessingFeedback* feedback) {
  return guarded(feedback, [&](const cp::geo::Feedback* progress) {
    FlowsOnRoads read = readFlowsOnRoads(p, context, feedback, progress);
    cpReportDiagnostics(read.diagnostics, feedback);
    const std::size_t unplaced = read.flows.placed.unplaced;
    const double unplacedTonnes = read.flows.placed.unplacedTonnes;
    cp::analyses::FlowLinesOptions options;
    options.shape = static_cast<cp::analyses::FlowShape>(parameterAsEnum(p, CpKey::Shape, context));
    options.aggregate = parameterAsBoolean(p, CpKey::Aggregate, context);
    options.kgCo2PerTkm = transportFactor(p, context, feedback);
    const cp::analyses::FlowLinesResult result =
        cp::analyses::flowLines(read.prepared.network, std::move(read.flows), options, progress);
    const QString destination = writeTable(p, context, read.frame(), result.lines, CpKey::Output,
                                           Output::Required, cp::qgis::styleFlowLines);
    feedback->pushInfo(QObject::tr("%1 flows drawn (%2 t, %3 tonne-km by road); %4 flows (%5 t) "
                                   "name no place")
                           .arg(result.drawn)
                           .arg(result.tonnes, 0, 'f', 0)
                           .arg(result.tonneKm, 0, 'f', 0)
                           .arg(unplaced)
                           .arg(unplacedTonnes, 0, 'f', 0));
    return QVariantMap{{CpKey::Output, destination},
                       {CpKey::FlowsDrawn, static_cast<int>(result.drawn)},
                       {CpKey::FlowsUnplaced, static_cast<int>(unplaced)},
                       {CpKey::Tonnes, result.tonnes},
                       {CpKey::TonneKm, result.tonneKm}};
  });
}
