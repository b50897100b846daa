#include "routes_job.h"

#include "layers/field_names.h"
#include "layers/flag_reader.h"
#include "layers/point_reader.h"
#include "layers/road_reader.h"
#include "result_file.h"

namespace cp::layers {
namespace {

// Feature ids of the roads whose flag field says yes.
std::unordered_set<std::uint64_t> flaggedRoads(const RoutesJob& job, Diagnostics& diagnostics) {
  const LayerRef ref = LayerRef::parse(job.network.roads);
  const std::string field = job.flagField.empty()
                                ? OpenLayer(ref).detectField(field_names::kSchematicRoad)
                                : job.flagField;
  if (field.empty())
    return {};
  std::vector<long long> ids;
  const std::vector<bool> flags = readFlags(ref, field, diagnostics, &ids);
  return idsFlaggedYes(flags, ids);
}

}  // namespace

RoutesJobResult runRoutesJob(const RoutesJob& job, const geo::Feedback* feedback) {
  if (job.network.roads.empty())
    throw OptionError("routes need the roads, to tell which are flagged");
  RoutesJobResult result;
  NetworkSource source = job.network;
  source.saved.clear();  // the roads are read: their flags are needed
  const PreparedNetwork prepared = prepareJobNetwork(source, result, feedback);
  const WorkingFrame& frame = prepared.frame;
  const PointData origins = readPoints(LayerRef::parse(job.origins), job.originIdField, frame);
  const bool sameLayer = job.destinations.empty() || job.destinations == job.origins;
  const PointData destinations =
      sameLayer ? origins
                : readPoints(LayerRef::parse(job.destinations), job.destinationIdField, frame);
  result.diagnostics.append(origins.diagnostics);
  if (!sameLayer)
    result.diagnostics.append(destinations.diagnostics);
  const std::unordered_set<std::uint64_t> flagged = flaggedRoads(job, result.diagnostics);

  const analyses::RoutesInput input{prepared.network, prepared.roads, origins, destinations,
                                    flagged};
  const analyses::RoutesResult routes = analyses::routeEveryPair(input, job.analysis, feedback);
  result.diagnostics.append(routes.diagnostics);
  result.pairs = origins.ids.size() * destinations.ids.size();
  for (const auto& perOrigin : routes.routes)
    for (const geo::Route& route : perOrigin)
      result.routed += route.cost.reachable() ? 1U : 0U;

  std::vector<ResultTable> tables;
  tables.push_back(analyses::routesTable(routes, input));
  writeResultFile(
      job.output, frame, tables,
      dataAttribution(job.attribution, {job.network.roads, job.origins, job.destinations}),
      result.diagnostics);
  return result;
}

}  // namespace cp::layers
