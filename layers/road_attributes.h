#pragma once
// What a road's attributes mean for routing, whichever reader (OGR or QGIS)
// found them: drivable or not, direction, and speed. Problems are listed once
// per distinct value, naming the first feature and the field.

#include <map>
#include <optional>
#include <string>

#include "diagnostics.h"
#include "geo/types.h"

namespace cp::layers {

// Field names; empty means detect (class: fclass, highway; oneway: oneway;
// speed: maxspeed, speed_kmh, speed; road length: road_length_m). A name that
// is given must exist.
struct RoadFields {
  std::string roadClass;
  std::string oneway;
  std::string speedKmh;
  std::string roadLength;
};

// One feature's values of those fields as text ("" for NULL or no field).
struct RoadTexts {
  std::string roadClass;
  std::string oneway;
  std::string speed;
  std::string roadLength;
};

struct RoadProperties {
  geo::Direction direction = geo::Direction::Both;
  double speedKmh = 0;
  double roadLengthM = 0;  // 0: as drawn
};

class RoadAttributeParser {
 public:
  // `fields` are the fields in use (empty: the layer has none of that kind).
  RoadAttributeParser(std::string layerLabel, RoadFields fields, bool drivableOnly,
                      Diagnostics& diagnostics);

  // nullopt when the road is not drivable and only drivable roads are wanted.
  // A road with no class is still a road: it is driven at the default speed of
  // unclassified roads.
  std::optional<RoadProperties> parse(const std::string& featureId, const RoadTexts& texts);

  // Writes what was read but not used as given: one message per kind of
  // problem, with the distinct values, their counts and the first feature.
  void finish();

 private:
  // Features whose value of one field was not used as given.
  struct Tally {
    std::string field;
    std::string firstFeature;
    std::size_t features = 0;
    std::map<std::string, std::size_t> values;
  };

  geo::Direction direction(const std::string& featureId, const std::string& value);
  double speed(const std::string& featureId, const std::string& value,
               const std::string& roadClass);
  double roadLength(const std::string& featureId, const std::string& value);
  void count(const std::string& problem, const std::string& field, const std::string& featureId,
             const std::string& value);

  std::string layer_;
  RoadFields fields_;
  bool drivableOnly_;
  Diagnostics& diagnostics_;
  std::map<std::string, Tally> tallies_;  // by problem, as said to the user
};

}  // namespace cp::layers
