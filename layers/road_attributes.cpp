#include "road_attributes.h"

#include <algorithm>
#include <cmath>
#include <locale>
#include <sstream>
#include <vector>

#include "road_classes.h"

namespace cp::layers {
namespace {

// The problems a parser tallies, as they are said to the user.
const char* const kNoClass =
    "no road class (NULL or empty): kept as drivable roads at the default speed of unclassified "
    "roads";
const char* const kUnknownClass =
    "road classes not in the table: kept as drivable roads at the default speed of unclassified "
    "roads";
const char* const kNotDrivable = "lines of classes not open to cars left out of the network";
const char* const kUnknownOneway = "unrecognised one-way values: treated as two-way";
const char* const kImplausibleSpeed =
    "speeds outside the plausible 3-150 km/h: the class default is used instead";
const char* const kUnreadableSpeed = "values that are not a speed: the class default is used";
const char* const kSeveralSpeeds = "several speed limits in one value: the lowest is used";
const char* const kBadRoadLength =
    "road lengths that are not a positive number of metres: the line's drawn length is used";

// The distinct values and their counts, most frequent first, at most ten.
std::string listValues(const std::map<std::string, std::size_t>& values) {
  std::vector<std::pair<std::size_t, std::string>> byCount;
  for (const auto& [value, n] : values)
    byCount.emplace_back(n, value);
  std::stable_sort(byCount.begin(), byCount.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  std::string out;
  for (std::size_t i = 0; i < byCount.size() && i < 10; ++i)
    out += (i ? ", '" : "'") + byCount[i].second + "' x" + std::to_string(byCount[i].first);
  if (byCount.size() > 10)
    out += " and " + std::to_string(byCount.size() - 10) + " more";
  return out;
}

}  // namespace

RoadAttributeParser::RoadAttributeParser(std::string layerLabel, RoadFields fields,
                                         bool drivableOnly, Diagnostics& diagnostics)
    : layer_(std::move(layerLabel)),
      fields_(std::move(fields)),
      drivableOnly_(drivableOnly),
      diagnostics_(diagnostics) {}

void RoadAttributeParser::count(const std::string& problem, const std::string& field,
                                const std::string& featureId, const std::string& value) {
  Tally& t = tallies_[problem];
  if (t.features++ == 0) {
    t.field = field;
    t.firstFeature = featureId;
  }
  ++t.values[value];
}

std::optional<RoadProperties> RoadAttributeParser::parse(const std::string& featureId,
                                                         const RoadTexts& texts) {
  const std::string& roadClass = texts.roadClass;
  if (!fields_.roadClass.empty()) {
    if (roadClass.empty()) {
      count(kNoClass, fields_.roadClass, featureId, "NULL");
    } else if (!isKnownClass(roadClass)) {
      count(kUnknownClass, fields_.roadClass, featureId, roadClass);
    } else if (drivableOnly_ && !isDrivableClass(roadClass)) {
      count(kNotDrivable, fields_.roadClass, featureId, roadClass);
      return std::nullopt;
    }
  }
  return RoadProperties{direction(featureId, texts.oneway),
                        speed(featureId, texts.speed, roadClass),
                        roadLength(featureId, texts.roadLength)};
}

double RoadAttributeParser::roadLength(const std::string& featureId, const std::string& value) {
  if (value.empty())
    return 0;
  // Read as the C locale reads it, whatever the user's decimal separator.
  std::istringstream in(value);
  in.imbue(std::locale::classic());
  double metres = 0;
  in >> metres;
  if (in.fail() || !(in >> std::ws).eof() || !(metres > 0) || !std::isfinite(metres)) {
    count(kBadRoadLength, fields_.roadLength, featureId, value);
    return 0;
  }
  return metres;
}

geo::Direction RoadAttributeParser::direction(const std::string& featureId,
                                              const std::string& value) {
  const auto parsed = parseOneway(value);
  if (parsed)
    return *parsed;
  count(kUnknownOneway, fields_.oneway, featureId, value);
  return geo::Direction::Both;
}

double RoadAttributeParser::speed(const std::string& featureId, const std::string& value,
                                  const std::string& roadClass) {
  using Kind = SpeedReading::Kind;
  const SpeedReading reading = readMaxspeed(value);
  switch (reading.kind) {
    case Kind::Value:
      return reading.kmh;
    case Kind::Several:
      count(kSeveralSpeeds, fields_.speedKmh, featureId, value);
      return reading.kmh;
    case Kind::Implausible:
      count(kImplausibleSpeed, fields_.speedKmh, featureId, value);
      break;
    case Kind::Unreadable:
      count(kUnreadableSpeed, fields_.speedKmh, featureId, value);
      break;
    case Kind::Missing:
    case Kind::NoLimit:
      break;
  }
  return defaultSpeedKmh(roadClass);
}

void RoadAttributeParser::finish() {
  for (const auto& [problem, t] : tallies_) {
    const std::string message = problem + " (" + listValues(t.values) + ")";
    if (problem == kNotDrivable)
      diagnostics_.note(layer_, message, t.features);
    else
      diagnostics_.warn(layer_, t.firstFeature, t.field, message, t.features);
  }
  tallies_.clear();
}

}  // namespace cp::layers
