#include "building_stock.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

#include "diagnostics.h"

namespace cp::layers {

const std::vector<FloorField>& floorFields() {
  using F = DistrictFloorArea;
  static const std::vector<FloorField> fields{
      {"RESIDENTIAL_FIELD", "residential_floor_m2", "Residential floor (m²)", "m²",
       &F::residential},
      {"NONRESIDENTIAL_FIELD", "nonresidential_floor_m2", "Non-residential floor (m²)", "m²",
       &F::nonResidential},
      {"GROWTH_RESIDENTIAL_FIELD", "growth_residential_m2_per_year",
       "Residential growth (m² per year)", "m²", &F::growthResidential},
      {"GROWTH_NONRESIDENTIAL_FIELD", "growth_nonresidential_m2_per_year",
       "Non-residential growth (m² per year)", "m²", &F::growthNonResidential},
      {"GROWTH_INFRASTRUCTURE_FIELD", "growth_infrastructure_t_per_year",
       "Infrastructure built (t per year)", "t", &F::growthInfrastructureTonnes},
      {"DEMOLITION_FIELD", "demolition_floor_m2", "Floor to demolish (m², over the period)", "m²",
       &F::demolition}};
  return fields;
}

namespace {

ConstructionMaterials times(const ConstructionMaterials& perUnit, double units) {
  return {perUnit.biomass * units, perUnit.minerals * units, perUnit.metals * units};
}

ConstructionMaterials times(const ConstructionMaterials& a, const ConstructionMaterials& share) {
  return {a.biomass * share.biomass, a.minerals * share.minerals, a.metals * share.metals};
}

ConstructionMaterials materials(const FactorTable& table, const std::string& prefix,
                                const char* unit) {
  const auto value = [&](const char* klass) {
    return table.coefficient(prefix + "." + klass, unit).value.central;
  };
  return {value("biomass"), value("minerals"), value("metals")};
}

ConstructionMaterials shares(const FactorTable& table, const std::string& prefix) {
  const auto share = [&](const char* klass) { return table.share(prefix + "." + klass); };
  return {share("biomass"), share("minerals"), share("metals")};
}

}  // namespace

StockCoefficients stockCoefficients(const FactorTable& table) {
  StockCoefficients c;
  c.table = table.table();
  c.newBuild = materials(table, "new_build", "t/m2");
  c.standing = materials(table, "standing", "t/m2");
  c.demolished = materials(table, "demolished", "t/m2");
  c.infrastructureMix = shares(table, "infrastructure_mix");
  if (std::abs(c.infrastructureMix.total() - 1) > 1e-3)
    failInput(table.table(), "infrastructure_mix.*", "central",
              "the shares of biomass, minerals and metals add up to " +
                  std::to_string(c.infrastructureMix.total()) + ", not 1");
  c.recovery = shares(table, "recovery");
  c.demolitionYears = table.coefficient("demolition_years", "years").value.central;
  if (c.demolitionYears <= 0)
    failInput(table.table(), "demolition_years", "central",
              "the floor to demolish must be demolished over some years, not 0");
  if (table.find("timber_build.biomass") || table.find("timber_build.minerals") ||
      table.find("timber_build.metals"))
    c.timberBuild = materials(table, "timber_build", "t/m2");
  if (table.find("import_haul_km.biomass") || table.find("import_haul_km.minerals") ||
      table.find("import_haul_km.metals")) {
    c.imports =
        ImportHauls{materials(table, "import_haul_km", "km"), shares(table, "import_rail_share")};
    const ConstructionMaterials& km = c.imports->km;
    if (std::min({km.biomass, km.minerals, km.metals}) < 0)
      failInput(table.table(), "import_haul_km.*", "central", "a haul cannot be negative");
  }
  return c;
}

StockCoefficients withTimberShare(const StockCoefficients& c, double share) {
  if (!(share >= 0 && share <= 1))
    throw OptionError("the timber share must be between 0 and 1, not " + std::to_string(share));
  if (!c.timberBuild)
    throw OptionError(
        "a timber share needs the coefficients' timber_build.* rows (t/m2 of new floor built in "
        "timber)");
  StockCoefficients out = c;
  const ConstructionMaterials& timber = *c.timberBuild;
  out.newBuild = {(1 - share) * c.newBuild.biomass + share * timber.biomass,
                  (1 - share) * c.newBuild.minerals + share * timber.minerals,
                  (1 - share) * c.newBuild.metals + share * timber.metals};
  return out;
}

DistrictStock districtStock(const DistrictFloorArea& floor, const StockCoefficients& c) {
  if (!(c.demolitionYears > 0))
    throw std::logic_error("building-stock coefficients not read: use stockCoefficients()");
  DistrictStock s;
  s.stock = times(c.standing, floor.residential + floor.nonResidential);
  s.demand = times(c.newBuild, floor.growthResidential + floor.growthNonResidential);
  s.demand += times(c.infrastructureMix, floor.growthInfrastructureTonnes);
  s.demolition = times(c.demolished, floor.demolition / c.demolitionYears);
  s.recoverable = times(s.demolition, c.recovery);
  return s;
}

}  // namespace cp::layers
