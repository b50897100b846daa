#include "cpallocationalgorithm.h"

#include <qgsprocessingoutputs.h>
#include <qgsprocessingparameters.h>

#include "qgis/cplayerreaders.h"
#include "qgis/cpqgisapi.h"
#include "qgis/cpresultstyles.h"
#include "qgis/processing/cpkeys.h"

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
      CpKey::KeepWhole, QObject::tr("Keep each source whole (one site per source)"), false));
  addAllocationOutputs();
}

QVariantMap CpAllocationAlgorithm::processAlgorithm(const QVariantMap& p,
                                                    QgsProcessingContext& context,
                                                    QgsProcessingFeedback* feedback) {
  return guarded(feedback, [&](const cp::geo::Feedback* progress) {
    const SourcesAndSites read = readSourcesAndSites(p, context, feedback, progress, {});
    cp::analyses::AllocationOptions options;
    options.snap = snapOptions(p, context);
    options.keepWhole = parameterAsBoolean(p, CpKey::KeepWhole, context);
    options.kgCo2PerTkm = transportFactor(p, context, feedback);
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
  out.sources = readPlaces(p, CpKey::Sources, CpKey::SourceId, context, frame, diagnostics);
  out.sites = readSites(p, CpKey::Sites, CpKey::SiteId, context, frame, diagnostics);
  out.supply = readTonnes(p, context, CpKey::Sources, CpKey::TonnesField,
                          cp::layers::field_names::kTonnes, diagnostics);
  out.capacity = readTonnes(p, context, CpKey::Sites, CpKey::CapacityField,
                            cp::layers::field_names::kCapacity, diagnostics, capacityWithoutField);
  cpReportDiagnostics(diagnostics, feedback);
  return out;
}

cp::analyses::AllocationInput CpAllocationAlgorithm::SourcesAndSites::input() const {
  return {prepared.network, sources, supply, sites, capacity};
}

void CpAllocationAlgorithm::addSourcesAndSitesParameters(const QString& sitesTitle) {
  addRoadParameters();
  addPlacesParameter(CpKey::Sources, CpKey::SourceId, QObject::tr("Sources"));
  addParameter(new QgsProcessingParameterField(
      CpKey::TonnesField, QObject::tr("Sources: tonnes per year (empty: detect)"), QVariant(),
      CpKey::Sources, cp::qgis::FieldDataType::Numeric, false, true));
  addPlacesParameter(CpKey::Sites, CpKey::SiteId, sitesTitle);
  addParameter(new QgsProcessingParameterField(
      CpKey::CapacityField,
      QObject::tr("%1: capacity in tonnes per year (empty: detect)").arg(sitesTitle), QVariant(),
      CpKey::Sites, cp::qgis::FieldDataType::Numeric, false, true));
  addSnapParameter(1000);
  addCo2Parameters();
}

QVariantMap CpAllocationAlgorithm::writeAllocation(const QVariantMap& p,
                                                   QgsProcessingContext& context,
                                                   QgsProcessingFeedback* feedback,
                                                   const SourcesAndSites& read,
                                                   const cp::analyses::AllocationResult& result,
                                                   const std::vector<std::string>& siteStatus) {
  const cp::layers::WorkingFrame& frame = *read.prepared.roads.frame;
  QVariantMap results{
      {CpKey::Output, writeTable(p, context, frame,
                                 cp::analyses::allocationLines(result, read.sources, read.sites),
                                 CpKey::Output, Output::Required, cp::qgis::styleAllocation)}};
  insertIfWritten(
      results, CpKey::SiteIntake,
      writeTable(p, context, frame, cp::analyses::siteIntakeTable(result, read.sites, siteStatus),
                 CpKey::SiteIntake, Output::Optional, cp::qgis::styleSiteIntake));
  insertIfWritten(
      results, CpKey::SourceStatus,
      writeTable(p, context, frame, cp::analyses::sourceStatusTable(result, read.sources),
                 CpKey::SourceStatus, Output::Optional, cp::qgis::styleSourceStatus));
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
  addParameter(new QgsProcessingParameterFeatureSink(CpKey::Output, QObject::tr("Allocation"),
                                                     cp::qgis::Source::VectorLine));
  addParameter(new QgsProcessingParameterFeatureSink(CpKey::SiteIntake, QObject::tr("Site intake"),
                                                     cp::qgis::Source::VectorPoint, QVariant(),
                                                     true, true));
  addParameter(new QgsProcessingParameterFeatureSink(
      CpKey::SourceStatus, QObject::tr("Sources allocated and unallocated"),
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
  results.insert(CpKey::TotalTonnes, totals.tonnes);
  results.insert(CpKey::AllocatedTonnes, totals.allocated);
  results.insert(CpKey::UnallocatedTonnes, totals.unallocated);
  results.insert(CpKey::TonneKm, totals.tonneKm);
  results.insert(CpKey::MeanHaulKm, totals.meanHaulKm);
  feedback->pushInfo(QObject::tr("%1 t of %2 t allocated; %3 tonne-km; mean haul %4 km")
                         .arg(totals.allocated, 0, 'f', 0)
                         .arg(totals.tonnes, 0, 'f', 0)
                         .arg(totals.tonneKm, 0, 'f', 0)
                         .arg(totals.meanHaulKm, 0, 'f', 1));
}
