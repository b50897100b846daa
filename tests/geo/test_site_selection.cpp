#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <functional>
#include <limits>
#include <random>
#include <thread>

#include "geo/site_selection.h"

namespace cp::geo {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

// Sources and candidates on a line; the cost is the distance along it.
SiteSelectionInput onALine(const std::vector<double>& sourceAt, const std::vector<double>& tonnes,
                           const std::vector<double>& candidateAt) {
  SiteSelectionInput in;
  in.demand = tonnes;
  in.capacity.assign(candidateAt.size(), kInf);
  in.existing.assign(candidateAt.size(), false);
  in.coverLimit = kInf;
  for (double s : sourceAt)
    for (double c : candidateAt)
      in.unitCost.push_back(std::abs(s - c));
  return in;
}

const std::vector<double> kSourcesAt{0, 1, 2, 10, 11, 12};
const std::vector<double> kCandidatesAt{1, 11, 6};

TEST(SiteSelection, OneSiteGoesToTheMiddle) {
  SiteSelectionInput in = onALine(kSourcesAt, {1, 1, 1, 1, 1, 1}, kCandidatesAt);
  const SiteSelection s = selectSitesHeuristic(in);
  // At 6: 6+5+4+4+5+6 = 30 tonne-km; at 1 or 11: 32.
  EXPECT_EQ(s.open, std::vector<std::size_t>{2});
  EXPECT_NEAR(s.tonneCost, 30, 1e-9);
  EXPECT_NEAR(s.served, 6, 1e-9);
}

TEST(SiteSelection, TwoSitesOneInEachCluster) {
  SiteSelectionInput in = onALine(kSourcesAt, {1, 1, 1, 1, 1, 1}, kCandidatesAt);
  in.newSites = 2;
  const SiteSelection s = selectSitesHeuristic(in);
  EXPECT_EQ(s.open, (std::vector<std::size_t>{0, 1}));
  EXPECT_NEAR(s.tonneCost, 4, 1e-9);
  EXPECT_EQ(selectSitesExact(in, 10).selection.open, s.open);
}

TEST(SiteSelection, ExistingSitesStayAndShapeTheChoice) {
  SiteSelectionInput in = onALine(kSourcesAt, {1, 1, 1, 1, 1, 1}, kCandidatesAt);
  in.existing = {true, false, false};  // the site at 1 is built: the next goes to 11
  const SiteSelection s = selectSitesHeuristic(in);
  EXPECT_EQ(s.open, (std::vector<std::size_t>{0, 1}));
}

TEST(SiteSelection, CoverageCountsOnlyTonnesWithinTheLimit) {
  // The far cluster weighs more; within 1.5 km the site at 11 covers 6 t.
  SiteSelectionInput in = onALine(kSourcesAt, {1, 1, 1, 2, 2, 2}, kCandidatesAt);
  in.coverLimit = 1.5;
  const SiteSelection s = selectSitesHeuristic(in);
  EXPECT_EQ(s.open, std::vector<std::size_t>{1});
  EXPECT_NEAR(s.served, 6, 1e-9);
  EXPECT_NEAR(s.unserved, 3, 1e-9);
  EXPECT_NEAR(s.tonneCost, 4, 1e-9);  // 2 t at 1 km each side
}

TEST(SiteSelection, CapacityOpensASecondSiteWhereTheFirstIsFull) {
  SiteSelectionInput in = onALine(kSourcesAt, {1, 1, 1, 1, 1, 1}, kCandidatesAt);
  in.capacity = {3, 3, 4};
  in.newSites = 2;
  const SiteSelection s = selectSitesHeuristic(in);
  EXPECT_EQ(s.open, (std::vector<std::size_t>{0, 1}));
  EXPECT_NEAR(s.served, 6, 1e-9);
  in.newSites = 1;  // one site of 4 t: 2 t stay unserved
  const SiteSelection one = selectSitesHeuristic(in);
  EXPECT_EQ(one.open, std::vector<std::size_t>{2});
  EXPECT_NEAR(one.unserved, 2, 1e-9);
}

TEST(SiteSelection, RefusesBadInput) {
  SiteSelectionInput in = onALine(kSourcesAt, {1, 1, 1, 1, 1, 1}, kCandidatesAt);
  in.newSites = 4;
  EXPECT_THROW(selectSitesHeuristic(in), std::invalid_argument);
  in.newSites = 1;
  in.demand[0] = -1;
  EXPECT_THROW(selectSitesHeuristic(in), std::invalid_argument);
  in.demand[0] = 1;
  in.unitCost.pop_back();
  EXPECT_THROW(selectSitesExact(in, 1), std::invalid_argument);
}

TEST(SiteSelection, ExactRefusesProblemsTooLargeForIt) {
  SiteSelectionInput in = onALine(kSourcesAt, {1, 1, 1, 1, 1, 1}, kCandidatesAt);
  EXPECT_THROW(selectSitesExact(in, 1, 10), std::invalid_argument);
}

// Every choice of new sites, judged by evaluateSites: the reference optimum.
SiteSelection bruteForce(const SiteSelectionInput& in) {
  std::vector<std::size_t> fresh, base;
  for (std::size_t j = 0; j < in.capacity.size(); ++j)
    (in.existing[j] ? base : fresh).push_back(j);
  SiteSelection best;
  bool any = false;
  std::vector<std::size_t> pick;
  std::function<void(std::size_t)> choose = [&](std::size_t from) {
    if (pick.size() == in.newSites) {
      std::vector<std::size_t> open = base;
      open.insert(open.end(), pick.begin(), pick.end());
      SiteSelection s = evaluateSites(in, open);
      if (!any || better(s, best))
        best = s;
      any = true;
      return;
    }
    for (std::size_t k = from; k < fresh.size(); ++k) {
      pick.push_back(fresh[k]);
      choose(k + 1);
      pick.pop_back();
    }
  };
  choose(0);
  return best;
}

SiteSelectionInput randomInstance(std::mt19937& rng, int trial) {
  std::uniform_real_distribution<double> xy(0, 50);
  std::uniform_real_distribution<double> tonnes(1, 100);
  std::uniform_real_distribution<double> unit(0, 1);
  const std::size_t s = 10 + rng() % 60;
  const std::size_t n = 5 + rng() % 10;
  std::vector<std::pair<double, double>> src(s), cand(n);
  for (auto& p : src)
    p = {xy(rng), xy(rng)};
  for (auto& p : cand)
    p = {xy(rng), xy(rng)};
  SiteSelectionInput in;
  double total = 0;
  for (std::size_t i = 0; i < s; ++i)
    total += in.demand.emplace_back(tonnes(rng));
  for (std::size_t i = 0; i < s; ++i)
    for (std::size_t j = 0; j < n; ++j) {
      // Road distance: straight line times a detour factor; some pairs unreachable.
      const double d = std::hypot(src[i].first - cand[j].first, src[i].second - cand[j].second);
      in.unitCost.push_back(unit(rng) < 0.05 ? kInf : d * (1.2 + 0.4 * unit(rng)));
    }
  in.existing.assign(n, false);
  in.existing[0] = trial % 3 == 0;
  in.newSites = 1 + rng() % 4;
  const bool withCapacity = trial % 2 == 1;
  for (std::size_t j = 0; j < n; ++j)
    in.capacity.push_back(withCapacity ? total / 3 * (0.5 + unit(rng)) : kInf);
  in.coverLimit = trial % 4 >= 2 ? 20 : kInf;
  return in;
}

// Small random instances of all four kinds (p-median and coverage, with and
// without capacities): the exact method equals enumeration of every choice,
// and the heuristic serves as many tonnes and stays within the stated gap.
TEST(SiteSelection, ExactEqualsEnumerationAndTheHeuristicIsClose) {
  std::mt19937 rng(5);
  double worstGap = 0, sumGap = 0, worstShortfall = 0;
  int compared = 0, exactHits = 0;
  for (int trial = 0; trial < 120; ++trial) {
    const SiteSelectionInput in = randomInstance(rng, trial);
    const SiteSelection reference = bruteForce(in);
    const ExactSiteSelection exact = selectSitesExact(in, 30);
    ASSERT_TRUE(exact.proven) << trial;
    EXPECT_NEAR(exact.selection.served, reference.served, 1e-6 * reference.served) << trial;
    EXPECT_NEAR(exact.selection.tonneCost, reference.tonneCost, 1e-6 * reference.tonneCost)
        << trial;
    const SiteSelection heuristic = selectSitesHeuristic(in);
    EXPECT_FALSE(better(heuristic, reference)) << trial;  // nothing beats the optimum
    const double shortfall = (reference.served - heuristic.served) / reference.served;
    worstShortfall = std::max(worstShortfall, shortfall);
    if (shortfall > 1e-9)
      continue;  // tonne-km compare only for the same tonnes served
    const double gap = tonneCostGap(heuristic, exact.selection);
    worstGap = std::max(worstGap, gap);
    sumGap += gap;
    exactHits += gap < 1e-9;
    ++compared;
  }
  std::printf(
      "heuristic vs exact, 120 instances: worst shortfall in tonnes served %.3f%%; of %d serving "
      "as much, %d optimal, mean tonne-km gap %.3f%%, worst %.3f%%\n",
      100 * worstShortfall, compared, exactHits, 100 * sumGap / compared, 100 * worstGap);
  // As stated in the site selection algorithm's help.
  EXPECT_LE(worstShortfall, 0.01);
  EXPECT_GE(compared, 110);
  EXPECT_LE(worstGap, 0.05);
  EXPECT_LE(sumGap / compared, 0.005);
}

// A large capacitated coverage problem keeps branch and bound busy for far
// longer than a second; a cancel during the search ends it within one.
TEST(SiteSelection, TheExactMethodStopsSoonAfterACancel) {
  std::mt19937 rng(11);
  std::uniform_real_distribution<double> xy(0, 50), tonnes(1, 100);
  SiteSelectionInput in;
  const std::size_t sources = 400, candidates = 60;
  double total = 0;
  for (std::size_t i = 0; i < sources; ++i)
    total += in.demand.emplace_back(tonnes(rng));
  std::vector<std::pair<double, double>> cand(candidates);
  for (auto& c : cand)
    c = {xy(rng), xy(rng)};
  for (std::size_t i = 0; i < sources; ++i) {
    const double x = xy(rng), y = xy(rng);
    for (const auto& c : cand)
      in.unitCost.push_back(std::hypot(x - c.first, y - c.second));
  }
  in.capacity.assign(candidates, total / 12);
  in.existing.assign(candidates, false);
  in.newSites = 10;
  in.coverLimit = 12;
  Feedback feedback;
  std::thread canceller([&feedback] {
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    feedback.cancel();
  });
  const auto start = std::chrono::steady_clock::now();
  EXPECT_THROW(selectSitesExact(in, 600, 200000, &feedback), Canceled);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  canceller.join();
  EXPECT_LT(seconds, 1.3);
}

}  // namespace
}  // namespace cp::geo
