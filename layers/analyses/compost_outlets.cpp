#include "compost_outlets.h"

#include <algorithm>
#include <cctype>
#include <limits>
#include <numeric>

namespace cp::analyses {

namespace {

double sum(const std::vector<double>& values) {
  return std::accumulate(values.begin(), values.end(), 0.0);
}

layers::ResultTable parcelTable(const CompostOutletsInput& input, const geo::AllocationInput& p,
                                const geo::Allocation& allocation) {
  using layers::FieldType;
  layers::ResultTable table{"farmland_supplied",
                            layers::ResultGeometry::MultiPolygon,
                            {{"parcel_id", FieldType::Text},
                             {"area_ha", FieldType::Real},
                             {"demand_t", FieldType::Real},
                             {"compost_t", FieldType::Real},
                             {"demand_met_pct", FieldType::Real}},
                            {}};
  std::vector<double> received(input.parcels.ids.size(), 0.0);
  for (const geo::AllocationFlow& f : allocation.flows)
    received[f.site] += f.tonnes;
  for (std::size_t k = 0; k < input.parcels.ids.size(); ++k) {
    const double demand = p.capacity[k];
    const OGRGeometry* shape = input.parcelAreas.shapes[k].get();
    table.add(
        {input.parcels.ids[k], input.parcelAreas.hectares[k], demand, received[k],
         demand > 0 ? layers::ResultValue(100 * received[k] / demand) : layers::ResultValue()},
        shape ? std::unique_ptr<OGRGeometry>(shape->clone()) : nullptr);
  }
  return table;
}

layers::ResultTable siteTable(const CompostOutletsInput& input, const geo::AllocationInput& p,
                              const geo::Allocation& allocation) {
  using layers::FieldType;
  layers::ResultTable table{"compost_placed",
                            layers::ResultGeometry::Point,
                            {{"site_id", FieldType::Text},
                             {"compost_t", FieldType::Real},
                             {"placed_t", FieldType::Real},
                             {"unplaced_t", FieldType::Real},
                             {"parcels", FieldType::Integer},
                             {"mean_haul_km", FieldType::Real}},
                            {}};
  const std::size_t parcels = input.parcels.ids.size();
  std::vector<long long> served(input.sites.ids.size(), 0);
  std::vector<double> tonneKm(input.sites.ids.size(), 0.0);
  for (const geo::AllocationFlow& f : allocation.flows) {
    ++served[f.source];
    tonneKm[f.source] += f.tonnes * p.unitCost[f.source * parcels + f.site];
  }
  for (std::size_t j = 0; j < input.sites.ids.size(); ++j) {
    const double placed = p.supply[j] - allocation.unallocated[j];
    table.add({input.sites.ids[j], p.supply[j], placed, allocation.unallocated[j], served[j],
               placed > 0 ? layers::ResultValue(tonneKm[j] / placed) : layers::ResultValue()},
              layers::pointAt(input.sites.xy[j]));
  }
  return table;
}

}  // namespace

double compostYield(const std::optional<double>& given, const layers::FactorTable* coefficients) {
  if (given)
    return *given;
  if (!coefficients)
    throw layers::OptionError(
        "give the compost yield (t of compost per t of intake), or a coefficient table with "
        "its compost_yield row");
  return coefficients->coefficient("compost_yield", "t/t").value.central;
}

CompostOutletsResult placeCompost(const CompostOutletsInput& input,
                                  const CompostOutletsOptions& options,
                                  const geo::Feedback* feedback) {
  if (!(options.yield > 0 && options.yield <= 1))
    throw layers::OptionError("the compost yield must be a share above 0 and at most 1");
  if (!(options.haulKm >= 0))
    throw layers::OptionError("the longest haul must be 0 km or more");
  layers::requireOnePerPlace(input.sites, input.intake.size(), "intakes");
  layers::requireOnePerPlace(input.parcels, input.demandPerHa.size(), "demands");
  layers::requireOnePerPlace(input.parcels, input.parcelAreas.hectares.size(), "areas");
  CompostOutletsResult r;
  geo::AllocationInput problem;
  for (double intake : input.intake)
    problem.supply.push_back(intake * options.yield);
  for (std::size_t k = 0; k < input.demandPerHa.size(); ++k)
    problem.capacity.push_back(input.demandPerHa[k] * input.parcelAreas.hectares[k]);

  const geo::Snapper snapper(input.network, options.snap);
  const layers::SnappedPlaces from = layers::snapPlaces(snapper, input.sites, r.diagnostics);
  const layers::SnappedPlaces to = layers::snapPlaces(snapper, input.parcels, r.diagnostics);
  const geo::OdMatrix km =
      geo::odMatrix(input.network, from.locations(), to.locations(), {}, feedback);
  for (const geo::Cost& c : km.cells)
    problem.unitCost.push_back(c.distanceM / 1000.0 <= options.haulKm
                                   ? c.distanceM / 1000.0
                                   : std::numeric_limits<double>::infinity());
  const geo::Allocation allocation = geo::allocate(problem, feedback);

  r.deliveries = haulLines("compost_deliveries", {input.sites, from}, {input.parcels, to}, km,
                           allocation.flows, "site_id", "parcel_id");
  r.parcels = parcelTable(input, problem, allocation);
  r.sites = siteTable(input, problem, allocation);
  r.made = sum(problem.supply);
  r.demand = sum(problem.capacity);
  r.unplaced = sum(allocation.unallocated);
  r.placed = r.made - r.unplaced;
  r.tonneKm = allocation.cost;
  return r;
}

std::string capacityAsIntakeProblem(const std::string& field) {
  std::string lower = field;
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (lower.find("capacity") == std::string::npos)
    return "";
  return "compost is made here from each site's capacity, not from what it receives; give the "
         "allocation's site intake (field tonnes_in) for the compost the sites actually make";
}

}  // namespace cp::analyses
