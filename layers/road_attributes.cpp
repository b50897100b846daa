#include "road_attributes.h"

#include <cmath>
#include <cstdlib>

#include "road_classes.h"

namespace cp::layers {

RoadAttributeParser::RoadAttributeParser(std::string layerLabel, RoadFields fields,
                                         bool drivableOnly, Diagnostics& diagnostics)
    : layer_(std::move(layerLabel)),
      fields_(std::move(fields)),
      drivableOnly_(drivableOnly),
      diagnostics_(diagnostics) {}

void RoadAttributeParser::warn(const std::string& key, const std::string& featureId,
                               const std::string& field, const std::string& message) {
  diagnostics_.warnOnce(key, layer_, featureId, field, message);
}

std::optional<RoadProperties> RoadAttributeParser::parse(const std::string& featureId,
                                                         const std::string& roadClass,
                                                         const std::string& oneway,
                                                         const std::string& speedText) {
  const bool hasClass = !fields_.roadClass.empty();
  if (drivableOnly_ && hasClass && !isDrivableClass(roadClass))
    return std::nullopt;
  if (hasClass && !isKnownClass(roadClass))
    warn("class:" + roadClass, featureId, fields_.roadClass,
         "unknown road class '" + roadClass +
             "'; routed with the default speed of unclassified roads");
  return RoadProperties{direction(featureId, oneway), speed(featureId, speedText, roadClass)};
}

geo::Direction RoadAttributeParser::direction(const std::string& featureId,
                                              const std::string& value) {
  const auto parsed = parseOneway(value);
  if (parsed)
    return *parsed;
  warn("oneway:" + value, featureId, fields_.oneway,
       "unrecognised one-way value '" + value + "'; treated as two-way");
  return geo::Direction::Both;
}

double RoadAttributeParser::speed(const std::string& featureId, const std::string& value,
                                  const std::string& roadClass) {
  const double fallback = defaultSpeedKmh(roadClass);
  if (value.empty())
    return fallback;
  char* end = nullptr;
  double kmh = std::strtod(value.c_str(), &end);
  if (end == value.c_str() || !std::isfinite(kmh) || kmh < 0) {
    warn("speed:" + value, featureId, fields_.speedKmh,
         "speed '" + value + "' is not a usable km/h value; the class default is used");
    return fallback;
  }
  if (std::string(end).find("mph") != std::string::npos)
    kmh *= 1.609344;
  // Geofabrik writes 0 where OSM has no maxspeed.
  return kmh == 0 ? fallback : kmh;
}

}  // namespace cp::layers
