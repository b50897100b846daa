#include "construction_supply.h"

#include <cmath>
#include <map>
#include <optional>
#include <set>

#include "layers/flows.h"
#include "layers/snapped_places.h"

namespace cp::analyses {
namespace {

// The construction classes, in the order of the plan's tables.
const layers::MaterialClass kClasses[] = {
    layers::MaterialClass::Minerals, layers::MaterialClass::Metals, layers::MaterialClass::Biomass};
constexpr std::size_t kClassCount = 3;

double ofClass(const layers::ConstructionMaterials& m, std::size_t c) {
  return c == 0 ? m.minerals : c == 1 ? m.metals : m.biomass;
}

// Each zone's capacity per construction class; products of other classes are
// listed, since they supply no construction.
std::vector<std::vector<double>> zoneCapacities(const ZoneProducts& products,
                                                const layers::PointData& zones,
                                                layers::Diagnostics& diagnostics) {
  std::map<std::string, std::size_t> index;
  for (std::size_t z = 0; z < zones.ids.size(); ++z)
    index.emplace(zones.ids[z], z);
  std::vector<std::vector<double>> out(kClassCount, std::vector<double>(zones.ids.size(), 0.0));
  std::set<std::string> unknownZones;
  std::vector<std::string> otherClasses;
  for (std::size_t row = 0; row < products.rows.size(); ++row) {
    const auto z = index.find(products.zones[row]);
    if (z == index.end()) {
      unknownZones.insert("'" + products.zones[row] + "'");
      continue;
    }
    const auto c = layers::parseMaterialClass(products.classes[row]);
    if (!c)
      layers::failInput(products.table, "row " + products.rows[row], products.classField,
                        "'" + products.classes[row] + "' is not a material class");
    bool construction = false;
    for (std::size_t k = 0; k < kClassCount; ++k)
      if (kClasses[k] == *c) {
        out[k][z->second] += products.capacity[row];
        construction = true;
      }
    if (!construction && products.capacity[row] > 0)
      otherClasses.push_back(products.rows[row] + " (" + products.classes[row] + ")");
  }
  if (!unknownZones.empty())
    layers::failInput(products.table, "", products.zoneField,
                      "zones not in the zones layer: " +
                          layers::listed({unknownZones.begin(), unknownZones.end()}));
  if (!otherClasses.empty())
    diagnostics.warn(products.table, "", products.classField,
                     "rows " + layers::listed(otherClasses) +
                         ": not a construction class (minerals, metals, biomass); they supply "
                         "no construction and are left out",
                     otherClasses.size());
  return out;
}

layers::ResultTable linesTable() {
  using layers::FieldType;
  return {"construction_supply",
          layers::ResultGeometry::LineString,
          {{"supplier_id", FieldType::Text},
           {"district_id", FieldType::Text},
           {"material_class", FieldType::Text},
           {"origin", FieldType::Text},
           {"tonnes", FieldType::Real},
           {"road_km", FieldType::Real},
           {"tonne_km", FieldType::Real},
           {"co2_t", FieldType::Real}},
          {}};
}

layers::ResultTable districtsTable() {
  using layers::FieldType;
  return {"district_supply",
          layers::ResultGeometry::Point,
          {{"district_id", FieldType::Text},
           {"demand_t", FieldType::Real},
           {"supplied_t", FieldType::Real},
           {"secondary_t", FieldType::Real},
           {"unmet_t", FieldType::Real}},
          {}};
}

double sum(const std::vector<ClassSupply>& classes, double ClassSupply::*member) {
  double total = 0;
  for (const ClassSupply& c : classes)
    total += c.*member;
  return total;
}

}  // namespace

double SupplyMix::demand() const {
  return sum(byClass, &ClassSupply::demand);
}
double SupplyMix::supplied() const {
  return sum(byClass, &ClassSupply::primary) + secondary();
}
double SupplyMix::secondary() const {
  return sum(byClass, &ClassSupply::secondary);
}

namespace {

// Where what the demolitions free enters the supply: at each district itself,
// or with depots at the nearest one the district reaches by road.
struct SecondarySources {
  layers::PointData places;  // the suppliers after the zones
  // Per district: the index of its place, none when it reaches no depot, and
  // the road km to it (0 at the district itself).
  std::vector<std::optional<std::size_t>> placeOf;
  std::vector<double> legKm;
};

SecondarySources secondarySources(const ConstructionSupplyInput& input, const geo::Snapper& snapper,
                                  const layers::SnappedPlaces& districts,
                                  layers::Diagnostics& diagnostics, const geo::Feedback* feedback) {
  const std::size_t n = input.districts.ids.size();
  if (input.depots == nullptr || input.depots->ids.empty()) {
    SecondarySources s{input.districts, {}, std::vector<double>(n, 0.0)};
    for (std::size_t d = 0; d < n; ++d)
      s.placeOf.emplace_back(d);
    return s;
  }
  SecondarySources s{*input.depots, std::vector<std::optional<std::size_t>>(n),
                     std::vector<double>(n, 0.0)};
  const auto depots = layers::snapPlaces(snapper, *input.depots, diagnostics);
  const geo::OdMatrix km =
      geo::odMatrix(input.network, districts.locations(), depots.locations(), {}, feedback);
  std::vector<std::string> stranded;
  for (std::size_t d = 0; d < n; ++d) {
    for (std::size_t k = 0; k < km.cols; ++k)
      if (std::isfinite(km.at(d, k).distanceM) &&
          (!s.placeOf[d] || km.at(d, k).distanceM < km.at(d, *s.placeOf[d]).distanceM))
        s.placeOf[d] = k;
    if (s.placeOf[d])
      s.legKm[d] = km.at(d, *s.placeOf[d]).distanceM / 1000;
    else
      stranded.push_back(input.districts.ids[d]);
  }
  if (!stranded.empty())
    diagnostics.warn(input.depots->layerLabel, "", "",
                     "districts " + layers::listed(stranded) +
                         " reach no depot by road: what their demolitions free is not offered",
                     stranded.size());
  return s;
}

}  // namespace

ConstructionSupplyResult supplyConstruction(const ConstructionSupplyInput& input,
                                            const ConstructionSupplyOptions& options,
                                            const geo::Feedback* feedback) {
  layers::requireOnePerPlace(input.districts, input.floors.size(), "floor areas");
  if (!(options.zoneShare >= 0 && options.zoneShare <= 1))
    throw layers::OptionError("the zones' share of their capacity must be between 0 and 1, not " +
                              std::to_string(options.zoneShare));
  ConstructionSupplyResult r{linesTable(), districtsTable(), {}, {}, {}};
  if (!input.planned.empty())
    layers::requireOnePerPlace(input.zones, input.planned.size(), "planned flags");
  auto capacities = zoneCapacities(input.products, input.zones, r.diagnostics);
  for (std::vector<double>& ofClass : capacities)
    for (std::size_t z = 0; z < ofClass.size(); ++z)
      if (input.planned.empty() || input.planned[z])
        ofClass[z] *= options.zoneShare;
  std::vector<layers::DistrictStock> stock;
  for (const layers::DistrictFloorArea& floor : input.floors)
    stock.push_back(layers::districtStock(floor, options.coefficients));

  const layers::PointData& districts = input.districts;
  const geo::Snapper snapper(input.network, options.snap);
  const auto to = layers::snapPlaces(snapper, districts, r.diagnostics);
  const SecondarySources secondary =
      options.urbanMining ? secondarySources(input, snapper, to, r.diagnostics, feedback)
                          : SecondarySources{};
  // Suppliers: the zones, then where the demolitions' materials are offered.
  layers::PointData suppliers = input.zones;
  const layers::PointData& offered = secondary.places;
  suppliers.ids.insert(suppliers.ids.end(), offered.ids.begin(), offered.ids.end());
  suppliers.xy.insert(suppliers.xy.end(), offered.xy.begin(), offered.xy.end());
  suppliers.lonLat.insert(suppliers.lonLat.end(), offered.lonLat.begin(), offered.lonLat.end());
  const auto from = layers::snapPlaces(snapper, suppliers, r.diagnostics);
  const geo::OdMatrix km =
      geo::odMatrix(input.network, from.locations(), to.locations(), {}, feedback);
  const bool stored = input.depots != nullptr && !input.depots->ids.empty();

  const std::size_t n = districts.ids.size();
  r.byDistrict.resize(n);
  for (std::size_t c = 0; c < kClassCount; ++c) {
    ClassSupply& total = r.total.byClass.emplace_back(ClassSupply{kClasses[c]});
    geo::AllocationInput problem;
    problem.supply = capacities[c];
    problem.supply.resize(suppliers.ids.size(), 0.0);
    for (std::size_t d = 0; d < n; ++d) {
      const double demand = ofClass(stock[d].demand, c);
      problem.capacity.push_back(demand);
      total.demand += demand;
      r.byDistrict[d].byClass.push_back({kClasses[c], demand, 0, 0});
      if (!options.urbanMining || !secondary.placeOf[d])
        continue;
      const double freed = ofClass(stock[d].recoverable, c);
      const std::size_t place = input.zones.ids.size() + *secondary.placeOf[d];
      problem.supply[place] += freed;
      if (!stored || freed <= 0)
        continue;
      // To storage: every tonne freed, whether used this year or not.
      const double road = secondary.legKm[d];
      r.lines.add({districts.ids[d], suppliers.ids[place], layers::materialClassName(kClasses[c]),
                   "demolition, to storage", freed, road, freed * road,
                   transportCo2(freed * road, options.kgCo2PerTkm)},
                  layers::lineAlong({districts.xy[d], suppliers.xy[place]}));
      r.total.tonneKm += freed * road;
      r.byDistrict[d].tonneKm += freed * road;
    }
    for (const geo::Cost& cost : km.cells)
      problem.unitCost.push_back(cost.distanceM / 1000);
    const geo::Allocation allocation = geo::allocate(problem, feedback);
    for (const geo::AllocationFlow& f : allocation.flows) {
      const double road = km.at(f.source, f.site).distanceM / 1000;
      const bool mined = f.source >= input.zones.ids.size();
      r.lines.add(
          {suppliers.ids[f.source], districts.ids[f.site], layers::materialClassName(kClasses[c]),
           !mined   ? "industrial zone"
           : stored ? "storage"
                    : "demolition",
           f.tonnes, road, f.tonnes * road, transportCo2(f.tonnes * road, options.kgCo2PerTkm)},
          layers::lineAlong({suppliers.xy[f.source], districts.xy[f.site]}));
      for (SupplyMix* mix : {&r.total, &r.byDistrict[f.site]}) {
        ClassSupply& supply = mix->byClass.back();
        (mined ? supply.secondary : supply.primary) += f.tonnes;
        mix->tonneKm += f.tonnes * road;
      }
    }
  }
  for (std::size_t d = 0; d < n; ++d) {
    const SupplyMix& mix = r.byDistrict[d];
    r.districts.add({districts.ids[d], mix.demand(), mix.supplied(), mix.secondary(),
                     mix.demand() - mix.supplied()},
                    layers::pointAt(districts.xy[d]));
  }
  return r;
}

}  // namespace cp::analyses
