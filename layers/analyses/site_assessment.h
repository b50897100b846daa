#pragma once
// Candidate sites for a new facility ranked by the change it brings to the
// transport of the chosen flows: at a candidate, the facility delivers the
// flows' tonnes to their destinations in place of their origins, and receives
// its inputs (input ratio tonnes per tonne delivered) from those origins.

#include "layers/analyses/allocation.h"
#include "layers/analyses/placed_flows.h"
#include "layers/result_table.h"

namespace cp::analyses {

struct SiteAssessmentOptions {
  double inputRatio = 0;  // t received per t delivered
  TransportFactor kgCo2PerTkm;
  geo::SnapOptions snap;
};

struct SiteAssessmentResult {
  double baselineTonneKm = 0;        // every compared flow by road from its origin
  std::vector<double> newTonneKm;    // per candidate; infinity: a place it cannot reach
  std::vector<std::size_t> ranking;  // candidates, best first
  std::size_t compared = 0;          // flows the roads carry today
  layers::ResultTable candidates;    // "site_assessment", in rank order
  layers::Diagnostics diagnostics;   // candidates not joined, flows left out
};

// Throws layers::OptionError when no flow names two places, geo::Canceled
// when canceled.
SiteAssessmentResult assessSites(const geo::Network& network, const FlowsOnNetwork& flows,
                                 const layers::PointData& candidates,
                                 const SiteAssessmentOptions& options,
                                 const geo::Feedback* feedback = nullptr);

}  // namespace cp::analyses
