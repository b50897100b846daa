#include "support/qgis_graph.h"

#include <qgscoordinatereferencesystem.h>
#include <qgsdistancearea.h>
#include <qgsgraphanalyzer.h>
#include <qgsgraphbuilder.h>
#include <qgsnetworkstrategy.h>
#include <qgsproject.h>
#include <qgsvectorlayerdirector.h>

#include <limits>

namespace cp::test {
namespace {

// Distance, where a schematic line gives the real road's length
// (road_length_m): each piece QGIS cuts from it costs its share of that
// length, measured by QGIS's own ellipsoid.
class RoadLengthStrategy : public QgsNetworkStrategy {
 public:
  explicit RoadLengthStrategy(const QgsVectorLayer& roads)
      : field_(roads.fields().indexOf(QStringLiteral("road_length_m"))) {
    measure_.setSourceCrs(roads.crs(), QgsProject::instance()->transformContext());
    measure_.setEllipsoid(QStringLiteral("WGS84"));
  }
  QSet<int> requiredAttributes() const override {
    return field_ >= 0 ? QSet<int>{field_} : QSet<int>{};
  }
  QVariant cost(double distance, const QgsFeature& f) const override {
    const double roadLength = field_ >= 0 ? f.attribute(field_).toDouble() : 0;
    if (!(roadLength > 0))
      return distance;
    return distance * roadLength / measure_.measureLength(f.geometry());
  }

 private:
  int field_;
  QgsDistanceArea measure_;
};

}  // namespace

QString drivableSubset() {
  return QStringLiteral(
      "fclass NOT IN ('footway','path','steps','cycleway','pedestrian','bridleway','unknown') "
      "AND fclass NOT LIKE 'track%'");
}

QgisGraph buildQgisGraph(QgsVectorLayer& roads, const QVector<QgsPointXY>& tiePoints) {
  const int onewayField = roads.fields().indexOf(QStringLiteral("oneway"));
  QgsVectorLayerDirector director(&roads, onewayField, QStringLiteral("F"), QStringLiteral("T"),
                                  QStringLiteral("B"), QgsVectorLayerDirector::DirectionBoth);
  director.addStrategy(new RoadLengthStrategy(roads));
  // A tiny topology tolerance: with 0, tie points landing on a vertex lose their link (peers.md).
  QgsGraphBuilder builder(QgsCoordinateReferenceSystem(QStringLiteral("EPSG:4326")), true, 1e-11,
                          QStringLiteral("WGS84"));
  QVector<QgsPointXY> snapped;
  director.makeGraph(&builder, tiePoints, snapped);
  QgisGraph out;
  out.graph.reset(builder.takeGraph());
  for (const QgsPointXY& p : snapped)
    out.tieVertex.push_back(out.graph->findVertex(p));
  return out;
}

std::vector<double> qgisDistances(const QgisGraph& g, std::size_t from,
                                  const std::vector<std::size_t>& to) {
  QVector<int> tree;
  QVector<double> cost;
  QgsGraphAnalyzer::dijkstra(g.graph.get(), g.tieVertex[from], 0, &tree, &cost);
  std::vector<double> out;
  for (std::size_t t : to) {
    const int v = g.tieVertex[t];
    const bool reached = v >= 0 && (v == g.tieVertex[from] || tree[v] != -1);
    out.push_back(reached ? cost[v] : std::numeric_limits<double>::infinity());
  }
  return out;
}

}  // namespace cp::test
