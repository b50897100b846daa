#pragma once
// The road network an analysis runs on, prepared once per run: built from a
// road layer, or loaded from a saved network (a file, or a team's PostGIS
// table) when one is given and was built from the same roads and options.

#include <optional>
#include <string>

#include "diagnostics.h"
#include "geo/feedback.h"
#include "geo/network_builder.h"
#include "ogr_source.h"
#include "result_table.h"
#include "road_reader.h"

namespace cp::layers {

struct NetworkSource {
  std::string roads;  // layer reference (see LayerRef); empty: only the saved network
  std::string saved;  // optional: load from here when current, else build and save here
  RoadReadOptions roadOptions;
  geo::BuildOptions buildOptions;
};

struct PreparedNetwork {
  geo::Network network;
  WorkingFrame frame;
  bool fromSaved = false;
  geo::BuildReport buildReport;           // empty when loaded
  Diagnostics diagnostics;                // the roads' and the build's, named by road feature
  std::vector<geo::RoadLine> roads = {};  // the lines it was built from; empty when loaded
};

// Throws InputError for unusable roads, std::runtime_error when neither roads
// nor a stored network can be had, geo::Canceled when canceled.
PreparedNetwork prepareNetwork(const NetworkSource& source,
                               const geo::Feedback* feedback = nullptr);

// Lists every line the build repaired or skipped against its road feature.
void noteBuildIssues(const std::string& roadsLabel, const geo::BuildReport& report,
                     Diagnostics& diagnostics);

// "network_segments": each segment with the road feature it comes from, its
// length (m), time (s), direction of travel relative to its drawing, its
// connected component and whether that is the main network. `roads` are the
// lines it was built from.
ResultTable networkSegmentsTable(const geo::Network& network,
                                 const std::vector<geo::RoadLine>& roads);

// The network saved at `where` as it is, or nullopt when nothing is stored
// there; std::runtime_error naming the place when it cannot be read or has no
// usable CRS.
std::optional<PreparedNetwork> loadSavedNetwork(const std::string& where);

}  // namespace cp::layers
