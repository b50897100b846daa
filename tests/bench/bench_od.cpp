// OD matrix benchmark on the Almaty drivable network, in the same run:
// - the engine (network build from the GeoPackage, snapping, N x N distance +
//   time matrix on all cores) against QGIS's own network analysis (graph build
//   with N tie points, one QgsGraphAnalyzer::dijkstra per origin);
// - end to end as the user waits, from reading the roads and places to the
//   written table: `circular-planner od`'s job, from the roads and from a saved
//   network, against QGIS (graph and queries; writing not counted) and against
//   pgRouting's pgr_dijkstraCostMatrix into a table, on the same segments in a
//   PostgreSQL server started here, with the graph already stored and the
//   places given as vertices (loading and snapping not counted).
//
// Usage: bench_od [--points N] [--qgis-origins M] [--threads T] [--no-pgrouting]
// With M < N the QGIS query time is measured on M origins and scaled to N
// (each origin costs the same: a full Dijkstra over the graph); the output says so.

#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>

#include "geo/contraction_hierarchy.h"
#include "geo/routing.h"
#include "layers/jobs/od_job.h"
#include "support/almaty_network.h"
#include "support/pg_cluster.h"
#include "support/pg_network.h"
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
  bool pgRouting = true;
};

Args parse(int argc, char** argv) {
  Args a;
  for (int i = 1; i < argc; ++i)
    if (!std::strcmp(argv[i], "--no-pgrouting"))
      a.pgRouting = false;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (argv[i + 1][0] < '0' || argv[i + 1][0] > '9')
      continue;
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
  std::vector<cp::geo::NodeId> nearNodes;  // a vertex of each place's segment, for pgRouting
};

OursResult runOurs(const Args& args) {
  OursResult r;
  auto t = Clock::now();
  const cp::test::AlmatyNetwork almaty = cp::test::buildAlmatyNetwork();
  r.buildS = secondsSince(t);
  // Places are drawn on the network, then snapped back like user points.
  const auto places = cp::test::randomLocations(almaty.network, args.points, 1);
  std::vector<cp::geo::XY> xy;
  for (const auto& p : places) {
    xy.push_back(p.xy);
    r.nearNodes.push_back(almaty.network.segmentFrom[p.segment]);
  }
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

// The places as a GeoJSON file of lon/lat points with an id, as a user gives them.
std::string writePlaces(const std::vector<cp::geo::LonLat>& lonLat) {
  std::string json = R"({"type":"FeatureCollection","features":[)";
  for (std::size_t i = 0; i < lonLat.size(); ++i) {
    char feature[200];
    std::snprintf(feature, sizeof feature,
                  R"(%s{"type":"Feature","properties":{"id":"p%zu"},)"
                  R"("geometry":{"type":"Point","coordinates":[%.9f,%.9f]}})",
                  i ? "," : "", i, lonLat[i].lon, lonLat[i].lat);
    json += feature;
  }
  return cp::test::writeText("bench_od_places.geojson", json + "]}");
}

// `circular-planner od`'s job on the places: from the roads, or from a saved network.
cp::layers::OdJobResult runJob(const std::string& places, const std::string& networkCache,
                               unsigned threads) {
  cp::layers::OdJob job;
  job.network.roads = cp::test::sampleLayer("roads");
  job.origins = places;
  job.originIdField = "id";
  job.destinationIdField = "id";
  job.output = cp::test::tempPath("bench_od.gpkg");
  job.network.saved = networkCache;
  job.analysis.query.threads = threads;
  return cp::layers::runOdJob(job);
}

struct PgRoutingResult {
  double seconds = -1;
  long long rows = 0;
};

// pgr_dijkstraCostMatrix between the places' vertices, written into a table.
PgRoutingResult runPgRouting(const cp::geo::Network& net,
                             const std::vector<cp::geo::NodeId>& vertices) {
  const cp::test::PgCluster cluster;
  const cp::test::PgConnection db(cluster.conninfo());
  db.exec("CREATE EXTENSION pgrouting CASCADE");
  cp::test::loadPgRoutingEdges(db, net);
  std::string ids;
  for (cp::geo::NodeId n : vertices)
    ids += (ids.empty() ? "" : ",") + std::to_string(n);
  PgRoutingResult r;
  const auto start = Clock::now();
  db.exec(std::string("CREATE TABLE od AS SELECT * FROM pgr_dijkstraCostMatrix('") +
          cp::test::kPgRoutingEdgesSql + "', ARRAY[" + ids + "]::bigint[], directed := true)");
  r.seconds = secondsSince(start);
  r.rows = std::stoll(PQgetvalue(db.exec("SELECT count(*) FROM od").get(), 0, 0));
  return r;
}

void printEndToEnd(const Args& args, const OursResult& ours, double qgisTotal) {
  const std::string places = writePlaces(ours.lonLat);
  const auto fromRoads = runJob(places, "", args.threads);
  const std::string saved = cp::test::tempPath("bench_od.cpnet");
  std::remove(saved.c_str());
  runJob(places, saved, args.threads);  // builds and saves the network
  const auto fromSaved = runJob(places, saved, args.threads);
  PgRoutingResult pg;
  if (args.pgRouting)
    pg = runPgRouting(cp::test::buildAlmatyNetwork().network, ours.nearNodes);

  std::printf("\nend to end, as the user waits (read roads and places -> written table)\n");
  std::printf("%-44s %10s %10s %10s\n", "", "ours [s]", "QGIS", "pgRouting");
  const auto row = [&](const char* what, const cp::layers::OdJobResult& r) {
    const double t = r.seconds.total;
    char pgRatio[32] = "-";
    if (pg.seconds > 0)
      std::snprintf(pgRatio, sizeof pgRatio, "%.1fx", pg.seconds / t);
    std::printf("%-44s %10.3f %9.1fx %10s\n", what, t, qgisTotal / t, pgRatio);
  };
  row("`od` from the roads", fromRoads);
  row("`od` from a saved network", fromSaved);
  std::printf(
      "  ours from the roads: network %.3f s, places %.3f s, matrix %.3f s, writing %.3f s "
      "(%zu rows)\n",
      fromRoads.seconds.network, fromRoads.seconds.places, fromRoads.seconds.matrix,
      fromRoads.seconds.writing, fromRoads.pairs);
  std::printf("  QGIS: %.3f s for graph and queries, nothing written\n", qgisTotal);
  if (pg.seconds > 0)
    std::printf(
        "  pgRouting: %.3f s for pgr_dijkstraCostMatrix into a table (%lld rows), graph "
        "already stored, places given as vertices\n",
        pg.seconds, pg.rows);
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
  printEndToEnd(args, ours, qgisTotal);
  return agreement.ok() ? 0 : 1;
}
