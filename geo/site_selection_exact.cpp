// The exact site selection as a mixed-integer programme. Variables: y[j] = 1
// when candidate j opens; x[i][j] the share of source i's tonnes that site j
// takes, for pairs within the cover limit. Opening is tied to use pair by pair
// (x[i][j] <= y[j]), the strong form whose relaxation is usually integral
// already, and capacity site by site.

#include <cmath>
#include <stdexcept>
#include <string>

#include "lexicographic_mip.h"
#include "site_selection.h"

namespace cp::geo {
namespace {

struct Pair {
  std::size_t source;
  std::size_t candidate;
  double cost;
};

std::vector<Pair> reachablePairs(const SiteSelectionInput& in) {
  std::vector<Pair> pairs;
  const std::size_t candidates = in.capacity.size();
  for (std::size_t i = 0; i < in.demand.size(); ++i)
    for (std::size_t j = 0; j < candidates; ++j) {
      const double c = in.unitCost[i * candidates + j];
      if (in.demand[i] > 0 && std::isfinite(c) && c <= in.coverLimit)
        pairs.push_back({i, j, c});
    }
  return pairs;
}

// Nothing can be served: any choice is as good; the first candidates.
std::vector<std::size_t> anyChoice(const SiteSelectionInput& in) {
  std::vector<std::size_t> open;
  std::size_t added = 0;
  for (std::size_t j = 0; j < in.capacity.size(); ++j)
    if (in.existing[j] || added++ < in.newSites)
      open.push_back(j);
  return open;
}

// Returns whether optimality was proven; the opened candidates in `open`.
bool solve(const SiteSelectionInput& in, const std::vector<Pair>& pairs, double seconds,
           std::vector<std::size_t>& open, const Feedback* feedback) {
  LexicographicMip mip(feedback);
  const int y = mip.addBinaries(static_cast<int>(in.capacity.size()));
  const int x = mip.addShares(static_cast<int>(pairs.size()));
  const auto site = [y](std::size_t j) { return y + static_cast<int>(j); };
  std::vector<int> whole, capacity(in.capacity.size(), 0);
  for (std::size_t i = 0; i < in.demand.size(); ++i)
    whole.push_back(mip.addRowAtMost(1));  // a source is shared out at most whole
  const int count = mip.addRowExactly(static_cast<double>(in.newSites));
  for (std::size_t j = 0; j < in.capacity.size(); ++j) {
    if (in.existing[j])
      mip.fix(site(j), 1);
    else
      mip.entry(count, site(j), 1);
    if (std::isfinite(in.capacity[j])) {
      capacity[j] = mip.addRowAtMost(0);
      mip.entry(capacity[j], site(j), -in.capacity[j]);
    }
  }
  LexicographicMip::Terms tonnes, tonneCost;
  for (std::size_t p = 0; p < pairs.size(); ++p) {
    const int share = x + static_cast<int>(p);
    const double demand = in.demand[pairs[p].source];
    mip.entry(whole[pairs[p].source], share, 1);
    const int link = mip.addRowAtMost(0);  // a share needs its site open
    mip.entry(link, share, 1);
    mip.entry(link, site(pairs[p].candidate), -1);
    if (capacity[pairs[p].candidate] != 0)
      mip.entry(capacity[pairs[p].candidate], share, demand);
    tonnes.push_back({share, demand});
    tonneCost.push_back({share, demand * pairs[p].cost});
  }
  const bool proven = mip.solve(tonnes, tonneCost, seconds);
  for (std::size_t j = 0; j < in.capacity.size(); ++j)
    if (mip.value(site(j)) > 0.5)
      open.push_back(j);
  return proven;
}

}  // namespace

ExactSiteSelection selectSitesExact(const SiteSelectionInput& input, double timeLimitSeconds,
                                    std::size_t maxPairs, const Feedback* feedback) {
  checkSiteSelection(input);
  const std::vector<Pair> pairs = reachablePairs(input);
  if (pairs.size() > maxPairs)
    throw std::invalid_argument(std::to_string(pairs.size()) +
                                " source-candidate pairs are too many for the exact method (at "
                                "most " +
                                std::to_string(maxPairs) + "); use the heuristic");
  ExactSiteSelection out;
  std::vector<std::size_t> open;
  out.proven = pairs.empty() ? true : solve(input, pairs, timeLimitSeconds, open, feedback);
  out.selection = evaluateSites(input, pairs.empty() ? anyChoice(input) : open);
  return out;
}

}  // namespace cp::geo
