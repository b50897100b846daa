#include "support/reference_paths.h"

#include <algorithm>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/dijkstra_shortest_paths.hpp>
#include <limits>
#include <map>

namespace cp::test {

using BoostGraph =
    boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, boost::no_property,
                          boost::property<boost::edge_weight_t, double>>;

struct PlaceGraph::Graph {
  BoostGraph g;
  struct Edge {
    std::size_t from, to;
    double weight;
  };
  std::vector<Edge> edges;
  std::size_t vertices = 0;
  std::vector<std::size_t> placeVertex;
};

namespace {

constexpr double kUnreached = std::numeric_limits<double>::infinity();

// The vertices along one segment in order of fraction, from its from-node to its to-node.
using Chain = std::map<double, std::size_t>;

}  // namespace

PlaceGraph::PlaceGraph(const geo::Network& net, const std::vector<geo::Location>& places,
                       geo::Metric metric)
    : graph_(std::make_unique<Graph>()) {
  Graph& graph = *graph_;
  graph.vertices = net.nodeCount();
  std::map<geo::SegmentId, Chain> inner;  // places inside segments, one vertex per fraction
  for (const geo::Location& p : places) {
    if (p.fraction <= 0) {
      graph.placeVertex.push_back(net.segmentFrom[p.segment]);
    } else if (p.fraction >= 1) {
      graph.placeVertex.push_back(net.segmentTo[p.segment]);
    } else {
      auto [it, added] = inner[p.segment].emplace(p.fraction, graph.vertices);
      if (added)
        ++graph.vertices;
      graph.placeVertex.push_back(it->second);
    }
  }
  for (geo::SegmentId s = 0; s < net.segmentCount(); ++s) {
    const double w = metric == geo::Metric::Distance ? net.segmentLength[s] : net.segmentTime[s];
    Chain chain = inner.count(s) ? inner[s] : Chain{};
    chain.emplace(0.0, net.segmentFrom[s]);
    chain.emplace(1.0, net.segmentTo[s]);
    for (auto a = chain.begin(), b = std::next(a); b != chain.end(); ++a, ++b) {
      const double piece = (b->first - a->first) * w;
      if (geo::allowsForward(net.segmentDirection[s]))
        graph.edges.push_back({a->second, b->second, piece});
      if (geo::allowsBackward(net.segmentDirection[s]))
        graph.edges.push_back({b->second, a->second, piece});
    }
  }
  graph.g = BoostGraph(graph.vertices);
  for (const Graph::Edge& e : graph.edges)
    boost::add_edge(e.from, e.to, e.weight, graph.g);
}

PlaceGraph::~PlaceGraph() = default;

std::vector<double> PlaceGraph::costsFrom(std::size_t from) const {
  const Graph& graph = *graph_;
  std::vector<double> dist(graph.vertices);
  boost::dijkstra_shortest_paths(graph.g, graph.placeVertex[from],
                                 boost::distance_map(dist.data()));
  std::vector<double> out;
  for (std::size_t v : graph.placeVertex)
    out.push_back(dist[v] < std::numeric_limits<double>::max() ? dist[v] : kUnreached);
  return out;
}

std::vector<std::vector<double>> PlaceGraph::allPairsBruteForce() const {
  const Graph& graph = *graph_;
  const std::size_t n = graph.vertices;
  std::vector<double> d(n * n, kUnreached);
  for (std::size_t v = 0; v < n; ++v)
    d[v * n + v] = 0;
  for (const Graph::Edge& e : graph.edges)
    d[e.from * n + e.to] = std::min(d[e.from * n + e.to], e.weight);
  for (std::size_t k = 0; k < n; ++k)
    for (std::size_t i = 0; i < n; ++i)
      for (std::size_t j = 0; j < n; ++j)
        d[i * n + j] = std::min(d[i * n + j], d[i * n + k] + d[k * n + j]);
  std::vector<std::vector<double>> out;
  for (std::size_t a : graph.placeVertex) {
    out.emplace_back();
    for (std::size_t b : graph.placeVertex)
      out.back().push_back(d[a * n + b]);
  }
  return out;
}

}  // namespace cp::test
