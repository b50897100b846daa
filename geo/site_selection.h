#pragma once
// Site selection: which candidate sites to open, besides the existing ones, so
// that sources' tonnes are served best over network costs.
//
// Both objectives are lexicographic. First serve as many tonnes as possible:
// for the least tonne-km (p-median) a tonne is served when an open site can
// take it; for the most covered (maximal coverage) only when it travels no
// farther than the cover limit. Second, among those, the least tonne-km.
// With capacities the tonnes are allocated exactly (geo/allocation.h), so a
// source may be split between open sites.

#include <cstddef>
#include <vector>

#include "allocation.h"
#include "feedback.h"

namespace cp::geo {

struct SiteSelectionInput {
  std::vector<double> demand;    // tonnes per source, >= 0
  std::vector<double> capacity;  // tonnes per candidate; infinity: unlimited
  std::vector<double> unitCost;  // sources x candidates, row-major; infinity: unreachable
  std::vector<bool> existing;    // candidates already built: always open
  std::size_t newSites = 1;      // how many candidates to open besides the existing ones
  // A source counts as served only within this cost of its site; infinity for
  // the p-median, the cover limit for maximal coverage.
  double coverLimit = 0;
};

struct SiteSelection {
  std::vector<std::size_t> open;  // candidates opened, ascending, existing ones included
  double served = 0;              // tonnes an open site takes within the cover limit
  double unserved = 0;            // the rest, including what no candidate could serve
  double tonneCost = 0;           // tonne-km (or tonne-minutes) of the served tonnes
};

// Lexicographic: fewer unserved tonnes, then less tonne-cost (with a relative
// tolerance for rounding).
bool better(const SiteSelection& a, const SiteSelection& b);

// Throws std::invalid_argument on negative tonnages or capacities, a table of
// the wrong size, or fewer candidates than sites asked for.
void checkSiteSelection(const SiteSelectionInput& input);

// The outcome of opening exactly these candidates.
SiteSelection evaluateSites(const SiteSelectionInput& input, std::vector<std::size_t> open);

// The allocation to these open candidates, over all candidates (closed ones
// with no capacity, costs beyond the cover limit unreachable), for reporting
// the flows and each site's intake.
AllocationInput allocationFor(const SiteSelectionInput& input,
                              const std::vector<std::size_t>& open);

// Greedy addition, then swaps of one opened site for one closed candidate
// until no swap improves (Teitz and Bart's vertex substitution). Fast enough
// for thousands of sources and hundreds of candidates without capacities;
// with capacities every trial is an exact allocation.
SiteSelection selectSitesHeuristic(const SiteSelectionInput& input,
                                   const Feedback* feedback = nullptr);

// Branch and bound (GLPK) on the mixed-integer programme; first the most
// tonnes served, then the least tonne-cost for that many.
struct ExactSiteSelection {
  SiteSelection selection;
  bool proven = false;  // false: the time limit ended the search; the best found is returned
};

// Refuses (std::invalid_argument) problems with more than maxPairs reachable
// source-candidate pairs: the heuristic is the tool for those.
// Throws Canceled when the feedback is canceled.
ExactSiteSelection selectSitesExact(const SiteSelectionInput& input, double timeLimitSeconds,
                                    std::size_t maxPairs = 200000,
                                    const Feedback* feedback = nullptr);

// Relative gap of the heuristic's tonne-cost over the exact one's (0 when the
// exact cost is 0), meaningful when both serve the same tonnes.
double tonneCostGap(const SiteSelection& heuristic, const SiteSelection& exact);

}  // namespace cp::geo
