#pragma once
// The nearest-facilities job of the command-line runner: roads (or a saved
// network), origins and facilities from any OGR source -> for every origin
// its k nearest facilities by road -> GeoPackage (nearest).

#include <string>

#include "job_report.h"
#include "layers/analyses/nearest_facilities.h"

namespace cp::layers {

struct NearestJob {
  NetworkSource network;
  std::string origins;  // layer reference (see LayerRef)
  std::string originIdField;
  std::string facilities;
  std::string facilityIdField;
  std::string output;
  std::string attribution;
  analyses::NearestOptions analysis;
};

struct NearestJobResult : JobReport {
  std::size_t lines = 0;          // origin-facility pairs found
  std::size_t originsServed = 0;  // origins with at least one facility within reach
};

// Throws InputError for unusable input, std::runtime_error for I/O failures and
// geo::Canceled when canceled; the output file exists only after success.
NearestJobResult runNearestJob(const NearestJob& job, const geo::Feedback* feedback = nullptr);

}  // namespace cp::layers
