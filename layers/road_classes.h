#pragma once
// What OpenStreetMap road classes mean for routing: which are drivable, their
// default speeds, and the one-way conventions of OSM and Geofabrik.

#include <optional>
#include <string>

#include "geo/types.h"

namespace cp::layers {

// Class names as in OSM `highway` and Geofabrik `fclass` (e.g. "primary_link").
bool isDrivableClass(const std::string& roadClass);

// Default speed (km/h) when a road has no usable speed of its own; see the table
// in road_classes.cpp. Unknown classes get the value for "unclassified".
double defaultSpeedKmh(const std::string& roadClass);
bool isKnownClass(const std::string& roadClass);

// OSM: yes/true/1, no/false/0, -1/reverse; Geofabrik: F (forward), T (against), B (both).
// An empty value means both ways; an unrecognised one gives nullopt.
std::optional<cp::geo::Direction> parseOneway(const std::string& value);

}  // namespace cp::layers
