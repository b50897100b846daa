#include "site_selection.h"

#include <algorithm>

namespace cp::analyses {
namespace {

geo::SiteSelection choose(const geo::SiteSelectionInput& in, const SiteSelectionOptions& options,
                          SiteSelectionResult& result, const geo::Feedback* feedback) {
  geo::SiteSelection heuristic;
  if (options.method != SelectionMethod::Exact)
    heuristic = geo::selectSitesHeuristic(in, feedback);
  if (options.method == SelectionMethod::Heuristic)
    return heuristic;
  const geo::ExactSiteSelection exact =
      geo::selectSitesExact(in, options.timeLimitS, 200000, feedback);
  result.provenOptimal = exact.proven;
  if (options.method == SelectionMethod::Exact)
    return exact.selection;
  result.both = HeuristicAgainstExact{heuristic.served, heuristic.tonneCost, exact.selection.served,
                                      exact.selection.tonneCost,
                                      geo::tonneCostGap(heuristic, exact.selection)};
  return geo::better(heuristic, exact.selection) ? heuristic : exact.selection;
}

}  // namespace

SiteSelectionResult selectSites(const AllocationInput& input, const std::vector<bool>& existing,
                                const SiteSelectionOptions& options,
                                const geo::Feedback* feedback) {
  layers::requireOnePerPlace(input.sites, existing.size(), "built-or-not flags");
  SiteSelectionResult result;
  AllocationResult& allocation = result.allocation;
  allocation.joined = joinSourcesToSites(input, options.snap, allocation.diagnostics, feedback);

  geo::SiteSelectionInput in;
  in.demand = input.supply;
  in.capacity = options.useCapacity ? input.capacity
                                    : std::vector<double>(input.capacity.size(), geo::kInfinity);
  in.unitCost = allocation.joined.kmTable();
  in.existing = existing;
  in.newSites = options.newSites;
  in.coverLimit = options.coverKm;
  const geo::SiteSelection chosen = choose(in, options, result, feedback);

  for (std::size_t j = 0; j < in.capacity.size(); ++j) {
    const bool open = std::binary_search(chosen.open.begin(), chosen.open.end(), j);
    result.status.push_back(in.existing[j] ? "existing" : open ? "new" : "not chosen");
    if (open)
      result.chosen.push_back(input.sites.ids[j]);
  }
  allocation.problem = geo::allocationFor(in, chosen.open);
  allocation.siteCapacity = in.capacity;
  allocation.allocation = geo::allocate(allocation.problem, feedback);
  describeAllocation(allocation, options.kgCo2PerTkm);
  return result;
}

}  // namespace cp::analyses
