// Road-load benchmark on the Almaty drivable network: F flows (tonnes per year
// between random places) routed and loaded onto the road segments. Ours (one
// search per origin on all cores, then the loads) against what a planner would
// do with QGIS's own tools: QgsGraphAnalyzer::dijkstra per origin and a walk
// up the shortest-path tree for each flow, adding its tonnes to every edge.
// Both totals of tonne-km are printed; they must agree.
//
// Usage: bench_road_loads [--flows F] [--places P]

#include <chrono>
#include <cstdio>
#include <cstring>
#include <map>
#include <random>
#include <string>

#include <qgsgraphanalyzer.h>

#include "geo/flows_on_network.h"
#include "support/almaty_network.h"
#include "support/qgis_env.h"
#include "support/qgis_graph.h"
#include "support/temp_files.h"

namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

struct Args {
  std::size_t flows = 10000;
  std::size_t places = 500;
};

Args parse(int argc, char** argv) {
  Args a;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--flows"))
      a.flows = std::stoul(argv[i + 1]);
    else if (!std::strcmp(argv[i], "--places"))
      a.places = std::stoul(argv[i + 1]);
  }
  return a;
}

struct Flows {
  std::vector<std::pair<std::size_t, std::size_t>> ends;
  std::vector<double> tonnes;
  std::vector<std::size_t> classOf;
};

Flows randomFlows(const Args& a) {
  std::mt19937 rng(11);
  Flows f;
  for (std::size_t k = 0; k < a.flows; ++k) {
    f.ends.push_back({rng() % a.places, rng() % a.places});
    f.tonnes.push_back(static_cast<double>(1 + rng() % 1000));
    f.classOf.push_back(rng() % 7);
  }
  return f;
}

// QGIS: a tree per origin, then each flow's path walked edge by edge.
double qgisLoads(const cp::test::QgisGraph& g, const Flows& flows, std::size_t& edgesLoaded) {
  std::map<std::size_t, std::vector<std::size_t>> byOrigin;
  for (std::size_t k = 0; k < flows.ends.size(); ++k)
    byOrigin[flows.ends[k].first].push_back(k);
  std::vector<double> load(static_cast<std::size_t>(g.graph->edgeCount()), 0.0);
  double tonneKm = 0;
  QVector<int> tree;
  QVector<double> cost;
  for (const auto& [origin, ks] : byOrigin) {
    QgsGraphAnalyzer::dijkstra(g.graph.get(), g.tieVertex[origin], 0, &tree, &cost);
    for (std::size_t k : ks) {
      for (int v = g.tieVertex[flows.ends[k].second]; v >= 0 && tree[v] != -1;) {
        const QgsGraphEdge& e = g.graph->edge(tree[v]);
        load[static_cast<std::size_t>(tree[v])] += flows.tonnes[k];
        tonneKm += flows.tonnes[k] * e.cost(0).toDouble() / 1000;
        v = e.fromVertex();
      }
    }
  }
  edgesLoaded = static_cast<std::size_t>(
      std::count_if(load.begin(), load.end(), [](double t) { return t > 0; }));
  return tonneKm;
}

}  // namespace

int main(int argc, char** argv) {
  const Args a = parse(argc, argv);
  const cp::test::QgisSession qgis(argc, argv);
  auto start = Clock::now();
  const cp::test::AlmatyNetwork almaty = cp::test::buildAlmatyNetwork();
  const double build = secondsSince(start);
  const auto places = cp::test::randomLocations(almaty.network, a.places, 2);
  const Flows flows = randomFlows(a);

  start = Clock::now();
  const auto routes = cp::geo::routePairs(
      almaty.network, std::vector<std::optional<cp::geo::Location>>(places.begin(), places.end()),
      flows.ends);
  const auto loads = cp::geo::roadLoads(routes, flows.tonnes, flows.classOf, 7);
  const double ours = secondsSince(start);
  double oursTonneKm = 0;
  for (const auto& l : loads)
    oursTonneKm += l.tonneKm;

  std::vector<cp::geo::XY> xy;
  for (const auto& p : places)
    xy.push_back(p.xy);
  QVector<QgsPointXY> ties;
  for (const auto& ll : cp::test::toLonLat(*almaty.roads.frame, xy))
    ties.append(QgsPointXY(ll.lon, ll.lat));
  start = Clock::now();
  QgsVectorLayer roads(QString::fromStdString(cp::test::sampleLayer("roads")), "roads", "ogr");
  roads.setSubsetString(cp::test::drivableSubset());
  const cp::test::QgisGraph graph = cp::test::buildQgisGraph(roads, ties);
  const double qgisBuild = secondsSince(start);
  start = Clock::now();
  std::size_t qgisEdges = 0;
  const double qgisTonneKm = qgisLoads(graph, flows, qgisEdges);
  const double theirs = secondsSince(start);

  const double difference = std::abs(oursTonneKm - qgisTonneKm) / qgisTonneKm;
  std::printf("%zu flows between %zu places on the Almaty OSM drivable roads\n", a.flows, a.places);
  std::printf("ours: routes + loads %.3f s (%zu segments); with the network build %.3f s\n", ours,
              loads.size(), ours + build);
  std::printf(
      "QGIS QgsGraphAnalyzer + tree walks: %.3f s (%zu edges); with its graph build %.3f s\n",
      theirs, qgisEdges, theirs + qgisBuild);
  std::printf("ratio: %.0fx (queries), %.0fx (with builds)\n", theirs / ours,
              (theirs + qgisBuild) / (ours + build));
  std::printf("tonne-km: ours %.0f, QGIS %.0f (relative difference %.1e)\n", oursTonneKm,
              qgisTonneKm, difference);
  return difference < 1e-4 ? 0 : 1;
}
