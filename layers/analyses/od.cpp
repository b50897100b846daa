#include "od.h"

namespace cp::analyses {

OdResult analyseOd(const geo::Network& network, const layers::PointData& origins,
                   const layers::PointData& destinations, bool sameLayer, const OdOptions& options,
                   const geo::Feedback* feedback) {
  OdResult od;
  const geo::Snapper snapper(network, options.snap);
  od.origins = layers::snapPlaces(snapper, origins, od.diagnostics);
  od.destinations =
      sameLayer ? od.origins : layers::snapPlaces(snapper, destinations, od.diagnostics);
  od.pointsNotSnapped = od.origins.notJoined + (sameLayer ? 0 : od.destinations.notJoined);
  const geo::OdMatrix matrix = geo::odMatrix(network, od.origins.locations(),
                                             od.destinations.locations(), options.query, feedback);
  od.rows = geo::odRows(matrix, origins.lonLat, destinations.lonLat, options.fallback);
  return od;
}

}  // namespace cp::analyses
