#include "building_stock.h"

namespace cp::analyses {
namespace {

layers::ResultTable stockTable() {
  using layers::FieldType;
  layers::ResultTable table{"building_stock",
                            layers::ResultGeometry::MultiPolygon,
                            {{"district_id", FieldType::Text}, {"floor_m2", FieldType::Real}},
                            {}};
  for (const char* measure : {"stock", "demand"})
    for (const char* part : {"", "_minerals", "_metals", "_biomass"})
      table.fields.push_back({std::string(measure) + part + "_t", FieldType::Real});
  table.fields.push_back({"demolition_t", FieldType::Real});
  for (const char* part : {"", "_minerals", "_metals", "_biomass"})
    table.fields.push_back({std::string("recoverable") + part + "_t", FieldType::Real});
  return table;
}

}  // namespace

BuildingStockResult buildingStock(const BuildingStockInput& input,
                                  const layers::StockCoefficients& coefficients) {
  if (!(coefficients.demolitionYears > 0))
    throw layers::OptionError("the demolition period must be longer than 0 years");
  BuildingStockResult r;
  r.table = stockTable();
  for (std::size_t i = 0; i < input.floors.size(); ++i) {
    const layers::DistrictFloorArea& floor = input.floors[i];
    const layers::DistrictStock s = layers::districtStock(floor, coefficients);
    std::vector<layers::ResultValue> values{input.ids[i], floor.residential + floor.nonResidential};
    for (const layers::ConstructionMaterials* m : {&s.stock, &s.demand})
      values.insert(values.end(), {m->total(), m->minerals, m->metals, m->biomass});
    values.insert(values.end(),
                  {s.demolition.total(), s.recoverable.total(), s.recoverable.minerals,
                   s.recoverable.metals, s.recoverable.biomass});
    const OGRGeometry* shape = input.areas.shapes[i].get();
    r.table.add(std::move(values), shape ? std::unique_ptr<OGRGeometry>(shape->clone()) : nullptr);
    r.stock += s.stock;
    r.demand += s.demand;
    r.recoverable += s.recoverable;
    r.districts.push_back(s);
  }
  return r;
}

}  // namespace cp::analyses
