#include "cpstockreader.h"

#include "cplayerreaders.h"

namespace cp::qgis {

const std::vector<FloorField>& floorFields() {
  using F = layers::DistrictFloorArea;
  static const std::vector<FloorField> fields{
      {"RESIDENTIAL_FIELD", "residential_floor_m2", "Residential floor (m²)", &F::residential},
      {"NONRESIDENTIAL_FIELD", "nonresidential_floor_m2", "Non-residential floor (m²)",
       &F::nonResidential},
      {"GROWTH_RESIDENTIAL_FIELD", "growth_residential_m2_per_year",
       "Residential growth (m² per year)", &F::growthResidential},
      {"GROWTH_NONRESIDENTIAL_FIELD", "growth_nonresidential_m2_per_year",
       "Non-residential growth (m² per year)", &F::growthNonResidential},
      {"GROWTH_INFRASTRUCTURE_FIELD", "growth_infrastructure_m2_per_year",
       "Infrastructure growth (m² per year)", &F::growthInfrastructure},
      {"DEMOLITION_FIELD", "demolition_floor_m2", "Floor to demolish (m², over the period)",
       &F::demolition}};
  return fields;
}

std::vector<layers::DistrictFloorArea> readFloorAreas(const QgsFeatureSource& districts,
                                                      const QString& label,
                                                      const QVariantMap& names,
                                                      layers::Diagnostics& diagnostics) {
  std::vector<layers::DistrictFloorArea> floors(static_cast<std::size_t>(districts.featureCount()));
  for (const FloorField& f : floorFields()) {
    QString field = names.value(QString::fromLatin1(f.parameter)).toString();
    if (field.isEmpty())
      field = QString::fromLatin1(f.usual);
    const std::vector<double> values = readQuantities(districts, label, field, diagnostics);
    for (std::size_t i = 0; i < values.size() && i < floors.size(); ++i)
      floors[i].*(f.member) = values[i];
  }
  return floors;
}

}  // namespace cp::qgis
