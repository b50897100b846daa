#pragma once
// Builds a routable Network from road lines: joins lines at shared vertices
// (within a tolerance), splits them there, and measures each piece.

#include <cstdint>
#include <string>
#include <vector>

#include "feedback.h"
#include "network.h"

namespace cp::geo {

// One road line as read from a layer; xy and lonLat hold the same vertices.
struct RoadLine {
  std::uint64_t featureId = 0;  // the source feature, for messages
  std::vector<XY> xy;           // working CRS, metres
  std::vector<LonLat> lonLat;   // WGS 84, for ellipsoidal lengths (unused when planar)
  Direction direction = Direction::Both;
  double speedKmh = 50;  // must be > 0
  // The length of the real road a schematic line stands for (0: as drawn). The
  // pieces of the line share it in proportion to their drawn lengths, so that
  // a corridor drawn through a few towns still costs its real kilometres.
  double roadLengthM = 0;
};

enum class LengthMeasure {
  Ellipsoidal,  // geodesic on WGS 84 from RoadLine::lonLat, as QGIS measures
  Planar        // in the working CRS from RoadLine::xy (lonLat may then be empty)
};

struct BuildOptions {
  // Vertices closer than this (metres) become one node. Zero joins only identical vertices.
  double toleranceM = 0.01;
  LengthMeasure measure = LengthMeasure::Ellipsoidal;
};

// A problem with one input line that the build worked around; never silent.
struct BuildIssue {
  enum class Kind {
    TooFewVertices,
    ZeroLength,
    SelfLoop,
    DuplicateVertices,
    BadSpeed,
    BadCoordinates,
    BadRoadLength
  };
  Kind kind;
  std::uint64_t featureId;
  std::string message;
};

struct BuildReport {
  std::size_t inputLines = 0;
  std::size_t nodes = 0;
  std::size_t segments = 0;
  std::size_t arcs = 0;
  std::size_t components = 0;
  std::size_t largestComponentNodes = 0;
  std::size_t dangles = 0;            // nodes with one segment end
  std::size_t droppedLines = 0;       // too few vertices or zero length
  std::size_t selfLoops = 0;          // segments that start and end at one node
  std::size_t duplicateSegments = 0;  // same end nodes and same length as another segment
  std::size_t duplicateVertices = 0;  // consecutive repeated vertices removed
  std::vector<BuildIssue> issues;

  std::string summary() const;
};

// Throws std::invalid_argument on inconsistent input (xy/lonLat size mismatch,
// negative tolerance) and Canceled when feedback is canceled.
Network buildNetwork(const std::vector<RoadLine>& lines, const BuildOptions& options,
                     BuildReport* report = nullptr, const Feedback* feedback = nullptr);

}  // namespace cp::geo
