// Allocation and site selection without QGIS, on the Almaty roads: totals that
// add up, capacities held, every source's status and reason, sources kept
// whole, the exact site choice against every choice tried, and cancel.

#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>

#include "almaty_places.h"
#include "layers/analyses/allocation.h"
#include "layers/analyses/site_selection.h"

namespace cp::analyses {
namespace {

class AllocationAnalysis : public test::OnAlmatyRoads {};

TEST_F(AllocationAnalysis, TotalsAddUpAndCapacitiesHold) {
  layers::PointData sources = places("source", 60, 21);
  sources.ids.push_back("far away");  // a place no road reaches
  sources.xy.push_back({sources.xy[0].x + 3e5, sources.xy[0].y});
  sources.lonLat.push_back({0, 0});
  const layers::PointData sites = places("site", 4, 22);
  std::vector<double> supply(sources.ids.size());
  std::iota(supply.begin(), supply.end(), 100.0);
  const std::vector<double> capacity{1500, 800, 600, 400};  // less than the supply
  AllocationOptions options;
  options.kgCo2PerTkm = 100;
  const AllocationResult r =
      allocateToSites({network(), sources, supply, sites, capacity}, options);

  const double tonnes = std::accumulate(supply.begin(), supply.end(), 0.0);
  EXPECT_DOUBLE_EQ(r.totals.tonnes, tonnes);
  EXPECT_NEAR(r.totals.allocated, 3300, 1e-6);  // every capacity filled
  EXPECT_NEAR(r.totals.allocated + r.totals.unallocated, tonnes, 1e-6);
  double tonneKm = 0;
  std::vector<double> intake(sites.ids.size(), 0);
  for (const geo::AllocationFlow& f : r.allocation.flows) {
    tonneKm += f.tonnes * r.joined.routes.at(f.source, f.site).distanceM / 1000;
    intake[f.site] += f.tonnes;
  }
  EXPECT_NEAR(r.totals.tonneKm, tonneKm, 1e-6 * tonneKm);
  EXPECT_NEAR(r.totals.meanHaulKm, tonneKm / r.totals.allocated, 1e-9);
  const layers::ResultTable table = siteIntakeTable(r, sites);
  const auto co2 = static_cast<std::size_t>(
      std::find_if(table.fields.begin(), table.fields.end(),
                   [](const layers::ResultField& f) { return f.name == "co2_t"; }) -
      table.fields.begin());
  ASSERT_LT(co2, table.fields.size());
  for (std::size_t j = 0; j < sites.ids.size(); ++j) {
    EXPECT_LE(intake[j], capacity[j] + 1e-6);
    EXPECT_NEAR(r.intakes[j].tonnes, intake[j], 1e-6);
    EXPECT_NEAR(std::get<double>(table.rows[j].values[co2]), r.intakes[j].tonneCost * 100 / 1000,
                1e-9);
  }
  // Without a factor no CO2e is guessed: the field stays empty.
  options.kgCo2PerTkm.reset();
  const layers::ResultTable none = siteIntakeTable(
      allocateToSites({network(), sources, supply, sites, capacity}, options), sites);
  for (const layers::ResultRow& row : none.rows)
    EXPECT_TRUE(std::holds_alternative<std::monostate>(row.values[co2]));
  const SourceStatus& far = r.sources.back();
  EXPECT_EQ(far.allocated, 0);
  EXPECT_EQ(far.unallocated, far.tonnes);
  EXPECT_EQ(far.reason.rfind("not joined to the roads: ", 0), 0u) << far.reason;
  for (std::size_t i = 0; i + 1 < r.sources.size(); ++i) {
    EXPECT_NEAR(r.sources[i].allocated + r.sources[i].unallocated, supply[i], 1e-9);
    EXPECT_EQ(r.sources[i].reason.empty(), r.sources[i].unallocated <= 1e-6) << i;
  }
  EXPECT_FALSE(r.diagnostics.empty());  // the far place is named
}

// Capacities read in a pass of their own must be one per site: a layer that
// changed between the passes is said, never allocated with shifted capacities.
TEST_F(AllocationAnalysis, ValuesNotOnePerPlaceAreAnInputErrorNamingTheLayer) {
  const layers::PointData sources = places("source", 5, 23);
  layers::PointData sites = places("site", 3, 24);
  sites.layerLabel = "Composting sites";
  const std::vector<double> supply(5, 10.0);
  try {
    allocateToSites({network(), sources, supply, sites, {100, 100}}, {});
    FAIL() << "two capacities for three sites were taken";
  } catch (const layers::InputError& e) {
    EXPECT_NE(std::string(e.what()).find("Composting sites"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("3 places but 2 capacities"), std::string::npos)
        << e.what();
  }
}

TEST_F(AllocationAnalysis, SourcesKeptWholeGoToOneSiteAndCostNoLessThanSplit) {
  const layers::PointData sources = places("source", 15, 31);
  const layers::PointData sites = places("site", 3, 32);
  std::vector<double> supply(sources.ids.size());
  std::iota(supply.begin(), supply.end(), 60.0);
  const std::vector<double> capacity{500, 400, 300};
  AllocationOptions options;
  options.keepWhole = true;
  const AllocationResult r =
      allocateToSites({network(), sources, supply, sites, capacity}, options);
  ASSERT_TRUE(r.whole.has_value());
  std::vector<int> sitesOf(sources.ids.size(), 0);
  for (const geo::AllocationFlow& f : r.allocation.flows) {
    ++sitesOf[f.source];
    EXPECT_DOUBLE_EQ(f.tonnes, supply[f.source]);
  }
  for (int n : sitesOf)
    EXPECT_LE(n, 1);
  EXPECT_LE(r.whole->placedWhole, r.whole->placedSplit + 1e-6);
  if (r.whole->placedWhole >= r.whole->placedSplit - 1e-6) {
    EXPECT_GE(r.whole->tonneKmWhole, r.whole->tonneKmSplit - 1e-6);
  }
  EXPECT_NEAR(r.totals.allocated, r.whole->placedWhole, 1e-6);
}

TEST_F(AllocationAnalysis, ACanceledAllocationGivesNothing) {
  const layers::PointData sources = places("source", 30, 41);
  const layers::PointData sites = places("site", 3, 42);
  const std::vector<double> supply(sources.ids.size(), 10), capacity(3, 100);
  geo::Feedback feedback;
  feedback.cancel();
  for (bool whole : {false, true}) {
    AllocationOptions options;
    options.keepWhole = whole;
    EXPECT_THROW(allocateToSites({network(), sources, supply, sites, capacity}, options, &feedback),
                 geo::Canceled);
  }
}

// Every choice of `count` new sites (the existing always open), judged by the
// allocation to them: most tonnes first, then least tonne-km.
std::pair<double, double> bestOfEveryChoice(const AllocationResult& joined,
                                            const std::vector<double>& supply,
                                            const std::vector<double>& capacity,
                                            const std::vector<bool>& existing, std::size_t count) {
  const std::size_t n = capacity.size();
  std::pair<double, double> best{-1, 0};
  for (unsigned mask = 0; mask < (1u << n); ++mask) {
    std::size_t chosen = 0;
    bool keepsExisting = true;
    for (std::size_t j = 0; j < n; ++j) {
      const bool open = (mask >> j) & 1u;
      if (open && !existing[j])
        ++chosen;
      keepsExisting = keepsExisting && (open || !existing[j]);
    }
    if (chosen != count || !keepsExisting)
      continue;
    std::vector<double> open(n, 0);
    for (std::size_t j = 0; j < n; ++j)
      open[j] = (mask >> j) & 1u ? capacity[j] : 0;
    const geo::Allocation a = geo::allocate({supply, open, joined.joined.kmTable()});
    const double served = std::accumulate(supply.begin(), supply.end(), 0.0) -
                          std::accumulate(a.unallocated.begin(), a.unallocated.end(), 0.0);
    if (served > best.first + 1e-6 || (served > best.first - 1e-6 && a.cost < best.second))
      best = {served, a.cost};
  }
  return best;
}

TEST_F(AllocationAnalysis, TheExactSiteChoiceIsTheBestOfEveryChoice) {
  const layers::PointData sources = places("source", 25, 51);
  const layers::PointData sites = places("candidate", 7, 52);
  std::vector<double> supply(sources.ids.size());
  std::iota(supply.begin(), supply.end(), 10.0);
  const std::vector<double> capacity{300, 250, 200, 150, 120, 100, 80};
  const std::vector<bool> existing{true, false, false, false, false, false, false};
  SiteSelectionOptions options;
  options.newSites = 2;
  options.method = SelectionMethod::Exact;
  const AllocationInput input{network(), sources, supply, sites, capacity};
  const SiteSelectionResult r = selectSites(input, existing, options);
  ASSERT_TRUE(r.provenOptimal.value_or(false));
  EXPECT_EQ(r.chosen.size(), 3u);
  EXPECT_EQ(r.status[0], "existing");
  EXPECT_EQ(std::count(r.status.begin(), r.status.end(), "new"), 2);
  const auto [served, tonneKm] = bestOfEveryChoice(r.allocation, supply, capacity, existing, 2);
  EXPECT_NEAR(r.allocation.totals.allocated, served, 1e-6);
  EXPECT_NEAR(r.allocation.totals.tonneKm, tonneKm, 1e-6 * tonneKm);
}

TEST_F(AllocationAnalysis, ACanceledExactSiteChoiceGivesNothing) {
  const layers::PointData sources = places("source", 25, 61);
  const layers::PointData sites = places("candidate", 6, 62);
  const std::vector<double> supply(sources.ids.size(), 5), capacity(6, 50);
  SiteSelectionOptions options;
  options.method = SelectionMethod::Exact;
  geo::Feedback feedback;
  feedback.cancel();
  EXPECT_THROW(selectSites({network(), sources, supply, sites, capacity},
                           std::vector<bool>(6, false), options, &feedback),
               geo::Canceled);
}

}  // namespace
}  // namespace cp::analyses
