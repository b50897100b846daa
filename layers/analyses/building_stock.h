#pragma once
// Building stock per district: the construction materials standing in its
// floor area, the yearly demand of its growth, and what its demolitions free
// and how much of it can be used again (urban mining).

#include <string>
#include <vector>

#include "layers/area_reader.h"
#include "layers/building_stock.h"
#include "layers/result_table.h"

namespace cp::analyses {

struct BuildingStockInput {
  const std::vector<std::string>& ids;  // per district
  std::vector<layers::DistrictFloorArea> floors;
  const layers::AreaShapes& areas;  // the districts' outlines
};

struct BuildingStockResult {
  std::vector<layers::DistrictStock> districts;
  layers::ConstructionMaterials stock, demand, recoverable;  // all districts
  layers::ResultTable table;  // "building_stock": per district, in all and per class
};

// Throws layers::OptionError for a demolition period that is not positive.
BuildingStockResult buildingStock(const BuildingStockInput& input,
                                  const layers::StockCoefficients& coefficients);

}  // namespace cp::analyses
