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
constexpr std::array<ClassInfo, 36> kClasses{{
    {"motorway", 90, true},      {"motorway_link", 45, true},  {"trunk", 70, true},
    {"trunk_link", 40, true},    {"primary", 60, true},        {"primary_link", 30, true},
    {"secondary", 50, true},     {"secondary_link", 25, true}, {"tertiary", 40, true},
    {"tertiary_link", 20, true}, {"unclassified", 30, true},   {"residential", 25, true},
    {"living_street", 10, true}, {"service", 15, true},        {"road", 25, true},
    {"track", 10, false},        {"footway", 5, false},        {"path", 5, false},
    {"steps", 3, false},         {"cycleway", 15, false},      {"pedestrian", 5, false},
    {"bridleway", 5, false},     {"unknown", 25, false},       {"busway", 40, false},
    {"construction", 10, false}, {"proposed", 10, false},      {"abandoned", 10, false},
    {"disused", 10, false},      {"platform", 5, false},       {"corridor", 5, false},
    {"elevator", 3, false},      {"bus_guideway", 40, false},  {"raceway", 10, false},
    {"bus_stop", 5, false},      {"escape", 10, false},        {"via_ferrata", 3, false},
}};

// Implicit speed limits (OSM maxspeed "CC:zone") of the countries the product
// serves first and a few common others, km/h. Kazakhstan, Russia, Belarus,
// Uzbekistan, Kyrgyzstan: national traffic rules (60 in built-up areas, 90
// outside, 110 on motorways, 20 in living streets); Germany (StVO: 50, 100);
// the United Kingdom in mph converted (30, 60, 70 mph).
struct ImplicitLimit {
  std::string_view code;  // as written in OSM, lower case
  double kmh;
};
constexpr std::array<ImplicitLimit, 27> kImplicitLimits{{
    {"kz:urban", 60},         {"kz:rural", 90},
    {"kz:motorway", 110},     {"kz:living_street", 20},
    {"ru:urban", 60},         {"ru:rural", 90},
    {"ru:motorway", 110},     {"ru:living_street", 20},
    {"by:urban", 60},         {"by:rural", 90},
    {"by:motorway", 110},     {"uz:urban", 60},
    {"uz:rural", 90},         {"uz:motorway", 110},
    {"kg:urban", 60},         {"kg:rural", 90},
    {"de:urban", 50},         {"de:rural", 100},
    {"de:living_street", 7},  {"gb:nsl_restricted", 48.28},
    {"gb:nsl_single", 96.56}, {"gb:nsl_dual", 112.65},
    {"gb:motorway", 112.65},  {"ua:urban", 50},
    {"ua:rural", 90},         {"ua:motorway", 130},
    {"ua:living_street", 20},
}};

// OSM's "walk": walking pace, as in living streets.
constexpr double kWalkingPaceKmh = 6;
constexpr double kInfinityKmh = 1e300;

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

namespace {

// A plain decimal number with an optional unit, or nullopt: no exponents, hex,
// "inf", commas or other text (strtod would take "1e3" as 1000).
std::optional<double> numberWithUnit(const std::string& v) {
  std::size_t i = 0;
  while (i < v.size() && (std::isdigit(static_cast<unsigned char>(v[i])) || v[i] == '.'))
    ++i;
  const std::string number = v.substr(0, i);
  if (number.empty() || number.front() == '.' || number.back() == '.' ||
      std::count(number.begin(), number.end(), '.') > 1)
    return std::nullopt;
  const double value = std::stod(number);
  const std::string unit = v.substr(i);
  if (unit.empty() || unit == "km/h" || unit == "kmh" || unit == "kph")
    return value;
  if (unit == "mph")
    return value * 1.609344;
  if (unit == "knots")
    return value * 1.852;
  return std::nullopt;
}

SpeedReading readOneSpeed(const std::string& v) {
  using Kind = SpeedReading::Kind;
  if (v.empty())
    return {Kind::Missing, 0};
  if (v == "none" || v == "signals" || v == "variable")
    return {Kind::NoLimit, 0};
  if (v == "walk")
    return {Kind::Value, kWalkingPaceKmh};
  const auto implicit = std::find_if(kImplicitLimits.begin(), kImplicitLimits.end(),
                                     [&](const ImplicitLimit& l) { return l.code == v; });
  if (implicit != kImplicitLimits.end())
    return {Kind::Value, implicit->kmh};
  const std::optional<double> kmh = numberWithUnit(v);
  if (!kmh)
    return {Kind::Unreadable, 0};
  if (*kmh == 0)
    return {Kind::Missing, 0};
  if (*kmh < kMinPlausibleKmh || *kmh > kMaxPlausibleKmh)
    return {Kind::Implausible, *kmh};
  return {Kind::Value, *kmh};
}

}  // namespace

SpeedReading readMaxspeed(const std::string& text) {
  const std::string v = lowerTrimmed(text);
  if (v.find(';') == std::string::npos)
    return readOneSpeed(v);
  // Several limits (by lane, direction or time): the lowest, if all are speeds.
  SpeedReading lowest{SpeedReading::Kind::Several, kInfinityKmh};
  std::size_t start = 0;
  while (start <= v.size()) {
    const std::size_t end = std::min(v.find(';', start), v.size());
    const SpeedReading one = readOneSpeed(v.substr(start, end - start));
    if (one.kind != SpeedReading::Kind::Value)
      return {SpeedReading::Kind::Unreadable, 0};
    lowest.kmh = std::min(lowest.kmh, one.kmh);
    start = end + 1;
  }
  return lowest;
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
