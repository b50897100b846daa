#pragma once
// Shortest-path queries between network locations: one-to-one with the route's
// geometry, one-to-many with a cutoff, k nearest facilities, OD matrices.

#include <optional>
#include <vector>

#include "dijkstra.h"
#include "feedback.h"
#include "snapping.h"

namespace cp::geo {

struct Route {
  Cost cost;                          // unreachable when cost.reachable() is false
  std::vector<XY> geometry;           // from the origin's snapped point to the destination's
  std::vector<SegmentId> segments;    // segments used, in travel order (ends included)
  std::vector<double> segmentMetres;  // metres travelled on each of `segments`
};

// How many-to-many queries are answered. Auto uses the contraction hierarchy
// when the matrix is large enough to repay building it (about 0.2 s on a city).
enum class Algorithm { Auto, Dijkstra, Hierarchy };

struct QueryOptions {
  Metric metric = Metric::Distance;
  Algorithm algorithm = Algorithm::Auto;
  double cutoff = kInfinity;  // in the minimised measure: metres or seconds
  unsigned threads = 0;       // 0: all cores
};

// A node next to a location and the cost between them along the location's segment.
struct Seed {
  NodeId node;
  Cost cost;
  double nodeFraction;  // where the node lies on the location's segment: 0 or 1
};

// Nodes a trip from `from` can reach first, with the cost of getting there. A
// location on one of its segment's end nodes is that node: it leaves from there
// at no cost, whichever ways its own segment may be driven.
std::vector<Seed> departures(const Network& network, const Location& from);
// Nodes a trip to `to` can come through last, with the cost from there on (a
// location on a node is reached there, at no further cost).
std::vector<Seed> arrivals(const Network& network, const Location& to);
// The node a location lies on (fraction exactly 0 or 1), or kNoId.
NodeId nodeAt(const Network& network, const Location& location);
// Cost of travelling straight along a shared segment; unreachable otherwise.
Cost alongSegment(const Network& network, const Location& from, const Location& to, Metric metric);

// A location's cost to reach from the current search (see Dijkstra), including
// the partial segments at both ends and travel along a shared segment.
Cost costTo(const Dijkstra& search, const Location& from, const Location& to);

// Seeds a search with the nodes reachable from a location along its segment.
void seedFrom(Dijkstra& search, const Location& from);

// The nodes whose labels decide the cost to any of the given locations: a
// search from one place may stop once every one of them is settled.
class DecisiveNodes {
 public:
  DecisiveNodes(const Network& network, const std::vector<std::optional<Location>>& targets);
  // Runs the (seeded) search until every decisive node is settled, or to the cutoff.
  void settle(Dijkstra& search, double cutoff) const;

 private:
  std::vector<std::uint8_t> isDecisive_;
  std::size_t count_ = 0;
};

// Polyline along segment s from fraction f0 to f1 (reversed when f1 < f0).
std::vector<XY> partialShape(const Network& network, SegmentId s, double f0, double f1);

Route shortestRoute(const Network& network, const Location& from, const Location& to,
                    Metric metric = Metric::Distance);

// Routes from one location to each target, from a single search; a missing or
// unreachable target gives a Route whose cost is unreachable.
std::vector<Route> routesFrom(const Network& network, const Location& from,
                              const std::vector<std::optional<Location>>& targets,
                              Metric metric = Metric::Distance);

std::vector<Cost> oneToMany(const Network& network, const Location& from,
                            const std::vector<Location>& targets, const QueryOptions& options = {});

struct OdMatrix {
  std::size_t rows = 0;
  std::size_t cols = 0;
  std::vector<Cost> cells;  // row-major; unreachable cells are infinite

  const Cost& at(std::size_t r, std::size_t c) const { return cells[r * cols + c]; }
};

// Missing locations (points that did not snap) give unreachable rows or columns.
OdMatrix odMatrix(const Network& network, const std::vector<std::optional<Location>>& origins,
                  const std::vector<std::optional<Location>>& destinations,
                  const QueryOptions& options = {}, const Feedback* feedback = nullptr);

struct Nearest {
  std::size_t facility = 0;
  Cost cost;
};

// For each origin, up to k facilities in increasing cost (fewer when fewer are
// reachable within the cutoff).
std::vector<std::vector<Nearest>> nearestFacilities(
    const Network& network, const std::vector<std::optional<Location>>& origins,
    const std::vector<std::optional<Location>>& facilities, std::size_t k,
    const QueryOptions& options = {}, const Feedback* feedback = nullptr);

}  // namespace cp::geo
