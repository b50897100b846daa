#pragma once
// The construction-supply job of the command-line runner: roads (or a saved
// network), industrial zones, their products table and the districts' floor
// areas from any OGR source -> the supply of the districts' construction
// demand -> GeoPackage (construction_supply, district_supply).

#include <string>

#include "job_report.h"
#include "layers/analyses/construction_supply.h"

namespace cp::layers {

struct ConstructionSupplyJob {
  NetworkSource network;
  std::string zones;  // layer reference (see LayerRef)
  std::string zoneIdField;
  std::string products;   // zone_id, material_class, capacity_t_per_year
  std::string districts;  // with the floor-area fields under their usual names
  std::string districtIdField;
  std::string output;
  std::string attribution;
  analyses::ConstructionSupplyOptions analysis;
};

struct ConstructionSupplyJobResult : JobReport {
  double demand = 0, supplied = 0, secondary = 0, tonneKm = 0;
};

// Throws InputError for unusable input, std::runtime_error for I/O failures and
// geo::Canceled when canceled; the output file exists only after success.
ConstructionSupplyJobResult runConstructionSupplyJob(const ConstructionSupplyJob& job,
                                                     const geo::Feedback* feedback = nullptr);

}  // namespace cp::layers
