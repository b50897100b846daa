#include "building_stock.h"

namespace cp::layers {

const std::vector<FloorField>& floorFields() {
  using F = DistrictFloorArea;
  static const std::vector<FloorField> fields{
      {"RESIDENTIAL_FIELD", "residential_floor_m2", "Residential floor (m²)", &F::residential},
      {"NONRESIDENTIAL_FIELD", "nonresidential_floor_m2", "Non-residential floor (m²)",
       &F::nonResidential},
      {"GROWTH_RESIDENTIAL_FIELD", "growth_residential_m2_per_year",
       "Residential growth (m² per year)", &F::growthResidential},
      {"GROWTH_NONRESIDENTIAL_FIELD", "growth_nonresidential_m2_per_year",
       "Non-residential growth (m² per year)", &F::growthNonResidential},
      {"GROWTH_INFRASTRUCTURE_FIELD", "growth_infrastructure_m2_per_year",
       "Infrastructure growth (m² per year)", &F::growthInfrastructure},
      {"DEMOLITION_FIELD", "demolition_floor_m2", "Floor to demolish (m², over the period)",
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
  // New build: the report's construction inputs, 286 kt wood, 80 kt metals and
  // 1,456 kt minerals a year (EN:1752, read as kt, FACTS C01), for 2 million m²
  // of growth a year (EN:1697); its mass split 33/23/44 % (EN:1825) is the
  // split of the m², so one intensity serves all three kinds.
  c.newBuild = {286000.0 / 2e6, 1456000.0 / 2e6, 80000.0 / 2e6};
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
  s.demand = times(c.newBuild, floor.growthResidential + floor.growthNonResidential +
                                   floor.growthInfrastructure);
  s.demolition = times(c.demolished, floor.demolition / c.demolitionYears);
  s.recoverable = times(s.demolition, c.recovery);
  return s;
}

}  // namespace cp::layers
