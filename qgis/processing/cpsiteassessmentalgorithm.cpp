#include "cpsiteassessmentalgorithm.h"

#include <qgsprocessingoutputs.h>
#include <qgsprocessingparameters.h>

#include "layers/analyses/site_assessment.h"
#include "qgis/cpqgisapi.h"
#include "qgis/cpresultstyles.h"
#include "qgis/processing/cpkeys.h"

QString CpSiteAssessmentAlgorithm::shortHelpString() const {
  return QObject::tr(
      "Ranks candidate sites for a new facility by the change it brings to the transport of "
      "the chosen flows (filter the flow table, e.g. to one product or material class). At a "
      "candidate, the facility delivers those flows' tonnes to their destinations in place of "
      "their origins, and receives its inputs (input ratio tonnes per tonne delivered) from "
      "the original origins. Baseline: every flow by road from its origin. Outputs each "
      "candidate with the baseline and new tonne-km, the change (negative is a saving), the "
      "transport CO2e change and its rank.");
}

void CpSiteAssessmentAlgorithm::initAlgorithm(const QVariantMap&) {
  addRoadParameters();
  addFlowParameters();
  addFlowPlacesParameter();
  addPlacesParameter(CpKey::Candidates, CpKey::CandidateId, QObject::tr("Candidate sites"));
  addParameter(new QgsProcessingParameterNumber(
      CpKey::InputRatio, QObject::tr("Inputs the facility receives per tonne it delivers (t/t)"),
      cp::qgis::NumberType::Double, 0, false, 0));
  addSnapParameter(2000);
  addCo2Parameters();
  addParameter(new QgsProcessingParameterFeatureSink(
      CpKey::Output, QObject::tr("Candidates ranked"), cp::qgis::Source::VectorPoint));
  addOutput(
      new QgsProcessingOutputNumber(CpKey::BaselineTonneKm, QObject::tr("Baseline tonne-km")));
  addOutput(new QgsProcessingOutputString(CpKey::Best, QObject::tr("Best candidate")));
}

QVariantMap CpSiteAssessmentAlgorithm::processAlgorithm(const QVariantMap& p,
                                                        QgsProcessingContext& context,
                                                        QgsProcessingFeedback* feedback) {
  return guarded(feedback, [&](const cp::geo::Feedback* progress) {
    FlowsOnRoads read = readFlowsOnRoads(p, context, feedback, progress);
    const cp::layers::PointData candidates = readSites(p, CpKey::Candidates, CpKey::CandidateId,
                                                       context, read.frame(), read.diagnostics);
    cp::analyses::SiteAssessmentOptions options;
    options.inputRatio = parameterAsDouble(p, CpKey::InputRatio, context);
    options.kgCo2PerTkm = transportFactor(p, context, feedback);
    options.snap = snapOptions(p, context);
    const cp::analyses::SiteAssessmentResult result =
        cp::analyses::assessSites(read.prepared.network, read.flows, candidates, options, progress);
    read.diagnostics.append(result.diagnostics);
    cpReportDiagnostics(read.diagnostics, feedback);
    const QString destination =
        writeTable(p, context, read.frame(), result.candidates, CpKey::Output, Output::Required,
                   cp::qgis::styleSiteRanking);
    const std::size_t best = result.ranking.front();
    feedback->pushInfo(QObject::tr("Baseline %1 tonne-km; best candidate %2: %3 tonne-km")
                           .arg(result.baselineTonneKm, 0, 'f', 0)
                           .arg(QString::fromStdString(candidates.ids[best]))
                           .arg(result.newTonneKm[best], 0, 'f', 0));
    return QVariantMap{{CpKey::Output, destination},
                       {CpKey::BaselineTonneKm, result.baselineTonneKm},
                       {CpKey::Best, QString::fromStdString(candidates.ids[best])}};
  });
}
