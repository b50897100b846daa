#include "od_job.h"

#include <chrono>

#include "layers/jobs/result_file.h"
#include "layers/library_messages.h"
#include "layers/point_reader.h"

namespace cp::layers {
namespace {

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

OdJobResult runOdJob(const OdJob& job, const geo::Feedback* feedback) {
  const auto start = std::chrono::steady_clock::now();
  auto since = start;
  OdJobResult result;
  const PreparedNetwork prepared = prepareJobNetwork(job.network, result, feedback);
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

  const analyses::OdResult od = analyses::analyseOd(prepared.network, origins, destinations,
                                                    sameLayer, job.analysis, feedback);
  result.diagnostics.append(od.diagnostics);
  result.pointsNotSnapped = od.pointsNotSnapped;
  countRows(od.rows, result);
  result.seconds.matrix = lap(since);

  LibraryMessages gdal;  // what the writer's GDAL says, with the output named
  writeOdGeoPackage(
      job.output,
      {origins, destinations, od.origins, od.destinations, od.rows, prepared.frame,
       dataAttribution(job.attribution, {job.network.roads, job.origins, job.destinations}),
       job.matrixGeometry});
  gdal.reportTo(result.diagnostics, job.output, "writing");
  result.seconds.writing = lap(since);
  result.seconds.total = std::chrono::duration<double>(since - start).count();
  return result;
}

}  // namespace cp::layers
