#pragma once
// Writes an OD analysis to a GeoPackage: the OD table (with or without lines
// from origin to destination), and every point's snapping outcome with its connector. The file
// appears only when complete: it is written under a temporary name and renamed.

#include <string>
#include <vector>

#include "geo/od_table.h"
#include "geo/snapping.h"
#include "layers/ogr_source.h"
#include "layers/point_reader.h"
#include "layers/snapped_places.h"

namespace cp::layers {

// Whether the OD table carries a straight line from origin to destination.
// Lines make a small matrix readable on a map; above kOdLinesUpTo pairs they
// are not drawn (a million lines hide each other) and writing them would take
// ten times as long as the matrix itself, so Auto leaves them out.
enum class OdGeometry { Auto, Lines, None };
constexpr std::size_t kOdLinesUpTo = 100000;

bool withLines(OdGeometry geometry, std::size_t pairs);

struct OdOutput {
  const PointData& origins;
  const PointData& destinations;
  const SnappedPlaces& originSnaps;
  const SnappedPlaces& destinationSnaps;
  const std::vector<geo::OdRow>& rows;
  const WorkingFrame& frame;
  std::string attribution;  // stored in the GeoPackage's metadata
  OdGeometry geometry = OdGeometry::Auto;
};

// Throws std::runtime_error naming the file when it cannot be written.
void writeOdGeoPackage(const std::string& path, const OdOutput& output);

}  // namespace cp::layers
