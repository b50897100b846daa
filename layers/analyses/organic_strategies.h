#pragma once
// The report's strategies for organic waste, as scenarios of a few levers:
// the share of each source's waste offered to the composting sites, and which
// sites (they take what their capacities allow, least tonne-km), and whether
// the planned waste-to-energy plant takes what is not composted; the rest goes
// to the landfill as today. Each scenario is routed
// on the roads and turned into the activities of a climate balance: tonnes
// landfilled by kind of waste (landfill methane), composted (composting's
// methane and nitrous oxide), burned (the plant's nitrous oxide; the carbon in
// organic waste is biogenic and not counted, nor the power the plant makes)
// and the tonne-km of every haul.

#include <map>
#include <string>
#include <vector>

#include "layers/analyses/climate_balance.h"
#include "layers/analyses/waste_disposal.h"

namespace cp::analyses {

struct OrganicStrategy {
  std::string id;
  double compost = 0;  // share of each source's waste offered to the composting sites
  std::vector<std::string> compostSites;  // the sites' ids; empty: every site
  bool wasteToEnergy = false;             // the planned plant takes what is not composted
  std::string truckFactor;                // the transport factor's key
};

// The scenarios table's columns as read (a row each) made strategies: every
// scenario needs an id, used once, and a truck, and `baseline` (the scenario
// the others are compared with) must be among them; an InputError names the
// table, the row and the field otherwise. `compostSites` (empty: no such
// column) lists a row's sites separated by ';' or ','.
std::vector<OrganicStrategy> strategiesFrom(const std::string& table,
                                            const std::vector<std::string>& ids,
                                            const std::vector<double>& compost,
                                            const std::vector<bool>& wasteToEnergy,
                                            const std::vector<std::string>& trucks,
                                            const std::vector<std::string>& compostSites,
                                            const std::string& baseline);

inline constexpr const char* kOrganicStrategiesChartTitle =
    "Organic waste: greenhouse gases of the strategies";

struct OrganicWasteInput {
  const geo::Network& network;
  const layers::PointData& sources;
  std::vector<double> tonnes;      // t/yr per source
  std::vector<std::string> kinds;  // per source: municipal, park, sewage_sludge, ...
  std::vector<bool> landfilled;    // per source: its waste is landfilled today
  const layers::PointData& sites;  // composting sites
  std::vector<double> capacity;    // t/yr per site
  const layers::PointData& facilities;
  std::vector<layers::FacilityKind> facilityKinds;
  std::vector<double> facilityCapacity;  // t/yr; infinity where not given
  std::vector<double> registeredIntake;  // t/yr; NaN where not given
};

struct StrategyOutcome {
  std::string strategy;
  double composted = 0, landfilled = 0, toPlant = 0;  // t/yr
  double tonneKm = 0;
  std::vector<Activity> activities;
  // Where its waste goes: t/yr on each road segment its hauls use, and
  // received by each composting site and each waste facility.
  std::map<geo::SegmentId, double> roadTonnes;
  std::vector<double> siteIntake;
  std::vector<double> facilityIntake;
};

struct OrganicStrategiesResult {
  std::vector<StrategyOutcome> outcomes;
  layers::Diagnostics diagnostics;
};

// The activities of every strategy, for one climate balance.
std::vector<Activity> allActivities(const OrganicStrategiesResult& result);

// "strategy_tonnes": per strategy the tonnes composted, landfilled and burned,
// and the tonne-km of its hauls.
layers::ResultTable strategyTonnesTable(const OrganicStrategiesResult& result);

// The maps of what a strategy changes against the baseline, a row per other
// scenario and place.
struct StrategyChanges {
  // "strategy_road_changes": every road segment whose load differs (lines:
  // tonnes, baseline_t, change_t).
  layers::ResultTable roads;
  // "strategy_site_changes": every composting site and waste facility that
  // receives waste in either (points: its kind, intake_t, baseline_t, change_t).
  layers::ResultTable sites;
};
StrategyChanges strategyChanges(const OrganicStrategiesResult& result,
                                const OrganicWasteInput& input, const std::string& baseline);

// The landfill methane factor of a kind of waste: "landfill_ch4.KIND" when
// the table has it, else "landfill_ch4".
std::string landfillFactorKey(const layers::FactorTable& factors, const std::string& kind);

// Throws layers::InputError, layers::OptionError (nowhere to dispose of the
// waste, or a plant asked for where there is none) and geo::Canceled.
OrganicStrategiesResult runOrganicStrategies(const OrganicWasteInput& input,
                                             const std::vector<OrganicStrategy>& strategies,
                                             const layers::FactorTable& factors,
                                             const AllocationOptions& options,
                                             const geo::Feedback* feedback = nullptr);

}  // namespace cp::analyses
