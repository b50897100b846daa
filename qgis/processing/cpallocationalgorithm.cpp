#include "cpallocationalgorithm.h"

#include <qgsprocessingoutputs.h>
#include <qgsprocessingparameters.h>

#include "qgis/cplayerreaders.h"
#include "qgis/cpqgisapi.h"
#include "qgis/cpresultstyles.h"

namespace {

const QString kSources = QStringLiteral("SOURCES");
const QString kSites = QStringLiteral("SITES");

}  // namespace

QString CpAllocationAlgorithm::shortHelpString() const {
  return QObject::tr(
      "Allocates every source's tonnes per year to sites with limited capacity (tonnes per "
      "year) so that the total tonne-km over the road network is least. The solution is exact "
      "(a minimum-cost flow); a source may be split between sites, unless it is to be kept whole: "
      "then each source goes to one site or none, by a heuristic that stays close to the split "
      "optimum when sources are small beside the capacities, and exactly (branch and bound) for "
      "small problems. As many tonnes as the "
      "capacities and the roads allow are placed; the rest is reported per source as "
      "unallocated, with the reason. Outputs: allocation lines with tonnes, haul (km) and "
      "tonne-km; each site's intake, mean and longest haul, tonne-km and transport CO2e; each "
      "source's allocated and unallocated tonnes.");
}

void CpAllocationAlgorithm::initAlgorithm(const QVariantMap&) {
  addSourcesAndSitesParameters(QObject::tr("Sites"));
  addParameter(new QgsProcessingParameterBoolean(
      QStringLiteral("KEEP_WHOLE"), QObject::tr("Keep each source whole (one site per source)"),
      false));
  addAllocationOutputs();
}

QVariantMap CpAllocationAlgorithm::processAlgorithm(const QVariantMap& p,
                                                    QgsProcessingContext& context,
                                                    QgsProcessingFeedback* feedback) {
  return guarded(feedback, [&](const cp::geo::Feedback* progress) {
    const SourcesAndSites read = readSourcesAndSites(p, context, feedback, progress, {});
    cp::analyses::AllocationOptions options;
    options.snap = snapOptions(p, context);
    options.keepWhole = parameterAsBoolean(p, QStringLiteral("KEEP_WHOLE"), context);
    options.kgCo2PerTkm = parameterAsDouble(p, QStringLiteral("CO2_PER_TKM"), context);
    const cp::analyses::AllocationResult result =
        cp::analyses::allocateToSites(read.input(), options, progress);
    cpReportDiagnostics(result.diagnostics, feedback);
    if (result.whole)
      reportWholeSources(*result.whole, feedback);
    return writeAllocation(p, context, feedback, read, result);
  });
}

CpAllocationAlgorithm::SourcesAndSites CpAllocationAlgorithm::readSourcesAndSites(
    const QVariantMap& p, QgsProcessingContext& context, QgsProcessingFeedback* feedback,
    const cp::geo::Feedback* progress, std::optional<double> capacityWithoutField) {
  SourcesAndSites out;
  out.prepared = prepareRoads(p, context, feedback, progress);
  const cp::layers::WorkingFrame& frame = *out.prepared.roads.frame;
  cp::layers::Diagnostics diagnostics = out.prepared.roads.diagnostics;
  out.sources = readPlaces(p, kSources, QStringLiteral("SOURCE_ID"), context, frame, diagnostics);
  out.sites = readSites(p, kSites, QStringLiteral("SITE_ID"), context, frame, diagnostics);
  out.supply = readTonnes(p, context, kSources, QStringLiteral("TONNES_FIELD"),
                          cp::layers::field_names::kTonnes, diagnostics);
  out.capacity = readTonnes(p, context, kSites, QStringLiteral("CAPACITY_FIELD"),
                            cp::layers::field_names::kCapacity, diagnostics, capacityWithoutField);
  cpReportDiagnostics(diagnostics, feedback);
  return out;
}

cp::analyses::AllocationInput CpAllocationAlgorithm::SourcesAndSites::input() const {
  return {prepared.network, sources, supply, sites, capacity};
}

void CpAllocationAlgorithm::addSourcesAndSitesParameters(const QString& sitesTitle) {
  addRoadParameters();
  addPlacesParameter(kSources, QStringLiteral("SOURCE_ID"), QObject::tr("Sources"));
  addParameter(new QgsProcessingParameterField(
      QStringLiteral("TONNES_FIELD"), QObject::tr("Sources: tonnes per year (empty: detect)"),
      QVariant(), kSources, cp::qgis::FieldDataType::Numeric, false, true));
  addPlacesParameter(kSites, QStringLiteral("SITE_ID"), sitesTitle);
  addParameter(new QgsProcessingParameterField(
      QStringLiteral("CAPACITY_FIELD"),
      QObject::tr("%1: capacity in tonnes per year (empty: detect)").arg(sitesTitle), QVariant(),
      kSites, cp::qgis::FieldDataType::Numeric, false, true));
  addSnapParameter(1000);
  addCo2Parameter();
}

QVariantMap CpAllocationAlgorithm::writeAllocation(const QVariantMap& p,
                                                   QgsProcessingContext& context,
                                                   QgsProcessingFeedback* feedback,
                                                   const SourcesAndSites& read,
                                                   const cp::analyses::AllocationResult& result,
                                                   const std::vector<std::string>& siteStatus) {
  const cp::layers::WorkingFrame& frame = *read.prepared.roads.frame;
  QVariantMap results{
      {QStringLiteral("OUTPUT"),
       writeTable(p, context, frame,
                  cp::analyses::allocationLines(result, read.sources, read.sites),
                  QStringLiteral("OUTPUT"), Output::Required, cp::qgis::styleAllocation)}};
  insertIfWritten(
      results, QStringLiteral("SITE_INTAKE"),
      writeTable(p, context, frame, cp::analyses::siteIntakeTable(result, read.sites, siteStatus),
                 QStringLiteral("SITE_INTAKE"), Output::Optional, cp::qgis::styleSiteIntake));
  insertIfWritten(
      results, QStringLiteral("SOURCE_STATUS"),
      writeTable(p, context, frame, cp::analyses::sourceStatusTable(result, read.sources),
                 QStringLiteral("SOURCE_STATUS"), Output::Optional, cp::qgis::styleSourceStatus));
  insertTotals(results, result.totals, feedback);
  return results;
}

void CpAllocationAlgorithm::reportWholeSources(const cp::analyses::WholeAgainstSplit& whole,
                                               QgsProcessingFeedback* feedback) {
  feedback->pushInfo(
      QObject::tr("Each source kept whole (%1): %2 t placed, %3 tonne-km; split between sites "
                  "the optimum places %4 t for %5 tonne-km, the bound no whole allocation beats")
          .arg(whole.proven ? QObject::tr("proven optimal") : QObject::tr("heuristic"))
          .arg(whole.placedWhole, 0, 'f', 0)
          .arg(whole.tonneKmWhole, 0, 'f', 0)
          .arg(whole.placedSplit, 0, 'f', 0)
          .arg(whole.tonneKmSplit, 0, 'f', 0));
}

void CpAllocationAlgorithm::addAllocationOutputs() {
  addParameter(new QgsProcessingParameterFeatureSink(
      QStringLiteral("OUTPUT"), QObject::tr("Allocation"), cp::qgis::Source::VectorLine));
  addParameter(new QgsProcessingParameterFeatureSink(
      QStringLiteral("SITE_INTAKE"), QObject::tr("Site intake"), cp::qgis::Source::VectorPoint,
      QVariant(), true, true));
  addParameter(new QgsProcessingParameterFeatureSink(
      QStringLiteral("SOURCE_STATUS"), QObject::tr("Sources allocated and unallocated"),
      cp::qgis::Source::VectorPoint, QVariant(), true, true));
  for (const auto& [name, title] :
       {std::pair{"TOTAL_TONNES", "Tonnes at the sources"},
        std::pair{"ALLOCATED_TONNES", "Tonnes allocated"},
        std::pair{"UNALLOCATED_TONNES", "Tonnes no site takes"}, std::pair{"TONNE_KM", "Tonne-km"},
        std::pair{"MEAN_HAUL_KM", "Mean haul per tonne (km)"}})
    addOutput(new QgsProcessingOutputNumber(QString::fromLatin1(name), QObject::tr(title)));
}

void CpAllocationAlgorithm::insertTotals(QVariantMap& results,
                                         const cp::analyses::AllocationTotals& totals,
                                         QgsProcessingFeedback* feedback) {
  results.insert(QStringLiteral("TOTAL_TONNES"), totals.tonnes);
  results.insert(QStringLiteral("ALLOCATED_TONNES"), totals.allocated);
  results.insert(QStringLiteral("UNALLOCATED_TONNES"), totals.unallocated);
  results.insert(QStringLiteral("TONNE_KM"), totals.tonneKm);
  results.insert(QStringLiteral("MEAN_HAUL_KM"), totals.meanHaulKm);
  feedback->pushInfo(QObject::tr("%1 t of %2 t allocated; %3 tonne-km; mean haul %4 km")
                         .arg(totals.allocated, 0, 'f', 0)
                         .arg(totals.tonnes, 0, 'f', 0)
                         .arg(totals.tonneKm, 0, 'f', 0)
                         .arg(totals.meanHaulKm, 0, 'f', 1));
}
