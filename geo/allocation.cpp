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

void check(const AllocationInput& in) {
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

// The residual network of the transportation problem. Nodes: sources
// [0, S), sites [S, S+T), and the dummy site S+T.
class Solver {
 public:
  explicit Solver(const AllocationInput& in)
      : in_(in),
        s_(in.supply.size()),
        t_(in.capacity.size()),
        spare_(in.capacity),
        bySite_(t_),
        potential_(s_ + t_ + 1, 0.0) {
    double highest = 0;
    for (double c : in.unitCost)
      if (std::isfinite(c))
        highest = std::max(highest, c);
    // Above any path's cost: a path alternates at most T real sites.
    dummyCost_ = (highest + 1) * static_cast<double>(2 * t_ + 2);
  }

  Allocation run() {
    Allocation out;
    out.unallocated.assign(s_, 0.0);
    for (std::size_t i = 0; i < s_; ++i) {
      double left = in_.supply[i];
      while (left > kTiny)
        left -= augmentFrom(i, left, out.unallocated);
    }
    collect(out);
    return out;
  }

 private:
  double cost(std::size_t i, std::size_t j) const { return in_.unitCost[i * t_ + j]; }
  double reduced(double c, std::size_t from, std::size_t to) const {
    return c + potential_[from] - potential_[to];
  }
  std::size_t dummy() const { return s_ + t_; }

  // One shortest augmenting path from source i; returns the tonnes moved.
  double augmentFrom(std::size_t i, double left, std::vector<double>& unallocated) {
    const std::size_t n = s_ + t_ + 1;
    std::vector<double> dist(n, kInf);
    std::vector<std::size_t> parent(n, n);
    // Reduced costs are non-negative up to rounding: settle each node once.
    std::vector<char> settled(n, 0);
    using Item = std::pair<double, std::size_t>;
    std::priority_queue<Item, std::vector<Item>, std::greater<Item>> heap;
    dist[i] = 0;
    heap.push({0, i});
    std::size_t target = n;
    while (!heap.empty()) {
      const auto [d, u] = heap.top();
      heap.pop();
      if (settled[u] || d > dist[u])
        continue;
      settled[u] = 1;
      if (u == dummy() || (u >= s_ && spare_[u - s_] > kTiny)) {
        target = u;
        break;
      }
      const auto relax = [&](std::size_t v, double c) {
        const double nd = d + reduced(c, u, v);
        if (!settled[v] && nd < dist[v]) {
          dist[v] = nd;
          parent[v] = u;
          heap.push({nd, v});
        }
      };
      if (u < s_) {
        for (std::size_t j = 0; j < t_; ++j)
          if (std::isfinite(cost(u, j)))
            relax(s_ + j, cost(u, j));
        relax(dummy(), dummyCost_);
      } else {
        for (const auto& [k, tonnes] : bySite_[u - s_])
          if (tonnes > kTiny)
            relax(k, -cost(k, u - s_));
      }
    }
    // Keep reduced costs non-negative for the next search.
    for (std::size_t v = 0; v < n; ++v)
      potential_[v] += std::min(dist[v], dist[target]);
    double amount = left;
    if (target != dummy())
      amount = std::min(amount, spare_[target - s_]);
    for (std::size_t v = target; v != i; v = parent[v])
      if (v < s_)  // reached through a reverse arc: at most that site's flow from v
        amount = std::min(amount, flow(v, parent[v] - s_));
    push(i, target, parent, amount, unallocated);
    return amount;
  }

  double flow(std::size_t source, std::size_t site) const {
    for (const auto& [k, tonnes] : bySite_[site])
      if (k == source)
        return tonnes;
    return 0;
  }

  void addFlow(std::size_t source, std::size_t site, double tonnes) {
    for (auto& [k, t] : bySite_[site])
      if (k == source) {
        t += tonnes;
        return;
      }
    bySite_[site].push_back({source, tonnes});
  }

  void push(std::size_t i, std::size_t target, const std::vector<std::size_t>& parent,
            double amount, std::vector<double>& unallocated) {
    if (target == dummy())
      unallocated[parent[target]] += amount;
    else
      spare_[target - s_] -= amount;
    for (std::size_t v = target; v != i; v = parent[v]) {
      const std::size_t u = parent[v];
      if (v == dummy())
        continue;
      if (u < s_)
        addFlow(u, v - s_, amount);  // forward: source u to site v
      else
        addFlow(v, u - s_, -amount);  // backward: source v gives up site u
    }
  }

  void collect(Allocation& out) const {
    for (std::size_t j = 0; j < t_; ++j)
      for (const auto& [k, tonnes] : bySite_[j])
        if (tonnes > kTiny)
          out.flows.push_back({k, j, tonnes});
    std::sort(out.flows.begin(), out.flows.end(), [](const auto& a, const auto& b) {
      return a.source != b.source ? a.source < b.source : a.site < b.site;
    });
    for (const AllocationFlow& f : out.flows)
      out.cost += f.tonnes * cost(f.source, f.site);
  }

  const AllocationInput& in_;
  std::size_t s_;
  std::size_t t_;
  std::vector<double> spare_;
  std::vector<std::vector<std::pair<std::size_t, double>>> bySite_;
  std::vector<double> potential_;
  double dummyCost_ = 0;
};

}  // namespace

Allocation allocate(const AllocationInput& input) {
  check(input);
  return Solver(input).run();
}

}  // namespace cp::geo
