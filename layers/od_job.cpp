#include "od_job.h"

#include <chrono>
#include <filesystem>
#include <optional>
#include <sstream>

#include "database_export.h"
#include "library_messages.h"
#include "network_store.h"
#include "od_writer.h"
#include "point_reader.h"

namespace cp::layers {
namespace {

// Every line the build repaired or skipped is listed against its road feature.
void noteBuildIssues(const std::string& roadsLabel, OdJobResult& result) {
  for (const geo::BuildIssue& issue : result.buildReport.issues)
    result.diagnostics.warnOnce(std::to_string(static_cast<int>(issue.kind)) + ":" + issue.message,
                                roadsLabel, std::to_string(issue.featureId), "", issue.message);
}

struct PreparedNetwork {
  geo::Network network;
  WorkingFrame frame;
};

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
std::string networkSourceKey(const OdJob& job) {
  std::ostringstream key;
  const LayerRef ref = LayerRef::parse(job.roads);
  key << job.roads;
  std::error_code ec;
  const auto size = std::filesystem::file_size(ref.dataset, ec);
  if (!ec) {
    const auto modified = std::filesystem::last_write_time(ref.dataset, ec);
    key << "|size=" << size << "|mtime=" << modified.time_since_epoch().count();
  } else if (!ref.dataset.empty()) {
    key << databaseFingerprint(ref);
  }
  const RoadReadOptions& o = job.roadOptions;
  key << "|class=" << o.fields.roadClass << "|oneway=" << o.fields.oneway
      << "|speed=" << o.fields.speedKmh << "|drivable=" << o.drivableOnly
      << "|epsg=" << o.workingEpsg << "/" << o.sourceEpsg
      << "|tolerance=" << job.buildOptions.toleranceM
      << "|measure=" << static_cast<int>(job.buildOptions.measure);
  return key.str();
}

std::optional<PreparedNetwork> loadCached(const OdJob& job, const std::string& key,
                                          OdJobResult& result) {
  if (job.networkCache.empty())
    return std::nullopt;
  geo::Network net;
  try {
    std::optional<geo::Network> stored = loadStoredNetwork(job.networkCache);
    if (!stored)
      return std::nullopt;
    net = std::move(*stored);
  } catch (const std::runtime_error& e) {
    result.diagnostics.warn(maskedConnection(job.networkCache), "", "",
                            std::string(e.what()) + "; the network is rebuilt");
    return std::nullopt;
  }
  // Without roads the stored network is used as it is: the team's shared copy.
  if (!job.roads.empty() && net.sourceKey != key)
    return std::nullopt;
  OGRSpatialReference srs;
  const char* code = srs.importFromWkt(net.crsWkt.c_str()) == OGRERR_NONE
                         ? srs.GetAuthorityCode(nullptr)
                         : nullptr;
  if (code == nullptr)
    throw std::runtime_error("the network '" + maskedConnection(job.networkCache) +
                             "' has no usable CRS");
  return PreparedNetwork{std::move(net), WorkingFrame::fromEpsg(std::stoi(code))};
}

PreparedNetwork prepareNetwork(const OdJob& job, OdJobResult& result,
                               const geo::Feedback* feedback) {
  const std::string key = networkSourceKey(job);
  if (auto cached = loadCached(job, key, result)) {
    result.networkFromCache = true;
    return std::move(*cached);
  }
  if (job.roads.empty())
    throw std::runtime_error("no prepared network is stored at '" +
                             maskedConnection(job.networkCache) + "'; give the roads to build one");
  RoadData roads = readRoads(LayerRef::parse(job.roads), job.roadOptions);
  result.diagnostics.append(roads.diagnostics);
  geo::Network net =
      geo::buildNetwork(roads.lines, job.buildOptions, &result.buildReport, feedback);
  noteBuildIssues(LayerRef::parse(job.roads).label(), result);
  net.crsWkt = roads.frame->wkt();
  net.sourceKey = key;
  if (!job.networkCache.empty())
    storeNetwork(net, job.networkCache);
  return {std::move(net), *roads.frame};
}

void countRows(const std::vector<geo::OdRow>& rows, OdJobResult& result) {
  result.pairs = rows.size();
  for (const geo::OdRow& row : rows) {
    if (row.method == geo::CostMethod::Network)
      ++result.pairsByNetwork;
    if (row.method == geo::CostMethod::StraightLine)
      ++result.pairsByFallback;
    if (row.method == geo::CostMethod::Unreachable)
      ++result.pairsUnreachable;
  }
}

// Seconds since `since`, which moves on to now.
double lap(std::chrono::steady_clock::time_point& since) {
  const auto now = std::chrono::steady_clock::now();
  const double seconds = std::chrono::duration<double>(now - since).count();
  since = now;
  return seconds;
}

}  // namespace

OdAnalysis analyseOd(const geo::Network& network, const PointData& origins,
                     const PointData& destinations, bool sameLayer, const OdJob& options,
                     Diagnostics& diagnostics, const geo::Feedback* feedback) {
  OdAnalysis od;
  const geo::Snapper snapper(network, options.snapOptions);
  od.origins = snapPlaces(snapper, origins, diagnostics);
  od.destinations = sameLayer ? od.origins : snapPlaces(snapper, destinations, diagnostics);
  od.pointsNotSnapped = od.origins.notJoined + (sameLayer ? 0 : od.destinations.notJoined);
  const geo::OdMatrix matrix = geo::odMatrix(
      network, od.origins.locations(), od.destinations.locations(), options.queryOptions, feedback);
  od.rows = geo::odRows(matrix, origins.lonLat, destinations.lonLat, options.fallback);
  return od;
}

OdJobResult runOdJob(const OdJob& job, const geo::Feedback* feedback) {
  const auto start = std::chrono::steady_clock::now();
  auto since = start;
  OdJobResult result;
  const PreparedNetwork prepared = prepareNetwork(job, result, feedback);
  const geo::Network& net = prepared.network;
  result.seconds.network = lap(since);

  const PointData origins =
      readPoints(LayerRef::parse(job.origins), job.originIdField, prepared.frame);
  const bool sameLayer = job.destinations.empty() || job.destinations == job.origins;
  const PointData destinations = sameLayer ? origins
                                           : readPoints(LayerRef::parse(job.destinations),
                                                        job.destinationIdField, prepared.frame);
  result.diagnostics.append(origins.diagnostics);
  if (!sameLayer)
    result.diagnostics.append(destinations.diagnostics);
  result.seconds.places = lap(since);

  const OdAnalysis od =
      analyseOd(net, origins, destinations, sameLayer, job, result.diagnostics, feedback);
  result.pointsNotSnapped = od.pointsNotSnapped;
  countRows(od.rows, result);
  result.seconds.matrix = lap(since);
  LibraryMessages gdal;  // what the writer's GDAL says, with the output named
  writeOdGeoPackage(job.output, {origins, destinations, od.origins, od.destinations, od.rows,
                                 prepared.frame, job.attribution, job.matrixGeometry});
  gdal.reportTo(result.diagnostics, job.output, "writing");
  result.seconds.writing = lap(since);
  result.seconds.total = std::chrono::duration<double>(since - start).count();
  return result;
}

}  // namespace cp::layers
