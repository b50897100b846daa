#include "prepared_network.h"

#include <filesystem>
#include <optional>
#include <sstream>

#include "database_export.h"
#include "network_store.h"

namespace cp::layers {
namespace {

// A database table has no file date: its row count and extent stand for it.
std::string databaseFingerprint(const LayerRef& ref) {
  const OpenLayer roads(ref);
  OGREnvelope extent;
  std::ostringstream key;
  key.precision(17);
  key << "|rows=" << roads.layer().GetFeatureCount(TRUE);
  if (roads.layer().GetExtent(&extent, TRUE) == OGRERR_NONE)
    key << "|extent=" << extent.MinX << "," << extent.MinY << "," << extent.MaxX << ","
        << extent.MaxY;
  return key.str();
}

// Identifies the roads and options a network was built from: a saved network
// whose key differs is stale and is rebuilt.
std::string sourceKey(const NetworkSource& source) {
  std::ostringstream key;
  const LayerRef ref = LayerRef::parse(source.roads);
  key << source.roads;
  std::error_code ec;
  const auto size = std::filesystem::file_size(ref.dataset, ec);
  if (!ec) {
    const auto modified = std::filesystem::last_write_time(ref.dataset, ec);
    key << "|size=" << size << "|mtime=" << modified.time_since_epoch().count();
  } else if (!ref.dataset.empty()) {
    key << databaseFingerprint(ref);
  }
  const RoadReadOptions& o = source.roadOptions;
  key << "|class=" << o.fields.roadClass << "|oneway=" << o.fields.oneway
      << "|speed=" << o.fields.speedKmh << "|length=" << o.fields.roadLength
      << "|drivable=" << o.drivableOnly << "|epsg=" << o.workingEpsg << "/" << o.sourceEpsg
      << "|tolerance=" << source.buildOptions.toleranceM
      << "|measure=" << static_cast<int>(source.buildOptions.measure);
  return key.str();
}

// The saved network when it was built from these roads and options (or no
// roads are given: the team's shared copy is used as it is); one that cannot
// be read is said and rebuilt from the roads.
std::optional<PreparedNetwork> loadCurrent(const NetworkSource& source, const std::string& key,
                                           Diagnostics& diagnostics) {
  if (source.saved.empty())
    return std::nullopt;
  std::optional<PreparedNetwork> saved;
  try {
    saved = loadSavedNetwork(source.saved);
  } catch (const std::runtime_error& e) {
    if (source.roads.empty())
      throw;
    diagnostics.warn(maskedConnection(source.saved), "", "",
                     std::string(e.what()) + "; the network is rebuilt");
    return std::nullopt;
  }
  if (!saved || (!source.roads.empty() && saved->network.sourceKey != key))
    return std::nullopt;
  saved->diagnostics = diagnostics;
  return saved;
}

}  // namespace

void noteBuildIssues(const std::string& roadsLabel, const geo::BuildReport& report,
                     Diagnostics& diagnostics) {
  for (const geo::BuildIssue& issue : report.issues)
    diagnostics.warnOnce(std::to_string(static_cast<int>(issue.kind)) + ":" + issue.message,
                         roadsLabel, std::to_string(issue.featureId), "", issue.message);
}

PreparedNetwork prepareNetwork(const NetworkSource& source, const geo::Feedback* feedback) {
  const std::string key = sourceKey(source);
  Diagnostics diagnostics;
  if (auto saved = loadCurrent(source, key, diagnostics))
    return std::move(*saved);
  if (source.roads.empty())
    throw std::runtime_error("no prepared network is stored at '" + maskedConnection(source.saved) +
                             "'; give the roads to build one");
  const LayerRef ref = LayerRef::parse(source.roads);
  RoadData roads = readRoads(ref, source.roadOptions);
  PreparedNetwork prepared{{}, *roads.frame, false, {}, std::move(diagnostics)};
  prepared.diagnostics.append(roads.diagnostics);
  prepared.network =
      geo::buildNetwork(roads.lines, source.buildOptions, &prepared.buildReport, feedback);
  noteBuildIssues(ref.label(), prepared.buildReport, prepared.diagnostics);
  prepared.network.crsWkt = roads.frame->wkt();
  prepared.network.sourceKey = key;
  if (!source.saved.empty())
    storeNetwork(prepared.network, source.saved);
  prepared.roads = std::move(roads.lines);
  return prepared;
}

std::optional<PreparedNetwork> loadSavedNetwork(const std::string& where) {
  std::optional<geo::Network> stored = loadStoredNetwork(where);
  if (!stored)
    return std::nullopt;
  OGRSpatialReference srs;
  const char* code = srs.importFromWkt(stored->crsWkt.c_str()) == OGRERR_NONE
                         ? srs.GetAuthorityCode(nullptr)
                         : nullptr;
  if (code == nullptr)
    throw std::runtime_error("the network '" + maskedConnection(where) + "' has no usable CRS");
  return PreparedNetwork{std::move(*stored), WorkingFrame::fromEpsg(std::stoi(code)), true, {}, {}};
}

namespace {

const char* directionName(geo::Direction d) {
  switch (d) {
    case geo::Direction::Both:
      return "both";
    case geo::Direction::Forward:
      return "forward";
    case geo::Direction::Backward:
      return "backward";
    case geo::Direction::Closed:
      break;
  }
  return "closed";
}

}  // namespace

ResultTable networkSegmentsTable(const geo::Network& network,
                                 const std::vector<geo::RoadLine>& roads) {
  ResultTable table{"network_segments",
                    ResultGeometry::LineString,
                    {{"segment", FieldType::Integer64},
                     {"road_fid", FieldType::Integer64},
                     {"length_m", FieldType::Real},
                     {"time_s", FieldType::Real},
                     {"direction", FieldType::Text},
                     {"component", FieldType::Integer},
                     {"in_main_network", FieldType::Boolean}},
                    {}};
  for (geo::SegmentId s = 0; s < network.segmentCount(); ++s) {
    const std::uint32_t component = network.nodeComponent[network.segmentFrom[s]];
    table.add({static_cast<long long>(s),
               static_cast<long long>(roads[network.segmentFeature[s]].featureId),
               network.segmentLength[s], network.segmentTime[s],
               directionName(network.segmentDirection[s]), static_cast<long long>(component),
               static_cast<long long>(component == network.largestComponent)},
              lineAlong(network.segmentShape(s)));
  }
  return table;
}

}  // namespace cp::layers
