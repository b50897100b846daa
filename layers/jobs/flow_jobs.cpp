#include "flow_jobs.h"

#include "layers/analyses/road_loads.h"
#include "layers/field_names.h"
#include "layers/flow_reader.h"
#include "layers/node_names.h"
#include "layers/point_reader.h"
#include "layers/road_reader.h"
#include "layers/text_file.h"
#include "result_file.h"

namespace cp::layers {
namespace {

std::vector<Flow> readTable(const FlowTableInput& table, Diagnostics& diagnostics) {
  return filteredFlows(readFlows(LayerRef::parse(table.flows), diagnostics), table.filter);
}

// The flows the filters keep, found among the places of every layer and
// joined to the network.
analyses::FlowsOnNetwork placedFlows(const FlowsOnRoadsJob& job, const PreparedNetwork& prepared,
                                     Diagnostics& diagnostics) {
  std::vector<PointData> places;
  std::vector<std::string> idFields;
  for (const std::string& layer : job.places) {
    const LayerRef ref = LayerRef::parse(layer);
    const std::string idField = OpenLayer(ref).detectField(field_names::kPlaceId);
    if (idField.empty())
      failInput(ref.label(), "", "", analyses::noPlaceIdMessage());
    places.push_back(readPoints(ref, idField, prepared.frame));
    diagnostics.append(places.back().diagnostics);
    idFields.push_back(idField);
  }
  std::vector<analyses::FlowPlaceLayer> layers;
  for (std::size_t i = 0; i < places.size(); ++i)
    layers.push_back({places[i], idFields[i]});
  const std::string table = LayerRef::parse(job.table.flows).label();
  return analyses::joinFlows(
      prepared.network,
      analyses::placeFlows(layers, readTable(job.table, diagnostics), table, diagnostics),
      job.analysis.snap, diagnostics);
}

}  // namespace

FlowsOnRoadsJobResult runFlowsOnRoadsJob(const FlowsOnRoadsJob& job,
                                         const geo::Feedback* feedback) {
  FlowsOnRoadsJobResult result;
  const PreparedNetwork prepared = prepareJobNetwork(job.network, result, feedback);
  analyses::FlowsOnNetwork flows = placedFlows(job, prepared, result.diagnostics);
  result.flows = flows.placed.flows.size();
  result.unplaced = flows.placed.unplaced;
  std::vector<ResultTable> tables;
  switch (job.kind) {
    case FlowRoadAnalysis::Lines: {
      analyses::FlowLinesOptions options = job.analysis.lines;
      options.kgCo2PerTkm = transportFactor(job.transport, result.diagnostics);
      analyses::FlowLinesResult lines =
          analyses::flowLines(prepared.network, std::move(flows), options, feedback);
      result.flows = lines.drawn;
      result.tonneKm = lines.tonneKm;
      tables.push_back(std::move(lines.lines));
      break;
    }
    case FlowRoadAnalysis::RoadLoads: {
      analyses::RoadLoadsResult loads = analyses::roadLoads(prepared.network, flows, feedback);
      result.tonneKm = loads.tonneKm;
      result.segments = loads.segments.rows.size();
      tables.push_back(std::move(loads.segments));
      break;
    }
    case FlowRoadAnalysis::SiteAssessment: {
      const PointData candidates =
          readPoints(LayerRef::parse(job.candidates), job.candidateIdField, prepared.frame);
      result.diagnostics.append(candidates.diagnostics);
      requireUniqueIds(candidates, job.candidateIdField);
      analyses::SiteAssessmentOptions options;
      options.inputRatio = job.analysis.inputRatio;
      options.kgCo2PerTkm = transportFactor(job.transport, result.diagnostics);
      options.snap = job.analysis.snap;
      analyses::SiteAssessmentResult ranked =
          analyses::assessSites(prepared.network, flows, candidates, options, feedback);
      result.diagnostics.append(ranked.diagnostics);
      result.baselineTonneKm = ranked.baselineTonneKm;
      result.best = candidates.ids[ranked.ranking.front()];
      result.tonneKm = ranked.newTonneKm[ranked.ranking.front()];
      tables.push_back(std::move(ranked.candidates));
      break;
    }
  }
  std::vector<std::string> inputs{job.network.roads, job.table.flows, job.candidates};
  inputs.insert(inputs.end(), job.places.begin(), job.places.end());
  writeResultFile(job.output, prepared.frame, tables, dataAttribution(job.attribution, inputs),
                  result.diagnostics);
  return result;
}

FlowBalanceJobResult runFlowBalanceJob(const FlowBalanceJob& job) {
  FlowBalanceJobResult result;
  const std::vector<Flow> flows = readTable(job.table, result.diagnostics);
  const analyses::FlowBalanceResult balance =
      analyses::balanceFlows(flows, job.analysis, LayerRef::parse(job.table.flows).label());
  result.diagnostics.append(balance.diagnostics);
  result.nodes = balance.nodes.size();
  result.unbalanced = balance.unbalanced;
  // A table without geometry: any frame will do.
  std::vector<ResultTable> tables;
  tables.push_back(analyses::flowBalanceTable(balance));
  writeResultFile(job.output, WorkingFrame::fromEpsg(4326), tables,
                  dataAttribution(job.attribution, {job.table.flows}), result.diagnostics);
  return result;
}

SankeyJobResult runSankeyJob(const SankeyJob& job) {
  SankeyJobResult result;
  analyses::SankeyDiagramOptions options = job.analysis;
  for (const std::string& layer : job.nameLayers)
    readNodeNames(LayerRef::parse(layer), options.drawing.names, result.diagnostics);
  const analyses::SankeyDiagram diagram = analyses::drawSankey(
      readTable(job.table, result.diagnostics), options, LayerRef::parse(job.table.flows).label());
  result.diagnostics.append(diagram.diagnostics);
  writeTextFile(job.output, diagram.svg);
  result.nodes = diagram.layout.nodes.size();
  result.bands = diagram.layout.links.size();
  return result;
}

}  // namespace cp::layers
