#pragma once
// What a road's attributes mean for routing, whichever reader (OGR or QGIS)
// found them: drivable or not, direction, and speed. Problems are listed once
// per distinct value, naming the first feature and the field.

#include <optional>
#include <string>

#include "diagnostics.h"
#include "geo/types.h"

namespace cp::layers {

// Field names; empty means detect (class: fclass, highway; oneway: oneway;
// speed: maxspeed, speed_kmh, speed). A name that is given must exist.
struct RoadFields {
  std::string roadClass;
  std::string oneway;
  std::string speedKmh;
};

struct RoadProperties {
  geo::Direction direction = geo::Direction::Both;
  double speedKmh = 0;
};

class RoadAttributeParser {
 public:
  // `fields` are the fields in use (empty: the layer has none of that kind).
  RoadAttributeParser(std::string layerLabel, RoadFields fields, bool drivableOnly,
                      Diagnostics& diagnostics);

  // The values are the features' texts ("" for NULL); nullopt when the road is
  // not drivable and only drivable roads are wanted.
  std::optional<RoadProperties> parse(const std::string& featureId, const std::string& roadClass,
                                      const std::string& oneway, const std::string& speed);

 private:
  geo::Direction direction(const std::string& featureId, const std::string& value);
  double speed(const std::string& featureId, const std::string& value,
               const std::string& roadClass);
  void warn(const std::string& key, const std::string& featureId, const std::string& field,
            const std::string& message);

  std::string layer_;
  RoadFields fields_;
  bool drivableOnly_;
  Diagnostics& diagnostics_;
};

}  // namespace cp::layers
