#pragma once
// Places joined to the network, with every place that could not join listed in
// the diagnostics under its layer and id.

#include <optional>
#include <vector>

#include "diagnostics.h"
#include "geo/snapping.h"
#include "point_reader.h"
#include "result_table.h"

namespace cp::layers {

struct SnappedPlaces {
  std::vector<geo::SnapResult> snaps;  // one per place, in the layer's order
  std::size_t notJoined = 0;

  std::vector<std::optional<geo::Location>> locations() const;
  // Where place i meets the network, or the place itself when it did not join.
  geo::XY placed(const PointData& places, std::size_t i) const;
};

// Places of one role (origin, destination, ...) and how they joined.
struct PlaceSet {
  std::string role;
  const PointData& places;
  const SnappedPlaces& snapped;
};

// "places": every place with its role and id, whether it joined the network,
// its connector's length (m) and, when it did not join, why.
ResultTable placesTable(const std::vector<PlaceSet>& sets);

SnappedPlaces snapPlaces(const geo::Snapper& snapper, const PointData& places,
                         Diagnostics& diagnostics);

}  // namespace cp::layers
