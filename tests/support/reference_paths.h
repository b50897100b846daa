#pragma once
// An independent reference for shortest-path costs: Boost.Graph's Dijkstra on a
// graph built here from the network's segments (not from its arcs), with a
// virtual source joined to the origin's segment ends; the destination's cost is
// taken over its segment's ends.

#include <memory>

#include "geo/network.h"
#include "geo/snapping.h"

namespace cp::test {

class ReferenceRouter {
 public:
  ReferenceRouter(const geo::Network& network, geo::Metric metric);
  ~ReferenceRouter();

  // The minimised cost from one location to another; infinity when unreachable.
  double cost(const geo::Location& from, const geo::Location& to);

 private:
  struct Graph;
  const geo::Network& network_;
  geo::Metric metric_;
  std::unique_ptr<Graph> graph_;
};

}  // namespace cp::test
