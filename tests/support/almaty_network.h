#pragma once
// The Almaty sample roads built into a network, and random places on it.

#include <vector>

#include "geo/network_builder.h"
#include "geo/snapping.h"
#include "layers/road_reader.h"

namespace cp::test {

struct AlmatyNetwork {
  layers::RoadData roads;
  geo::BuildReport report;
  geo::Network network;
};

// All drivable roads of the sample data, or only its OSM roads (without the
// schematic regional corridors).
AlmatyNetwork buildAlmatyNetwork(bool osmOnly = false);

// Random places on the largest component: a random segment, a random fraction.
std::vector<geo::Location> randomLocations(const geo::Network& net, std::size_t count,
                                           unsigned seed);

// Working-CRS points to WGS 84 lon/lat.
std::vector<geo::LonLat> toLonLat(const layers::WorkingFrame& frame,
                                  const std::vector<geo::XY>& points);

}  // namespace cp::test
