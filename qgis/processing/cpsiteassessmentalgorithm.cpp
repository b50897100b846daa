#include "cpsiteassessmentalgorithm.h"

#include <qgsprocessingoutputs.h>
#include <qgsprocessingparameters.h>

#include "layers/analyses/site_assessment.h"
#include "qgis/cpqgisapi.h"
#include "qgis/cpresultstyles.h"

namespace {

const QString kCandidates = QStringLiteral("CANDIDATES");

}  // namespace

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
  addPlacesParameter(kCandidates, QStringLiteral("CANDIDATE_ID"), QObject::tr("Candidate sites"));
  addParameter(new QgsProcessingParameterNumber(
      QStringLiteral("INPUT_RATIO"),
      QObject::tr("Inputs the facility receives per tonne it delivers (t/t)"),
      cp::qgis::NumberType::Double, 0, false, 0));
  addSnapParameter(2000);
  addCo2Parameter();
  addParameter(new QgsProcessingParameterFeatureSink(
      QStringLiteral("OUTPUT"), QObject::tr("Candidates ranked"), cp::qgis::Source::VectorPoint));
  addOutput(new QgsProcessingOutputNumber(QStringLiteral("BASELINE_TONNE_KM"),
                                          QObject::tr("Baseline tonne-km")));
  addOutput(new QgsProcessingOutputString(QStringLiteral("BEST"), QObject::tr("Best candidate")));
}

QVariantMap CpSiteAssessmentAlgorithm::processAlgorithm(const QVariantMap& p,
                                                        QgsProcessingContext& context,
                                                        QgsProcessingFeedback* feedback) {
  return guarded(feedback, [&](const cp::geo::Feedback* progress) {
    FlowsOnRoads read = readFlowsOnRoads(p, context, feedback, progress);
    const cp::layers::PointData candidates = readSites(
        p, kCandidates, QStringLiteral("CANDIDATE_ID"), context, read.frame(), read.diagnostics);
    cp::analyses::SiteAssessmentOptions options;
    options.inputRatio = parameterAsDouble(p, QStringLiteral("INPUT_RATIO"), context);
    options.kgCo2PerTkm = parameterAsDouble(p, QStringLiteral("CO2_PER_TKM"), context);
    options.snap = snapOptions(p, context);
    const cp::analyses::SiteAssessmentResult result =
        cp::analyses::assessSites(read.prepared.network, read.flows, candidates, options, progress);
    read.diagnostics.append(result.diagnostics);
    cpReportDiagnostics(read.diagnostics, feedback);
    const QString destination =
        writeTable(p, context, read.frame(), result.candidates, QStringLiteral("OUTPUT"),
                   Output::Required, cp::qgis::styleSiteRanking);
    const std::size_t best = result.ranking.front();
    feedback->pushInfo(QObject::tr("Baseline %1 tonne-km; best candidate %2: %3 tonne-km")
                           .arg(result.baselineTonneKm, 0, 'f', 0)
                           .arg(QString::fromStdString(candidates.ids[best]))
                           .arg(result.newTonneKm[best], 0, 'f', 0));
    return QVariantMap{{QStringLiteral("OUTPUT"), destination},
                       {QStringLiteral("BASELINE_TONNE_KM"), result.baselineTonneKm},
                       {QStringLiteral("BEST"), QString::fromStdString(candidates.ids[best])}};
  });
}
