// The exact keep-whole allocation: a binary per reachable source and site,
// each source to one site at most, each site within its capacity; the most
// tonnes, then the least tonne-cost, by GLPK's branch and bound.

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>
#include <string>

#include "allocation.h"
#include "lexicographic_mip.h"

namespace cp::geo {

ExactAllocation allocateWholeExact(const AllocationInput& input, double timeLimitSeconds,
                                   std::size_t maxPairs, const Feedback* feedback) {
  checkAllocation(input);
  const std::size_t t = input.capacity.size();
  std::vector<AllocationFlow> pairs;  // every reachable source and site, with its tonnes
  for (std::size_t i = 0; i < input.supply.size(); ++i)
    for (std::size_t j = 0; j < t; ++j)
      if (input.supply[i] > 0 && std::isfinite(input.unitCost[i * t + j]))
        pairs.push_back({i, j, input.supply[i]});
  if (pairs.size() > maxPairs)
    throw std::invalid_argument(std::to_string(pairs.size()) +
                                " source-site pairs are too many for the exact method (at most " +
                                std::to_string(maxPairs) + ")");
  ExactAllocation out;
  out.allocation.unallocated = input.supply;
  out.proven = true;
  if (pairs.empty())
    return out;
  LexicographicMip mip(feedback);
  const int x = mip.addBinaries(static_cast<int>(pairs.size()));
  std::vector<int> sourceRow, siteRow;
  for (std::size_t i = 0; i < input.supply.size(); ++i)
    sourceRow.push_back(mip.addRowAtMost(1));
  for (std::size_t j = 0; j < t; ++j)
    siteRow.push_back(mip.addRowAtMost(input.capacity[j]));
  LexicographicMip::Terms tonnes, tonneCost;
  for (std::size_t p = 0; p < pairs.size(); ++p) {
    const AllocationFlow& f = pairs[p];
    const int column = x + static_cast<int>(p);
    mip.entry(sourceRow[f.source], column, 1);
    mip.entry(siteRow[f.site], column, f.tonnes);
    tonnes.push_back({column, f.tonnes});
    tonneCost.push_back({column, f.tonnes * input.unitCost[f.source * t + f.site]});
  }
  out.proven = mip.solve(tonnes, tonneCost, timeLimitSeconds);
  for (std::size_t p = 0; p < pairs.size(); ++p) {
    const AllocationFlow& f = pairs[p];
    if (mip.value(x + static_cast<int>(p)) < 0.5)
      continue;
    out.allocation.flows.push_back(f);
    out.allocation.unallocated[f.source] = 0;
    out.allocation.cost += tonneCost[p].second;
  }
  return out;
}

ExactAllocation allocateWhole(const AllocationInput& input, double exactSeconds,
                              std::size_t exactPairs, const Feedback* feedback) {
  ExactAllocation out{allocateWholeHeuristic(input, feedback), false};
  const std::size_t pairs = static_cast<std::size_t>(std::count_if(
      input.unitCost.begin(), input.unitCost.end(), [](double c) { return std::isfinite(c); }));
  if (pairs > exactPairs)
    return out;
  ExactAllocation exact = allocateWholeExact(input, exactSeconds, exactPairs, feedback);
  const auto placed = [](const Allocation& a) {
    return -std::accumulate(a.unallocated.begin(), a.unallocated.end(), 0.0);
  };
  const double more = placed(exact.allocation) - placed(out.allocation);
  if (exact.proven || more > 1e-9 || (more > -1e-9 && exact.allocation.cost < out.allocation.cost))
    return exact;
  return out;
}

}  // namespace cp::geo
