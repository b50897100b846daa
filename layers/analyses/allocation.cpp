#include "allocation.h"

#include <cmath>
#include <limits>
#include <numeric>

namespace cp::analyses {
namespace {

double placed(const geo::AllocationInput& problem, const geo::Allocation& a) {
  return std::accumulate(problem.supply.begin(), problem.supply.end(), 0.0) -
         std::accumulate(a.unallocated.begin(), a.unallocated.end(), 0.0);
}

}  // namespace

std::vector<double> SourcesToSites::kmTable() const {
  std::vector<double> table;
  table.reserve(routes.cells.size());
  for (const geo::Cost& c : routes.cells)
    table.push_back(c.distanceM / 1000.0);
  return table;
}

SourcesToSites joinSourcesToSites(const AllocationInput& input, const geo::SnapOptions& snap,
                                  layers::Diagnostics& diagnostics, const geo::Feedback* feedback) {
  layers::requireOnePerPlace(input.sources, input.supply.size(), "tonnes");
  layers::requireOnePerPlace(input.sites, input.capacity.size(), "capacities");
  SourcesToSites out;
  const geo::Snapper snapper(input.network, snap);
  out.from = layers::snapPlaces(snapper, input.sources, diagnostics);
  out.to = layers::snapPlaces(snapper, input.sites, diagnostics);
  out.routes = geo::odMatrix(input.network, out.from.locations(), out.to.locations(), {}, feedback);
  return out;
}

TransportFactor transportFactor(const std::optional<double>& kgCo2PerTkm,
                                const layers::FactorTable* factors, const std::string& truck,
                                layers::Diagnostics& diagnostics) {
  if (kgCo2PerTkm)
    return kgCo2PerTkm;
  if (factors) {
    const layers::Factor& f = factors->require(truck, "tkm");
    return f.value.central * f.unit->tonnesPerUnit * 1000 * factors->gwp(f.unit->gas);
  }
  diagnostics.note("",
                   "no transport emission factor given (kg CO2e per tonne-km, or emission factors "
                   "and a truck): the CO2e fields are left empty",
                   1);
  return std::nullopt;
}

layers::ResultValue transportCo2(double tonneKm, const TransportFactor& kgCo2PerTkm) {
  return kgCo2PerTkm ? layers::finiteOrNull(tonneKm * *kgCo2PerTkm / 1000) : layers::ResultValue();
}

void describeAllocation(AllocationResult& r, const TransportFactor& kgCo2PerTkm) {
  r.intakes = geo::siteIntakes(r.problem, r.allocation);
  r.kgCo2PerTkm = kgCo2PerTkm;
  r.sources.clear();
  for (std::size_t i = 0; i < r.problem.supply.size(); ++i) {
    const double tonnes = r.problem.supply[i];
    SourceStatus status{tonnes, tonnes - r.allocation.unallocated[i], r.allocation.unallocated[i],
                        ""};
    if (!r.joined.from.snaps[i].location)
      status.reason = "not joined to the roads: " + r.joined.from.snaps[i].reason;
    else if (status.unallocated > 1e-6)
      status.reason = "no reachable site has capacity left";
    r.sources.push_back(std::move(status));
  }
  AllocationTotals& t = r.totals;
  t.tonnes = std::accumulate(r.problem.supply.begin(), r.problem.supply.end(), 0.0);
  t.unallocated =
      std::accumulate(r.allocation.unallocated.begin(), r.allocation.unallocated.end(), 0.0);
  t.allocated = t.tonnes - t.unallocated;
  t.tonneKm = r.allocation.cost;
  t.meanHaulKm = t.allocated > 0 ? t.tonneKm / t.allocated : 0;
}

AllocationResult allocateToSites(const AllocationInput& input, const AllocationOptions& options,
                                 const geo::Feedback* feedback) {
  AllocationResult r;
  r.joined = joinSourcesToSites(input, options.snap, r.diagnostics, feedback);
  // An unlimited site can take all there is: the engine needs a number.
  const double all = std::accumulate(input.supply.begin(), input.supply.end(), 0.0);
  std::vector<double> capacity = input.capacity;
  for (double& c : capacity)
    if (c == std::numeric_limits<double>::infinity())
      c = all;
  r.problem = {input.supply, std::move(capacity), r.joined.kmTable()};
  r.siteCapacity = input.capacity;
  const geo::Allocation split = geo::allocate(r.problem, feedback);
  if (options.keepWhole) {
    geo::ExactAllocation whole = geo::allocateWhole(r.problem, 10, 300, feedback);
    r.whole = WholeAgainstSplit{whole.proven, placed(r.problem, whole.allocation),
                                whole.allocation.cost, placed(r.problem, split), split.cost};
    r.allocation = std::move(whole.allocation);
  } else {
    r.allocation = split;
  }
  describeAllocation(r, options.kgCo2PerTkm);
  return r;
}

layers::ResultTable haulLines(const std::string& name, const PlacesOnNetwork& from,
                              const PlacesOnNetwork& to, const geo::OdMatrix& routes,
                              const std::vector<geo::AllocationFlow>& flows,
                              const std::string& fromField, const std::string& toField) {
  using layers::FieldType;
  layers::ResultTable table{name,
                            layers::ResultGeometry::LineString,
                            {{fromField, FieldType::Text},
                             {toField, FieldType::Text},
                             {"tonnes", FieldType::Real},
                             {"haul_km", FieldType::Real},
                             {"tonne_km", FieldType::Real}},
                            {}};
  for (const geo::AllocationFlow& f : flows) {
    const double haul = routes.at(f.source, f.site).distanceM / 1000.0;
    table.add({from.places.ids[f.source], to.places.ids[f.site], f.tonnes, haul, f.tonnes * haul},
              layers::lineAlong({from.snapped.placed(from.places, f.source),
                                 to.snapped.placed(to.places, f.site)}));
  }
  return table;
}

std::vector<geo::SegmentLoad> haulLoads(const geo::Network& network, const AllocationResult& result,
                                        const geo::Feedback* feedback) {
  std::vector<std::optional<geo::Location>> places = result.joined.from.locations();
  const std::size_t sources = places.size();
  for (const std::optional<geo::Location>& site : result.joined.to.locations())
    places.push_back(site);
  std::vector<std::pair<std::size_t, std::size_t>> pairs;
  std::vector<double> tonnes;
  for (const geo::AllocationFlow& f : result.allocation.flows) {
    pairs.emplace_back(f.source, sources + f.site);
    tonnes.push_back(f.tonnes);
  }
  const std::vector<geo::Route> routes =
      geo::routePairs(network, places, pairs, geo::Metric::Distance, 0, feedback);
  return geo::roadLoads(routes, tonnes, std::vector<std::size_t>(tonnes.size(), 0), 1);
}

layers::ResultTable allocationLines(const AllocationResult& result,
                                    const layers::PointData& sources,
                                    const layers::PointData& sites) {
  return haulLines("allocation", {sources, result.joined.from}, {sites, result.joined.to},
                   result.joined.routes, result.allocation.flows);
}

layers::ResultTable siteIntakeTable(const AllocationResult& result, const layers::PointData& sites,
                                    const std::vector<std::string>& status) {
  using layers::FieldType;
  layers::ResultTable table{"site_intake",
                            layers::ResultGeometry::Point,
                            {{"site_id", FieldType::Text},
                             {"capacity_t", FieldType::Real},
                             {"tonnes_in", FieldType::Real},
                             {"spare_t", FieldType::Real},
                             {"mean_haul_km", FieldType::Real},
                             {"max_haul_km", FieldType::Real},
                             {"tonne_km", FieldType::Real},
                             {"co2_t", FieldType::Real}},
                            {}};
  if (!status.empty())
    table.fields.push_back({"status", FieldType::Text});
  for (std::size_t j = 0; j < sites.ids.size(); ++j) {
    const geo::SiteIntake& s = result.intakes[j];
    const double capacity = result.siteCapacity[j];
    const bool limited = std::isfinite(capacity);  // no capacity field: unlimited
    std::vector<layers::ResultValue> values{
        sites.ids[j], limited ? layers::ResultValue(capacity) : layers::ResultValue(),
        s.tonnes,     limited ? layers::ResultValue(capacity - s.tonnes) : layers::ResultValue(),
        s.meanHaul,   s.maxHaul,
        s.tonneCost,  transportCo2(s.tonneCost, result.kgCo2PerTkm)};
    if (!status.empty())
      values.emplace_back(status[j]);
    table.add(std::move(values), layers::pointAt(sites.xy[j]));
  }
  return table;
}

layers::ResultTable sourceStatusTable(const AllocationResult& result,
                                      const layers::PointData& sources) {
  using layers::FieldType;
  layers::ResultTable table{"source_status",
                            layers::ResultGeometry::Point,
                            {{"source_id", FieldType::Text},
                             {"tonnes", FieldType::Real},
                             {"allocated_t", FieldType::Real},
                             {"unallocated_t", FieldType::Real},
                             {"reason", FieldType::Text}},
                            {}};
  for (std::size_t i = 0; i < sources.ids.size(); ++i) {
    const SourceStatus& s = result.sources[i];
    const layers::ResultValue reason =
        s.reason.empty() ? layers::ResultValue() : layers::ResultValue(s.reason);
    table.add({sources.ids[i], s.tonnes, s.allocated, s.unallocated, reason},
              layers::pointAt(sources.xy[i]));
  }
  return table;
}

}  // namespace cp::analyses
