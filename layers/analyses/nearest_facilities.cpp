#include "nearest_facilities.h"

namespace cp::analyses {

NearestResult findNearestFacilities(const geo::Network& network, const layers::PointData& origins,
                                    const layers::PointData& facilities,
                                    const NearestOptions& options, const geo::Feedback* feedback) {
  NearestResult r;
  const geo::Snapper snapper(network, options.snap);
  r.origins = layers::snapPlaces(snapper, origins, r.diagnostics);
  r.facilities = layers::snapPlaces(snapper, facilities, r.diagnostics);
  r.nearest = geo::nearestFacilities(network, r.origins.locations(), r.facilities.locations(),
                                     options.k, options.query, feedback);
  return r;
}

layers::ResultTable nearestTable(const NearestResult& result, const layers::PointData& origins,
                                 const layers::PointData& facilities) {
  using layers::FieldType;
  layers::ResultTable table{"nearest",
                            layers::ResultGeometry::LineString,
                            {{"origin_id", FieldType::Text},
                             {"facility_id", FieldType::Text},
                             {"rank", FieldType::Integer},
                             {"distance_m", FieldType::Real},
                             {"time_s", FieldType::Real}},
                            {}};
  for (std::size_t o = 0; o < result.nearest.size(); ++o) {
    for (std::size_t rank = 0; rank < result.nearest[o].size(); ++rank) {
      const geo::Nearest& n = result.nearest[o][rank];
      // An origin with facilities joined the network, and so did they.
      const geo::XY from = result.origins.snaps[o].location->xy;
      const geo::XY to = result.facilities.snaps[n.facility].location->xy;
      table.add({origins.ids[o], facilities.ids[n.facility], static_cast<long long>(rank + 1),
                 layers::finiteOrNull(n.cost.distanceM), layers::finiteOrNull(n.cost.timeS)},
                layers::lineAlong({from, to}));
    }
  }
  return table;
}

}  // namespace cp::analyses
