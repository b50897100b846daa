// Many-to-many queries: the OD matrix and k nearest facilities, one search per origin.

#include <algorithm>
#include <numeric>

#include "contraction_hierarchy.h"
#include "parallel.h"
#include "routing.h"

namespace cp::geo {
namespace {

void searchFrom(Dijkstra& search, const Location& from, const DecisiveNodes& targets,
                double cutoff) {
  search.reset();
  seedFrom(search, from);
  targets.settle(search, cutoff);
}

Cost withinCutoff(const Dijkstra& search, const Cost& c, double cutoff) {
  return search.primary(c) <= cutoff ? c : Cost{};
}

}  // namespace

namespace {

constexpr std::size_t kHierarchyMinCells = 20000;
// Building the hierarchy costs about as much as this many one-to-all searches
// (more on grid-like networks): with fewer places on the smaller side, those
// searches alone are cheaper.
constexpr std::size_t kHierarchyMinSearches = 200;

bool useHierarchy(const QueryOptions& options, std::size_t rows, std::size_t cols) {
  return options.algorithm == Algorithm::Hierarchy ||
         (options.algorithm == Algorithm::Auto && rows * cols >= kHierarchyMinCells &&
          std::min(rows, cols) >= kHierarchyMinSearches);
}

OdMatrix odByDijkstra(const Network& net, const std::vector<std::optional<Location>>& origins,
                      const std::vector<std::optional<Location>>& destinations,
                      const QueryOptions& options, const Feedback* feedback) {
  OdMatrix m;
  m.rows = origins.size();
  m.cols = destinations.size();
  m.cells.assign(m.rows * m.cols, Cost{});
  const DecisiveNodes targets(net, destinations);
  parallelFor(
      m.rows, options.threads, feedback, [&] { return Dijkstra(net, options.metric); },
      [&](Dijkstra& search, std::size_t r) {
        if (!origins[r])
          return;
        searchFrom(search, *origins[r], targets, options.cutoff);
        for (std::size_t c = 0; c < m.cols; ++c) {
          if (!destinations[c])
            continue;
          m.cells[r * m.cols + c] =
              withinCutoff(search, costTo(search, *origins[r], *destinations[c]), options.cutoff);
        }
      });
  return m;
}

// Many origins to few destinations: one search from each destination on the
// reversed network (which finds the costs of reaching it), transposed.
OdMatrix odByDijkstraFromDestinations(const Network& net,
                                      const std::vector<std::optional<Location>>& origins,
                                      const std::vector<std::optional<Location>>& destinations,
                                      const QueryOptions& options, const Feedback* feedback) {
  const Network back = reversed(net);
  const OdMatrix t = odByDijkstra(back, destinations, origins, options, feedback);
  OdMatrix m;
  m.rows = origins.size();
  m.cols = destinations.size();
  m.cells.resize(t.cells.size());
  for (std::size_t r = 0; r < m.rows; ++r)
    for (std::size_t c = 0; c < m.cols; ++c)
      m.cells[r * m.cols + c] = t.at(c, r);
  return m;
}

}  // namespace

OdMatrix odMatrix(const Network& net, const std::vector<std::optional<Location>>& origins,
                  const std::vector<std::optional<Location>>& destinations,
                  const QueryOptions& options, const Feedback* feedback) {
  if (!useHierarchy(options, origins.size(), destinations.size()))
    return destinations.size() < origins.size()
               ? odByDijkstraFromDestinations(net, origins, destinations, options, feedback)
               : odByDijkstra(net, origins, destinations, options, feedback);
  const auto ch = ContractionHierarchy::build(net, options.metric, feedback);
  OdMatrix m = ch.manyToMany(origins, destinations, options.threads, feedback);
  for (Cost& c : m.cells)
    if (primaryOf(c, options.metric) > options.cutoff)
      c = Cost{};
  return m;
}

namespace {

// Facilities listed by the nodes that decide their cost, and by segment for
// facilities on the origin's own segment.
struct FacilityIndex {
  std::vector<std::vector<std::size_t>> byNode;
  std::vector<std::pair<SegmentId, std::size_t>> bySegment;  // sorted

  FacilityIndex(const Network& net, const std::vector<std::optional<Location>>& facilities)
      : byNode(net.nodeCount()) {
    for (std::size_t f = 0; f < facilities.size(); ++f) {
      if (!facilities[f])
        continue;
      const SegmentId s = facilities[f]->segment;
      byNode[net.segmentFrom[s]].push_back(f);
      if (net.segmentTo[s] != net.segmentFrom[s])
        byNode[net.segmentTo[s]].push_back(f);
      bySegment.emplace_back(s, f);
    }
    std::sort(bySegment.begin(), bySegment.end());
  }
};

class NearestSearch {
 public:
  NearestSearch(const Network& net, Metric metric, std::size_t facilityCount)
      : search_(net, metric), best_(facilityCount), isTouched_(facilityCount, 0) {}

  std::vector<Nearest> run(const Location& from, const FacilityIndex& index,
                           const std::vector<std::optional<Location>>& facilities, std::size_t k,
                           double cutoff) {
    for (std::size_t f : touched_)
      isTouched_[f] = 0;
    touched_.clear();
    boundDirty_ = true;
    search_.reset();
    seedFrom(search_, from);
    auto evaluate = [&](std::size_t f) { offer(f, costTo(search_, from, *facilities[f])); };
    const auto range =
        std::equal_range(index.bySegment.begin(), index.bySegment.end(),
                         std::make_pair(from.segment, std::size_t{0}),
                         [](const auto& a, const auto& b) { return a.first < b.first; });
    for (auto it = range.first; it != range.second; ++it)
      evaluate(it->second);
    search_.run(cutoff, [&](NodeId u) {
      for (std::size_t f : index.byNode[u])
        evaluate(f);
      return touched_.size() >= k && search_.primary(search_.cost(u)) >= kthBest(k);
    });
    return ranked(k, cutoff);
  }

 private:
  void offer(std::size_t f, const Cost& c) {
    if (!c.reachable())
      return;
    if (isTouched_[f] == 0) {
      isTouched_[f] = 1;
      touched_.push_back(f);
    } else if (!search_.better(c, best_[f])) {
      return;
    }
    best_[f] = c;
    boundDirty_ = true;
  }

  // The k-th smallest cost offered so far: no facility beyond it can enter the result.
  double kthBest(std::size_t k) {
    if (!boundDirty_)
      return bound_;
    boundDirty_ = false;
    scratch_.clear();
    for (std::size_t f : touched_)
      scratch_.push_back(search_.primary(best_[f]));
    std::nth_element(scratch_.begin(), scratch_.begin() + static_cast<std::ptrdiff_t>(k - 1),
                     scratch_.end());
    bound_ = scratch_[k - 1];
    return bound_;
  }

  std::vector<Nearest> ranked(std::size_t k, double cutoff) {
    std::vector<Nearest> out;
    for (std::size_t f : touched_)
      if (search_.primary(best_[f]) <= cutoff)
        out.push_back({f, best_[f]});
    std::sort(out.begin(), out.end(), [&](const Nearest& a, const Nearest& b) {
      return search_.better(a.cost, b.cost) ||
             (!search_.better(b.cost, a.cost) && a.facility < b.facility);
    });
    if (out.size() > k)
      out.resize(k);
    return out;
  }

  Dijkstra search_;
  std::vector<Cost> best_;
  std::vector<std::uint8_t> isTouched_;
  std::vector<std::size_t> touched_;
  std::vector<double> scratch_;
  bool boundDirty_ = true;
  double bound_ = kInfinity;
};

}  // namespace

std::vector<std::vector<Nearest>> nearestFacilities(
    const Network& net, const std::vector<std::optional<Location>>& origins,
    const std::vector<std::optional<Location>>& facilities, std::size_t k,
    const QueryOptions& options, const Feedback* feedback) {
  std::vector<std::vector<Nearest>> result(origins.size());
  if (k == 0)
    return result;
  const FacilityIndex index(net, facilities);
  parallelFor(
      origins.size(), options.threads, feedback,
      [&] { return NearestSearch(net, options.metric, facilities.size()); },
      [&](NearestSearch& search, std::size_t o) {
        if (origins[o])
          result[o] = search.run(*origins[o], index, facilities, k, options.cutoff);
      });
  return result;
}

}  // namespace cp::geo
