#pragma once
// The material-flow jobs of the command-line runner, on a flow table from any
// OGR source: flow lines, road loads and site assessment (on the road network,
// the flows' places found by id in the given layers) -> GeoPackage; the flow
// balance -> GeoPackage; a Sankey diagram -> SVG.

#include <string>
#include <vector>

#include "job_report.h"
#include "layers/analyses/flow_balance.h"
#include "layers/analyses/flow_lines.h"
#include "layers/analyses/sankey_diagram.h"
#include "layers/analyses/site_assessment.h"
#include "layers/flows.h"
#include "transport_emissions.h"

namespace cp::layers {

// The flow table and the filters every flow job takes.
struct FlowTableInput {
  std::string flows;  // layer reference (see LayerRef)
  FlowFilter filter;
};

enum class FlowRoadAnalysis { Lines, RoadLoads, SiteAssessment };

struct FlowsOnRoadsJob {
  FlowRoadAnalysis kind = FlowRoadAnalysis::Lines;
  NetworkSource network;
  FlowTableInput table;
  std::vector<std::string> places;  // layers whose ids (zone_id, district_id, ...) the flows name
  std::string candidates;           // site assessment: the candidate sites
  std::string candidateIdField;
  std::string output;
  std::string attribution;
  TransportEmissions transport;  // flow lines and site assessment
  struct {
    geo::SnapOptions snap{2000};
    analyses::FlowLinesOptions lines;
    double inputRatio = 0;  // site assessment
  } analysis;
};

struct FlowsOnRoadsJobResult : JobReport {
  std::size_t flows = 0;     // placed
  std::size_t unplaced = 0;  // naming no place
  double tonneKm = 0;        // of the flows (lines, loads) or the best candidate
  std::size_t segments = 0;  // road loads
  std::string best;          // site assessment
  double baselineTonneKm = 0;
};

// Throws InputError for unusable input, std::runtime_error for I/O failures and
// geo::Canceled when canceled; the output file exists only after success.
FlowsOnRoadsJobResult runFlowsOnRoadsJob(const FlowsOnRoadsJob& job,
                                         const geo::Feedback* feedback = nullptr);

struct FlowBalanceJob {
  FlowTableInput table;
  analyses::FlowBalanceOptions analysis;
  std::string output;  // GeoPackage (flow_balance)
  std::string attribution;
};

struct FlowBalanceJobResult {
  std::size_t nodes = 0;
  std::size_t unbalanced = 0;
  Diagnostics diagnostics;
};

FlowBalanceJobResult runFlowBalanceJob(const FlowBalanceJob& job);

struct SankeyJob {
  FlowTableInput table;
  std::vector<std::string> nameLayers;  // tables naming the flows' nodes (node_names.h)
  analyses::SankeyDiagramOptions analysis;
  std::string output;  // SVG
};

struct SankeyJobResult {
  std::size_t nodes = 0;
  std::size_t bands = 0;
  Diagnostics diagnostics;
};

SankeyJobResult runSankeyJob(const SankeyJob& job);

}  // namespace cp::layers
