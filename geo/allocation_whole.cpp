// Allocation with every source kept whole: one site takes all of a source's
// tonnes or none. That is a generalised assignment problem (NP-hard), so this
// is a heuristic: keep what the exact split allocation already sends whole,
// place the rest largest first, then improve by moves until none helps.

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include "allocation.h"

namespace cp::geo {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();
constexpr double kTiny = 1e-9;
// Swapping two sources between sites looks at every pair of sources; above
// this many the swap moves are left out.
constexpr std::size_t kMostSourcesForSwaps = 3000;

class WholeSources {
 public:
  WholeSources(const AllocationInput& in, const Feedback* feedback)
      : in_(in),
        feedback_(feedback),
        t_(in.capacity.size()),
        spare_(in.capacity),
        siteOf_(in.supply.size(), kNone) {}

  Allocation run() {
    keepWholeFlows(allocate(in_, feedback_));
    placeRestLargestFirst();
    for (int pass = 0; pass < 50; ++pass) {
      throwIfCanceled(feedback_);
      bool improved = fitUnplaced();
      improved = shiftToCheaper() || improved;
      if (in_.supply.size() <= kMostSourcesForSwaps)
        improved = swapPairs() || improved;
      if (!improved)
        break;
    }
    return result();
  }

 private:
  double cost(std::size_t i, std::size_t j) const { return in_.unitCost[i * t_ + j]; }
  bool fits(std::size_t i, std::size_t j, double freed = 0) const {
    return std::isfinite(cost(i, j)) && in_.supply[i] <= spare_[j] + freed + kTiny;
  }
  void assign(std::size_t i, std::size_t j) {
    if (siteOf_[i] != kNone)
      spare_[siteOf_[i]] += in_.supply[i];
    siteOf_[i] = j;
    if (j != kNone)
      spare_[j] -= in_.supply[i];
  }

  // Sources the split optimum already sends to a single site stay there.
  void keepWholeFlows(const Allocation& split) {
    std::vector<int> parts(in_.supply.size(), 0);
    for (const AllocationFlow& f : split.flows)
      ++parts[f.source];
    for (const AllocationFlow& f : split.flows)
      if (parts[f.source] == 1 && split.unallocated[f.source] <= kTiny)
        assign(f.source, f.site);
  }

  // The cheapest site with room for the whole source, if any.
  std::size_t cheapestFitting(std::size_t i) const {
    std::size_t best = kNone;
    for (std::size_t j = 0; j < t_; ++j)
      if (fits(i, j) && (best == kNone || cost(i, j) < cost(i, best)))
        best = j;
    return best;
  }

  std::vector<std::size_t> unplacedLargestFirst() const {
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < in_.supply.size(); ++i)
      if (siteOf_[i] == kNone && in_.supply[i] > kTiny)
        order.push_back(i);
    std::stable_sort(order.begin(), order.end(), [this](std::size_t a, std::size_t b) {
      return in_.supply[a] > in_.supply[b];
    });
    return order;
  }

  void placeRestLargestFirst() {
    for (std::size_t i : unplacedLargestFirst())
      if (const std::size_t j = cheapestFitting(i); j != kNone)
        assign(i, j);
  }

  // An unplaced source gets a site by moving one placed source elsewhere;
  // more tonnes placed is worth any change in cost.
  bool fitUnplaced() {
    bool improved = false;
    for (std::size_t i : unplacedLargestFirst()) {
      if (const std::size_t j = cheapestFitting(i); j != kNone) {
        assign(i, j);
        improved = true;
        continue;
      }
      improved = ejectOneFor(i) || replaceSmaller(i) || improved;
    }
    return improved;
  }

  // An unplaced source takes the place of a smaller placed one, which is then
  // unplaced: more tonnes placed. The largest gain wins, then the lower cost.
  bool replaceSmaller(std::size_t i) {
    double bestGain = kTiny, bestCost = kInf;
    std::size_t bestK = kNone;
    for (std::size_t k = 0; k < in_.supply.size(); ++k) {
      const std::size_t j = siteOf_[k];
      if (j == kNone || !fits(i, j, in_.supply[k]))
        continue;
      const double gain = in_.supply[i] - in_.supply[k];
      const double delta = in_.supply[i] * cost(i, j) - in_.supply[k] * cost(k, j);
      if (gain > bestGain + kTiny || (gain > bestGain - kTiny && delta < bestCost)) {
        bestGain = gain;
        bestCost = delta;
        bestK = k;
      }
    }
    if (bestK == kNone)
      return false;
    const std::size_t j = siteOf_[bestK];
    assign(bestK, kNone);
    assign(i, j);
    return true;
  }

  bool ejectOneFor(std::size_t i) {
    double bestDelta = kInf;
    std::size_t bestK = kNone, bestTo = kNone;
    for (std::size_t k = 0; k < in_.supply.size(); ++k) {
      const std::size_t j = siteOf_[k];
      if (j == kNone || k == i || !fits(i, j, in_.supply[k]))
        continue;
      for (std::size_t to = 0; to < t_; ++to) {
        if (to == j || !fits(k, to))
          continue;
        const double delta = cost(i, j) + cost(k, to) - cost(k, j);
        if (delta < bestDelta) {
          bestDelta = delta;
          bestK = k;
          bestTo = to;
        }
      }
    }
    if (bestK == kNone)
      return false;
    const std::size_t j = siteOf_[bestK];
    assign(bestK, bestTo);
    assign(i, j);
    return true;
  }

  bool shiftToCheaper() {
    bool improved = false;
    for (std::size_t i = 0; i < in_.supply.size(); ++i) {
      const std::size_t from = siteOf_[i];
      if (from == kNone)
        continue;
      std::size_t best = from;
      for (std::size_t j = 0; j < t_; ++j)
        if (j != from && fits(i, j) && cost(i, j) < cost(i, best) - kTiny)
          best = j;
      if (best != from) {
        assign(i, best);
        improved = true;
      }
    }
    return improved;
  }

  bool swapPairs() {
    bool improved = false;
    for (std::size_t a = 0; a < in_.supply.size(); ++a) {
      if (a % 256 == 0)
        throwIfCanceled(feedback_);
      for (std::size_t b = a + 1; b < in_.supply.size(); ++b) {
        const std::size_t ja = siteOf_[a], jb = siteOf_[b];
        if (ja == kNone || jb == kNone || ja == jb)
          continue;
        const double delta = cost(a, jb) + cost(b, ja) - cost(a, ja) - cost(b, jb);
        if (!(delta < -kTiny) || !fits(a, jb, in_.supply[b]) || !fits(b, ja, in_.supply[a]))
          continue;
        assign(a, kNone);
        assign(b, ja);
        assign(a, jb);
        improved = true;
      }
    }
    return improved;
  }

  Allocation result() const {
    Allocation out;
    out.unallocated.assign(in_.supply.size(), 0.0);
    for (std::size_t i = 0; i < in_.supply.size(); ++i) {
      if (siteOf_[i] == kNone) {
        out.unallocated[i] = in_.supply[i];
      } else if (in_.supply[i] > 0) {
        out.flows.push_back({i, siteOf_[i], in_.supply[i]});
        out.cost += in_.supply[i] * cost(i, siteOf_[i]);
      }
    }
    return out;
  }

  const AllocationInput& in_;
  const Feedback* feedback_;
  std::size_t t_;
  std::vector<double> spare_;
  std::vector<std::size_t> siteOf_;
};

}  // namespace

Allocation allocateWholeHeuristic(const AllocationInput& input, const Feedback* feedback) {
  checkAllocation(input);
  return WholeSources(input, feedback).run();
}

}  // namespace cp::geo
