#pragma once
// Construction supply: the industrial zones' product capacities, and the
// materials the districts' demolitions free (urban mining; at the district,
// or at a storage depot), assigned to the districts' construction demand class
// by class (minerals, metals, wood) with the least tonne-km by road - one
// exact transportation problem per class.

#include <string>
#include <vector>

#include "layers/analyses/allocation.h"
#include "layers/building_stock.h"
#include "layers/flows.h"
#include "layers/result_table.h"

namespace cp::analyses {

// The rows of a products table: which zone makes how many tonnes a year of
// which material class.
struct ZoneProducts {
  std::string table;  // as messages name it
  std::string zoneField, classField;
  std::vector<std::string> rows;  // feature ids
  std::vector<std::string> zones;
  std::vector<std::string> classes;  // as written
  std::vector<double> capacity;      // t per year
};

struct ConstructionSupplyInput {
  const geo::Network& network;
  const layers::PointData& zones;
  const ZoneProducts& products;
  const layers::PointData& districts;
  std::vector<layers::DistrictFloorArea> floors;  // per district
  // Per zone, whether the plan makes it (the zone share acts on these) or it
  // is a source outside the plan; empty: every zone is planned.
  std::vector<bool> planned = {};
  // Where what demolitions free is stored until it is used again (the
  // report's designated areas, EN:2771): each district's goes to the nearest
  // it reaches by road, and is offered from there. None, or empty: it is
  // offered at the district demolished, first to itself.
  const layers::PointData* depots = nullptr;
};

struct ConstructionSupplyOptions {
  bool urbanMining = true;  // offer what demolitions free, first to the district itself
  double zoneShare = 1;     // of the planned zones' capacity that supplies the districts (0-1)
  TransportFactor kgCo2PerTkm;
  geo::SnapOptions snap{2000};
  layers::StockCoefficients coefficients;  // from a table: layers::stockCoefficients
};

// One construction class's tonnes a year: what the districts need, and what
// the zones (primary) and the demolitions (secondary) supply of it.
struct ClassSupply {
  layers::MaterialClass materialClass;
  double demand = 0, primary = 0, secondary = 0;
  double unmet() const { return demand - primary - secondary; }
};

// The tonnes (or tonnes per m², or shares) of one construction class; 0 for
// another class, which builds nothing.
double ofClass(const layers::ConstructionMaterials& m, layers::MaterialClass c);

// A supply's tonnes by class, and the tonne-km of its hauls by road.
struct SupplyMix {
  std::vector<ClassSupply> byClass;  // minerals, metals, biomass
  double tonneKm = 0;
  double demand() const;
  double primary() const;    // from the zones
  double secondary() const;  // from demolitions
  double supplied() const { return primary() + secondary(); }
};

struct ConstructionSupplyResult {
  layers::ResultTable lines;      // "construction_supply": supplier to district, per class
  layers::ResultTable districts;  // "district_supply": demand, supplied, from demolition, unmet
  SupplyMix total;
  std::vector<SupplyMix> byDistrict;  // in the order of the districts
  layers::Diagnostics diagnostics;    // places not joined, products not of a construction class
};

// Throws layers::InputError for a product of a zone not among the zones or of
// no material class, layers::OptionError for a zone share outside 0-1,
// geo::Canceled when canceled.
ConstructionSupplyResult supplyConstruction(const ConstructionSupplyInput& input,
                                            const ConstructionSupplyOptions& options,
                                            const geo::Feedback* feedback = nullptr);

}  // namespace cp::analyses
