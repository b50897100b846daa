#pragma once
// Material flows between places: each flow's origin and destination found by
// id among the places of the given layers, joined to the road network and
// routed. What the flow-line, road-load and site-assessment analyses share.

#include <string>
#include <utility>
#include <vector>

#include "geo/feedback.h"
#include "geo/routing.h"
#include "geo/snapping.h"
#include "layers/diagnostics.h"
#include "layers/flows.h"
#include "layers/point_reader.h"
#include "layers/snapped_places.h"

namespace cp::analyses {

// A layer of places the flows name by id.
struct FlowPlaceLayer {
  const layers::PointData& places;
  std::string idField;  // for messages
};

// Why a layer of places cannot serve the flows: it has none of the usual id
// fields (field_names::kPlaceId), said by every reader alike.
std::string noPlaceIdMessage();

struct PlacedFlows {
  layers::PointData places;                               // of every layer, each id once
  std::vector<layers::Flow> flows;                        // those with both ends among the places
  std::vector<std::pair<std::size_t, std::size_t>> ends;  // their places
  std::size_t unplaced = 0;
  double unplacedTonnes = 0;
};

// Flows whose origin or destination is no place are listed in `diagnostics`
// under `flowTable`, with every place id they name, and left out; so are
// flows in a unit other than material tonnes. An id found
// in two layers is the first layer's place (said once per pair of layers).
PlacedFlows placeFlows(const std::vector<FlowPlaceLayer>& layers, std::vector<layers::Flow> flows,
                       const std::string& flowTable, layers::Diagnostics& diagnostics);

// Flows with the same origin, destination and material class added together;
// their ids joined, and a material, stage or scenario that differs shown as
// "(several)".
void aggregateFlows(PlacedFlows& placed);

struct FlowsOnNetwork {
  PlacedFlows placed;
  layers::SnappedPlaces snapped;
};

// The flows' places joined to the network; places that do not join are listed.
FlowsOnNetwork joinFlows(const geo::Network& network, PlacedFlows placed,
                         const geo::SnapOptions& snap, layers::Diagnostics& diagnostics);

// Each flow's shortest road route by distance; unreachable where no road joins.
std::vector<geo::Route> routeFlows(const geo::Network& network, const FlowsOnNetwork& flows,
                                   const geo::Feedback* feedback = nullptr);

}  // namespace cp::analyses
