#include "construction_climate.h"

#include <algorithm>
#include <cmath>

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

layers::ResultTable districtChangesTable() {
  using layers::FieldType;
  return {"construction_district_changes",
          layers::ResultGeometry::Point,
          {{"scenario", FieldType::Text},
           {"district_id", FieldType::Text},
           {"demand_t", FieldType::Real},
           {"zones_t", FieldType::Real},
           {"demolition_t", FieldType::Real},
           {"elsewhere_t", FieldType::Real},
           {"co2e_t", FieldType::Real},
           {"baseline_co2e_t", FieldType::Real},
           {"change_t", FieldType::Real}},
          {}};
}

// A scenario's supply and what it is named.
struct Scenario {
  const char* name;
  const ConstructionSupplyResult* supply;
};

// Each district's t CO2e under each scenario, against the baseline's (the
// first): a row where its supply or emissions differ.
layers::ResultTable districtChanges(const std::vector<Scenario>& scenarios,
                                    const layers::PointData& districts,
                                    const layers::FactorTable& factors, const std::string& truck,
                                    const std::optional<layers::ImportHauls>& imports) {
  layers::ResultTable table = districtChangesTable();
  const auto co2e = [&](const SupplyMix& mix) {
    return balanceOf(constructionActivities(mix, "district", truck, imports), factors)
        .co2e("district")
        .central;
  };
  const std::vector<SupplyMix>& baseline = scenarios.front().supply->byDistrict;
  std::vector<double> before;  // each district's baseline t CO2e, once
  for (const SupplyMix& mix : baseline)
    before.push_back(co2e(mix));
  for (auto s = scenarios.begin() + 1; s != scenarios.end(); ++s)
    for (std::size_t d = 0; d < districts.ids.size(); ++d) {
      const SupplyMix &mix = s->supply->byDistrict[d], &was = baseline[d];
      const double after = co2e(mix);
      const double changed = std::abs(mix.primary() - was.primary()) +
                             std::abs(mix.secondary() - was.secondary()) +
                             std::abs(mix.demand() - was.demand()) + std::abs(after - before[d]);
      if (changed < 1e-6)
        continue;
      table.add({s->name, districts.ids[d], mix.demand(), mix.primary(), mix.secondary(),
                 std::max(0.0, mix.demand() - mix.supplied()), after, before[d], after - before[d]},
                layers::pointAt(districts.xy[d]));
    }
  return table;
}

}  // namespace

bool hasConstructionFactors(const layers::FactorTable& factors) {
  return std::all_of(std::begin(kConstructionClasses), std::end(kConstructionClasses),
                     [&factors](layers::MaterialClass c) {
                       return factors.find(embodiedKey(c)) && factors.find(secondaryKey(c));
                     });
}

std::vector<Activity> constructionActivities(const SupplyMix& supply, const std::string& scenario,
                                             const std::string& truck,
                                             const std::optional<layers::ImportHauls>& imports) {
  std::vector<Activity> out;
  const auto add = [&](const char* component, std::string what, double amount, const char* per,
                       std::string factor) {
    if (amount > 0)
      out.push_back({scenario, component, std::move(what), amount, per, std::move(factor)});
  };
  double railTkm = 0, roadTkm = 0;
  for (const ClassSupply& c : supply.byClass) {
    const std::string name = layers::materialClassName(c.materialClass);
    // Rounding of the allocation aside, what is unmet is bought elsewhere.
    const double elsewhere = std::max(0.0, c.unmet());
    add("primary production", name + " from the industrial zones", c.primary, "t",
        embodiedKey(c.materialClass));
    add("primary production", name + " bought elsewhere (no supplier here)", elsewhere, "t",
        embodiedKey(c.materialClass));
    add("secondary materials", name + " from demolitions, made usable again", c.secondary, "t",
        secondaryKey(c.materialClass));
    if (imports) {
      const double tkm = elsewhere * ofClass(imports->km, c.materialClass);
      const double rail = ofClass(imports->railShare, c.materialClass);
      railTkm += rail * tkm;
      roadTkm += (1 - rail) * tkm;
    }
  }
  add("transport", "hauls from the zones and the demolitions", supply.tonneKm, "tkm", truck);
  add("hauls from elsewhere", "what is bought elsewhere, by rail", railTkm, "tkm", kRailFreight);
  add("hauls from elsewhere", "what is bought elsewhere, by road", roadTkm, "tkm", truck);
  return out;
}

std::optional<double> ConstructionClimateResult::zonesChange() const {
  if (!boughtElsewhere)
    return std::nullopt;
  return balance.co2e(kPrimaryOnly).central - balance.co2e(kBoughtElsewhere).central;
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
  const std::optional<layers::ImportHauls>& imports = options.coefficients.imports;
  options.urbanMining = false;
  if (imports) {
    ConstructionSupplyOptions elsewhere = options;
    elsewhere.zoneShare = 0;
    r.boughtElsewhere = supplyConstruction(input, elsewhere, feedback);
  }
  r.primaryOnly = supplyConstruction(input, options, feedback);
  options.urbanMining = true;
  r.urbanMining = supplyConstruction(input, options, feedback);
  if (timberShare != 0) {
    options.coefficients = layers::withTimberShare(options.coefficients, timberShare);
    r.withTimber = supplyConstruction(input, options, feedback);
  }
  std::vector<Scenario> scenarios;
  if (r.boughtElsewhere)
    scenarios.push_back({kBoughtElsewhere, &*r.boughtElsewhere});
  scenarios.push_back({kPrimaryOnly, &r.primaryOnly});
  scenarios.push_back({kUrbanMining, &r.urbanMining});
  if (r.withTimber)
    scenarios.push_back({kUrbanMiningAndTimber, &*r.withTimber});
  std::vector<Activity> activities;
  for (const Scenario& s : scenarios)
    for (Activity& a : constructionActivities(s.supply->total, s.name, truck, imports))
      activities.push_back(std::move(a));
  r.balance = balanceOf(activities, factors);
  r.districtChanges = districtChanges(scenarios, input.districts, factors, truck, imports);
  return r;
}

std::optional<ConstructionClimateResult> climateOfSupply(
    const ConstructionSupplyInput& input, ConstructionSupplyOptions options,
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
  if (!options.coefficients.imports)
    diagnostics.note(options.coefficients.table,
                     "no import_haul_km.* and import_rail_share.* rows: the hauls of what is "
                     "bought elsewhere are not counted, and the zones are not weighed against "
                     "buying elsewhere",
                     1);
  else if (options.coefficients.imports->railShare.total() > 0 && !factors->find(kRailFreight)) {
    diagnostics.note(factors->table(),
                     "no rail_freight row: the hauls of what is bought elsewhere are not "
                     "counted, and the zones are not weighed against buying elsewhere",
                     1);
    options.coefficients.imports.reset();
  }
  return constructionClimate(input, options, *factors, truck, timberShare, feedback);
}

}  // namespace cp::analyses
