#include "support/every_query.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <sstream>

#include "geo/allocation.h"
#include "geo/catchments.h"
#include "geo/flows_on_network.h"
#include "geo/routing.h"
#include "geo/site_selection.h"

namespace cp::test {
namespace {

using Matrix = std::vector<std::vector<double>>;

// Counts the costs of one kind of query that differ from the expected ones and
// keeps the first few, so a wrong engine reports a readable summary.
class Mismatches {
 public:
  explicit Mismatches(std::string query) : query_(std::move(query)) {}
  ~Mismatches() {
    EXPECT_EQ(count_, 0u) << query_ << ": " << count_ << " of " << checked_
                          << " costs differ from the reference" << examples_.str();
  }

  void check(double got, double expected, std::size_t i, std::size_t j) {
    ++checked_;
    const bool same = std::isinf(expected)
                          ? std::isinf(got)
                          : std::abs(got - expected) <= 1e-9 * std::max(1.0, expected);
    if (same)
      return;
    if (++count_ <= 5)
      examples_ << "\n  " << i << " -> " << j << ": " << got << " instead of " << expected;
  }
  void check(const geo::Cost& got, geo::Metric metric, double expected, std::size_t i,
             std::size_t j) {
    check(got.reachable() ? geo::primaryOf(got, metric) : geo::kInfinity, expected, i, j);
  }

 private:
  std::string query_;
  std::size_t count_ = 0;
  std::size_t checked_ = 0;
  std::ostringstream examples_;
};

std::vector<std::optional<geo::Location>> optional(const std::vector<geo::Location>& places) {
  return {places.begin(), places.end()};
}

// The places at these indexes, as the engine's queries take them.
std::vector<std::optional<geo::Location>> placesAt(const std::vector<geo::Location>& places,
                                                   const std::vector<std::size_t>& indexes) {
  std::vector<std::optional<geo::Location>> out;
  for (std::size_t i : indexes)
    out.push_back(places[i]);
  return out;
}

void expectMatrix(const char* query, const geo::OdMatrix& m, geo::Metric metric,
                  const Matrix& expected, const std::vector<std::size_t>& columns) {
  Mismatches bad(query);
  for (std::size_t r = 0; r < m.rows; ++r)
    for (std::size_t c = 0; c < m.cols; ++c)
      bad.check(m.at(r, c), metric, expected[r][columns[c]], r, columns[c]);
}

void expectMatrices(const geo::Network& net, const std::vector<geo::Location>& places,
                    geo::Metric metric, const Matrix& expected) {
  std::vector<std::size_t> all(places.size());
  std::iota(all.begin(), all.end(), 0);
  geo::QueryOptions options;
  options.metric = metric;
  options.algorithm = geo::Algorithm::Dijkstra;
  expectMatrix("OD matrix, searches from the origins",
               geo::odMatrix(net, optional(places), optional(places), options), metric, expected,
               all);
  // Fewer destinations than origins: searched from the destinations, backwards.
  const std::vector<std::size_t> few(all.begin(),
                                     all.begin() + static_cast<std::ptrdiff_t>(places.size() / 4));
  expectMatrix("OD matrix, searches from the destinations",
               geo::odMatrix(net, optional(places), placesAt(places, few), options), metric,
               expected, few);
  options.algorithm = geo::Algorithm::Hierarchy;
  expectMatrix("OD matrix, contraction hierarchy",
               geo::odMatrix(net, optional(places), optional(places), options), metric, expected,
               all);
}

void expectRoutes(const geo::Network& net, const std::vector<geo::Location>& places,
                  geo::Metric metric, const Matrix& expected) {
  const std::size_t n = places.size();
  Mismatches routes("routes from one search");
  Mismatches metres("metres per segment of those routes, added up");
  Mismatches single("one-to-one routes");
  Mismatches many("one-to-many costs");
  for (std::size_t i = 0; i < n; ++i) {
    const std::vector<geo::Route> found = geo::routesFrom(net, places[i], optional(places), metric);
    for (std::size_t j = 0; j < n; ++j) {
      routes.check(found[j].cost, metric, expected[i][j], i, j);
      if (!found[j].cost.reachable())
        continue;
      double sum = 0;
      for (double m : found[j].segmentMetres)
        sum += m > 0 ? m : geo::kInfinity;  // a listed segment is a travelled one
      metres.check(sum, found[j].cost.distanceM, i, j);
    }
    const std::size_t j = (i * 7 + 3) % n;
    single.check(geo::shortestRoute(net, places[i], places[j], metric).cost, metric, expected[i][j],
                 i, j);
  }
  geo::QueryOptions options;
  options.metric = metric;
  for (std::size_t i = 0; i < std::min<std::size_t>(n, 20); ++i) {
    const std::vector<geo::Cost> costs = geo::oneToMany(net, places[i], places, options);
    for (std::size_t j = 0; j < n; ++j)
      many.check(costs[j], metric, expected[i][j], i, j);
  }
}

void expectFlowRoutes(const geo::Network& net, const std::vector<geo::Location>& places,
                      geo::Metric metric, const Matrix& expected) {
  const std::size_t n = places.size();
  std::vector<std::pair<std::size_t, std::size_t>> pairs;
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t step : {1u, 13u, 101u})
      pairs.emplace_back(i, (i * step + 5) % n);
  const std::vector<geo::Route> routes =
      geo::routePairs(net, optional(places), pairs, metric, 0, nullptr);
  Mismatches bad("routes of flows");
  for (std::size_t k = 0; k < pairs.size(); ++k)
    bad.check(routes[k].cost, metric, expected[pairs[k].first][pairs[k].second], pairs[k].first,
              pairs[k].second);
}

// Every fourth place is a facility (a site).
std::vector<std::size_t> facilitiesOf(std::size_t n) {
  std::vector<std::size_t> out;
  for (std::size_t f = 0; f < n; f += 4)
    out.push_back(f);
  return out;
}

void expectNearestAndCatchments(const geo::Network& net, const std::vector<geo::Location>& places,
                                geo::Metric metric, const Matrix& expected) {
  const std::vector<std::size_t> facilities = facilitiesOf(places.size());
  const std::vector<std::optional<geo::Location>> sites = placesAt(places, facilities);
  geo::QueryOptions options;
  options.metric = metric;
  const std::size_t k = 3;
  const auto nearest = geo::nearestFacilities(net, optional(places), sites, k, options);
  Mismatches bad("k nearest facilities");
  for (std::size_t i = 0; i < places.size(); ++i) {
    std::vector<double> costs;
    for (std::size_t f : facilities)
      if (!std::isinf(expected[i][f]))
        costs.push_back(expected[i][f]);
    std::sort(costs.begin(), costs.end());
    costs.resize(k, geo::kInfinity);  // the k smallest, unreachable beyond those found
    for (std::size_t r = 0; r < k; ++r)
      bad.check(r < nearest[i].size() ? nearest[i][r].cost : geo::Cost{}, metric, costs[r], i, r);
  }
  for (geo::Travel travel : {geo::Travel::ToSite, geo::Travel::FromSite}) {
    geo::CatchmentOptions catchmentOptions;
    catchmentOptions.metric = metric;
    catchmentOptions.travel = travel;
    const geo::Catchments catchments(net, sites, catchmentOptions);
    Mismatches wrong(travel == geo::Travel::ToSite ? "catchments, to the site"
                                                   : "catchments, from the site");
    for (std::size_t i = 0; i < places.size(); ++i) {
      double best = geo::kInfinity;
      for (std::size_t f : facilities)
        best = std::min(best, travel == geo::Travel::ToSite ? expected[i][f] : expected[f][i]);
      wrong.check(catchments.at(places[i]).cost, metric, best, i, 0);
    }
  }
}

// Allocation and site selection take the matrix as it is: fed the engine's
// and the reference's, they reach the same tonne-cost.
void expectAllocation(const geo::Network& net, const std::vector<geo::Location>& places,
                      geo::Metric metric, const Matrix& expected) {
  const std::vector<std::size_t> facilities = facilitiesOf(places.size());
  const std::vector<std::optional<geo::Location>> sites = placesAt(places, facilities);
  geo::QueryOptions options;
  options.metric = metric;
  const geo::OdMatrix m = geo::odMatrix(net, optional(places), sites, options);
  geo::SiteSelectionInput ours, theirs;
  for (std::size_t i = 0; i < places.size(); ++i) {
    for (std::size_t s = 0; s < facilities.size(); ++s) {
      ours.unitCost.push_back(m.at(i, s).reachable() ? geo::primaryOf(m.at(i, s), metric)
                                                     : geo::kInfinity);
      theirs.unitCost.push_back(expected[i][facilities[s]]);
    }
  }
  for (geo::SiteSelectionInput* input : {&ours, &theirs}) {
    input->demand.assign(places.size(), 1.0);
    input->capacity.assign(facilities.size(), 3.0);
    input->existing.assign(facilities.size(), false);
    input->newSites = std::min<std::size_t>(3, facilities.size());
    input->coverLimit = geo::kInfinity;
  }
  const auto all = [&](const geo::SiteSelectionInput& in) {
    std::vector<std::size_t> open(facilities.size());
    std::iota(open.begin(), open.end(), 0);
    return geo::allocate(geo::allocationFor(in, open)).cost;
  };
  Mismatches allocation("allocation's tonne-cost");
  allocation.check(all(ours), all(theirs), 0, 0);
  Mismatches selection("site selection's tonne-cost");
  selection.check(geo::selectSitesHeuristic(ours).tonneCost,
                  geo::selectSitesHeuristic(theirs).tonneCost, 0, 0);
}

}  // namespace

void expectEveryQueryMatches(const geo::Network& net, const std::vector<geo::Location>& places,
                             geo::Metric metric, const Matrix& expected) {
  expectMatrices(net, places, metric, expected);
  expectRoutes(net, places, metric, expected);
  expectFlowRoutes(net, places, metric, expected);
  expectNearestAndCatchments(net, places, metric, expected);
  expectAllocation(net, places, metric, expected);
}

}  // namespace cp::test
