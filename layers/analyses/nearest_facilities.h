#pragma once
// Nearest facilities: for every origin, the k facilities it reaches first by
// road (shortest or fastest), within an optional cutoff.

#include <vector>

#include "geo/feedback.h"
#include "geo/routing.h"
#include "geo/snapping.h"
#include "layers/diagnostics.h"
#include "layers/point_reader.h"
#include "layers/result_table.h"
#include "layers/snapped_places.h"

namespace cp::analyses {

struct NearestOptions {
  geo::SnapOptions snap;
  geo::QueryOptions query;  // metric and cutoff
  std::size_t k = 1;
};

struct NearestResult {
  layers::SnappedPlaces origins;
  layers::SnappedPlaces facilities;
  std::vector<std::vector<geo::Nearest>> nearest;  // per origin, nearest first
  layers::Diagnostics diagnostics;                 // places not joined to the network
};

// Throws geo::Canceled when canceled.
NearestResult findNearestFacilities(const geo::Network& network, const layers::PointData& origins,
                                    const layers::PointData& facilities,
                                    const NearestOptions& options,
                                    const geo::Feedback* feedback = nullptr);

// "nearest": a line from each origin to each of its facilities, with the rank,
// distance and time.
layers::ResultTable nearestTable(const NearestResult& result, const layers::PointData& origins,
                                 const layers::PointData& facilities);

}  // namespace cp::analyses
