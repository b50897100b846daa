#pragma once
// Reads a road line layer into the engine's RoadLine records: geometry in the
// working CRS and in WGS 84, direction, and speed.

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

// Throws InputError when the layer cannot serve as a road layer at all.
RoadData readRoads(const LayerRef& ref, const RoadReadOptions& options = {});

// The first of the candidates that the layer has, or "".
std::string detectField(const OpenLayer& layer, const std::vector<std::string>& candidates);

}  // namespace cp::layers
