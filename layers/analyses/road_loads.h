#pragma once
// Road loads: every flow along its shortest road route (all-or-nothing), its
// tonnes added to each road segment it uses, in all and per material class.

#include "layers/analyses/placed_flows.h"
#include "layers/result_table.h"

namespace cp::analyses {

struct RoadLoadsResult {
  layers::ResultTable segments;  // "road_loads": loaded segments, tonnes, tonne-km, per class
  std::size_t routed = 0;        // flows with a road route
  double tonneKm = 0;            // the segments', equal to the routed flows'
};

RoadLoadsResult roadLoads(const geo::Network& network, const FlowsOnNetwork& flows,
                          const geo::Feedback* feedback = nullptr);

}  // namespace cp::analyses
