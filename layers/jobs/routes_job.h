#pragma once
// The routes job of the command-line runner: roads, origins and destinations
// from any OGR source -> a route per pair with its share on flagged roads ->
// GeoPackage (routes).

#include <string>

#include "job_report.h"
#include "layers/analyses/routes.h"

namespace cp::layers {

struct RoutesJob {
  NetworkSource network;  // roads only: the flags are read from them
  std::string origins;
  std::string originIdField;
  std::string destinations;  // empty: the origins
  std::string destinationIdField;
  std::string flagField;  // empty: the usual one (schematic), if the roads have it
  std::string output;
  std::string attribution;
  analyses::RoutesOptions analysis;
};

struct RoutesJobResult : JobReport {
  std::size_t pairs = 0;
  std::size_t routed = 0;
};

// Throws InputError for unusable input, OptionError above analyses::kMaxRoutes
// pairs, std::runtime_error for I/O failures and geo::Canceled when canceled.
RoutesJobResult runRoutesJob(const RoutesJob& job, const geo::Feedback* feedback = nullptr);

}  // namespace cp::layers
