#include "building_stock.h"

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

}  // namespace

StockCoefficients almatyCoefficients() {
  StockCoefficients c;
  // The report's construction inputs, 286 kt wood, 1,456 kt minerals and 80 kt
  // metals a year (EN:1750-1752, minerals read as kt, FACTS C01). The stock
  // addition's mass goes 33 % to residential, 23 % to non-residential buildings
  // and 44 % to infrastructure (EN:1822-1826); estimate: the inputs split
  // alike, in the same mix of classes. The buildings' 56 % makes the 2 million
  // m² of floor added a year (EN:1697).
  const ConstructionMaterials inputs{286000.0, 1456000.0, 80000.0};
  const double buildingShare = 0.33 + 0.23;
  c.newBuild = {inputs.biomass * buildingShare / 2e6, inputs.minerals * buildingShare / 2e6,
                inputs.metals * buildingShare / 2e6};
  c.infrastructureMix = {inputs.biomass / inputs.total(), inputs.minerals / inputs.total(),
                         inputs.metals / inputs.total()};
  // Standing stock: the report gives no intensity. Estimate: as new build,
  // which makes the older, heavier masonry stock a lower bound.
  c.standing = c.newBuild;
  // Houses to demolish, two-storey brick houses of 1950-60 (EN:1735).
  // Estimate: brick walls and concrete floors about 1 t/m², timber roofs and
  // floors 0.1 t/m², 20 kg/m² of steel.
  c.demolished = {0.1, 1.0, 0.02};
  // Estimate: crushed brick and concrete as aggregate 80 %, scrap steel 95 %,
  // sound timber 30 %.
  c.recovery = {0.3, 0.8, 0.95};
  // The report: about 500 houses in the 5 years after 2019 (EN:1735).
  c.demolitionYears = 5;
  return c;
}

DistrictStock districtStock(const DistrictFloorArea& floor, const StockCoefficients& c) {
  DistrictStock s;
  s.stock = times(c.standing, floor.residential + floor.nonResidential);
  s.demand = times(c.newBuild, floor.growthResidential + floor.growthNonResidential);
  s.demand += times(c.infrastructureMix, floor.growthInfrastructureTonnes);
  s.demolition = times(c.demolished, floor.demolition / c.demolitionYears);
  s.recoverable = times(s.demolition, c.recovery);
  return s;
}

}  // namespace cp::layers
