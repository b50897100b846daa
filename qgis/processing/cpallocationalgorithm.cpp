#include "cpallocationalgorithm.h"

#include <qgsprocessingoutputs.h>
#include <qgsprocessingparameters.h>

#include <numeric>

#include "geo/allocation.h"
#include "geo/routing.h"
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
    const SourcesToSites problem = readSourcesToSites(p, context, feedback, progress, {});
    const cp::geo::AllocationInput input{problem.supply, problem.capacity, problem.kmTable()};
    const cp::geo::Allocation split = cp::geo::allocate(input, progress);
    const bool keepWhole = parameterAsBoolean(p, QStringLiteral("KEEP_WHOLE"), context);
    const cp::geo::Allocation allocation = keepWhole ? wholeSources(input, split, feedback) : split;
    return writeAllocation(p, context, feedback, problem, input, allocation);
  });
}

CpAllocationAlgorithm::SourcesToSites CpAllocationAlgorithm::readSourcesToSites(
    const QVariantMap& p, QgsProcessingContext& context, QgsProcessingFeedback* feedback,
    const cp::geo::Feedback* progress, std::optional<double> capacityWithoutField) {
  SourcesToSites out;
  out.prepared = prepareRoads(p, context, feedback, progress);
  const cp::layers::WorkingFrame& frame = *out.prepared.roads.frame;
  cp::layers::Diagnostics diagnostics = out.prepared.roads.diagnostics;
  out.sources = readPlaces(p, kSources, QStringLiteral("SOURCE_ID"), context, frame, diagnostics);
  out.sites = readSites(p, kSites, QStringLiteral("SITE_ID"), context, frame, diagnostics);
  out.supply = readTonnes(p, context, kSources, QStringLiteral("TONNES_FIELD"),
                          cp::layers::field_names::kTonnes, diagnostics);
  out.capacity = readTonnes(p, context, kSites, QStringLiteral("CAPACITY_FIELD"),
                            cp::layers::field_names::kCapacity, diagnostics, capacityWithoutField);
  const cp::geo::Snapper snapper(out.prepared.network, snapOptions(p, context));
  out.from = cp::layers::snapPlaces(snapper, out.sources, diagnostics);
  out.to = cp::layers::snapPlaces(snapper, out.sites, diagnostics);
  cpReportDiagnostics(diagnostics, feedback);
  out.km = cp::geo::odMatrix(out.prepared.network, out.from.locations(), out.to.locations(), {},
                             progress);
  return out;
}

std::vector<double> CpAllocationAlgorithm::SourcesToSites::kmTable() const {
  std::vector<double> table;
  table.reserve(km.cells.size());
  for (const cp::geo::Cost& c : km.cells)
    table.push_back(c.distanceM / 1000.0);
  return table;
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

QVariantMap CpAllocationAlgorithm::writeAllocation(
    const QVariantMap& p, QgsProcessingContext& context, QgsProcessingFeedback* feedback,
    const SourcesToSites& problem, const cp::geo::AllocationInput& input,
    const cp::geo::Allocation& allocation, const QStringList& siteStatus) {
  const cp::layers::WorkingFrame& frame = *problem.prepared.roads.frame;
  QVariantMap results{
      {QStringLiteral("OUTPUT"),
       writeLines(p, context, {problem.sources, problem.from}, {problem.sites, problem.to},
                  problem.km, allocation.flows, frame)}};
  const double kg = parameterAsDouble(p, QStringLiteral("CO2_PER_TKM"), context);
  insertIfWritten(results, QStringLiteral("SITE_INTAKE"),
                  writeSites(p, context, problem.sites, problem.capacity,
                             cp::geo::siteIntakes(input, allocation, kg), siteStatus, frame));
  insertIfWritten(results, QStringLiteral("SOURCE_STATUS"),
                  writeSources(p, context, problem.sources, input.supply, allocation.unallocated,
                               problem.from, frame));
  insertTotals(results, input, allocation, feedback);
  return results;
}

cp::geo::Allocation CpAllocationAlgorithm::wholeSources(const cp::geo::AllocationInput& input,
                                                        const cp::geo::Allocation& split,
                                                        QgsProcessingFeedback* feedback) {
  cp::geo::ExactAllocation whole = cp::geo::allocateWhole(input);
  const auto placed = [&input](const cp::geo::Allocation& a) {
    return std::accumulate(input.supply.begin(), input.supply.end(), 0.0) -
           std::accumulate(a.unallocated.begin(), a.unallocated.end(), 0.0);
  };
  feedback->pushInfo(
      QObject::tr("Each source kept whole (%1): %2 t placed, %3 tonne-km; split between sites "
                  "the optimum places %4 t for %5 tonne-km, the bound no whole allocation beats")
          .arg(whole.proven ? QObject::tr("proven optimal") : QObject::tr("heuristic"))
          .arg(placed(whole.allocation), 0, 'f', 0)
          .arg(whole.allocation.cost, 0, 'f', 0)
          .arg(placed(split), 0, 'f', 0)
          .arg(split.cost, 0, 'f', 0));
  return std::move(whole.allocation);
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
                                         const cp::geo::AllocationInput& input,
                                         const cp::geo::Allocation& allocation,
                                         QgsProcessingFeedback* feedback) {
  const double total = std::accumulate(input.supply.begin(), input.supply.end(), 0.0);
  const double unallocated =
      std::accumulate(allocation.unallocated.begin(), allocation.unallocated.end(), 0.0);
  const double allocated = total - unallocated;
  const double meanHaul = allocated > 0 ? allocation.cost / allocated : 0;
  results.insert(QStringLiteral("TOTAL_TONNES"), total);
  results.insert(QStringLiteral("ALLOCATED_TONNES"), allocated);
  results.insert(QStringLiteral("UNALLOCATED_TONNES"), unallocated);
  results.insert(QStringLiteral("TONNE_KM"), allocation.cost);
  results.insert(QStringLiteral("MEAN_HAUL_KM"), meanHaul);
  feedback->pushInfo(QObject::tr("%1 t of %2 t allocated; %3 tonne-km; mean haul %4 km")
                         .arg(allocated, 0, 'f', 0)
                         .arg(total, 0, 'f', 0)
                         .arg(allocation.cost, 0, 'f', 0)
                         .arg(meanHaul, 0, 'f', 1));
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
                                            const std::vector<double>& tonnes,
                                            const std::vector<double>& unallocated,
                                            const cp::layers::SnappedPlaces& snapped,
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
    QString reason;
    if (!snapped.snaps[i].location)
      reason = QString::fromStdString("not joined to the roads: " + snapped.snaps[i].reason);
    else if (unallocated[i] > 1e-6)
      reason = QObject::tr("no reachable site has capacity left");
    QgsAttributes attributes;
    attributes << QString::fromStdString(sources.ids[i]) << tonnes[i] << tonnes[i] - unallocated[i]
               << unallocated[i] << reason;
    addPoint(out, p, attributes, sources.xy[i]);
  }
  cp::qgis::styleOnLoad(context, out.destination, cp::qgis::styleSourceStatus);
  return out.destination;
}
