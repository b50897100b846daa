#pragma once
// An independent reference for shortest-path costs between places. It builds
// its own directed graph from the network's segments (not from the engine's
// arcs, seeds or partial segments): every place becomes a vertex - the node it
// lies on when its fraction is 0 or 1, otherwise a new vertex that splits its
// segment - so a cost between places is a plain vertex-to-vertex shortest path.

#include <memory>
#include <vector>

#include "geo/network.h"
#include "geo/snapping.h"

namespace cp::test {

class PlaceGraph {
 public:
  PlaceGraph(const geo::Network& network, const std::vector<geo::Location>& places,
             geo::Metric metric);
  ~PlaceGraph();
  PlaceGraph(const PlaceGraph&) = delete;
  PlaceGraph& operator=(const PlaceGraph&) = delete;

  // The minimised cost from place `from` to every place (Boost.Graph's
  // Dijkstra); infinity where unreachable.
  std::vector<double> costsFrom(std::size_t from) const;
  // Every place to every place by Floyd-Warshall over all vertices: a brute
  // force for small graphs, sharing nothing with a Dijkstra.
  std::vector<std::vector<double>> allPairsBruteForce() const;

 private:
  struct Graph;
  std::unique_ptr<Graph> graph_;
};

}  // namespace cp::test
