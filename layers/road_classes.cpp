#include "road_classes.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string_view>

namespace cp::layers {
namespace {

struct ClassInfo {
  std::string_view name;
  double speedKmh;  // free-flow urban default, when the road has no maxspeed
  bool drivable;
};

// Defaults follow common routing practice for urban OSM data (OSRM's car profile
// and Kazakhstan's urban limit of 60 km/h): the speed limit where one applies,
// lower for minor roads where traffic signals and parking slow cars down.
constexpr std::array<ClassInfo, 25> kClasses{{
    {"motorway", 90, true},      {"motorway_link", 45, true},  {"trunk", 70, true},
    {"trunk_link", 40, true},    {"primary", 60, true},        {"primary_link", 30, true},
    {"secondary", 50, true},     {"secondary_link", 25, true}, {"tertiary", 40, true},
    {"tertiary_link", 20, true}, {"unclassified", 30, true},   {"residential", 25, true},
    {"living_street", 10, true}, {"service", 15, true},        {"road", 25, true},
    {"track", 10, false},        {"footway", 5, false},        {"path", 5, false},
    {"steps", 3, false},         {"cycleway", 15, false},      {"pedestrian", 5, false},
    {"bridleway", 5, false},     {"unknown", 25, false},       {"busway", 40, false},
    {"construction", 10, false},
}};

const ClassInfo* find(const std::string& roadClass) {
  // Geofabrik splits tracks into track_grade1..5: all are tracks.
  const std::string_view name =
      roadClass.rfind("track", 0) == 0 ? "track" : std::string_view(roadClass);
  const auto it = std::find_if(kClasses.begin(), kClasses.end(),
                               [&](const ClassInfo& c) { return c.name == name; });
  return it == kClasses.end() ? nullptr : &*it;
}

std::string lowerTrimmed(const std::string& s) {
  std::string out;
  for (char c : s)
    if (!std::isspace(static_cast<unsigned char>(c)))
      out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  return out;
}

}  // namespace

bool isKnownClass(const std::string& roadClass) {
  return find(roadClass) != nullptr;
}

bool isDrivableClass(const std::string& roadClass) {
  const ClassInfo* info = find(roadClass);
  return info != nullptr && info->drivable;
}

double defaultSpeedKmh(const std::string& roadClass) {
  const ClassInfo* info = find(roadClass);
  return info != nullptr ? info->speedKmh : find("unclassified")->speedKmh;
}

std::optional<cp::geo::Direction> parseOneway(const std::string& value) {
  using cp::geo::Direction;
  const std::string v = lowerTrimmed(value);
  if (v.empty() || v == "b" || v == "no" || v == "false" || v == "0")
    return Direction::Both;
  if (v == "f" || v == "yes" || v == "true" || v == "1")
    return Direction::Forward;
  if (v == "t" || v == "-1" || v == "reverse")
    return Direction::Backward;
  return std::nullopt;
}

}  // namespace cp::layers
