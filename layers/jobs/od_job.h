#pragma once
// The transport-distance job of the command-line runner: roads (or a saved
// network) and places from any OGR source -> OD analysis -> GeoPackage.

#include <string>

#include "job_report.h"
#include "layers/analyses/od.h"
#include "layers/attribution.h"
#include "od_writer.h"

namespace cp::layers {

struct OdJob {
  NetworkSource network;
  std::string origins;       // layer reference (see LayerRef)
  std::string destinations;  // empty: the origins
  std::string originIdField;
  std::string destinationIdField;
  std::string output;       // GeoPackage path
  std::string attribution;  // stored with the output, e.g. kOsmAttribution for OSM roads
  analyses::OdOptions analysis;
  OdGeometry matrixGeometry = OdGeometry::Auto;
};

struct OdJobResult : JobReport {
  std::size_t pairs = 0;
  std::size_t pairsByNetwork = 0;
  std::size_t pairsByFallback = 0;
  std::size_t pairsUnreachable = 0;
  std::size_t pointsNotSnapped = 0;
  // Wall-clock seconds per stage, as the user waits for them.
  struct Seconds {
    double network = 0;  // reading the roads and building, or loading a saved network
    double places = 0;   // reading the origins and destinations
    double matrix = 0;   // snapping and routing
    double writing = 0;
    double total = 0;
  } seconds;
};

// Throws InputError for unusable input, std::runtime_error for I/O failures, and
// geo::Canceled when canceled; the output file exists only after success.
OdJobResult runOdJob(const OdJob& job, const geo::Feedback* feedback = nullptr);

}  // namespace cp::layers
