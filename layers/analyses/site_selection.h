#pragma once
// Site selection: which candidate sites to open, besides those already built,
// so that the most tonnes are served (within a cover distance, for maximal
// coverage) at the least tonne-km; then the allocation to the sites chosen.

#include <optional>
#include <string>
#include <vector>

#include "allocation.h"
#include "geo/site_selection.h"

namespace cp::analyses {

enum class SelectionMethod {
  Heuristic,
  Exact,  // GLPK's branch and bound, within a time limit
  Both    // the better of the two, with the heuristic's gap
};

struct SiteSelectionOptions {
  geo::SnapOptions snap;
  std::size_t newSites = 1;
  bool useCapacity = true;
  double coverKm = geo::kInfinity;  // infinite: the p-median (every source counts)
  SelectionMethod method = SelectionMethod::Heuristic;
  double timeLimitS = 60;
  TransportFactor kgCo2PerTkm;
};

// Both methods' outcomes, when both ran.
struct HeuristicAgainstExact {
  double servedHeuristic = 0;
  double tonneKmHeuristic = 0;
  double servedExact = 0;
  double tonneKmExact = 0;
  double gap = 0;  // the heuristic's tonne-km above the exact one's, as a share
};

struct SiteSelectionResult {
  AllocationResult allocation;        // to the sites chosen
  std::vector<std::string> status;    // per candidate: "existing", "new" or "not chosen"
  std::vector<std::string> chosen;    // the ids of the sites open, existing ones included
  std::optional<bool> provenOptimal;  // when the exact method ran
  std::optional<HeuristicAgainstExact> both;
};

// `existing`: per candidate, already built (always open). Throws geo::Canceled
// when canceled.
SiteSelectionResult selectSites(const AllocationInput& input, const std::vector<bool>& existing,
                                const SiteSelectionOptions& options,
                                const geo::Feedback* feedback = nullptr);

}  // namespace cp::analyses
