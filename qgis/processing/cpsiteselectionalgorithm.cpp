#include "cpsiteselectionalgorithm.h"

#include <qgsprocessingoutputs.h>
#include <qgsprocessingparameters.h>

#include "layers/analyses/site_selection.h"
#include "layers/flag_reader.h"
#include "qgis/cplayerreaders.h"
#include "qgis/cpqgisapi.h"
#include "qgis/processing/cpkeys.h"

namespace {

QString percent(double share) {
  return QString::number(100 * share, 'f', 2) + QLatin1Char('%');
}

}  // namespace

QString CpSiteSelectionAlgorithm::shortHelpString() const {
  return QObject::tr(
      "Chooses which candidate sites to build, besides those already built, for sources with "
      "tonnes per year. Least tonne-km (p-median): serve as many tonnes as the sites can take, "
      "then with the least tonne-km over the roads. Most tonnes within a distance (maximal "
      "coverage): serve as many tonnes as possible within the cover distance, then the least "
      "tonne-km. With a capacity field each site takes at most its capacity, and the tonnes "
      "are allocated exactly (a source may be split). Existing sites (a status field saying "
      "existing, built, operating, yes or true, or a non-zero number) are always kept.\n\n"
      "Methods: the heuristic (greedy addition, then swaps, from several starts) handles "
      "thousands of sources; the exact method (GLPK branch and bound) is for small problems "
      "and stops at the time limit with the best found; 'both' runs the two and reports the "
      "heuristic's gap. On test problems of up to 70 sources and 15 candidates the heuristic "
      "served the same tonnes as the exact optimum and stayed within 5 % of its tonne-km.\n\n"
      "Outputs: the allocation to the chosen sites, every candidate with its status and "
      "intake, and the sources with what they could not place.");
}

void CpSiteSelectionAlgorithm::initAlgorithm(const QVariantMap&) {
  addSourcesAndSitesParameters(QObject::tr("Candidate sites"));
  addParameter(new QgsProcessingParameterBoolean(
      CpKey::UseCapacity, QObject::tr("Limit each site to its capacity"), true));
  addParameter(new QgsProcessingParameterField(
      CpKey::ExistingField,
      QObject::tr("Candidate sites: field marking those already built (empty: detect 'status')"),
      QVariant(), CpKey::Sites, cp::qgis::FieldDataType::Any, false, true));
  addParameter(new QgsProcessingParameterNumber(CpKey::NewSites, QObject::tr("New sites to build"),
                                                cp::qgis::NumberType::Integer, 1, false, 0));
  addParameter(new QgsProcessingParameterEnum(
      CpKey::Objective, QObject::tr("Objective"),
      {QObject::tr("Least tonne-km (p-median)"),
       QObject::tr("Most tonnes within a distance (maximal coverage)")},
      false, 0));
  addParameter(new QgsProcessingParameterNumber(
      CpKey::CoverKm, QObject::tr("Cover distance by road (km, maximal coverage)"),
      cp::qgis::NumberType::Double, 15, false, 0));
  // The choices in the order of cp::analyses::SelectionMethod.
  addParameter(new QgsProcessingParameterEnum(
      CpKey::Method, QObject::tr("Method"),
      {QObject::tr("Heuristic"), QObject::tr("Exact (GLPK branch and bound)"),
       QObject::tr("Both, reporting the heuristic's gap")},
      false, static_cast<int>(cp::analyses::SelectionMethod::Heuristic)));
  addParameter(new QgsProcessingParameterNumber(CpKey::TimeLimit,
                                                QObject::tr("Time limit of the exact method (s)"),
                                                cp::qgis::NumberType::Double, 60, false, 1));
  addAllocationOutputs();
  addOutput(new QgsProcessingOutputString(CpKey::Chosen,
                                          QObject::tr("Sites chosen, existing ones included")));
  addOutput(new QgsProcessingOutputNumber(
      CpKey::ProvenOptimal, QObject::tr("1 when the exact method proved optimality")));
  addOutput(new QgsProcessingOutputNumber(
      CpKey::HeuristicGap,
      QObject::tr("The heuristic's tonne-km above the exact method's, as a share")));
}

QVariantMap CpSiteSelectionAlgorithm::processAlgorithm(const QVariantMap& p,
                                                       QgsProcessingContext& context,
                                                       QgsProcessingFeedback* feedback) {
  return guarded(feedback, [&](const cp::geo::Feedback* progress) {
    const SourcesAndSites read =
        readSourcesAndSites(p, context, feedback, progress, cp::geo::kInfinity);
    cp::analyses::SiteSelectionOptions options;
    options.snap = snapOptions(p, context);
    options.newSites = static_cast<std::size_t>(parameterAsInt(p, CpKey::NewSites, context));
    options.useCapacity = parameterAsBoolean(p, CpKey::UseCapacity, context);
    if (parameterAsEnum(p, CpKey::Objective, context) == 1)
      options.coverKm = parameterAsDouble(p, CpKey::CoverKm, context);
    options.method =
        static_cast<cp::analyses::SelectionMethod>(parameterAsEnum(p, CpKey::Method, context));
    options.timeLimitS = parameterAsDouble(p, CpKey::TimeLimit, context);
    options.kgCo2PerTkm = transportFactor(p, context, feedback);
    cp::layers::Diagnostics diagnostics;
    const std::vector<bool> existing = readExisting(p, context, diagnostics);
    const cp::analyses::SiteSelectionResult result =
        cp::analyses::selectSites(read.input(), existing, options, progress);
    diagnostics.append(result.allocation.diagnostics);
    cpReportDiagnostics(diagnostics, feedback);

    QVariantMap results = reportMethods(result, feedback);
    QStringList chosen;
    for (const std::string& id : result.chosen)
      chosen << QString::fromStdString(id);
    feedback->pushInfo(QObject::tr("Sites: %1").arg(chosen.join(QStringLiteral(", "))));
    results.insert(writeAllocation(p, context, feedback, read, result.allocation, result.status));
    results.insert(CpKey::Chosen, chosen.join(QLatin1Char(',')));
    return results;
  });
}

QVariantMap CpSiteSelectionAlgorithm::reportMethods(const cp::analyses::SiteSelectionResult& r,
                                                    QgsProcessingFeedback* feedback) {
  QVariantMap results;
  if (r.provenOptimal) {
    results.insert(CpKey::ProvenOptimal, *r.provenOptimal ? 1 : 0);
    feedback->pushInfo(*r.provenOptimal
                           ? QObject::tr("The exact method proved its choice optimal.")
                           : QObject::tr("The exact method reached its time limit; its best "
                                         "choice is not proven optimal."));
  }
  if (r.both) {
    results.insert(CpKey::HeuristicGap, r.both->gap);
    feedback->pushInfo(QObject::tr("Heuristic: %1 t served, %2 tonne-km; exact: %3 t, %4 "
                                   "tonne-km; gap %5")
                           .arg(r.both->servedHeuristic, 0, 'f', 0)
                           .arg(r.both->tonneKmHeuristic, 0, 'f', 0)
                           .arg(r.both->servedExact, 0, 'f', 0)
                           .arg(r.both->tonneKmExact, 0, 'f', 0)
                           .arg(percent(r.both->gap)));
  }
  return results;
}

std::vector<bool> CpSiteSelectionAlgorithm::readExisting(const QVariantMap& p,
                                                         QgsProcessingContext& context,
                                                         cp::layers::Diagnostics& diagnostics) {
  const auto sites = requireSource(p, CpKey::Sites, context);
  QString field = parameterAsString(p, CpKey::ExistingField, context);
  if (field.isEmpty())
    field = cp::qgis::detectField(*sites, cp::layers::field_names::kExistingSite);
  if (field.isEmpty())
    return std::vector<bool>(static_cast<std::size_t>(sites->featureCount()), false);
  return cp::qgis::readFlags(*sites, inputLabel(CpKey::Sites), field, diagnostics);
}
