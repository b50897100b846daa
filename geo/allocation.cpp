#include "allocation.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <queue>
#include <stdexcept>

namespace cp::geo {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kTiny = 1e-9;  // tonnes below this are rounding, not material

// Successive shortest paths on the residual network with sources contracted
// away: nodes are the sites and the dummy; an arc j -> j' moves a tonne that
// some source k sends to j over to j' (cost c[k][j'] - c[k][j]), through the
// source that does it cheapest. With few sites and many sources each search is
// small. Site potentials keep reduced costs non-negative for Dijkstra.
class Solver {
 public:
  Solver(const AllocationInput& in, const Feedback* feedback)
      : in_(in),
        feedback_(feedback),
        s_(in.supply.size()),
        t_(in.capacity.size()),
        spare_(in.capacity),
        atSite_(s_),
        transfers_((t_) * (t_ + 1)),
        potential_(t_ + 1, 0.0) {
    double highest = 0;
    for (double c : in.unitCost)
      if (std::isfinite(c))
        highest = std::max(highest, c);
    // Above any path's cost: a path passes each real site at most once.
    dummyCost_ = (highest + 1) * static_cast<double>(2 * t_ + 2);
  }

  Allocation run() {
    Allocation out;
    out.unallocated.assign(s_, 0.0);
    for (std::size_t i : nearestFirst()) {
      throwIfCanceled(feedback_);
      double left = in_.supply[i];
      while (left > kTiny)
        left -= augmentFrom(i, left, out.unallocated);
    }
    collect(out);
    return out;
  }

 private:
  // Sources whose nearest site is nearest go first: they seldom need to be
  // moved again, so fewer paths run through other sources (the optimum is the
  // same in any order).
  std::vector<std::size_t> nearestFirst() const {
    std::vector<double> nearest(s_, kInf);
    for (std::size_t i = 0; i < s_; ++i)
      for (std::size_t j = 0; j < t_; ++j)
        nearest[i] = std::min(nearest[i], cost(i, j));
    std::vector<std::size_t> order(s_);
    for (std::size_t i = 0; i < s_; ++i)
      order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&nearest](std::size_t a, std::size_t b) { return nearest[a] < nearest[b]; });
    return order;
  }

  struct Transfer {
    double cost;
    std::size_t source;
    bool operator>(const Transfer& o) const {
      return cost > o.cost || (cost == o.cost && source > o.source);
    }
  };
  using TransferHeap = std::priority_queue<Transfer, std::vector<Transfer>, std::greater<>>;

  std::size_t dummy() const { return t_; }
  // Cost of a tonne from source i to site j; the dummy's price for the dummy.
  double cost(std::size_t i, std::size_t j) const {
    return j == dummy() ? dummyCost_ : in_.unitCost[i * t_ + j];
  }

  double flow(std::size_t source, std::size_t site) const {
    for (const auto& [j, tonnes] : atSite_[source])
      if (j == site)
        return tonnes;
    return 0;
  }

  // The cheapest source that can move a tonne from site j to j' (none: kNoSource).
  const Transfer* bestTransfer(std::size_t j, std::size_t to) {
    TransferHeap& heap = transfers_[j * (t_ + 1) + to];
    while (!heap.empty() && flow(heap.top().source, j) <= kTiny)
      heap.pop();  // stale: that source no longer sends to j
    return heap.empty() ? nullptr : &heap.top();
  }

  void addFlow(std::size_t source, std::size_t site, double tonnes) {
    for (auto& [j, t] : atSite_[source])
      if (j == site) {
        const bool was = t > kTiny;
        t += tonnes;
        if (!was && t > kTiny)
          offerTransfers(source, site);
        return;
      }
    atSite_[source].push_back({site, tonnes});
    offerTransfers(source, site);
  }

  // Source k now sends to site j: it can move tonnes from j to any site it reaches.
  void offerTransfers(std::size_t k, std::size_t j) {
    for (std::size_t to = 0; to <= t_; ++to)
      if (to != j && std::isfinite(cost(k, to)))
        transfers_[j * (t_ + 1) + to].push({cost(k, to) - cost(k, j), k});
  }

  // The unsettled node nearest the source (n: none is reachable). The graph
  // is dense and small (the sites), so a scan beats a heap.
  std::size_t nearestUnsettled(const std::vector<double>& dist,
                               const std::vector<char>& settled) const {
    std::size_t best = dist.size();
    for (std::size_t v = 0; v < dist.size(); ++v)
      if (!settled[v] && dist[v] < kInf && (best == dist.size() || dist[v] < dist[best]))
        best = v;
    return best;
  }

  // One shortest augmenting path from source i; returns the tonnes moved.
  double augmentFrom(std::size_t i, double left, std::vector<double>& unallocated) {
    const std::size_t n = t_ + 1;
    std::vector<double>& dist = dist_;
    std::vector<std::size_t>& via = via_;        // the source that moved material into v
    std::vector<std::size_t>& parent = parent_;  // previous site on the path; n: from source i
    std::vector<char>& settled = settled_;
    dist.assign(n, kInf);
    via.assign(n, s_);
    parent.assign(n, n);
    settled.assign(n, 0);
    for (std::size_t j = 0; j < n; ++j)
      dist[j] = cost(i, j) - potential_[j];  // infinite where unreachable
    std::size_t target = n;
    for (std::size_t u; (u = nearestUnsettled(dist, settled)) != n;) {
      const double d = dist[u];
      settled[u] = 1;
      if (u == dummy() || spare_[u] > kTiny) {
        target = u;
        break;
      }
      for (std::size_t v = 0; v < n; ++v) {
        if (settled[v] || dist[v] <= d)
          continue;  // reduced costs are non-negative: no improvement possible
        const Transfer* t = bestTransfer(u, v);
        if (!t)
          continue;
        const double nd = d + t->cost + potential_[u] - potential_[v];
        if (nd < dist[v]) {
          dist[v] = nd;
          parent[v] = u;
          via[v] = t->source;
        }
      }
    }
    for (std::size_t v = 0; v < n; ++v)
      potential_[v] += std::min(dist[v], dist[target]);
    double amount = left;
    if (target != dummy())
      amount = std::min(amount, spare_[target]);
    for (std::size_t v = target; parent[v] != n; v = parent[v])
      amount = std::min(amount, flow(via[v], parent[v]));
    push(i, target, parent, via, amount, unallocated);
    return amount;
  }

  void push(std::size_t i, std::size_t target, const std::vector<std::size_t>& parent,
            const std::vector<std::size_t>& via, double amount, std::vector<double>& unallocated) {
    const std::size_t n = t_ + 1;
    std::size_t v = target;
    for (; parent[v] != n; v = parent[v]) {
      const std::size_t k = via[v];
      addFlow(k, parent[v], -amount);
      receive(k, v, amount, unallocated);
    }
    receive(i, v, amount, unallocated);
    if (target != dummy())
      spare_[target] -= amount;
  }

  void receive(std::size_t source, std::size_t site, double amount,
               std::vector<double>& unallocated) {
    if (site == dummy())
      unallocated[source] += amount;
    else
      addFlow(source, site, amount);
  }

  void collect(Allocation& out) const {
    for (std::size_t k = 0; k < s_; ++k)
      for (const auto& [j, tonnes] : atSite_[k])
        if (tonnes > kTiny)
          out.flows.push_back({k, j, tonnes});
    std::sort(out.flows.begin(), out.flows.end(), [](const auto& a, const auto& b) {
      return a.source != b.source ? a.source < b.source : a.site < b.site;
    });
    for (const AllocationFlow& f : out.flows)
      out.cost += f.tonnes * cost(f.source, f.site);
  }

  const AllocationInput& in_;
  const Feedback* feedback_;
  std::size_t s_;
  std::size_t t_;
  std::vector<double> spare_;
  std::vector<std::vector<std::pair<std::size_t, double>>> atSite_;  // per source: (site, tonnes)
  std::vector<TransferHeap> transfers_;                              // [site j][site or dummy j']
  std::vector<double> potential_;                                    // per site and the dummy
  double dummyCost_ = 0;
  // The search's state, kept between searches to spare allocations.
  std::vector<double> dist_;
  std::vector<std::size_t> via_;
  std::vector<std::size_t> parent_;
  std::vector<char> settled_;
};

}  // namespace

void checkAllocation(const AllocationInput& in) {
  const auto bad = [](double v) { return !std::isfinite(v) || v < 0; };
  if (std::any_of(in.supply.begin(), in.supply.end(), bad))
    throw std::invalid_argument("every source needs a finite tonnage of at least 0");
  if (std::any_of(in.capacity.begin(), in.capacity.end(), bad))
    throw std::invalid_argument("every site needs a finite capacity of at least 0");
  if (in.unitCost.size() != in.supply.size() * in.capacity.size())
    throw std::invalid_argument("the cost table must have a cost for every source and site");
  if (std::any_of(in.unitCost.begin(), in.unitCost.end(), [](double c) { return c < 0; }))
    throw std::invalid_argument("costs must not be negative");
}

std::vector<SiteIntake> siteIntakes(const AllocationInput& input, const Allocation& allocation) {
  std::vector<SiteIntake> out(input.capacity.size());
  for (const AllocationFlow& f : allocation.flows) {
    SiteIntake& site = out[f.site];
    const double haul = input.unitCost[f.source * input.capacity.size() + f.site];
    site.tonnes += f.tonnes;
    site.tonneCost += f.tonnes * haul;
    site.maxHaul = std::max(site.maxHaul, haul);
  }
  for (SiteIntake& site : out)
    site.meanHaul = site.tonnes > 0 ? site.tonneCost / site.tonnes : 0;
  return out;
}

Allocation allocate(const AllocationInput& input, const Feedback* feedback) {
  checkAllocation(input);
  return Solver(input, feedback).run();
}

}  // namespace cp::geo
