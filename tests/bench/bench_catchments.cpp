// Catchment benchmark on the Almaty drivable network: S sites (random places)
// with a cutoff, our one multi-source search plus the banded pieces, against
// QGIS's own service area (native:serviceareafromlayer, the tool a planner
// would use instead) on the same drivable roads, with the same one-way rules,
// in the same run. QGIS builds its graph inside the algorithm, so ours is timed
// both with and without the network build. pgRouting's pgr_drivingDistance
// (equicost) runs on the same segments and lengths in a throwaway PostgreSQL
// server; it also rebuilds its graph on every call. Its answer is checked
// against ours, node by node: equicost is meant to give each node its nearest
// site, and the note on peers found it does not always.
//
// Usage: bench_catchments [--sites S] [--cutoff METRES]

#include <chrono>
#include <cstdio>
#include <cstring>
#include <set>
#include <string>

#include <qgsnativealgorithms.h>
#include <qgsprocessingalgorithm.h>
#include <qgsprocessingregistry.h>
#include <qgsproject.h>
#include <qgsvectorlayer.h>

#include "geo/catchments.h"
#include "geo/network_io.h"
#include "layers/road_classes.h"
#include "support/almaty_network.h"
#include "support/pg_cluster.h"
#include "support/pg_network.h"
#include "support/qgis_env.h"
#include "support/temp_files.h"

namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

struct Args {
  std::size_t sites = 50;
  double cutoff = 5000;
};

Args parse(int argc, char** argv) {
  Args a;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--sites"))
      a.sites = std::stoul(argv[i + 1]);
    else if (!std::strcmp(argv[i], "--cutoff"))
      a.cutoff = std::stod(argv[i + 1]);
  }
  return a;
}

// The sample roads limited to the classes our network keeps.
std::unique_ptr<QgsVectorLayer> drivableRoads() {
  auto roads = std::make_unique<QgsVectorLayer>(
      QString::fromStdString(cp::test::sampleLayer("roads")), "roads", "ogr");
  QStringList classes;
  for (const QVariant& v : roads->uniqueValues(roads->fields().lookupField("fclass")))
    if (cp::layers::isDrivableClass(v.toString().toStdString()))
      classes << QStringLiteral("'%1'").arg(v.toString());
  roads->setSubsetString(QStringLiteral("\"fclass\" IN (%1)").arg(classes.join(',')));
  return roads;
}

std::unique_ptr<QgsVectorLayer> startPoints(const std::vector<cp::geo::Location>& sites, int epsg) {
  auto layer = std::make_unique<QgsVectorLayer>(QStringLiteral("Point?crs=EPSG:%1").arg(epsg),
                                                "sites", "memory");
  QgsFeatureList features;
  for (const cp::geo::Location& s : sites) {
    QgsFeature f;
    f.setGeometry(QgsGeometry::fromPointXY(QgsPointXY(s.xy.x, s.xy.y)));
    features << f;
  }
  layer->dataProvider()->addFeatures(features);
  return layer;
}

double qgisServiceArea(QgsVectorLayer& roads, QgsVectorLayer& starts, double cutoff,
                       long long& lines) {
  QgsProcessingRegistry* registry = QgsApplication::processingRegistry();
  std::unique_ptr<QgsProcessingAlgorithm> alg(
      registry->algorithmById(QStringLiteral("native:serviceareafromlayer"))->create());
  QgsProject::instance()->addMapLayer(&roads, false);
  QgsProject::instance()->addMapLayer(&starts, false);
  const QVariantMap params{
      {"INPUT", roads.id()},         {"STRATEGY", 0},
      {"DIRECTION_FIELD", "oneway"}, {"VALUE_FORWARD", "yes"},
      {"VALUE_BACKWARD", "-1"},      {"VALUE_BOTH", "no"},
      {"DEFAULT_DIRECTION", 2},      {"START_POINTS", starts.id()},
      {"TRAVEL_COST2", cutoff},      {"OUTPUT_LINES", QgsProcessing::TEMPORARY_OUTPUT}};
  QgsProcessingContext context;
  context.setProject(QgsProject::instance());
  QgsProcessingFeedback feedback;
  bool ok = false;
  const auto start = Clock::now();
  const QVariantMap results = alg->run(params, context, &feedback, &ok);
  const double seconds = secondsSince(start);
  if (auto* layer = qobject_cast<QgsVectorLayer*>(
          context.getMapLayer(results.value("OUTPUT_LINES").toString())))
    lines = layer->featureCount();
  QgsProject::instance()->takeMapLayer(&roads);
  QgsProject::instance()->takeMapLayer(&starts);
  return ok ? seconds : -1;
}

struct PgRoutingRun {
  double seconds = -1;
  long long rows = 0;
  long long fartherSite = 0;  // nodes pgRouting gave a site farther than the nearest
  double worstExcessM = 0;
};

// A node's place on the network, as a location at the end of one of its segments.
cp::geo::Location atNode(const cp::geo::Network& net, cp::geo::NodeId n) {
  const cp::geo::SegmentId s = net.arcs[net.arcBegin[n]].segment;
  return {s, net.segmentFrom[s] == n ? 0.0 : 1.0, net.nodeXY[n]};
}

PgRoutingRun pgRoutingDrivingDistance(const cp::geo::Network& net,
                                      const std::vector<cp::geo::NodeId>& starts, double cutoff) {
  const cp::test::PgCluster cluster;
  const cp::test::PgConnection db(cluster.conninfo());
  db.exec("CREATE EXTENSION pgrouting CASCADE");
  cp::test::loadPgRoutingEdges(db, net);
  std::string ids;
  for (cp::geo::NodeId n : starts)
    ids += (ids.empty() ? "" : ",") + std::to_string(n);
  const std::string sql = std::string("SELECT node, agg_cost FROM pgr_drivingDistance('") +
                          cp::test::kPgRoutingEdgesSql + "', ARRAY[" + ids + "]::bigint[], " +
                          std::to_string(cutoff) + ", directed := true, equicost := true)";
  const auto start = Clock::now();
  const auto result = db.exec(sql);
  PgRoutingRun run;
  run.seconds = secondsSince(start);
  run.rows = PQntuples(result.get());

  std::vector<std::optional<cp::geo::Location>> sites;
  for (cp::geo::NodeId n : starts)
    sites.push_back(atNode(net, n));
  cp::geo::CatchmentOptions options;
  options.cutoff = cutoff;
  options.travel = cp::geo::Travel::FromSite;
  const cp::geo::Catchments exact(net, sites, options);
  for (int r = 0; r < PQntuples(result.get()); ++r) {
    const auto node = static_cast<cp::geo::NodeId>(std::stoul(PQgetvalue(result.get(), r, 0)));
    const double theirs = std::stod(PQgetvalue(result.get(), r, 1));
    const double excess = theirs - exact.at(atNode(net, node)).cost.distanceM;
    if (excess > 1e-6) {
      ++run.fartherSite;
      run.worstExcessM = std::max(run.worstExcessM, excess);
    }
  }
  return run;
}

}  // namespace

int main(int argc, char** argv) {
  const Args a = parse(argc, argv);
  cp::test::QgisSession qgis(argc, argv);
  QgsApplication::processingRegistry()->addProvider(new QgsNativeAlgorithms());

  auto start = Clock::now();
  const cp::test::AlmatyNetwork almaty = cp::test::buildAlmatyNetwork(true);
  const double build = secondsSince(start);
  const auto sites = cp::test::randomLocations(almaty.network, a.sites, 5);
  start = Clock::now();
  cp::geo::CatchmentOptions options;
  options.cutoff = a.cutoff;
  options.travel = cp::geo::Travel::FromSite;
  const cp::geo::Catchments catchments(
      almaty.network, std::vector<std::optional<cp::geo::Location>>(sites.begin(), sites.end()),
      options);
  const auto pieces = catchments.pieces({a.cutoff / 2});
  const double ours = secondsSince(start);

  // pgRouting reads a graph already stored in a table; ours from its saved file.
  const std::string saved = cp::test::tempPath("bench_catchments.cpnet");
  cp::geo::saveNetwork(almaty.network, saved);
  start = Clock::now();
  const cp::geo::Network loaded = cp::geo::loadNetwork(saved);
  const cp::geo::Catchments fromSaved(
      loaded, std::vector<std::optional<cp::geo::Location>>(sites.begin(), sites.end()), options);
  const std::size_t savedPieces = fromSaved.pieces({a.cutoff / 2}).size();
  const double oursSaved = secondsSince(start);

  auto roads = drivableRoads();
  auto starts = startPoints(sites, almaty.roads.frame->epsg());
  long long lines = 0;
  const double theirs = qgisServiceArea(*roads, *starts, a.cutoff, lines);
  std::printf("%zu sites, cutoff %.0f m on the Almaty OSM drivable roads\n", a.sites, a.cutoff);
  std::printf("ours: catchments %.3f s (%zu pieces); with the network build %.3f s\n", ours,
              pieces.size(), ours + build);
  std::printf("QGIS native:serviceareafromlayer: %.3f s (%lld lines)\n", theirs, lines);
  std::printf("ratio: %.0fx (search), %.0fx (with build)\n", theirs / ours,
              theirs / (ours + build));

  // pgRouting starts from vertices: the from-node of each site's segment.
  std::vector<cp::geo::NodeId> startNodes;
  for (const cp::geo::Location& s : sites)
    startNodes.push_back(almaty.network.segmentFrom[s.segment]);
  const PgRoutingRun pg = pgRoutingDrivingDistance(almaty.network, startNodes, a.cutoff);
  std::printf("pgRouting pgr_drivingDistance (equicost): %.3f s (%lld nodes)\n", pg.seconds,
              pg.rows);
  std::printf("ours from the saved network (load + search): %.3f s (%zu pieces)\n", oursSaved,
              savedPieces);
  std::printf("ratio: %.1fx (search), %.1fx (load + search), %.1fx (with build)\n",
              pg.seconds / ours, pg.seconds / oursSaved, pg.seconds / (ours + build));
  std::printf(
      "pgRouting gave %lld of %lld nodes a farther site than their nearest (worst +%.0f m)\n",
      pg.fartherSite, pg.rows, pg.worstExcessM);
  return theirs > 0 && pg.seconds > 0 ? 0 : 1;
}
