#pragma once
// Routes: the road route from every origin to every destination (shortest or
// fastest), with its distance, time, and the metres and share of it on roads
// flagged as drawn by estimate (schematic) rather than surveyed.

#include <cstdint>
#include <unordered_set>
#include <vector>

#include "geo/feedback.h"
#include "geo/network_builder.h"
#include "geo/routing.h"
#include "geo/snapping.h"
#include "layers/diagnostics.h"
#include "layers/point_reader.h"
#include "layers/result_table.h"
#include "layers/snapped_places.h"

namespace cp::analyses {

// Beyond this, drawn routes stop being readable or quick; the OD matrix serves.
inline constexpr std::size_t kMaxRoutes = 100000;

struct RoutesInput {
  const geo::Network& network;
  const std::vector<geo::RoadLine>& roads;  // the lines the network was built from
  const layers::PointData& origins;
  const layers::PointData& destinations;
  const std::unordered_set<std::uint64_t>& flagged;  // road feature ids flagged schematic
};

struct RoutesOptions {
  geo::SnapOptions snap;
  geo::Metric metric = geo::Metric::Distance;
};

struct RoutesResult {
  layers::SnappedPlaces origins;
  layers::SnappedPlaces destinations;
  std::vector<std::vector<geo::Route>> routes;     // per origin, per destination; empty: not joined
  std::vector<std::vector<double>> flaggedMetres;  // likewise; NaN where there is no route
  layers::Diagnostics diagnostics;                 // places not joined to the network
};

// Throws OptionError above kMaxRoutes pairs, geo::Canceled when canceled.
RoutesResult routeEveryPair(const RoutesInput& input, const RoutesOptions& options,
                            const geo::Feedback* feedback = nullptr);

// "routes": a line per pair (none when unreachable) with distance_m, time_s,
// schematic_m, schematic_share, method and the connectors.
layers::ResultTable routesTable(const RoutesResult& result, const RoutesInput& input);

}  // namespace cp::analyses
