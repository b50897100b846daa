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

double ofClass(const layers::ConstructionMaterials& m, layers::MaterialClass c) {
  switch (c) {
    case layers::MaterialClass::Minerals:
      return m.minerals;
    case layers::MaterialClass::Metals:
      return m.metals;
    case layers::MaterialClass::Biomass:
      return m.biomass;
    default:
      return 0;
  }
}

double SupplyMix::demand() const {
  return sum(byClass, &ClassSupply::demand);
}
double SupplyMix::primary() const {
  return sum(byClass, &ClassSupply::primary);
}
double SupplyMix::secondary() const {
  return sum(byClass, &ClassSupply::secondary);
}

namespace {

// Where what the demolitions free enters the supply: at each district itself,
// or with depots at the nearest one the district reaches by road.
struct SecondarySources {
  layers::PointData places;  // the suppliers after the zones
  bool atDepots = false;     // places are depots, not the districts
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
    SecondarySources s{input.districts, false, {}, std::vector<double>(n, 0.0)};
    for (std::size_t d = 0; d < n; ++d)
      s.placeOf.emplace_back(d);
    return s;
  }
  SecondarySources s{*input.depots, true, std::vector<std::optional<std::size_t>>(n),
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

namespace {

// Each zone's capacity per class, the planned zones' at the zone share.
std::vector<std::vector<double>> offeredCapacities(const ConstructionSupplyInput& input,
                                                   const ConstructionSupplyOptions& options,
                                                   layers::Diagnostics& diagnostics) {
  if (!(options.zoneShare >= 0 && options.zoneShare <= 1))
    throw layers::OptionError("the zones' share of their capacity must be between 0 and 1, not " +
                              std::to_string(options.zoneShare));
  if (!input.planned.empty())
    layers::requireOnePerPlace(input.zones, input.planned.size(), "planned flags");
  auto capacities = zoneCapacities(input.products, input.zones, diagnostics);
  for (std::vector<double>& ofOneClass : capacities)
    for (std::size_t z = 0; z < ofOneClass.size(); ++z)
      if (input.planned.empty() || input.planned[z])
        ofOneClass[z] *= options.zoneShare;
  return capacities;
}

// The supply, one class after another: what the zones and the demolitions
// offer, what the districts need, the least tonne-km between them.
class Supply {
 public:
  Supply(const ConstructionSupplyInput& input, const ConstructionSupplyOptions& options,
         ConstructionSupplyResult& r, const geo::Feedback* feedback)
      : in_(input), options_(options), r_(r), feedback_(feedback) {
    for (const layers::DistrictFloorArea& floor : input.floors)
      stock_.push_back(layers::districtStock(floor, options.coefficients));
    const geo::Snapper snapper(input.network, options.snap);
    const auto to = layers::snapPlaces(snapper, input.districts, r.diagnostics);
    if (options.urbanMining)
      secondary_ = secondarySources(input, snapper, to, r.diagnostics, feedback);
    // Suppliers: the zones, then where the demolitions' materials are offered.
    suppliers_ = input.zones;
    const layers::PointData& offered = secondary_.places;
    suppliers_.ids.insert(suppliers_.ids.end(), offered.ids.begin(), offered.ids.end());
    suppliers_.xy.insert(suppliers_.xy.end(), offered.xy.begin(), offered.xy.end());
    suppliers_.lonLat.insert(suppliers_.lonLat.end(), offered.lonLat.begin(), offered.lonLat.end());
    const auto from = layers::snapPlaces(snapper, suppliers_, r.diagnostics);
    km_ = geo::odMatrix(input.network, from.locations(), to.locations(), {}, feedback);
    r.byDistrict.resize(input.districts.ids.size());
  }

  void supplyClass(std::size_t c, const std::vector<double>& capacity) {
    r_.total.byClass.push_back(ClassSupply{kClasses[c]});
    geo::AllocationInput problem;
    problem.supply = capacity;
    problem.supply.resize(suppliers_.ids.size(), 0.0);
    for (std::size_t d = 0; d < in_.districts.ids.size(); ++d) {
      const double demand = ofClass(stock_[d].demand, kClasses[c]);
      problem.capacity.push_back(demand);
      r_.total.byClass.back().demand += demand;
      r_.byDistrict[d].byClass.push_back({kClasses[c], demand, 0, 0});
      offerDemolition(c, d, problem.supply);
    }
    for (const geo::Cost& cost : km_.cells)
      problem.unitCost.push_back(cost.distanceM / 1000);
    for (const geo::AllocationFlow& f : geo::allocate(problem, feedback_).flows)
      deliver(c, f);
  }

 private:
  // What the district's demolitions free, offered where it is stored (hauled
  // there, every tonne, whether used this year or not) or at the district.
  void offerDemolition(std::size_t c, std::size_t d, std::vector<double>& supply) {
    if (!options_.urbanMining || !secondary_.placeOf[d])
      return;
    const double freed = ofClass(stock_[d].recoverable, kClasses[c]);
    const std::size_t place = in_.zones.ids.size() + *secondary_.placeOf[d];
    supply[place] += freed;
    if (secondary_.atDepots && freed > 0) {
      addLine(c, "demolition, to storage", in_.districts, d, suppliers_, place, freed,
              secondary_.legKm[d]);
      r_.byDistrict[d].tonneKm += freed * secondary_.legKm[d];
    }
  }

  void deliver(std::size_t c, const geo::AllocationFlow& f) {
    const double road = km_.at(f.source, f.site).distanceM / 1000;
    const bool mined = f.source >= in_.zones.ids.size();
    const char* origin = !mined                ? "industrial zone"
                         : secondary_.atDepots ? "storage"
                                               : "demolition";
    addLine(c, origin, suppliers_, f.source, in_.districts, f.site, f.tonnes, road);
    SupplyMix& district = r_.byDistrict[f.site];
    ClassSupply& supply = district.byClass.back();
    (mined ? supply.secondary : supply.primary) += f.tonnes;
    (mined ? r_.total.byClass.back().secondary : r_.total.byClass.back().primary) += f.tonnes;
    district.tonneKm += f.tonnes * road;
  }

  // A line of the supply table; its tonne-km count in the total.
  void addLine(std::size_t c, const char* origin, const layers::PointData& fromPlaces,
               std::size_t from, const layers::PointData& toPlaces, std::size_t to, double tonnes,
               double road) {
    r_.lines.add(
        {fromPlaces.ids[from], toPlaces.ids[to], layers::materialClassName(kClasses[c]), origin,
         tonnes, road, tonnes * road, transportCo2(tonnes * road, options_.kgCo2PerTkm)},
        layers::lineAlong({fromPlaces.xy[from], toPlaces.xy[to]}));
    r_.total.tonneKm += tonnes * road;
  }

  const ConstructionSupplyInput& in_;
  const ConstructionSupplyOptions& options_;
  ConstructionSupplyResult& r_;
  const geo::Feedback* feedback_;
  std::vector<layers::DistrictStock> stock_;
  SecondarySources secondary_;
  layers::PointData suppliers_;
  geo::OdMatrix km_;
};

}  // namespace

ConstructionSupplyResult supplyConstruction(const ConstructionSupplyInput& input,
                                            const ConstructionSupplyOptions& options,
                                            const geo::Feedback* feedback) {
  layers::requireOnePerPlace(input.districts, input.floors.size(), "floor areas");
  ConstructionSupplyResult r{linesTable(), districtsTable(), {}, {}, {}};
  const auto capacities = offeredCapacities(input, options, r.diagnostics);
  Supply supply(input, options, r, feedback);
  for (std::size_t c = 0; c < kClassCount; ++c)
    supply.supplyClass(c, capacities[c]);
  for (std::size_t d = 0; d < input.districts.ids.size(); ++d) {
    const SupplyMix& mix = r.byDistrict[d];
    r.districts.add({input.districts.ids[d], mix.demand(), mix.supplied(), mix.secondary(),
                     mix.demand() - mix.supplied()},
                    layers::pointAt(input.districts.xy[d]));
  }
  return r;
}

}  // namespace cp::analyses
