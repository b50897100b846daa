#pragma once
// Flows as a map draws them where many leave one place for many others: per
// origin and class a trunk to where its flows part, then a branch to each
// destination, so that the city is not covered by a line per flow all the way.

#include <memory>

#include <QString>

class QgsVectorLayer;

namespace cp::qgis {

// From corridors (flow lines, one per origin, destination and class, each
// from its origin to its destination; the features the layer's subset
// leaves), a line layer in their CRS with origin_id, destination_id (empty on
// a trunk), material_class, tonnes (a trunk's: its branches' sum) and part:
// "trunk", "branch", or "direct" where the origin lies too near its
// destinations for a trunk. For drawing only: summing its tonnes would count
// a trunk's flows twice.
std::unique_ptr<QgsVectorLayer> flowTrees(const QgsVectorLayer& corridors,
                                          const QString& originField = "origin_id",
                                          const QString& destinationField = "destination_id");

}  // namespace cp::qgis
