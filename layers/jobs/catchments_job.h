#pragma once
// The catchments job of the command-line runner: roads (or a saved network),
// sites and optional sources from any OGR source -> catchments analysis ->
// GeoPackage with the catchment polygons and the served network in bands.

#include <string>

#include "job_report.h"
#include "layers/analyses/catchments.h"

namespace cp::layers {

struct CatchmentsJob {
  NetworkSource network;
  std::string sites;  // layer reference (see LayerRef)
  std::string siteIdField;
  std::string sources;  // optional
  std::string sourceIdField;
  std::string tonnesField;  // empty: the first usual one; none: sources count 0 t
  std::string output;       // GeoPackage path
  std::string attribution;
  analyses::CatchmentsOptions analysis;
};

struct CatchmentsJobResult : JobReport {
  std::size_t sitesServing = 0;  // sites whose catchment is not empty
  std::size_t sources = 0;
  double tonnesReached = 0;  // of sources within the cutoff of a site
};

// Throws InputError for unusable input, OptionError for unusable settings,
// std::runtime_error for I/O failures and geo::Canceled when canceled; the
// output file exists only after success.
CatchmentsJobResult runCatchmentsJob(const CatchmentsJob& job,
                                     const geo::Feedback* feedback = nullptr);

}  // namespace cp::layers
