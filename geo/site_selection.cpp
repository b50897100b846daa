#include "site_selection.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <random>
#include <stdexcept>

#include "allocation.h"

namespace cp::geo {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();
// Swaps alone can stop at a local optimum; a few more starts, drawn at random,
// escape most of them (measured in tests/geo/test_site_selection.cpp).
constexpr int kRandomStarts = 8;

double reachCost(const SiteSelectionInput& in, std::size_t source, std::size_t candidate) {
  const double c = in.unitCost[source * in.capacity.size() + candidate];
  return c <= in.coverLimit ? c : kInf;
}

bool capacitated(const SiteSelectionInput& in) {
  return std::any_of(in.capacity.begin(), in.capacity.end(),
                     [](double c) { return std::isfinite(c); });
}

// Every source to its cheapest open site: with unlimited capacities that is
// the optimum, and a swap is judged from each source's best and second-best
// open site alone.
class NearestOpen {
 public:
  explicit NearestOpen(const SiteSelectionInput& in)
      : in_(in),
        first_(in.demand.size()),
        firstSite_(in.demand.size()),
        second_(in.demand.size()) {}

  void reset(const std::vector<std::size_t>& open) {
    for (std::size_t i = 0; i < in_.demand.size(); ++i) {
      first_[i] = second_[i] = kInf;
      firstSite_[i] = kNone;
      for (std::size_t j : open) {
        const double c = reachCost(in_, i, j);
        if (c < first_[i]) {
          second_[i] = first_[i];
          first_[i] = c;
          firstSite_[i] = j;
        } else if (c < second_[i]) {
          second_[i] = c;
        }
      }
    }
  }

  // Close `out` (kNone: none) and open `in`.
  SiteSelection trial(std::size_t out, std::size_t in) const {
    SiteSelection s;
    for (std::size_t i = 0; i < in_.demand.size(); ++i) {
      const double kept = firstSite_[i] == out ? second_[i] : first_[i];
      const double c = std::min(kept, reachCost(in_, i, in));
      if (std::isfinite(c)) {
        s.served += in_.demand[i];
        s.tonneCost += in_.demand[i] * c;
      } else {
        s.unserved += in_.demand[i];
      }
    }
    return s;
  }

 private:
  const SiteSelectionInput& in_;
  std::vector<double> first_;
  std::vector<std::size_t> firstSite_;
  std::vector<double> second_;
};

std::vector<std::size_t> swapped(std::vector<std::size_t> open, std::size_t out, std::size_t in) {
  if (out != kNone)
    open.erase(std::find(open.begin(), open.end(), out));
  open.push_back(in);
  std::sort(open.begin(), open.end());
  return open;
}

// Greedy addition and vertex substitution over one way of judging a trial.
class Search {
 public:
  Search(const SiteSelectionInput& in, const Feedback* feedback)
      : in_(in), feedback_(feedback), nearest_(in), capacitated_(capacitated(in)) {}

  // Greedy addition, then swaps to a local optimum.
  SiteSelection fromGreedy() {
    accept(evaluateSites(in_, existing()));
    for (std::size_t added = 0; added < in_.newSites; ++added) {
      throwIfCanceled(feedback_);
      accept(bestTrial(kNone));
    }
    return improved();
  }

  // The new sites drawn at random, then swaps to a local optimum.
  SiteSelection fromRandom(std::mt19937& rng) {
    std::vector<std::size_t> fresh;
    for (std::size_t j = 0; j < in_.capacity.size(); ++j)
      if (!in_.existing[j])
        fresh.push_back(j);
    std::shuffle(fresh.begin(), fresh.end(), rng);
    std::vector<std::size_t> open = existing();
    open.insert(open.end(), fresh.begin(), fresh.begin() + static_cast<long>(in_.newSites));
    accept(evaluateSites(in_, open));
    return improved();
  }

 private:
  std::vector<std::size_t> existing() const {
    std::vector<std::size_t> open;
    for (std::size_t j = 0; j < in_.capacity.size(); ++j)
      if (in_.existing[j])
        open.push_back(j);
    return open;
  }

  SiteSelection improved() {
    while (improveOnce()) {
    }
    return current_;
  }

  SiteSelection trial(std::size_t out, std::size_t in) const {
    if (capacitated_)
      return evaluateSites(in_, swapped(current_.open, out, in));
    SiteSelection s = nearest_.trial(out, in);
    s.open = swapped(current_.open, out, in);
    return s;
  }

  bool isOpen(std::size_t j) const {
    return std::binary_search(current_.open.begin(), current_.open.end(), j);
  }

  // The best trial closing `out` (kNone: none) and opening a closed candidate.
  SiteSelection bestTrial(std::size_t out) const {
    SiteSelection best;
    bool any = false;
    for (std::size_t j = 0; j < in_.capacity.size(); ++j) {
      if (isOpen(j))
        continue;
      SiteSelection t = trial(out, j);
      if (!any || better(t, best))
        best = std::move(t);
      any = true;
    }
    return best;
  }

  // One pass over the opened sites; true when some swap improved.
  bool improveOnce() {
    bool improved = false;
    const std::vector<std::size_t> opened = current_.open;
    for (std::size_t r : opened) {
      throwIfCanceled(feedback_);
      if (in_.existing[r] || !isOpen(r))
        continue;
      SiteSelection t = bestTrial(r);
      if (!t.open.empty() && better(t, current_)) {
        accept(std::move(t));
        improved = true;
      }
    }
    return improved;
  }

  void accept(SiteSelection s) {
    current_ = std::move(s);
    if (!capacitated_)
      nearest_.reset(current_.open);
  }

  const SiteSelectionInput& in_;
  const Feedback* feedback_;
  NearestOpen nearest_;
  bool capacitated_;
  SiteSelection current_;
};

}  // namespace

bool better(const SiteSelection& a, const SiteSelection& b) {
  const double tonnes = std::max({1.0, a.served + a.unserved, b.served + b.unserved});
  if (std::abs(a.unserved - b.unserved) > 1e-9 * tonnes)
    return a.unserved < b.unserved;
  return a.tonneCost < b.tonneCost - 1e-9 * std::max(1.0, b.tonneCost);
}

void checkSiteSelection(const SiteSelectionInput& in) {
  const auto bad = [](double v) { return std::isnan(v) || v < 0; };
  if (std::any_of(in.demand.begin(), in.demand.end(),
                  [&bad](double v) { return bad(v) || !std::isfinite(v); }))
    throw std::invalid_argument("every source needs a finite tonnage of at least 0");
  if (std::any_of(in.capacity.begin(), in.capacity.end(), bad))
    throw std::invalid_argument("every candidate needs a capacity of at least 0");
  if (in.unitCost.size() != in.demand.size() * in.capacity.size() ||
      in.existing.size() != in.capacity.size())
    throw std::invalid_argument("the cost table must have a cost for every source and candidate");
  if (std::any_of(in.unitCost.begin(), in.unitCost.end(), bad))
    throw std::invalid_argument("costs must not be negative");
  if (bad(in.coverLimit))
    throw std::invalid_argument("the cover limit must not be negative");
  const auto existing =
      static_cast<std::size_t>(std::count(in.existing.begin(), in.existing.end(), true));
  if (in.newSites > in.capacity.size() - existing)
    throw std::invalid_argument(
        "asked for " + std::to_string(in.newSites) + " new sites but only " +
        std::to_string(in.capacity.size() - existing) + " candidates are not built yet");
}

AllocationInput allocationFor(const SiteSelectionInput& in, const std::vector<std::size_t>& open) {
  const double total = std::accumulate(in.demand.begin(), in.demand.end(), 0.0);
  AllocationInput a;
  a.supply = in.demand;
  a.capacity.assign(in.capacity.size(), 0.0);
  for (std::size_t j : open)
    a.capacity[j] = std::isfinite(in.capacity[j]) ? in.capacity[j] : total;
  a.unitCost.reserve(in.unitCost.size());
  for (std::size_t i = 0; i < in.demand.size(); ++i)
    for (std::size_t j = 0; j < in.capacity.size(); ++j)
      a.unitCost.push_back(reachCost(in, i, j));
  return a;
}

SiteSelection evaluateSites(const SiteSelectionInput& in, std::vector<std::size_t> open) {
  std::sort(open.begin(), open.end());
  // Only the open columns: the allocation's work grows with the number of sites.
  const AllocationInput all = allocationFor(in, open);
  AllocationInput a;
  a.supply = in.demand;
  for (std::size_t j : open)
    a.capacity.push_back(all.capacity[j]);
  a.unitCost.reserve(in.demand.size() * open.size());
  for (std::size_t i = 0; i < in.demand.size(); ++i)
    for (std::size_t j : open)
      a.unitCost.push_back(all.unitCost[i * in.capacity.size() + j]);
  const Allocation allocation = allocate(a);
  SiteSelection s;
  s.open = std::move(open);
  s.unserved = std::accumulate(allocation.unallocated.begin(), allocation.unallocated.end(), 0.0);
  s.served = std::accumulate(in.demand.begin(), in.demand.end(), 0.0) - s.unserved;
  s.tonneCost = allocation.cost;
  return s;
}

SiteSelection selectSitesHeuristic(const SiteSelectionInput& input, const Feedback* feedback) {
  checkSiteSelection(input);
  Search search(input, feedback);
  SiteSelection best = search.fromGreedy();
  std::mt19937 rng(1);  // fixed: the same input gives the same answer
  for (int start = 0; start < kRandomStarts; ++start) {
    SiteSelection s = search.fromRandom(rng);
    if (better(s, best))
      best = std::move(s);
  }
  return best;
}

double tonneCostGap(const SiteSelection& heuristic, const SiteSelection& exact) {
  return exact.tonneCost > 0 ? (heuristic.tonneCost - exact.tonneCost) / exact.tonneCost : 0;
}

}  // namespace cp::geo
