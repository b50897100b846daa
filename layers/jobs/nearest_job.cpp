#include "nearest_job.h"

#include "layers/point_reader.h"
#include "result_file.h"

namespace cp::layers {

NearestJobResult runNearestJob(const NearestJob& job, const geo::Feedback* feedback) {
  NearestJobResult result;
  const PreparedNetwork prepared = prepareJobNetwork(job.network, result, feedback);
  const PointData origins =
      readPoints(LayerRef::parse(job.origins), job.originIdField, prepared.frame);
  const PointData facilities =
      readPoints(LayerRef::parse(job.facilities), job.facilityIdField, prepared.frame);
  result.diagnostics.append(origins.diagnostics);
  result.diagnostics.append(facilities.diagnostics);
  const analyses::NearestResult nearest = analyses::findNearestFacilities(
      prepared.network, origins, facilities, job.analysis, feedback);
  result.diagnostics.append(nearest.diagnostics);
  for (const auto& perOrigin : nearest.nearest) {
    result.lines += perOrigin.size();
    result.originsServed += perOrigin.empty() ? 0U : 1U;
  }
  std::vector<ResultTable> tables;
  tables.push_back(analyses::nearestTable(nearest, origins, facilities));
  writeResultFile(
      job.output, prepared.frame, tables,
      dataAttribution(job.attribution, {job.network.roads, job.origins, job.facilities}),
      result.diagnostics);
  return result;
}

}  // namespace cp::layers
