#pragma once
// QGIS's own network analysis on a road layer, set up the way a planner would:
// QgsVectorLayerDirector with the one-way field, a distance strategy (that
// gives a schematic line its road_length_m), a graph on the WGS 84 ellipsoid,
// and tie points snapped onto it.

#include <memory>
#include <vector>

#include <qgsgraph.h>
#include <qgspointxy.h>
#include <qgsvectorlayer.h>

namespace cp::test {

// The drivable subset used throughout (everything but footway, path, steps,
// cycleway, pedestrian, bridleway, tracks and 'unknown').
QString drivableSubset();

struct QgisGraph {
  std::unique_ptr<QgsGraph> graph;
  std::vector<int> tieVertex;  // graph vertex of each tie point
};

// Builds QGIS's graph of the layer with the tie points (lon/lat) joined to it.
QgisGraph buildQgisGraph(QgsVectorLayer& roads, const QVector<QgsPointXY>& tiePoints);

// Shortest distances (metres) from one tie point to the others: one
// QgsGraphAnalyzer::dijkstra run.
std::vector<double> qgisDistances(const QgisGraph& g, std::size_t from,
                                  const std::vector<std::size_t>& to);

}  // namespace cp::test
