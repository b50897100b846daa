#pragma once
// Building stock per district: the materials standing in its floor area, the
// yearly demand its growth makes, and the secondary supply its demolitions
// release (urban mining). Floor areas times material intensities.

#include <optional>
#include <string>
#include <vector>

#include "factor_table.h"

namespace cp::layers {

// Tonnes (or tonnes per m², or shares) of the three construction classes.
struct ConstructionMaterials {
  double biomass = 0;   // mostly wood
  double minerals = 0;  // mostly concrete, brick, stone
  double metals = 0;
  double total() const { return biomass + minerals + metals; }
  ConstructionMaterials& operator+=(const ConstructionMaterials& o) {
    biomass += o.biomass;
    minerals += o.minerals;
    metals += o.metals;
    return *this;
  }
};

// What a district has and adds: buildings by their floor area, infrastructure
// (roads, networks) by its mass, which has no floor.
struct DistrictFloorArea {
  double residential = 0;  // m² standing
  double nonResidential = 0;
  double growthResidential = 0;  // m² added per year
  double growthNonResidential = 0;
  double growthInfrastructureTonnes = 0;  // t built into infrastructure per year
  double demolition = 0;                  // m² to be demolished over the demolition period
};

// One field of the districts: the key of the option that may name it, its
// usual name, a title, its unit ("m²" or "t") and the member it fills.
struct FloorField {
  const char* key;
  const char* usual;
  const char* title;
  const char* unit;
  double DistrictFloorArea::*member;
};
const std::vector<FloorField>& floorFields();

// How what no supplier here covers reaches the city, per class: the km from
// where it is made, and the share of them by rail (the rest by road).
struct ImportHauls {
  ConstructionMaterials km;
  ConstructionMaterials railShare;
};

struct StockCoefficients {
  std::string table;                        // as messages name it
  ConstructionMaterials newBuild;           // t per m² of new building floor
  ConstructionMaterials infrastructureMix;  // shares of infrastructure tonnes (sum 1)
  ConstructionMaterials standing;           // t per m² of the standing stock
  ConstructionMaterials demolished;         // t per m² of the buildings to demolish
  ConstructionMaterials recovery;           // share of demolished tonnes that can be used again
  double demolitionYears = 0;
  // t per m² of new floor built in timber (timber_build.*), when the table has it.
  std::optional<ConstructionMaterials> timberBuild;
  // import_haul_km.* and import_rail_share.*, when the table has them.
  std::optional<ImportHauls> imports;
};

// The coefficients from a coefficient table (the sample's `coefficients`,
// each row with its source): keys new_build.*, standing.*, demolished.* in
// t/m2, infrastructure_mix.* and recovery.* as shares (biomass, minerals,
// metals) and demolition_years; optionally timber_build.* (t/m2),
// import_haul_km.* (km) and import_rail_share.* (shares). Central values; a share outside 0-1, a
// mix not adding up to 1 or a period of no years is an InputError naming the table and key.
StockCoefficients stockCoefficients(const FactorTable& table);

// The coefficients with `share` of the new floor built in timber: its
// intensities those of timber_build.* for that share. A share outside 0-1, or
// a share without timber_build.* rows, is an OptionError.
StockCoefficients withTimberShare(const StockCoefficients& c, double share);

struct DistrictStock {
  ConstructionMaterials stock;        // t standing
  ConstructionMaterials demand;       // t per year for growth
  ConstructionMaterials demolition;   // t per year released by demolition
  ConstructionMaterials recoverable;  // t per year of it that can be used again
};

DistrictStock districtStock(const DistrictFloorArea& floor, const StockCoefficients& c);

}  // namespace cp::layers
