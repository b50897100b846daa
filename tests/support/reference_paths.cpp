#include "support/reference_paths.h"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/dijkstra_shortest_paths.hpp>
#include <limits>

namespace cp::test {

using BoostGraph =
    boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, boost::no_property,
                          boost::property<boost::edge_weight_t, double>>;

struct ReferenceRouter::Graph {
  BoostGraph g;
  std::size_t source = 0;
};

ReferenceRouter::ReferenceRouter(const geo::Network& network, geo::Metric metric)
    : network_(network), metric_(metric), graph_(std::make_unique<Graph>()) {
  const std::size_t n = network.nodeCount();
  graph_->g = BoostGraph(n + 1);
  graph_->source = n;
  for (geo::SegmentId s = 0; s < network.segmentCount(); ++s) {
    const double w =
        metric == geo::Metric::Distance ? network.segmentLength[s] : network.segmentTime[s];
    if (geo::allowsForward(network.segmentDirection[s]))
      boost::add_edge(network.segmentFrom[s], network.segmentTo[s], w, graph_->g);
    if (geo::allowsBackward(network.segmentDirection[s]))
      boost::add_edge(network.segmentTo[s], network.segmentFrom[s], w, graph_->g);
  }
}

ReferenceRouter::~ReferenceRouter() = default;

double ReferenceRouter::cost(const geo::Location& from, const geo::Location& to) {
  BoostGraph& g = graph_->g;
  boost::clear_out_edges(graph_->source, g);
  auto weight = [&](geo::SegmentId s, double fraction) {
    return fraction *
           (metric_ == geo::Metric::Distance ? network_.segmentLength[s] : network_.segmentTime[s]);
  };
  const geo::Direction df = network_.segmentDirection[from.segment];
  if (geo::allowsForward(df))
    boost::add_edge(graph_->source, network_.segmentTo[from.segment],
                    weight(from.segment, 1 - from.fraction), g);
  if (geo::allowsBackward(df))
    boost::add_edge(graph_->source, network_.segmentFrom[from.segment],
                    weight(from.segment, from.fraction), g);
  std::vector<double> dist(boost::num_vertices(g));
  boost::dijkstra_shortest_paths(g, graph_->source, boost::distance_map(dist.data()));
  const auto reached = [&](geo::NodeId n) { return dist[n] < std::numeric_limits<double>::max(); };

  double best = std::numeric_limits<double>::infinity();
  const geo::Direction dt = network_.segmentDirection[to.segment];
  const geo::NodeId tail = network_.segmentFrom[to.segment];
  const geo::NodeId head = network_.segmentTo[to.segment];
  if (geo::allowsForward(dt) && reached(tail))
    best = std::min(best, dist[tail] + weight(to.segment, to.fraction));
  if (geo::allowsBackward(dt) && reached(head))
    best = std::min(best, dist[head] + weight(to.segment, 1 - to.fraction));
  if (from.segment == to.segment) {
    if (geo::allowsForward(dt) && to.fraction >= from.fraction)
      best = std::min(best, weight(to.segment, to.fraction - from.fraction));
    if (geo::allowsBackward(dt) && to.fraction <= from.fraction)
      best = std::min(best, weight(to.segment, from.fraction - to.fraction));
  }
  return best;
}

}  // namespace cp::test
