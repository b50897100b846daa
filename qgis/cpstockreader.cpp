#include "cpstockreader.h"

#include "cplayerreaders.h"

namespace cp::qgis {

std::vector<layers::DistrictFloorArea> readFloorAreas(const QgsFeatureSource& districts,
                                                      const QString& label,
                                                      const QVariantMap& names,
                                                      layers::Diagnostics& diagnostics) {
  std::vector<layers::DistrictFloorArea> floors(static_cast<std::size_t>(districts.featureCount()));
  for (const layers::FloorField& f : layers::floorFields()) {
    QString field = names.value(QString::fromLatin1(f.key)).toString();
    if (field.isEmpty())
      field = QString::fromLatin1(f.usual);
    const std::vector<double> values = readQuantities(districts, label, field, diagnostics, f.unit);
    for (std::size_t i = 0; i < values.size() && i < floors.size(); ++i)
      floors[i].*(f.member) = values[i];
  }
  return floors;
}

}  // namespace cp::qgis
