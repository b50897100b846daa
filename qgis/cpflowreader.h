#pragma once
// A flow table from any QGIS source (GeoPackage or PostGIS table, CSV, a layer
// with or without geometry) read into the flow model. Every problem names the
// table, the row and the field.

#include <QString>

#include <qgsfeaturesource.h>

#include "layers/flows.h"

namespace cp::qgis {

// The table's fields for each part of a flow; "" where the table has none
// (only origin, destination, tonnes and material class are required).
struct FlowFields {
  QString id, origin, destination, tonnes, materialClass, material, stage, scenario, group;
};

// The fields under their usual names (flow_id, origin_id, destination_id,
// tonnes_per_year, material_class, material, stage, scenario, view, ...).
FlowFields detectFlowFields(const QgsFeatureSource& table);

// Throws layers::InputError for a missing required field, an empty origin or
// destination, tonnes that are not a number of at least 0, an unknown
// material class, or text that was not valid in the table's encoding.
std::vector<layers::Flow> readFlows(const QgsFeatureSource& table, const QString& label,
                                    const FlowFields& fields);

}  // namespace cp::qgis
