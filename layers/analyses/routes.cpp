#include "routes.h"

#include <cmath>
#include <limits>

#include "geo/parallel.h"

namespace cp::analyses {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

double flaggedMetres(const geo::Route& route, const RoutesInput& in) {
  double metres = 0;
  for (std::size_t i = 0; i < route.segments.size(); ++i)
    if (in.flagged.count(in.roads[in.network.segmentFeature[route.segments[i]]].featureId))
      metres += route.segmentMetres[i];
  return metres;
}

}  // namespace

RoutesResult routeEveryPair(const RoutesInput& in, const RoutesOptions& options,
                            const geo::Feedback* feedback) {
  const std::size_t pairs = in.origins.ids.size() * in.destinations.ids.size();
  if (pairs > kMaxRoutes)
    throw layers::OptionError(std::to_string(in.origins.ids.size()) + " origins x " +
                              std::to_string(in.destinations.ids.size()) +
                              " destinations is more than " + std::to_string(kMaxRoutes) +
                              " routes; use the OD matrix");
  RoutesResult r;
  const geo::Snapper snapper(in.network, options.snap);
  r.origins = layers::snapPlaces(snapper, in.origins, r.diagnostics);
  r.destinations = layers::snapPlaces(snapper, in.destinations, r.diagnostics);
  const auto targets = r.destinations.locations();
  r.routes.resize(in.origins.ids.size());
  r.flaggedMetres.resize(in.origins.ids.size());
  geo::parallelFor(
      r.routes.size(), 0, feedback, [] { return 0; },
      [&](int, std::size_t o) {
        r.flaggedMetres[o].assign(in.destinations.ids.size(), kNaN);
        if (!r.origins.snaps[o].location)
          return;
        r.routes[o] =
            geo::routesFrom(in.network, *r.origins.snaps[o].location, targets, options.metric);
        for (std::size_t d = 0; d < r.routes[o].size(); ++d)
          if (r.routes[o][d].cost.reachable())
            r.flaggedMetres[o][d] = flaggedMetres(r.routes[o][d], in);
      },
      0, 90);
  return r;
}

layers::ResultTable routesTable(const RoutesResult& result, const RoutesInput& in) {
  using layers::FieldType;
  using layers::finiteOrNull;
  layers::ResultTable table{"routes",
                            layers::ResultGeometry::LineString,
                            {{"origin_id", FieldType::Text},
                             {"destination_id", FieldType::Text},
                             {"distance_m", FieldType::Real},
                             {"time_s", FieldType::Real},
                             {"schematic_m", FieldType::Real},
                             {"schematic_share", FieldType::Real},
                             {"method", FieldType::Text},
                             {"origin_connector_m", FieldType::Real},
                             {"destination_connector_m", FieldType::Real}},
                            {}};
  const geo::Route none;
  for (std::size_t o = 0; o < in.origins.ids.size(); ++o) {
    for (std::size_t d = 0; d < in.destinations.ids.size(); ++d) {
      const geo::Route& route = result.routes[o].empty() ? none : result.routes[o][d];
      const bool routed = route.cost.reachable();
      const double schematic = result.flaggedMetres[o][d];
      const double share = route.cost.distanceM > 0 ? schematic / route.cost.distanceM : 0.0;
      table.add(
          {in.origins.ids[o], in.destinations.ids[d], finiteOrNull(route.cost.distanceM),
           finiteOrNull(route.cost.timeS), finiteOrNull(schematic),
           finiteOrNull(routed ? share : kNaN), std::string(routed ? "network" : "unreachable"),
           finiteOrNull(result.origins.snaps[o].connectorM),
           finiteOrNull(result.destinations.snaps[d].connectorM)},
          layers::lineAlong(route.geometry));
    }
  }
  return table;
}

}  // namespace cp::analyses
