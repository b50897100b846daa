#pragma once
// The greenhouse gases of the construction supply. Every tonne the growing
// districts need is made somewhere: what the industrial zones supply, and what
// no supplier here covers (bought elsewhere), counts at its class's embodied
// emissions of primary production (embodied.CLASS, cradle to gate); what the
// demolitions supply (urban mining) at those of making it usable again
// (secondary.CLASS: sorting, crushing, remelting); the hauls by road at the
// truck's factor, and - when the coefficients say how far it comes and how
// (import_haul_km.*, import_rail_share.*) - the hauls of what is bought
// elsewhere to the city, by rail (rail_freight) and road.
//
// The scenarios, each a step on the one before: nothing from the planned zones
// (sources outside the plan still supply; when the hauls of what is bought
// elsewhere are known), the planned zones supplying their share of capacity
// (primary only), urban mining, and with a timber share urban mining with that
// share of the new floor built in timber (the coefficients' timber_build.*),
// less concrete and steel, more wood. The first is the baseline.

#include <optional>
#include <string>
#include <vector>

#include "layers/analyses/climate_balance.h"
#include "layers/analyses/construction_supply.h"

namespace cp::analyses {

inline constexpr const char* kBoughtElsewhere = "bought_elsewhere";
inline constexpr const char* kPrimaryOnly = "primary_only";
inline constexpr const char* kUrbanMining = "urban_mining";
inline constexpr const char* kUrbanMiningAndTimber = "urban_mining_and_timber";

// Whether the table holds embodied.CLASS and secondary.CLASS for every
// construction class (minerals, metals, biomass).
bool hasConstructionFactors(const layers::FactorTable& factors);

// The balance's tables and chart.
inline constexpr const char* kConstructionComparisonTable = "construction_climate";
inline constexpr const char* kConstructionBreakdownTable = "construction_climate_breakdown";
inline constexpr const char* kConstructionChartTitle =
    "Construction materials: greenhouse gases of the supply";

// The factor key of the hauls by rail of what is bought elsewhere.
inline constexpr const char* kRailFreight = "rail_freight";

// A supply's activities under `scenario`: tonnes of primary and secondary
// materials by class, the tonne-km of its hauls by `truck` (a factor key), and
// with `imports` those of what is bought elsewhere.
std::vector<Activity> constructionActivities(const SupplyMix& supply, const std::string& scenario,
                                             const std::string& truck,
                                             const std::optional<layers::ImportHauls>& imports);

struct ConstructionClimateResult {
  std::optional<ConstructionSupplyResult> boughtElsewhere;  // when the imports' hauls are known
  ConstructionSupplyResult primaryOnly;                     // no urban mining
  ConstructionSupplyResult urbanMining;
  std::optional<ConstructionSupplyResult> withTimber;  // with a timber share
  // The scenarios as named above, in that order; the first is the baseline.
  ClimateBalance balance;
  // "construction_district_changes": per scenario but the baseline, each
  // district whose supply or t CO2e differs from the baseline's: its tonnes
  // from the zones, demolitions and elsewhere, t CO2e, and the change.
  layers::ResultTable districtChanges;
  const std::string& baseline() const { return balance.scenarios.front(); }
  // The scenario, and its supply, the options asked for.
  static const char* scenarioAsked(bool urbanMiningAsked) {
    return urbanMiningAsked ? kUrbanMining : kPrimaryOnly;
  }
  const ConstructionSupplyResult& supply(bool urbanMiningAsked) const {
    return urbanMiningAsked ? urbanMining : primaryOnly;
  }
  ConstructionSupplyResult& supply(bool urbanMiningAsked) {
    return urbanMiningAsked ? urbanMining : primaryOnly;
  }
  // The change the planned zones make against buying elsewhere, t CO2e
  // a year, central (negative: saved); none without the imports' hauls.
  std::optional<double> zonesChange() const;
  // The change urban mining makes, likewise.
  double urbanMiningChange() const;
  // The change the timber share makes on top of urban mining, likewise.
  std::optional<double> timberChange() const;
};

// Throws as supplyConstruction, layers::InputError naming the factor table for
// a missing factor (rail_freight too when the options' coefficients hold
// imports), and layers::OptionError for an unusable timber share
// (layers::withTimberShare); a share of 0 adds no scenario.
ConstructionClimateResult constructionClimate(const ConstructionSupplyInput& input,
                                              ConstructionSupplyOptions options,
                                              const layers::FactorTable& factors,
                                              const std::string& truck, double timberShare = 0,
                                              const geo::Feedback* feedback = nullptr);

// The balance when `factors` hold the construction classes' rows; none
// without a table, and a note in `diagnostics` when it lacks them. Without
// the imports' hauls (coefficients) or rail_freight (factors), the balance
// leaves those hauls out and says so.
std::optional<ConstructionClimateResult> climateOfSupply(
    const ConstructionSupplyInput& input, ConstructionSupplyOptions options,
    const layers::FactorTable* factors, const std::string& truck, double timberShare,
    layers::Diagnostics& diagnostics, const geo::Feedback* feedback = nullptr);

}  // namespace cp::analyses
