#pragma once
// The climate-balance job of the command-line runner: the report's strategies
// for organic waste (a table of scenarios and their levers), routed on the
// roads (or a saved network) between the organic waste sources, the
// composting sites and the waste facilities, and weighed with an emission-
// factor table -> GeoPackage (climate_comparison, climate_breakdown,
// strategy_tonnes, and the maps of what each strategy changes:
// strategy_road_changes, strategy_site_changes).

#include <optional>
#include <string>
#include <vector>

#include "job_report.h"
#include "layers/analyses/organic_strategies.h"
#include "waste_disposal_job.h"

namespace cp::layers {

struct ClimateJob {
  NetworkSource network;
  std::string sources;  // layer reference (see LayerRef)
  std::string sourceIdField;
  std::string tonnesField;  // empty: the first usual one
  std::string kindField;    // the kind of waste (municipal, park, sewage_sludge ...)
  std::string sites;        // composting sites
  std::string siteIdField;
  std::string facilities;  // waste facilities
  std::string facilityIdField;
  std::string factors;     // the emission-factor table
  std::string strategies;  // scenario_id, compost, waste_to_energy, truck
  std::string baseline = "baseline";
  std::string output;  // GeoPackage path
  std::string chart;   // optional: the chart of t CO2e by component, SVG
  // Optional: today's recycling, from a flow table (stage 'recycling') of
  // one scenario and view, split by the coefficients' recycled_share.* rows.
  std::string flows;
  std::string flowScenario;
  std::string recyclingView;
  std::string coefficients;
  std::string attribution;
  analyses::AllocationOptions analysis;
};

struct ClimateJobResult : JobReport {
  std::vector<std::string> scenarios;
  std::vector<Range> co2e;  // per scenario, t CO2e
  std::optional<double> recycledTonnes;
  Range recyclingAvoided;  // t CO2e, negative
};

// Throws InputError for unusable input, OptionError for an unusable strategy,
// std::runtime_error for I/O failures and geo::Canceled when canceled; the
// output file exists only after success.
ClimateJobResult runClimateJob(const ClimateJob& job, const geo::Feedback* feedback = nullptr);

}  // namespace cp::layers
