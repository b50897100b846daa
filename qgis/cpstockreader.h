#pragma once
// Districts' floor areas (standing, growing, to demolish) from any QGIS
// source, for the building-stock and construction-supply algorithms.

#include <QString>

#include <qgsfeaturesource.h>

#include "layers/building_stock.h"
#include "layers/diagnostics.h"

namespace cp::qgis {

// `names` maps a layers::FloorField's key (the parameter) to the field to read; absent or empty:
// the usual name. Every value must be a number of at least 0 (InputError).
std::vector<layers::DistrictFloorArea> readFloorAreas(const QgsFeatureSource& districts,
                                                      const QString& label,
                                                      const QVariantMap& names,
                                                      layers::Diagnostics& diagnostics);

}  // namespace cp::qgis
