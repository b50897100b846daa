#include <glpk.h>
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <random>

#include "geo/allocation.h"

namespace cp::geo {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

double total(const std::vector<double>& v) {
  double sum = 0;
  for (double x : v)
    sum += x;
  return sum;
}

// Tonnes in per site and out per source, to check conservation.
void expectConserved(const AllocationInput& in, const Allocation& a) {
  std::vector<double> out(in.supply.size(), 0.0);
  std::vector<double> into(in.capacity.size(), 0.0);
  for (const AllocationFlow& f : a.flows) {
    EXPECT_GT(f.tonnes, 0);
    EXPECT_TRUE(std::isfinite(in.unitCost[f.source * in.capacity.size() + f.site]));
    out[f.source] += f.tonnes;
    into[f.site] += f.tonnes;
  }
  for (std::size_t i = 0; i < out.size(); ++i)
    EXPECT_NEAR(out[i] + a.unallocated[i], in.supply[i], 1e-6) << "source " << i;
  for (std::size_t j = 0; j < into.size(); ++j)
    EXPECT_LE(into[j], in.capacity[j] + 1e-6) << "site " << j;
}

// The same problem as a linear programme, solved by GLPK's simplex: first the
// most tonnes that can be placed, then the least cost for that many.
struct LpOptimum {
  double allocated = 0;
  double cost = 0;
};

LpOptimum solveWithGlpk(const AllocationInput& in) {
  const int s = static_cast<int>(in.supply.size());
  const int t = static_cast<int>(in.capacity.size());
  glp_prob* lp = glp_create_prob();
  glp_term_out(GLP_OFF);
  glp_add_rows(lp, s + t + 1);
  for (int i = 0; i < s; ++i)
    glp_set_row_bnds(lp, i + 1, GLP_UP, 0, in.supply[static_cast<std::size_t>(i)]);
  for (int j = 0; j < t; ++j)
    glp_set_row_bnds(lp, s + j + 1, GLP_UP, 0, in.capacity[static_cast<std::size_t>(j)]);
  glp_set_row_bnds(lp, s + t + 1, GLP_FR, 0, 0);  // total allocated, fixed in phase two
  std::vector<int> ia{0}, ja{0};
  std::vector<double> ar{0}, costs{0};
  int col = 0;
  for (int i = 0; i < s; ++i)
    for (int j = 0; j < t; ++j) {
      const double c = in.unitCost[static_cast<std::size_t>(i * t + j)];
      if (!std::isfinite(c))
        continue;
      col = glp_add_cols(lp, 1);
      glp_set_col_bnds(lp, col, GLP_LO, 0, 0);
      costs.push_back(c);
      for (int row : {i + 1, s + j + 1, s + t + 1}) {
        ia.push_back(row);
        ja.push_back(col);
        ar.push_back(1);
      }
    }
  glp_load_matrix(lp, static_cast<int>(ia.size()) - 1, ia.data(), ja.data(), ar.data());
  LpOptimum out;
  if (col > 0) {
    glp_set_obj_dir(lp, GLP_MAX);
    for (int c = 1; c <= col; ++c)
      glp_set_obj_coef(lp, c, 1);
    glp_simplex(lp, nullptr);
    out.allocated = glp_get_obj_val(lp);
    glp_set_row_bnds(lp, s + t + 1, GLP_LO, out.allocated - 1e-7, 0);
    glp_set_obj_dir(lp, GLP_MIN);
    for (int c = 1; c <= col; ++c)
      glp_set_obj_coef(lp, c, costs[static_cast<std::size_t>(c)]);
    glp_simplex(lp, nullptr);
    out.cost = glp_get_obj_val(lp);
  }
  glp_delete_prob(lp);
  return out;
}

TEST(Allocation, NearestSiteUntilItIsFull) {
  // Two sources, two sites; the near site holds only 60 t.
  const AllocationInput in{{50, 50}, {60, 100}, {1, 10, 2, 3}};
  const Allocation a = allocate(in);
  expectConserved(in, a);
  // Best: source 0 (saves 9/t at site 0) fills it with 50, source 1 puts 10
  // there (saves 1/t) and 40 at site 1: 50*1 + 10*2 + 40*3 = 190.
  EXPECT_NEAR(a.cost, 190, 1e-9);
  EXPECT_NEAR(total(a.unallocated), 0, 1e-9);
}

TEST(Allocation, SiteIntakesSumTheFlows) {
  const AllocationInput in{{50, 50}, {60, 100}, {1, 10, 2, 3}};
  const auto sites = siteIntakes(in, allocate(in), 100);  // 100 kg CO2e per tonne-km
  EXPECT_NEAR(sites[0].tonnes, 60, 1e-9);
  EXPECT_NEAR(sites[0].tonneCost, 50 * 1 + 10 * 2, 1e-9);
  EXPECT_NEAR(sites[0].meanHaul, 70.0 / 60, 1e-9);
  EXPECT_NEAR(sites[0].maxHaul, 2, 1e-9);
  EXPECT_NEAR(sites[1].tonnes, 40, 1e-9);
  EXPECT_NEAR(sites[1].co2Tonnes, 40 * 3 * 0.1, 1e-9);
}

TEST(Allocation, ReroutesEarlierSourcesWhenThatIsCheaper) {
  // Source 0 comes first and takes the near site; source 1 has no other
  // choice, so source 0 must move to site 1.
  const AllocationInput in{{10, 10}, {10, 10}, {1, 2, 1, kInf}};
  const Allocation a = allocate(in);
  expectConserved(in, a);
  EXPECT_NEAR(a.cost, 10 * 2 + 10 * 1, 1e-9);
  EXPECT_NEAR(total(a.unallocated), 0, 1e-9);
}

TEST(Allocation, WhatNoSiteCanTakeIsReportedPerSource) {
  const AllocationInput in{{30, 30, 5}, {40}, {1, 2, kInf}};
  const Allocation a = allocate(in);
  expectConserved(in, a);
  EXPECT_NEAR(a.unallocated[2], 5, 1e-9);  // cannot reach the site at all
  EXPECT_NEAR(total(a.unallocated), 25, 1e-9);
  EXPECT_NEAR(a.cost, 30 * 1 + 10 * 2, 1e-9);  // the cheaper source goes whole
}

TEST(Allocation, RefusesNegativeTonnesAndMismatchedTables) {
  EXPECT_THROW(allocate({{-1}, {10}, {1}}), std::invalid_argument);
  EXPECT_THROW(allocate({{1}, {-10}, {1}}), std::invalid_argument);
  EXPECT_THROW(allocate({{1}, {10}, {1, 2}}), std::invalid_argument);
  EXPECT_THROW(allocate({{NAN}, {10}, {1}}), std::invalid_argument);
}

// Small random instances, capacity short and ample, some pairs unreachable:
// the same tonnes placed and the same cost as GLPK's optimum.
TEST(Allocation, EqualsTheLinearProgrammeOptimum) {
  std::mt19937 rng(21);
  std::uniform_real_distribution<double> tonnes(0, 100);
  std::uniform_real_distribution<double> km(1, 60);
  std::uniform_real_distribution<double> unit(0, 1);
  for (int trial = 0; trial < 300; ++trial) {
    const std::size_t s = 1 + rng() % 20;
    const std::size_t t = 1 + rng() % 8;
    const double tightness = trial % 2 == 0 ? 0.5 : 2.0;
    AllocationInput in;
    for (std::size_t i = 0; i < s; ++i)
      in.supply.push_back(tonnes(rng));
    for (std::size_t j = 0; j < t; ++j)
      in.capacity.push_back(tightness * total(in.supply) / static_cast<double>(t) * unit(rng));
    for (std::size_t k = 0; k < s * t; ++k)
      in.unitCost.push_back(unit(rng) < 0.15 ? kInf : km(rng));
    const Allocation a = allocate(in);
    expectConserved(in, a);
    const LpOptimum lp = solveWithGlpk(in);
    EXPECT_NEAR(total(in.supply) - total(a.unallocated), lp.allocated, 1e-6) << trial;
    EXPECT_NEAR(a.cost, lp.cost, 1e-6 * std::max(1.0, lp.cost)) << trial;
  }
}

}  // namespace
}  // namespace cp::geo
