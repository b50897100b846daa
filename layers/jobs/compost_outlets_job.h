#pragma once
// The compost-outlets job of the command-line runner: roads (or a saved
// network), composting sites with their intake and farmland parcels with their
// compost demand from any OGR source -> the compost carried to the farmland ->
// GeoPackage (compost_deliveries, farmland_supplied, compost_placed).

#include <optional>
#include <string>

#include "job_report.h"
#include "layers/analyses/compost_outlets.h"

namespace cp::layers {

struct CompostOutletsJob {
  NetworkSource network;
  std::string sites;  // layer reference (see LayerRef)
  std::string siteIdField;
  std::string intakeField;  // empty: the first usual one (tonnes_in, then capacities, said)
  std::string farmland;
  std::string parcelIdField;
  std::string demandField;      // t/ha/yr; empty: the first usual one
  std::optional<double> yield;  // else the compost_yield of `coefficients`
  std::string coefficients;     // layer reference of a coefficient table, or empty
  std::string output;
  std::string attribution;
  analyses::CompostOutletsOptions analysis;  // its yield from the two above
};

struct CompostOutletsJobResult : JobReport {
  double made = 0, demand = 0, placed = 0, unplaced = 0, tonneKm = 0;
};

// Throws InputError for unusable input, std::runtime_error for I/O failures and
// geo::Canceled when canceled; the output file exists only after success.
CompostOutletsJobResult runCompostOutletsJob(const CompostOutletsJob& job,
                                             const geo::Feedback* feedback = nullptr);

}  // namespace cp::layers
