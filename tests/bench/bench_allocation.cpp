// Capacity-limited allocation benchmark on the Almaty drivable network:
// S sources to T sites (random places), network distances from the engine's
// matrix, tonnes random, capacities 80 % of the supply so that the limits
// bind. Our min-cost flow against GLPK's simplex on the same linear programme
// (the exact tool a planner would otherwise reach for), on the first
// --glpk-sources sources, with both optima compared.
//
// Usage: bench_allocation [--sources S] [--sites T] [--glpk-sources G]

#include <glpk.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <random>
#include <string>

#include "geo/allocation.h"
#include "geo/routing.h"
#include "support/almaty_network.h"

namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

struct Args {
  std::size_t sources = 10000;
  std::size_t sites = 100;
  std::size_t glpkSources = 1000;
};

Args parse(int argc, char** argv) {
  Args a;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::size_t v = std::stoul(argv[i + 1]);
    if (!std::strcmp(argv[i], "--sources"))
      a.sources = v;
    else if (!std::strcmp(argv[i], "--sites"))
      a.sites = v;
    else if (!std::strcmp(argv[i], "--glpk-sources"))
      a.glpkSources = v;
  }
  return a;
}

// Capacities of 50 %, 100 % and 150 % of an even share of 80 % of the supply.
std::vector<double> capacities(double supply, std::size_t sites) {
  std::vector<double> out;
  for (std::size_t j = 0; j < sites; ++j)
    out.push_back(0.8 * supply / static_cast<double>(sites) *
                  (0.5 + 0.5 * static_cast<double>(j % 3)));
  return out;
}

cp::geo::AllocationInput problem(const cp::geo::Network& net, const Args& a) {
  const auto sources = cp::test::randomLocations(net, a.sources, 1);
  const auto sites = cp::test::randomLocations(net, a.sites, 2);
  std::vector<std::optional<cp::geo::Location>> from(sources.begin(), sources.end());
  std::vector<std::optional<cp::geo::Location>> to(sites.begin(), sites.end());
  const cp::geo::OdMatrix m = cp::geo::odMatrix(net, from, to);
  cp::geo::AllocationInput in;
  std::mt19937 rng(3);
  std::uniform_real_distribution<double> tonnes(1, 200);
  double total = 0;
  for (std::size_t i = 0; i < a.sources; ++i)
    total += in.supply.emplace_back(tonnes(rng));
  in.capacity = capacities(total, a.sites);
  for (const cp::geo::Cost& c : m.cells)
    in.unitCost.push_back(c.distanceM / 1000.0);  // tonne-km
  return in;
}

cp::geo::AllocationInput firstSources(const cp::geo::AllocationInput& in, std::size_t count) {
  const std::size_t t = in.capacity.size();
  cp::geo::AllocationInput out;
  out.supply.assign(in.supply.begin(), in.supply.begin() + static_cast<long>(count));
  double total = 0;
  for (double s : out.supply)
    total += s;
  out.capacity = capacities(total, t);
  out.unitCost.assign(in.unitCost.begin(), in.unitCost.begin() + static_cast<long>(count * t));
  return out;
}

// Minimum tonne-km for the supply that fits (capacity < supply: all capacity is used).
double glpkOptimum(const cp::geo::AllocationInput& in) {
  const int s = static_cast<int>(in.supply.size());
  const int t = static_cast<int>(in.capacity.size());
  glp_prob* lp = glp_create_prob();
  glp_term_out(GLP_OFF);
  glp_set_obj_dir(lp, GLP_MIN);
  glp_add_rows(lp, s + t);
  for (int i = 0; i < s; ++i)
    glp_set_row_bnds(lp, i + 1, GLP_UP, 0, in.supply[static_cast<std::size_t>(i)]);
  for (int j = 0; j < t; ++j) {
    const double c = in.capacity[static_cast<std::size_t>(j)];
    glp_set_row_bnds(lp, s + j + 1, GLP_FX, c, c);  // capacity binds: every site fills
  }
  std::vector<int> ia{0}, ja{0};
  std::vector<double> ar{0};
  for (int i = 0; i < s; ++i)
    for (int j = 0; j < t; ++j) {
      const double c = in.unitCost[static_cast<std::size_t>(i * t + j)];
      if (!std::isfinite(c))
        continue;
      const int col = glp_add_cols(lp, 1);
      glp_set_col_bnds(lp, col, GLP_LO, 0, 0);
      glp_set_obj_coef(lp, col, c);
      for (int row : {i + 1, s + j + 1}) {
        ia.push_back(row);
        ja.push_back(col);
        ar.push_back(1);
      }
    }
  glp_load_matrix(lp, static_cast<int>(ia.size()) - 1, ia.data(), ja.data(), ar.data());
  glp_simplex(lp, nullptr);
  const double cost = glp_get_obj_val(lp);
  glp_delete_prob(lp);
  return cost;
}

}  // namespace

int main(int argc, char** argv) {
  const Args a = parse(argc, argv);
  const cp::test::AlmatyNetwork almaty = cp::test::buildAlmatyNetwork();
  auto start = Clock::now();
  const cp::geo::AllocationInput in = problem(almaty.network, a);
  std::printf("network matrix %zu x %zu: %.3f s\n", a.sources, a.sites, secondsSince(start));
  start = Clock::now();
  const cp::geo::Allocation full = cp::geo::allocate(in);
  std::printf("allocation %zu sources -> %zu sites: %.3f s, %.0f tonne-km, %zu flows\n", a.sources,
              a.sites, secondsSince(start), full.cost, full.flows.size());

  const cp::geo::AllocationInput small = firstSources(in, std::min(a.glpkSources, a.sources));
  start = Clock::now();
  const cp::geo::Allocation ours = cp::geo::allocate(small);
  const double oursSeconds = secondsSince(start);
  start = Clock::now();
  const double lp = glpkOptimum(small);
  const double glpkSeconds = secondsSince(start);
  std::printf(
      "on %zu sources: ours %.3f s, GLPK simplex %.3f s (%.0fx); tonne-km %.3f vs %.3f "
      "(relative difference %.1e)\n",
      small.supply.size(), oursSeconds, glpkSeconds, glpkSeconds / oursSeconds, ours.cost, lp,
      std::abs(ours.cost - lp) / lp);
  return std::abs(ours.cost - lp) <= 1e-6 * lp ? 0 : 1;
}
