#include "construction_climate.h"

#include <algorithm>

namespace cp::analyses {
namespace {

const layers::MaterialClass kConstructionClasses[] = {
    layers::MaterialClass::Minerals, layers::MaterialClass::Metals, layers::MaterialClass::Biomass};

std::string embodiedKey(layers::MaterialClass c) {
  return std::string("embodied.") + layers::materialClassName(c);
}

std::string secondaryKey(layers::MaterialClass c) {
  return std::string("secondary.") + layers::materialClassName(c);
}

}  // namespace

bool hasConstructionFactors(const layers::FactorTable& factors) {
  return std::all_of(std::begin(kConstructionClasses), std::end(kConstructionClasses),
                     [&factors](layers::MaterialClass c) {
                       return factors.find(embodiedKey(c)) && factors.find(secondaryKey(c));
                     });
}

std::vector<Activity> constructionActivities(const ConstructionSupplyResult& supply,
                                             const std::string& scenario,
                                             const std::string& truck) {
  std::vector<Activity> out;
  const auto add = [&](const char* component, std::string what, double amount, const char* per,
                       std::string factor) {
    if (amount > 0)
      out.push_back({scenario, component, std::move(what), amount, per, std::move(factor)});
  };
  for (const ClassSupply& c : supply.byClass) {
    const std::string name = layers::materialClassName(c.materialClass);
    add("primary production", name + " from the industrial zones", c.primary, "t",
        embodiedKey(c.materialClass));
    // Rounding of the allocation aside, what is unmet is bought elsewhere.
    add("primary production", name + " bought elsewhere (no supplier here)",
        std::max(0.0, c.unmet()), "t", embodiedKey(c.materialClass));
    add("secondary materials", name + " from demolitions, made usable again", c.secondary, "t",
        secondaryKey(c.materialClass));
  }
  add("transport", "hauls from the zones and the demolitions", supply.tonneKm, "tkm", truck);
  return out;
}

double ConstructionClimateResult::urbanMiningChange() const {
  return balance.co2e(kUrbanMining).central - balance.co2e(kPrimaryOnly).central;
}

std::optional<double> ConstructionClimateResult::timberChange() const {
  if (!withTimber)
    return std::nullopt;
  return balance.co2e(kUrbanMiningAndTimber).central - balance.co2e(kUrbanMining).central;
}

ConstructionClimateResult constructionClimate(const ConstructionSupplyInput& input,
                                              ConstructionSupplyOptions options,
                                              const layers::FactorTable& factors,
                                              const std::string& truck, double timberShare,
                                              const geo::Feedback* feedback) {
  ConstructionClimateResult r;
  options.urbanMining = false;
  r.primaryOnly = supplyConstruction(input, options, feedback);
  options.urbanMining = true;
  r.urbanMining = supplyConstruction(input, options, feedback);
  std::vector<Activity> activities;
  const auto add = [&activities, &truck](const ConstructionSupplyResult& supply,
                                         const char* scenario) {
    for (Activity& a : constructionActivities(supply, scenario, truck))
      activities.push_back(std::move(a));
  };
  add(r.primaryOnly, kPrimaryOnly);
  add(r.urbanMining, kUrbanMining);
  if (timberShare != 0) {
    options.coefficients = layers::withTimberShare(options.coefficients, timberShare);
    r.withTimber = supplyConstruction(input, options, feedback);
    add(*r.withTimber, kUrbanMiningAndTimber);
  }
  r.balance = balanceOf(activities, factors);
  return r;
}

std::optional<ConstructionClimateResult> climateOfSupply(
    const ConstructionSupplyInput& input, const ConstructionSupplyOptions& options,
    const layers::FactorTable* factors, const std::string& truck, double timberShare,
    layers::Diagnostics& diagnostics, const geo::Feedback* feedback) {
  if (factors == nullptr) {
    if (timberShare != 0)
      diagnostics.note("timber share",
                       "a timber share is weighed in the climate balance alone, which needs "
                       "emission factors: the supply is computed without it",
                       1);
    return std::nullopt;
  }
  if (!hasConstructionFactors(*factors)) {
    diagnostics.note(factors->table(),
                     "no embodied.CLASS and secondary.CLASS rows for minerals, metals and "
                     "biomass: the climate balance of the construction supply is not computed",
                     1);
    return std::nullopt;
  }
  return constructionClimate(input, options, *factors, truck, timberShare, feedback);
}

}  // namespace cp::analyses
