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

// What a speed text says, following OSM's maxspeed conventions: a number in
// km/h, or with "mph" or "knots"; an implicit limit "KZ:urban", "RU:rural", ...
// (the table in road_classes.cpp); "walk" (walking pace); "none", "signals" and
// "variable" (no fixed limit: the class default applies); "60;80" (several
// limits: the lowest, which holds somewhere on the road). Values outside
// kMinPlausibleKmh..kMaxPlausibleKmh are no speed a road is driven at.
struct SpeedReading {
  enum class Kind {
    Missing,      // empty, or 0 (Geofabrik's "no value")
    Value,        // kmh holds the speed
    Several,      // several limits; kmh holds the lowest
    NoLimit,      // none/signals/variable: the class default applies
    Unreadable,   // not a speed (e.g. "50,5", "fast", an unknown zone)
    Implausible,  // a number outside the plausible range
  };
  Kind kind = Kind::Missing;
  double kmh = 0;
};
inline constexpr double kMinPlausibleKmh = 3;
inline constexpr double kMaxPlausibleKmh = 150;
SpeedReading readMaxspeed(const std::string& text);

// OSM: yes/true/1, no/false/0, -1/reverse; Geofabrik: F (forward), T (against), B (both).
// An empty value means both ways; an unrecognised one gives nullopt.
std::optional<cp::geo::Direction> parseOneway(const std::string& value);

}  // namespace cp::layers
