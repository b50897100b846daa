#pragma once
// A flow table from any QGIS source (GeoPackage or PostGIS table, CSV, a layer
// with or without geometry), read by the flow rules of layers/flow_reader.h.

#include <QString>

#include <qgsfeaturesource.h>

#include "layers/flow_reader.h"

namespace cp::qgis {

// Every row, fields detected by their usual names; throws layers::InputError
// naming the table, the row and the field.
std::vector<layers::Flow> readFlows(const QgsFeatureSource& table, const QString& label,
                                    layers::Diagnostics& diagnostics);

}  // namespace cp::qgis
