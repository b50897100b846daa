#pragma once
// Waste facilities by kind: where waste goes today (the landfill, dumpsites),
// where it passes through (a sorting plant), and where it could go instead (a
// waste-to-energy plant). The kind is read from a text field with one rule
// whatever opened the layer: the usual words in any case, '_', '-' or ' '
// between words; anything else is listed in a warning and the facility takes
// no waste, so that a typo never sends waste to the wrong place unsaid.

#include <optional>
#include <string>
#include <vector>

#include "diagnostics.h"
#include "ogr_source.h"
#include "point_reader.h"

namespace cp::layers {

enum class FacilityKind { Landfill, Dumpsite, SortingPlant, WasteToEnergy, Other };

std::optional<FacilityKind> parseFacilityKind(const std::string& text);
const char* facilityKindName(FacilityKind kind);  // landfill, dumpsite, sorting_plant, ...

// The rule, row by row; each reader (OGR here, QGIS in the bridge) feeds it.
class KindRows {
 public:
  KindRows(std::string layer, std::string field, Diagnostics& diagnostics);
  void add(const std::string& feature, const std::string& text);  // "" for NULL
  std::vector<FacilityKind> finish();  // warns once about the kinds not understood

 private:
  std::string layer_, field_;
  Diagnostics& diagnostics_;
  std::vector<FacilityKind> kinds_;
  std::vector<std::string> unknown_;  // "feature ('text')"
};

// Waste facilities as the disposal analysis takes them: places, kinds,
// capacities (none or NULL: unlimited) and registered intakes (none: not known).
struct WasteFacilities {
  PointData places;
  std::vector<FacilityKind> kinds;
  std::vector<double> capacity, registeredIntake;
};

// Per feature, in the layer's order; the field must exist.
std::vector<FacilityKind> readFacilityKinds(const LayerRef& ref, const std::string& field,
                                            Diagnostics& diagnostics);

}  // namespace cp::layers
