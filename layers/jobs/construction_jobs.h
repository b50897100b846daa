#pragma once
// The building-stock and construction-supply jobs of the command-line runner,
// on the districts' floor areas from any OGR source: the materials standing,
// demanded and freed per district -> GeoPackage (building_stock); with roads
// (or a saved network), industrial zones and their products table, the supply
// of the districts' construction demand -> GeoPackage (construction_supply,
// district_supply; with emission factors for the construction classes, its
// climate balance without and with urban mining: construction_climate,
// construction_climate_breakdown).

#include <optional>
#include <string>

#include "job_report.h"
#include "layers/analyses/building_stock.h"
#include "layers/analyses/construction_climate.h"
#include "transport_emissions.h"

namespace cp::layers {

struct ConstructionSupplyJob {
  NetworkSource network;
  std::string zones;  // layer reference (see LayerRef)
  std::string zoneIdField;
  std::string plannedField;  // yes for a zone of the plan (default: planned, else all are)
  std::string products;      // zone_id, material_class, capacity_t_per_year
  std::string districts;     // with the floor-area fields under their usual names
  std::string districtIdField;
  std::string depots;  // optional: where what demolitions free is stored
  std::string depotIdField;
  std::string coefficients;  // the building-stock coefficient table (see stockCoefficients)
  double timberShare = 0;    // of the new floor, in the climate balance's last scenario
  std::string output;
  std::string chart;  // optional, with a climate balance: t CO2e by component, SVG
  std::string attribution;
  TransportEmissions transport;
  analyses::ConstructionSupplyOptions analysis;  // coefficients and kgCo2PerTkm from the above
};

struct ConstructionSupplyJobResult : JobReport {
  double demand = 0, supplied = 0, secondary = 0, tonneKm = 0;
  // With emission factors for the construction classes: the supply's t CO2e a
  // year, and the changes of the zones (against buying elsewhere, when its
  // hauls are known) and of urban mining (central; negative: saved).
  std::optional<Range> co2e;
  std::optional<double> zonesChange;
  std::optional<double> urbanMiningChange;
  std::optional<double> timberChange;  // with a timber share, on top of urban mining
};

// Throws InputError for unusable input, std::runtime_error for I/O failures and
// geo::Canceled when canceled; the output file exists only after success.
ConstructionSupplyJobResult runConstructionSupplyJob(const ConstructionSupplyJob& job,
                                                     const geo::Feedback* feedback = nullptr);

struct BuildingStockJob {
  std::string districts;  // with the floor-area fields under their usual names
  std::string districtIdField;
  std::string coefficients;  // the building-stock coefficient table (see stockCoefficients)
  std::optional<double> demolitionYears;  // instead of the table's
  std::string output;
  std::string attribution;
};

struct BuildingStockJobResult {
  ConstructionMaterials stock, demand, recoverable;
  Diagnostics diagnostics;
};

BuildingStockJobResult runBuildingStockJob(const BuildingStockJob& job);

}  // namespace cp::layers
