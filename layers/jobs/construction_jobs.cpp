#include "construction_jobs.h"

#include "layers/area_reader.h"
#include "layers/field_names.h"
#include "layers/flag_reader.h"
#include "layers/library_messages.h"
#include "layers/point_reader.h"
#include "layers/quantity_reader.h"
#include "layers/road_reader.h"
#include "layers/text_file.h"
#include "result_file.h"

namespace cp::layers {
namespace {

analyses::ZoneProducts readProducts(const std::string& reference, Diagnostics& diagnostics) {
  const LayerRef ref = LayerRef::parse(reference);
  LibraryMessages gdal;
  const OpenLayer layer(ref);
  analyses::ZoneProducts out;
  out.table = layer.label();
  out.zoneField = layer.detectField(field_names::kProductZone);
  out.classField = layer.detectField(field_names::kMaterialClass);
  const std::string capacityField = layer.detectField(field_names::kCapacity);
  if (out.zoneField.empty() || out.classField.empty() || capacityField.empty())
    failInput(out.table, "", "", "needs zone_id, material_class and capacity_t_per_year fields");
  out.capacity = readQuantities(ref, capacityField, field_names::kCapacity, diagnostics);
  const int zone = layer.fieldIndex(out.zoneField, true);
  const int materialClass = layer.fieldIndex(out.classField, true);
  layer.layer().ResetReading();
  for (auto& f : layer.layer()) {
    out.rows.push_back(std::to_string(f->GetFID()));
    out.zones.push_back(trimmed(f->GetFieldAsString(zone)));
    out.classes.push_back(trimmed(f->GetFieldAsString(materialClass)));
  }
  gdal.reportTo(diagnostics, layer.label(), "reading");
  return out;
}

// Which zones the plan makes: the field given, or the usual one; none: all.
std::vector<bool> readPlanned(const LayerRef& zones, std::string field, Diagnostics& diagnostics) {
  if (field.empty())
    field = OpenLayer(zones).detectField(field_names::kPlannedZone);
  if (field.empty())
    return {};
  return readFlags(zones, field, diagnostics);
}

// Every floor-area field under its usual name; each value a quantity.
std::vector<DistrictFloorArea> readFloorAreas(const LayerRef& ref, std::size_t districts,
                                              Diagnostics& diagnostics) {
  std::vector<DistrictFloorArea> floors(districts);
  for (const FloorField& f : floorFields()) {
    const std::vector<double> values =
        readQuantities(ref, f.usual, {f.usual}, diagnostics, std::nullopt, f.unit);
    for (std::size_t i = 0; i < values.size() && i < floors.size(); ++i)
      floors[i].*(f.member) = values[i];
  }
  return floors;
}

StockCoefficients readStockCoefficients(const std::string& reference, Diagnostics& diagnostics) {
  return stockCoefficients(readFactorTable(LayerRef::parse(reference), diagnostics));
}

}  // namespace

ConstructionSupplyJobResult runConstructionSupplyJob(const ConstructionSupplyJob& job,
                                                     const geo::Feedback* feedback) {
  ConstructionSupplyJobResult result;
  const PreparedNetwork prepared = prepareJobNetwork(job.network, result, feedback);
  const LayerRef districtsRef = LayerRef::parse(job.districts);
  const PointData zones = readPoints(LayerRef::parse(job.zones), job.zoneIdField, prepared.frame);
  const PointData districts = readPoints(districtsRef, job.districtIdField, prepared.frame);
  result.diagnostics.append(zones.diagnostics);
  result.diagnostics.append(districts.diagnostics);
  requireUniqueIds(zones, job.zoneIdField);
  requireUniqueIds(districts, job.districtIdField);
  const analyses::ZoneProducts products = readProducts(job.products, result.diagnostics);
  std::optional<PointData> depots;
  if (!job.depots.empty()) {
    depots = readPoints(LayerRef::parse(job.depots), job.depotIdField, prepared.frame);
    result.diagnostics.append(depots->diagnostics);
    requireUniqueIds(*depots, job.depotIdField);
  }
  const analyses::ConstructionSupplyInput input{
      prepared.network,
      zones,
      products,
      districts,
      readFloorAreas(districtsRef, districts.ids.size(), result.diagnostics),
      readPlanned(LayerRef::parse(job.zones), job.plannedField, result.diagnostics),
      depots ? &*depots : nullptr};
  analyses::ConstructionSupplyOptions options = job.analysis;
  options.coefficients = readStockCoefficients(job.coefficients, result.diagnostics);
  const std::optional<FactorTable> factors =
      readOptionalFactorTable(job.transport.factors, result.diagnostics);
  options.kgCo2PerTkm =
      transportFactor(job.transport, factors ? &*factors : nullptr, result.diagnostics);
  std::optional<analyses::ConstructionClimateResult> climate =
      analyses::climateOfSupply(input, options, factors ? &*factors : nullptr, job.transport.truck,
                                job.timberShare, result.diagnostics, feedback);
  analyses::ConstructionSupplyResult supply =
      climate ? std::move(climate->supply(options.urbanMining))
              : analyses::supplyConstruction(input, options, feedback);
  result.diagnostics.append(supply.diagnostics);
  result.demand = supply.total.demand();
  result.supplied = supply.total.supplied();
  result.secondary = supply.total.secondary();
  result.tonneKm = supply.total.tonneKm;
  std::vector<ResultTable> tables;
  tables.push_back(std::move(supply.lines));
  tables.push_back(std::move(supply.districts));
  if (climate) {
    const analyses::ClimateBalance& balance = climate->balance;
    result.co2e = balance.co2e(climate->scenarioAsked(options.urbanMining));
    result.zonesChange = climate->zonesChange();
    result.urbanMiningChange = climate->urbanMiningChange();
    result.timberChange = climate->timberChange();
    tables.push_back(analyses::climateComparisonTable(balance, climate->baseline(),
                                                      analyses::kConstructionComparisonTable));
    tables.push_back(
        analyses::climateBreakdownTable(balance, analyses::kConstructionBreakdownTable));
    tables.push_back(std::move(climate->districtChanges));
    if (!job.chart.empty())
      writeTextFile(job.chart,
                    barChartSvg(analyses::climateChart(balance, analyses::kConstructionChartTitle,
                                                       analyses::kConstructionBreakdownTable)));
  }
  writeResultFile(job.output, prepared.frame, tables,
                  dataAttribution(job.attribution, {job.network.roads, job.zones, job.products,
                                                    job.districts, job.depots, job.coefficients}),
                  result.diagnostics);
  return result;
}

BuildingStockJobResult runBuildingStockJob(const BuildingStockJob& job) {
  BuildingStockJobResult result;
  const LayerRef ref = LayerRef::parse(job.districts);
  const OpenLayer layer(ref);
  const auto crs = layerCrs(layer, 0);
  const geo::LonLat centre = layerCentreLonLat(layer, *crs);
  const WorkingFrame frame = WorkingFrame::utmFor(centre.lon, centre.lat);
  // The id field's text, or the feature id, as the Processing algorithm reads them.
  std::vector<std::string> ids;
  const int idIndex = layer.fieldIndex(job.districtIdField, !job.districtIdField.empty());
  layer.layer().ResetReading();
  for (auto& f : layer.layer())
    ids.push_back(idIndex >= 0 ? f->GetFieldAsString(idIndex) : std::to_string(f->GetFID()));
  const AreaShapes areas = readAreas(ref, frame, result.diagnostics);
  StockCoefficients coefficients = readStockCoefficients(job.coefficients, result.diagnostics);
  coefficients.demolitionYears = job.demolitionYears.value_or(coefficients.demolitionYears);
  analyses::BuildingStockResult stock = analyses::buildingStock(
      {ids, readFloorAreas(ref, ids.size(), result.diagnostics), areas}, coefficients);
  result.stock = stock.stock;
  result.demand = stock.demand;
  result.recoverable = stock.recoverable;
  std::vector<ResultTable> tables;
  tables.push_back(std::move(stock.table));
  writeResultFile(job.output, frame, tables,
                  dataAttribution(job.attribution, {job.districts, job.coefficients}),
                  result.diagnostics);
  return result;
}

}  // namespace cp::layers
