#pragma once
// Construction supply: the industrial zones' product capacities, and the
// materials the districts' demolitions free (urban mining), assigned to the
// districts' construction demand class by class (minerals, metals, wood) with
// the least tonne-km by road - one exact transportation problem per class.

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
};

struct ConstructionSupplyOptions {
  bool urbanMining = true;  // offer what demolitions free, first to the district itself
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

struct ConstructionSupplyResult {
  layers::ResultTable lines;      // "construction_supply": supplier to district, per class
  layers::ResultTable districts;  // "district_supply": demand, supplied, from demolition, unmet
  double demand = 0, supplied = 0, secondary = 0, tonneKm = 0;
  std::vector<ClassSupply> byClass;  // minerals, metals, biomass
  layers::Diagnostics diagnostics;   // places not joined, products not of a construction class
};

// Throws layers::InputError for a product of a zone not among the zones or of
// no material class, geo::Canceled when canceled.
ConstructionSupplyResult supplyConstruction(const ConstructionSupplyInput& input,
                                            const ConstructionSupplyOptions& options,
                                            const geo::Feedback* feedback = nullptr);

}  // namespace cp::analyses
