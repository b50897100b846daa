#pragma once
// The transport-distance job: roads -> network -> snapped places -> OD table ->
// GeoPackage. Shared by the command-line runner and, later, the QGIS bridge.

#include <optional>
#include <string>

#include "attribution.h"
#include "geo/feedback.h"
#include "geo/network_builder.h"
#include "geo/od_table.h"
#include "geo/routing.h"
#include "geo/snapping.h"
#include "od_writer.h"
#include "point_reader.h"
#include "road_reader.h"
#include "snapped_places.h"

namespace cp::layers {

struct OdJob {
  std::string roads;  // layer reference (see LayerRef)
  std::string origins;
  std::string destinations;  // empty: the origins
  std::string originIdField;
  std::string destinationIdField;
  std::string output;        // GeoPackage path
  std::string networkCache;  // optional: load the network from here when present, else save it
  std::string attribution;   // stored with the output, e.g. kOsmAttribution for OSM roads
  OdGeometry matrixGeometry = OdGeometry::Auto;
  RoadReadOptions roadOptions;
  geo::BuildOptions buildOptions;
  geo::SnapOptions snapOptions;
  geo::QueryOptions queryOptions;
  geo::FallbackOptions fallback;
};

struct OdJobResult {
  geo::BuildReport buildReport;
  bool networkFromCache = false;
  Diagnostics diagnostics;
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

// The analysis itself, on places already read: snapping, the matrix, and rows
// that say how each cost was found. Shared by the runner and the QGIS bridge.
struct OdAnalysis {
  SnappedPlaces origins;
  SnappedPlaces destinations;
  std::vector<geo::OdRow> rows;
  std::size_t pointsNotSnapped = 0;
};

// Unsnapped points are listed in `diagnostics`; `sameLayer` snaps the places once.
OdAnalysis analyseOd(const geo::Network& network, const PointData& origins,
                     const PointData& destinations, bool sameLayer, const OdJob& options,
                     Diagnostics& diagnostics, const geo::Feedback* feedback = nullptr);

}  // namespace cp::layers
