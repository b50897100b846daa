#pragma once
// The allocation and site-selection jobs of the command-line runner: roads (or
// a saved network), sources with their tonnes and sites with their capacities
// from any OGR source -> allocation, or the choice of sites and the allocation
// to them -> GeoPackage (allocation, site_intake, source_status).

#include <optional>
#include <string>

#include "job_report.h"
#include "layers/analyses/allocation.h"
#include "layers/analyses/site_selection.h"
#include "transport_emissions.h"

namespace cp::layers {

struct AllocationJob {
  NetworkSource network;
  std::string sources;  // layer reference (see LayerRef)
  std::string sourceIdField;
  std::string tonnesField;  // empty: the first usual one
  std::string sites;
  std::string siteIdField;
  std::string capacityField;  // empty: the first usual one
  std::string output;         // GeoPackage path
  std::string attribution;
  TransportEmissions transport;
  analyses::AllocationOptions analysis;  // its kgCo2PerTkm from `transport`
  // Set for site selection: the sites are candidates, some perhaps built.
  std::optional<analyses::SiteSelectionOptions> selection;
  std::string existingField;  // empty: the first usual one, or none built
};

struct AllocationJobResult : JobReport {
  analyses::AllocationTotals totals;
  std::optional<analyses::WholeAgainstSplit> whole;
  std::vector<std::string> chosen;  // site selection: the sites open
  std::optional<bool> provenOptimal;
};

// Throws InputError for unusable input, std::runtime_error for I/O failures and
// geo::Canceled when canceled; the output file exists only after success.
AllocationJobResult runAllocationJob(const AllocationJob& job,
                                     const geo::Feedback* feedback = nullptr);

}  // namespace cp::layers
