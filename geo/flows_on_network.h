#pragma once
// Material flows on the road network: routes for many origin-destination
// pairs, the tonnes they put on each road segment, and the curved lines that
// draw flows without routing them.

#include <cstddef>
#include <optional>
#include <utility>
#include <vector>

#include "feedback.h"
#include "routing.h"

namespace cp::geo {

// The route of each (origin, destination) pair of places, one search per
// distinct origin, on all cores (threads 0). Pairs with an unjoined place get
// an unreachable route.
std::vector<Route> routePairs(const Network& network,
                              const std::vector<std::optional<Location>>& places,
                              const std::vector<std::pair<std::size_t, std::size_t>>& pairs,
                              Metric metric = Metric::Distance, unsigned threads = 0,
                              const Feedback* feedback = nullptr);

// The load on one segment: tonnes per class of the flows that use any of it,
// and the tonne-km they travel on it.
struct SegmentLoad {
  SegmentId segment = kNoId;
  std::vector<double> tonnes;  // per class
  double tonneKm = 0;
  double total() const;
};

// Shortest-path (all-or-nothing) assignment: every flow's tonnes on every
// segment of its route. Loaded segments only, in segment order; unreachable
// routes carry nothing. `classOf` gives each flow's class in [0, classes).
std::vector<SegmentLoad> roadLoads(const std::vector<Route>& routes,
                                   const std::vector<double>& tonnes,
                                   const std::vector<std::size_t>& classOf, std::size_t classes);

// A flow drawn as an arc bending to the right of its direction, so that the
// flows A to B and B to A lie on opposite sides of the chord and never
// overlap. `bulge` is the arc's height as a share of the chord.
std::vector<XY> curvedFlowLine(XY from, XY to, double bulge = 0.15, int pieces = 24);

// Where the flows of one origin part for their destinations, so that a map
// draws them as one trunk and a fan rather than a line each all the way: on
// the way to the destinations' centre (weighted by tonnes), a fifth farther
// from it than the farthest destination; the origin itself where it lies
// that near, or where no flow has tonnes. Coordinates in metres.
XY flowSplitPoint(XY origin, const std::vector<XY>& destinations,
                  const std::vector<double>& tonnes);

}  // namespace cp::geo
