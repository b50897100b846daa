#include "snapped_places.h"

namespace cp::layers {

std::vector<std::optional<geo::Location>> SnappedPlaces::locations() const {
  std::vector<std::optional<geo::Location>> out;
  out.reserve(snaps.size());
  for (const auto& s : snaps)
    out.push_back(s.location);
  return out;
}

geo::XY SnappedPlaces::placed(const PointData& places, std::size_t i) const {
  return snaps[i].location ? snaps[i].location->xy : places.xy[i];
}

SnappedPlaces snapPlaces(const geo::Snapper& snapper, const PointData& places,
                         Diagnostics& diagnostics) {
  SnappedPlaces out;
  out.snaps = snapper.snapAll(places.xy);
  for (std::size_t i = 0; i < out.snaps.size(); ++i) {
    if (!out.snaps[i].warning.empty())
      diagnostics.warn(places.layerLabel, places.ids[i], "", out.snaps[i].warning);
    if (out.snaps[i].location)
      continue;
    ++out.notJoined;
    diagnostics.warn(places.layerLabel, places.ids[i], "",
                     "not joined to the network: " + out.snaps[i].reason);
  }
  return out;
}

ResultTable placesTable(const std::vector<PlaceSet>& sets) {
  ResultTable table{"places",
                    ResultGeometry::Point,
                    {{"role", FieldType::Text},
                     {"place_id", FieldType::Text},
                     {"joined", FieldType::Boolean},
                     {"connector_m", FieldType::Real},
                     {"reason", FieldType::Text}},
                    {}};
  for (const PlaceSet& set : sets)
    for (std::size_t i = 0; i < set.places.ids.size(); ++i) {
      const geo::SnapResult& snap = set.snapped.snaps[i];
      table.add({set.role, set.places.ids[i], static_cast<long long>(snap.location.has_value()),
                 finiteOrNull(snap.connectorM), snap.reason},
                pointAt(set.places.xy[i]));
    }
  return table;
}

}  // namespace cp::layers
