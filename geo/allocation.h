#pragma once
// Capacity-limited allocation: sources (tonnes per year) to sites (capacity in
// tonnes per year) over network costs, minimising tonne-kilometres. Exact: a
// min-cost flow by successive shortest paths, with a dummy site that takes what
// no site can, at a price above any real haul, so that as much as possible is
// allocated first and at least cost second.

#include <cstddef>
#include <vector>

#include "feedback.h"

namespace cp::geo {

struct AllocationInput {
  std::vector<double> supply;    // tonnes per source, >= 0
  std::vector<double> capacity;  // tonnes per site, >= 0
  // Cost of carrying one tonne from source i to site j (e.g. km), row-major
  // sources x sites; infinite when the site cannot be reached.
  std::vector<double> unitCost;
};

struct AllocationFlow {
  std::size_t source = 0;
  std::size_t site = 0;
  double tonnes = 0;
};

struct Allocation {
  std::vector<AllocationFlow> flows;  // positive flows, by source then site
  std::vector<double> unallocated;    // tonnes per source that no site takes
  double cost = 0;                    // sum of tonnes x unit cost over the flows
};

// What each site receives: tonnes, the haul per tonne (mean weighted by
// tonnes, and the longest) and tonne-units of cost.
struct SiteIntake {
  double tonnes = 0;
  double meanHaul = 0;  // in the unit of the costs, e.g. km
  double maxHaul = 0;
  double tonneCost = 0;  // e.g. tonne-km
};

std::vector<SiteIntake> siteIntakes(const AllocationInput& input, const Allocation& allocation);

// Throws std::invalid_argument on negative or non-finite tonnages, or a cost
// table of the wrong size.
void checkAllocation(const AllocationInput& input);
// Throws Canceled when the feedback is canceled (checked between sources).
Allocation allocate(const AllocationInput& input, const Feedback* feedback = nullptr);

// Every source to one site or none (a source is not split between sites):
// first as many tonnes as fit, then the least cost. The problem is NP-hard.
// The heuristic starts from allocate()'s optimum and repairs and improves by
// moving, replacing and swapping sources; near the optimum when sources are
// small beside the capacities, weaker with a few large sources, where the
// exact method is cheap.
// Throws Canceled when the feedback is canceled (checked between passes).
Allocation allocateWholeHeuristic(const AllocationInput& input, const Feedback* feedback = nullptr);

struct ExactAllocation {
  Allocation allocation;
  bool proven = false;  // false: the time limit ended the search; the best found
};
// Branch and bound (GLPK); refuses (std::invalid_argument) more than maxPairs
// reachable source-site pairs.
ExactAllocation allocateWholeExact(const AllocationInput& input, double timeLimitSeconds,
                                   std::size_t maxPairs = 20000,
                                   const Feedback* feedback = nullptr);

// The heuristic, and for small problems (up to exactPairs reachable pairs)
// also the exact method within the time limit; the better of the two.
// `proven` when the exact method proved its answer optimal.
ExactAllocation allocateWhole(const AllocationInput& input, double exactSeconds = 10,
                              std::size_t exactPairs = 300, const Feedback* feedback = nullptr);

}  // namespace cp::geo
