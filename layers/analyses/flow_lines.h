#pragma once
// Material flows drawn between their places - straight, curved, or along the
// road route - each with its road distance, tonne-km and transport CO2e.

#include "layers/analyses/allocation.h"
#include "layers/analyses/placed_flows.h"
#include "layers/result_table.h"

namespace cp::analyses {

enum class FlowShape { Straight, Curved, Routed };

struct FlowLinesOptions {
  FlowShape shape = FlowShape::Curved;
  bool aggregate = false;  // add up flows of the same origin, destination and class
  TransportFactor kgCo2PerTkm;
};

struct FlowLinesResult {
  layers::ResultTable lines;  // "flow_lines"
  std::size_t drawn = 0;
  double tonnes = 0;
  double tonneKm = 0;  // by road, of the flows the roads carry
};

FlowLinesResult flowLines(const geo::Network& network, FlowsOnNetwork flows,
                          const FlowLinesOptions& options, const geo::Feedback* feedback = nullptr);

}  // namespace cp::analyses
