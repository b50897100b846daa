// OD matrix benchmark on the Almaty drivable network: our engine (network
// build from the GeoPackage, snapping, N x N distance + time matrix on all
// cores) against QGIS's own network analysis (graph build with N tie points,
// one QgsGraphAnalyzer::dijkstra per origin), in the same run.
//
// Usage: bench_od_vs_qgis [--points N] [--qgis-origins M] [--threads T]
// With M < N the QGIS query time is measured on M origins and scaled to N
// (each origin costs the same: a full Dijkstra over the graph); the output says so.

#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>

#include "geo/contraction_hierarchy.h"
#include "geo/routing.h"
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
  std::size_t points = 1000;
  std::size_t qgisOrigins = 0;  // 0: all
  unsigned threads = 0;
};

Args parse(int argc, char** argv) {
  Args a;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::size_t v = std::stoul(argv[i + 1]);
    if (!std::strcmp(argv[i], "--points"))
      a.points = v;
    if (!std::strcmp(argv[i], "--qgis-origins"))
      a.qgisOrigins = v;
    if (!std::strcmp(argv[i], "--threads"))
      a.threads = static_cast<unsigned>(v);
  }
  if (a.qgisOrigins == 0 || a.qgisOrigins > a.points)
    a.qgisOrigins = a.points;
  return a;
}

struct OursResult {
  double buildS = 0;
  double snapS = 0;
  double hierarchyS = 0;
  double matrixS = 0;
  double dijkstraMatrixS = 0;  // the same matrix by one Dijkstra per origin
  cp::geo::OdMatrix matrix;
  std::vector<cp::geo::LonLat> lonLat;
};

OursResult runOurs(const Args& args) {
  OursResult r;
  auto t = Clock::now();
  const cp::test::AlmatyNetwork almaty = cp::test::buildAlmatyNetwork();
  r.buildS = secondsSince(t);
  // Places are drawn on the network, then snapped back like user points.
  const auto places = cp::test::randomLocations(almaty.network, args.points, 1);
  std::vector<cp::geo::XY> xy;
  for (const auto& p : places)
    xy.push_back(p.xy);
  r.lonLat = cp::test::toLonLat(*almaty.roads.frame, xy);
  t = Clock::now();
  const cp::geo::Snapper snapper(almaty.network, {});
  std::vector<std::optional<cp::geo::Location>> located;
  for (const auto& s : snapper.snapAll(xy))
    located.push_back(s.location);
  r.snapS = secondsSince(t);
  t = Clock::now();
  const auto ch = cp::geo::ContractionHierarchy::build(almaty.network, cp::geo::Metric::Distance);
  r.hierarchyS = secondsSince(t);
  t = Clock::now();
  r.matrix = ch.manyToMany(located, located, args.threads);
  r.matrixS = secondsSince(t);
  t = Clock::now();
  cp::geo::QueryOptions dijkstra;
  dijkstra.algorithm = cp::geo::Algorithm::Dijkstra;
  dijkstra.threads = args.threads;
  const cp::geo::OdMatrix check = cp::geo::odMatrix(almaty.network, located, located, dijkstra);
  r.dijkstraMatrixS = secondsSince(t);
  for (std::size_t i = 0; i < check.cells.size(); ++i)
    if (std::abs(check.cells[i].distanceM - r.matrix.cells[i].distanceM) >
        1e-6 * check.cells[i].distanceM)
      std::printf("hierarchy and Dijkstra differ at cell %zu\n", i);
  return r;
}

struct QgisResult {
  double buildS = 0;
  double queryS = 0;  // for the measured origins
  std::vector<std::vector<double>> rows;
};

QgisResult runQgis(const Args& args, const std::vector<cp::geo::LonLat>& lonLat) {
  QgisResult r;
  auto t = Clock::now();
  QgsVectorLayer roads(QString::fromStdString(cp::test::sampleLayer("roads")), "roads", "ogr");
  roads.setSubsetString(cp::test::drivableSubset());
  QVector<QgsPointXY> ties;
  for (const auto& p : lonLat)
    ties.append(QgsPointXY(p.lon, p.lat));
  const cp::test::QgisGraph graph = cp::test::buildQgisGraph(roads, ties);
  r.buildS = secondsSince(t);
  std::vector<std::size_t> all(args.points);
  for (std::size_t i = 0; i < all.size(); ++i)
    all[i] = i;
  t = Clock::now();
  for (std::size_t o = 0; o < args.qgisOrigins; ++o)
    r.rows.push_back(cp::test::qgisDistances(graph, o, all));
  r.queryS = secondsSince(t);
  return r;
}

struct Agreement {
  double worstAbsoluteM = 0;
  double worstRelative = 0;  // over pairs at least 1 km apart
  bool sameReachability = true;
  // Partial segments at the ends are measured differently (a planar fraction of
  // the ellipsoidal length vs the geodesic to the tie point): millimetres.
  bool ok() const { return sameReachability && worstAbsoluteM < 0.05 && worstRelative < 1e-6; }
};

Agreement compare(const OursResult& ours, const QgisResult& qgis) {
  Agreement a;
  for (std::size_t o = 0; o < qgis.rows.size(); ++o) {
    for (std::size_t d = 0; d < qgis.rows[o].size(); ++d) {
      const double mine = ours.matrix.at(o, d).distanceM;
      const double theirs = qgis.rows[o][d];
      if (std::isinf(mine) != std::isinf(theirs))
        a.sameReachability = false;
      if (std::isinf(mine) || std::isinf(theirs))
        continue;
      a.worstAbsoluteM = std::max(a.worstAbsoluteM, std::abs(mine - theirs));
      if (theirs >= 1000)
        a.worstRelative = std::max(a.worstRelative, std::abs(mine - theirs) / theirs);
    }
  }
  return a;
}

}  // namespace

int main(int argc, char** argv) {
  const Args args = parse(argc, argv);
  const cp::test::QgisSession qgis(argc, argv);
  const OursResult ours = runOurs(args);
  const QgisResult theirs = runQgis(args, ours.lonLat);
  const double scale = static_cast<double>(args.points) / static_cast<double>(args.qgisOrigins);
  const double qgisQueries = theirs.queryS * scale;
  const double oursTotal = ours.buildS + ours.snapS + ours.hierarchyS + ours.matrixS;
  const double qgisTotal = theirs.buildS + qgisQueries;
  const Agreement agreement = compare(ours, theirs);

  std::printf("Almaty drivable network, %zu x %zu OD matrix\n", args.points, args.points);
  std::printf("%-44s %10s %10s %8s\n", "stage", "ours [s]", "QGIS [s]", "ratio");
  std::printf("%-44s %10.3f %10.3f %7.1fx\n", "network build (read GeoPackage, node, graph)",
              ours.buildS, theirs.buildS, theirs.buildS / ours.buildS);
  std::printf("%-44s %10.3f %10s %8s\n", "snapping points", ours.snapS, "(in build)", "");
  std::printf("%-44s %10.3f %10s %8s\n", "contraction hierarchy build", ours.hierarchyS, "-", "");
  std::printf("%-44s %10.3f %10.3f %7.1fx\n", "OD queries (ours: distance + time)", ours.matrixS,
              qgisQueries, qgisQueries / ours.matrixS);
  std::printf("%-44s %10.3f %10.3f %7.1fx\n", "total", oursTotal, qgisTotal, qgisTotal / oursTotal);
  std::printf("(ours without the hierarchy, one Dijkstra per origin: %.3f s for the matrix)\n",
              ours.dijkstraMatrixS);
  if (args.qgisOrigins < args.points)
    std::printf("QGIS queries measured on %zu origins (%.3f s) and scaled by %.1f\n",
                args.qgisOrigins, theirs.queryS, scale);
  std::printf(
      "agreement over %zu x %zu cells: same reachability: %s; worst difference %.4f m; "
      "worst relative (pairs >= 1 km) %.2e\n",
      theirs.rows.size(), args.points, agreement.sameReachability ? "yes" : "NO",
      agreement.worstAbsoluteM, agreement.worstRelative);
  return agreement.ok() ? 0 : 1;
}
