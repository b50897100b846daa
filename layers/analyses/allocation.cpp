#include "allocation.h"

#include <numeric>

namespace cp::analyses {
namespace {

double placed(const geo::AllocationInput& problem, const geo::Allocation& a) {
  return std::accumulate(problem.supply.begin(), problem.supply.end(), 0.0) -
         std::accumulate(a.unallocated.begin(), a.unallocated.end(), 0.0);
}

}  // namespace

std::vector<double> SourcesToSites::kmTable() const {
  std::vector<double> table;
  table.reserve(routes.cells.size());
  for (const geo::Cost& c : routes.cells)
    table.push_back(c.distanceM / 1000.0);
  return table;
}

SourcesToSites joinSourcesToSites(const AllocationInput& input, const geo::SnapOptions& snap,
                                  layers::Diagnostics& diagnostics, const geo::Feedback* feedback) {
  SourcesToSites out;
  const geo::Snapper snapper(input.network, snap);
  out.from = layers::snapPlaces(snapper, input.sources, diagnostics);
  out.to = layers::snapPlaces(snapper, input.sites, diagnostics);
  out.routes = geo::odMatrix(input.network, out.from.locations(), out.to.locations(), {}, feedback);
  return out;
}

void describeAllocation(AllocationResult& r, double kgCo2PerTkm) {
  r.intakes = geo::siteIntakes(r.problem, r.allocation, kgCo2PerTkm);
  r.sources.clear();
  for (std::size_t i = 0; i < r.problem.supply.size(); ++i) {
    const double tonnes = r.problem.supply[i];
    SourceStatus status{tonnes, tonnes - r.allocation.unallocated[i], r.allocation.unallocated[i],
                        ""};
    if (!r.joined.from.snaps[i].location)
      status.reason = "not joined to the roads: " + r.joined.from.snaps[i].reason;
    else if (status.unallocated > 1e-6)
      status.reason = "no reachable site has capacity left";
    r.sources.push_back(std::move(status));
  }
  AllocationTotals& t = r.totals;
  t.tonnes = std::accumulate(r.problem.supply.begin(), r.problem.supply.end(), 0.0);
  t.unallocated =
      std::accumulate(r.allocation.unallocated.begin(), r.allocation.unallocated.end(), 0.0);
  t.allocated = t.tonnes - t.unallocated;
  t.tonneKm = r.allocation.cost;
  t.meanHaulKm = t.allocated > 0 ? t.tonneKm / t.allocated : 0;
}

AllocationResult allocateToSites(const AllocationInput& input, const AllocationOptions& options,
                                 const geo::Feedback* feedback) {
  AllocationResult r;
  r.joined = joinSourcesToSites(input, options.snap, r.diagnostics, feedback);
  r.problem = {input.supply, input.capacity, r.joined.kmTable()};
  r.siteCapacity = input.capacity;
  const geo::Allocation split = geo::allocate(r.problem, feedback);
  if (options.keepWhole) {
    geo::ExactAllocation whole = geo::allocateWhole(r.problem, 10, 300, feedback);
    r.whole = WholeAgainstSplit{whole.proven, placed(r.problem, whole.allocation),
                                whole.allocation.cost, placed(r.problem, split), split.cost};
    r.allocation = std::move(whole.allocation);
  } else {
    r.allocation = split;
  }
  describeAllocation(r, options.kgCo2PerTkm);
  return r;
}

}  // namespace cp::analyses
