#pragma once
// Capacity-limited allocation: every source's tonnes per year to sites with
// limited capacity, least tonne-km over the road network; what no site can
// take is reported per source, with the reason. Site selection shares the
// problem (sources and sites joined to the network, the road distances) and
// the description of the allocation it chooses.

#include <optional>
#include <string>
#include <vector>

#include "geo/allocation.h"
#include "geo/feedback.h"
#include "geo/flows_on_network.h"
#include "geo/routing.h"
#include "geo/snapping.h"
#include "layers/diagnostics.h"
#include "layers/factor_table.h"
#include "layers/point_reader.h"
#include "layers/result_table.h"
#include "layers/snapped_places.h"

namespace cp::analyses {

struct AllocationInput {
  const geo::Network& network;
  const layers::PointData& sources;
  std::vector<double> supply;  // tonnes per source
  const layers::PointData& sites;
  std::vector<double> capacity;  // tonnes per site; infinity: unlimited
};

// Sources and sites joined to the network, with the road distance between
// every source and site.
struct SourcesToSites {
  layers::SnappedPlaces from;
  layers::SnappedPlaces to;
  geo::OdMatrix routes;
  std::vector<double> kmTable() const;  // sources x sites, km; infinity: unreachable
};

SourcesToSites joinSourcesToSites(const AllocationInput& input, const geo::SnapOptions& snap,
                                  layers::Diagnostics& diagnostics, const geo::Feedback* feedback);

struct SourceStatus {
  double tonnes = 0;
  double allocated = 0;
  double unallocated = 0;
  std::string reason;  // why some is unallocated; empty when all is placed
};

struct AllocationTotals {
  double tonnes = 0;  // at the sources
  double allocated = 0;
  double unallocated = 0;
  double tonneKm = 0;
  double meanHaulKm = 0;  // per tonne allocated
};

// Keeping every source whole, against the split optimum (the bound no whole
// allocation beats).
struct WholeAgainstSplit {
  bool proven = false;  // the whole allocation is proven optimal
  double placedWhole = 0;
  double tonneKmWhole = 0;
  double placedSplit = 0;
  double tonneKmSplit = 0;
};

// Transport emissions in kg CO2e per tonne-km, as the user gives them (a
// number, or a truck's row of the emission factors: transportFactor). Unset:
// no CO2e is computed and its fields stay empty, rather than a guess.
using TransportFactor = std::optional<double>;

// The factor the user gave: the number when there is one, else the `truck`
// row of the emission factors (its central value, in CO2e by the table's
// GWPs), else none, noted in `diagnostics`.
TransportFactor transportFactor(const std::optional<double>& kgCo2PerTkm,
                                const layers::FactorTable* factors, const std::string& truck,
                                layers::Diagnostics& diagnostics);

// The t CO2e of `tonneKm`, or an empty value without a factor.
layers::ResultValue transportCo2(double tonneKm, const TransportFactor& kgCo2PerTkm);

struct AllocationResult {
  SourcesToSites joined;
  geo::AllocationInput problem;      // supply, capacity and km as the engine took them
  std::vector<double> siteCapacity;  // per site as given; infinity: unlimited
  geo::Allocation allocation;
  std::vector<geo::SiteIntake> intakes;  // per site
  std::vector<SourceStatus> sources;     // per source
  AllocationTotals totals;
  std::optional<WholeAgainstSplit> whole;  // set when sources were kept whole
  TransportFactor kgCo2PerTkm;             // as the options gave it
  layers::Diagnostics diagnostics;         // places not joined to the network
};

struct AllocationOptions {
  geo::SnapOptions snap;
  bool keepWhole = false;       // each source to one site or none
  TransportFactor kgCo2PerTkm;  // transport emissions per tonne-km
};

// Throws geo::Canceled when canceled.
AllocationResult allocateToSites(const AllocationInput& input, const AllocationOptions& options,
                                 const geo::Feedback* feedback = nullptr);

// A place and where it joined the network.
struct PlacesOnNetwork {
  const layers::PointData& places;
  const layers::SnappedPlaces& snapped;
};

// A line per flow from its source to its site, with the tonnes, the haul (km
// by road) and the tonne-km.
layers::ResultTable haulLines(const std::string& name, const PlacesOnNetwork& from,
                              const PlacesOnNetwork& to, const geo::OdMatrix& routes,
                              const std::vector<geo::AllocationFlow>& flows,
                              const std::string& fromField = "source_id",
                              const std::string& toField = "site_id");

// The result tables of an allocation: "allocation" (haulLines), "site_intake"
// (each site's capacity, intake, spare, hauls, tonne-km and CO2e, with its
// `status` when given) and "source_status" (each source's tonnes allocated and
// not, and why).
layers::ResultTable allocationLines(const AllocationResult& result,
                                    const layers::PointData& sources,
                                    const layers::PointData& sites);
layers::ResultTable siteIntakeTable(const AllocationResult& result, const layers::PointData& sites,
                                    const std::vector<std::string>& status = {});
layers::ResultTable sourceStatusTable(const AllocationResult& result,
                                      const layers::PointData& sources);

// The tonnes an allocation's hauls put on each road segment: every flow along
// its shortest route by distance (the route its haul_km measures).
std::vector<geo::SegmentLoad> haulLoads(const geo::Network& network, const AllocationResult& result,
                                        const geo::Feedback* feedback = nullptr);

// The intakes, source status and totals of a given allocation of the problem
// (site selection's): fills in `result` beside its `joined`, `problem` and
// `allocation`.
void describeAllocation(AllocationResult& result, const TransportFactor& kgCo2PerTkm);

}  // namespace cp::analyses
