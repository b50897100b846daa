#include "climate_job.h"

#include "layers/analyses/recycling.h"
#include "layers/flag_reader.h"
#include "layers/flow_reader.h"
#include "layers/point_reader.h"
#include "layers/quantity_reader.h"
#include "layers/text_file.h"
#include "result_file.h"

namespace cp::layers {
namespace {

// The scenarios and their levers, a row each: scenario_id, compost (a share,
// or yes/no), waste_to_energy (yes/no by the flag rule), truck (a factor
// key), and optionally compost_sites.
std::vector<analyses::OrganicStrategy> readStrategies(const std::string& table,
                                                      const std::string& baseline,
                                                      Diagnostics& diagnostics) {
  const LayerRef ref = LayerRef::parse(table);
  const OpenLayer layer(ref);
  return analyses::strategiesFrom(
      layer.label(), layer.texts("scenario_id"), readShares(ref, "compost", diagnostics),
      readFlags(ref, "waste_to_energy", diagnostics), layer.texts("truck"),
      layer.fieldIndex("compost_sites", false) >= 0 ? layer.texts("compost_sites")
                                                    : std::vector<std::string>(),
      baseline);
}

std::vector<std::string> readKinds(const ClimateJob& job, std::size_t sources) {
  const OpenLayer layer(LayerRef::parse(job.sources));
  const std::string field =
      job.kindField.empty() ? layer.detectField(field_names::kWasteKind) : job.kindField;
  return field.empty() ? std::vector<std::string>(sources) : layer.texts(field);
}

}  // namespace

ClimateJobResult runClimateJob(const ClimateJob& job, const geo::Feedback* feedback) {
  ClimateJobResult result;
  const PreparedNetwork prepared = prepareJobNetwork(job.network, result, feedback);
  Diagnostics& diagnostics = result.diagnostics;
  const FactorTable factors = readFactorTable(LayerRef::parse(job.factors), diagnostics);
  const std::vector<analyses::OrganicStrategy> strategies =
      readStrategies(job.strategies, job.baseline, diagnostics);

  const LayerRef sourcesRef = LayerRef::parse(job.sources);
  const LayerRef sitesRef = LayerRef::parse(job.sites);
  const PointData sources = readPoints(sourcesRef, job.sourceIdField, prepared.frame);
  const PointData sites = readPoints(sitesRef, job.siteIdField, prepared.frame);
  diagnostics.append(sources.diagnostics);
  diagnostics.append(sites.diagnostics);
  requireUniqueIds(sites, job.siteIdField);
  const WasteFacilities facilities =
      readWasteFacilities(job.facilities, job.facilityIdField, "", "", prepared.frame, diagnostics);
  const analyses::OrganicWasteInput input{
      prepared.network,
      sources,
      readQuantities(sourcesRef, job.tonnesField, field_names::kTonnes, diagnostics),
      readKinds(job, sources.ids.size()),
      readLandfilled(job.sources, "", diagnostics),
      sites,
      readQuantities(sitesRef, "", field_names::kCapacity, diagnostics),
      facilities.places,
      facilities.kinds,
      facilities.capacity,
      facilities.registeredIntake};

  const analyses::OrganicStrategiesResult r =
      analyses::runOrganicStrategies(input, strategies, factors, job.analysis, feedback);
  diagnostics.append(r.diagnostics);
  const analyses::ClimateBalance balance = analyses::balanceOf(analyses::allActivities(r), factors);
  for (const analyses::OrganicStrategy& s : strategies) {
    result.scenarios.push_back(s.id);
    result.co2e.push_back(balance.co2e(s.id));
  }
  analyses::ClimateBalance breakdown = balance;
  if (!job.flows.empty()) {
    const LayerRef flowsRef = LayerRef::parse(job.flows);
    const analyses::RecyclingBalance recycling = analyses::recyclingBalance(
        readFlows(flowsRef, diagnostics), flowsRef.label(), job.flowScenario, job.recyclingView,
        readFactorTable(LayerRef::parse(job.coefficients), diagnostics), factors);
    result.recycledTonnes = recycling.tonnes;
    result.recyclingAvoided = recycling.avoided();
    breakdown = analyses::withRecycling(balance, recycling);
  }
  std::vector<ResultTable> tables;
  tables.push_back(analyses::climateComparisonTable(balance, job.baseline));
  tables.push_back(analyses::climateBreakdownTable(breakdown));
  tables.push_back(analyses::strategyTonnesTable(r));
  analyses::StrategyChanges changes = analyses::strategyChanges(r, input, job.baseline);
  tables.push_back(std::move(changes.roads));
  tables.push_back(std::move(changes.sites));
  if (!job.chart.empty())
    writeTextFile(job.chart, barChartSvg(analyses::climateChart(
                                 balance, analyses::kOrganicStrategiesChartTitle)));
  writeResultFile(job.output, prepared.frame, tables,
                  dataAttribution(job.attribution, {job.network.roads, job.sources, job.sites,
                                                    job.facilities, job.factors}),
                  diagnostics);
  return result;
}

}  // namespace cp::layers
