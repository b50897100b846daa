#pragma once
// Reads a road line layer into the engine's RoadLine records: geometry in the
// working CRS and in WGS 84, direction, speed, and the real length of a road
// drawn schematically.

#include <optional>
#include <string>
#include <vector>

#include "diagnostics.h"
#include "geo/network_builder.h"
#include "ogr_source.h"
#include "road_attributes.h"

namespace cp::layers {

struct RoadReadOptions {
  RoadFields fields;
  bool drivableOnly = true;  // drop footways, paths, steps, cycleways, tracks ...
  int workingEpsg = 0;       // 0: the UTM zone of the layer's centre
  int sourceEpsg = 0;        // the CRS to assume when the layer has none (0: fail)
};

struct RoadData {
  std::vector<geo::RoadLine> lines;
  std::optional<WorkingFrame> frame;
  Diagnostics diagnostics;
  std::size_t featuresRead = 0;
  std::size_t featuresNotDrivable = 0;
  RoadFields fieldsUsed;
};

// The rules every reader of roads applies, feature by feature, whatever
// opened the layer: attributes by RoadAttributeParser; a geometry made linear
// (curves straightened) whose line parts each become a road line; a feature
// with no geometry, not a line, or a vertex that cannot be placed is left out
// and said.
class RoadRows {
 public:
  // `out` has its fieldsUsed and frame set; a missing class field is said when
  // only drivable roads are kept, since every line then counts as drivable.
  RoadRows(std::string layer, RoadData& out, bool drivableOnly, ToWorking toWorking);
  // The geometry is in the layer's CRS (null: none).
  void add(std::uint64_t featureId, const RoadTexts& texts, const OGRGeometry* geometry);
  // `held`: the features the layer says it holds (< 0: it cannot tell).
  // Throws InputError when no drivable line remains.
  void finish(long long held);

 private:
  void addPart(const std::string& fid, const OGRLineString& part, geo::RoadLine line);

  std::string layer_;
  RoadData& out_;
  RoadAttributeParser parser_;
  ToWorking toWorking_;
};

// Throws InputError when the layer cannot serve as a road layer at all.
RoadData readRoads(const LayerRef& ref, const RoadReadOptions& options = {});

}  // namespace cp::layers
