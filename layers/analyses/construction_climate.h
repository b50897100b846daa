#pragma once
// The greenhouse gases of the construction supply. Every tonne the growing
// districts need is made somewhere: what the industrial zones supply, and what
// no supplier here covers (bought elsewhere), counts at its class's embodied
// emissions of primary production (embodied.CLASS, cradle to gate); what the
// demolitions supply (urban mining) at those of making it usable again
// (secondary.CLASS: sorting, crushing, remelting); the hauls by road at the
// truck's factor. The hauls of what is bought elsewhere are not known and not
// counted. Two scenarios: every tonne primary, and urban mining; their
// difference is the primary production urban mining avoids. With a timber
// share, a third: urban mining with that share of the new floor built in
// timber (the coefficients' timber_build.*), less concrete and steel, more wood.

#include <optional>
#include <string>
#include <vector>

#include "layers/analyses/climate_balance.h"
#include "layers/analyses/construction_supply.h"

namespace cp::analyses {

inline constexpr const char* kPrimaryOnly = "primary_only";
inline constexpr const char* kUrbanMining = "urban_mining";
inline constexpr const char* kUrbanMiningAndTimber = "urban_mining_and_timber";

// Whether the table holds embodied.CLASS and secondary.CLASS for every
// construction class (minerals, metals, biomass).
bool hasConstructionFactors(const layers::FactorTable& factors);

// A supply's activities under `scenario`: tonnes of primary and secondary
// materials by class, and the tonne-km of its hauls by `truck` (a factor key).
std::vector<Activity> constructionActivities(const ConstructionSupplyResult& supply,
                                             const std::string& scenario, const std::string& truck);

struct ConstructionClimateResult {
  ConstructionSupplyResult primaryOnly;  // no urban mining
  ConstructionSupplyResult urbanMining;
  std::optional<ConstructionSupplyResult> withTimber;  // with a timber share
  ClimateBalance balance;  // scenarios kPrimaryOnly, kUrbanMining (and kUrbanMiningAndTimber)
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
  // The change urban mining makes, t CO2e a year, central (negative: saved).
  double urbanMiningChange() const;
  // The change the timber share makes on top of urban mining, likewise.
  std::optional<double> timberChange() const;
};

// Throws as supplyConstruction, layers::InputError naming the factor table for
// a missing factor, and layers::OptionError for an unusable timber share
// (layers::withTimberShare); a share of 0 adds no scenario.
ConstructionClimateResult constructionClimate(const ConstructionSupplyInput& input,
                                              ConstructionSupplyOptions options,
                                              const layers::FactorTable& factors,
                                              const std::string& truck, double timberShare = 0,
                                              const geo::Feedback* feedback = nullptr);

// The balance when `factors` hold the construction classes' rows; none
// without a table, and a note in `diagnostics` when it lacks them.
std::optional<ConstructionClimateResult> climateOfSupply(
    const ConstructionSupplyInput& input, const ConstructionSupplyOptions& options,
    const layers::FactorTable* factors, const std::string& truck, double timberShare,
    layers::Diagnostics& diagnostics, const geo::Feedback* feedback = nullptr);

}  // namespace cp::analyses
