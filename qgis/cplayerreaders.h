#pragma once
// QGIS feature sources (any provider, any CRS) read into the planning model, with
// the same rules and diagnostics as the OGR readers in layers/.

#include <QString>

#include <qgscoordinatetransformcontext.h>
#include <qgsfeaturesource.h>
#include <qgsgeometry.h>

#include "layers/area_reader.h"
#include "layers/factor_table.h"
#include "layers/field_names.h"
#include "layers/node_names.h"
#include "layers/point_reader.h"
#include "layers/quantity_reader.h"
#include "layers/road_reader.h"
#include "layers/waste_facilities.h"

class QgsFeedback;

namespace cp::qgis {

// The usual names of a field (layers/field_names.h), for QGIS's widgets.
QStringList usualNames(const layers::field_names::Names& names);

// The first of the usual names that the source has, or "".
QString detectField(const QgsFeatureSource& source, const layers::field_names::Names& usual);

// Between QGIS's geometries and GDAL's, for the rules the readers share
// (toOgr: null for a null geometry).
std::unique_ptr<OGRGeometry> toOgr(const QgsGeometry& geometry);
QgsGeometry fromOgr(const OGRGeometry& geometry);

// Why the layer's coordinates cannot be in its CRS (metres under a lon/lat CRS:
// the layer was given the wrong CRS), or empty.
QString coordinatesProblem(const QgsFeatureSource& source);

// Throws layers::InputError when the source cannot serve as roads.
layers::RoadData readRoads(const QgsFeatureSource& source, const QString& label,
                           const layers::RoadFields& fields, bool drivableOnly,
                           const QgsCoordinateTransformContext& context, QgsFeedback* feedback);

layers::PointData readPoints(const QgsFeatureSource& source, const QString& label,
                             const QString& idField, const layers::WorkingFrame& frame,
                             const QgsCoordinateTransformContext& context);

// The working frame of a layer: the UTM zone of its extent's centre.
layers::WorkingFrame frameFor(const QgsFeatureSource& source,
                              const QgsCoordinateTransformContext& context, const QString& label);

// Each feature's outline in the working CRS and its size on the ellipsoid,
// in the order readPoints reads them, by the rule of layers/area_reader.h.
layers::AreaShapes readAreas(const QgsFeatureSource& source, const QString& label,
                             const layers::WorkingFrame& frame,
                             const QgsCoordinateTransformContext& context,
                             layers::Diagnostics& diagnostics);

// Per feature, in the order readPoints reads them, by the yes/no rule of
// layers/flag_reader.h; `ids`, when given, gets each feature's id.
std::vector<bool> readFlags(const QgsFeatureSource& source, const QString& label,
                            const QString& field, layers::Diagnostics& diagnostics,
                            std::vector<long long>* ids = nullptr);

// Shares of a whole per feature (yes 1, no 0, or a number 0-1), as
// layers::FlagRows::finishShares reads them.
std::vector<double> readShares(const QgsFeatureSource& source, const QString& label,
                               const QString& field, layers::Diagnostics& diagnostics);

// A non-negative number per feature, in the order readPoints reads them.
// NULL, text, negative or infinite values are an InputError naming the layer,
// feature and field; zeros are listed in `diagnostics` (they carry nothing).
std::vector<double> readQuantities(const QgsFeatureSource& source, const QString& label,
                                   const QString& field, layers::Diagnostics& diagnostics,
                                   const std::string& unit = "t",
                                   std::optional<double> whenNull = std::nullopt);

// One feature's value of the field at `index`, fed to the rules (for readers
// that take other fields from the same pass).
void addQuantity(layers::QuantityRows& rows, const QgsFeature& feature, int index);

// The field's text per feature, in the order readPoints reads them ("" for NULL).
std::vector<std::string> readTexts(const QgsFeatureSource& source, const QString& label,
                                   const QString& field);

// An emission-factor table by the rules of layers/factor_table.h.
layers::FactorTable readFactorTable(const QgsFeatureSource& source, const QString& label,
                                    layers::Diagnostics& diagnostics);

// Per feature, in the order readPoints reads them, by the rule of
// layers/waste_facilities.h.
std::vector<layers::FacilityKind> readFacilityKinds(const QgsFeatureSource& source,
                                                    const QString& label, const QString& field,
                                                    layers::Diagnostics& diagnostics);

// Adds the source's node names (id and name fields detected) to `names`, by
// the rule of layers/node_names.h; an InputError when it has no such fields.
void readNodeNames(const QgsFeatureSource& source, const QString& label, layers::NodeNames& names,
                   layers::Diagnostics& diagnostics);

}  // namespace cp::qgis
