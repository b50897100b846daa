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
                                                   const QStringList& siteStatus) {
  const cp::layers::WorkingFrame& frame = *read.prepared.roads.frame;
  QVariantMap results{
      {QStringLiteral("OUTPUT"),
       writeLines(p, context, {read.sources, result.joined.from}, {read.sites, result.joined.to},
                  result.joined.routes, result.allocation.flows, frame)}};
  insertIfWritten(
      results, QStringLiteral("SITE_INTAKE"),
      writeSites(p, context, read.sites, result.siteCapacity, result.intakes, siteStatus, frame));
  insertIfWritten(results, QStringLiteral("SOURCE_STATUS"),
                  writeSources(p, context, read.sources, result.sources, frame));
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

void CpAllocationAlgorithm::insertIfWritten(QVariantMap& results, const QString& name,
                                            const QString& destination) {
  if (!destination.isEmpty())
    results.insert(name, destination);
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

QString CpAllocationAlgorithm::writeLines(const QVariantMap& p, QgsProcessingContext& context,
                                          const Ends& from, const Ends& to,
                                          const cp::geo::OdMatrix& km,
                                          const std::vector<cp::geo::AllocationFlow>& flows,
                                          const cp::layers::WorkingFrame& frame,
                                          const char* fromField, const char* toField) {
  SinkOutput lines = createLineOutput(p, context,
                                      cpFields({{fromField, QMetaType::QString},
                                                {toField, QMetaType::QString},
                                                {"tonnes", QMetaType::Double},
                                                {"haul_km", QMetaType::Double},
                                                {"tonne_km", QMetaType::Double}}),
                                      frame);
  for (const cp::geo::AllocationFlow& f : flows) {
    const double haul = km.at(f.source, f.site).distanceM / 1000.0;
    QgsAttributes attributes;
    attributes << QString::fromStdString(from.places.ids[f.source])
               << QString::fromStdString(to.places.ids[f.site]) << f.tonnes << haul
               << f.tonnes * haul;
    addLine(lines, p, attributes, from.snapped.placed(from.places, f.source),
            to.snapped.placed(to.places, f.site));
  }
  cp::qgis::styleOnLoad(context, lines.destination, cp::qgis::styleAllocation);
  return lines.destination;
}

QString CpAllocationAlgorithm::writeSites(const QVariantMap& p, QgsProcessingContext& context,
                                          const cp::layers::PointData& sites,
                                          const std::vector<double>& capacity,
                                          const std::vector<cp::geo::SiteIntake>& intakes,
                                          const QStringList& status,
                                          const cp::layers::WorkingFrame& frame) {
  QgsFields fields = cpFields({{"site_id", QMetaType::QString},
                               {"capacity_t", QMetaType::Double},
                               {"tonnes_in", QMetaType::Double},
                               {"spare_t", QMetaType::Double},
                               {"mean_haul_km", QMetaType::Double},
                               {"max_haul_km", QMetaType::Double},
                               {"tonne_km", QMetaType::Double},
                               {"co2_t", QMetaType::Double}});
  if (!status.isEmpty())
    fields.append(cp::qgis::makeField(QStringLiteral("status"), QMetaType::QString));
  SinkOutput out = createPointOutput(p, context, fields, frame, QStringLiteral("SITE_INTAKE"));
  if (!out.sink)
    return {};
  for (std::size_t j = 0; j < sites.ids.size(); ++j) {
    const cp::geo::SiteIntake& s = intakes[j];
    const bool limited = std::isfinite(capacity[j]);  // no capacity field: unlimited
    QgsAttributes attributes;
    attributes << QString::fromStdString(sites.ids[j]) << (limited ? capacity[j] : QVariant())
               << s.tonnes << (limited ? capacity[j] - s.tonnes : QVariant()) << s.meanHaul
               << s.maxHaul << s.tonneCost << s.co2Tonnes;
    if (!status.isEmpty())
      attributes << status[static_cast<int>(j)];
    addPoint(out, p, attributes, sites.xy[j]);
  }
  cp::qgis::styleOnLoad(context, out.destination, cp::qgis::styleSiteIntake);
  return out.destination;
}

QString CpAllocationAlgorithm::writeSources(const QVariantMap& p, QgsProcessingContext& context,
                                            const cp::layers::PointData& sources,
                                            const std::vector<cp::analyses::SourceStatus>& status,
                                            const cp::layers::WorkingFrame& frame) {
  SinkOutput out = createPointOutput(p, context,
                                     cpFields({{"source_id", QMetaType::QString},
                                               {"tonnes", QMetaType::Double},
                                               {"allocated_t", QMetaType::Double},
                                               {"unallocated_t", QMetaType::Double},
                                               {"reason", QMetaType::QString}}),
                                     frame, QStringLiteral("SOURCE_STATUS"));
  if (!out.sink)
    return {};
  for (std::size_t i = 0; i < sources.ids.size(); ++i) {
    const cp::analyses::SourceStatus& s = status[i];
    QgsAttributes attributes;
    attributes << QString::fromStdString(sources.ids[i]) << s.tonnes << s.allocated << s.unallocated
               << QString::fromStdString(s.reason);
    addPoint(out, p, attributes, sources.xy[i]);
  }
  cp::qgis::styleOnLoad(context, out.destination, cp::qgis::styleSourceStatus);
  return out.destination;
}
