#include "network_builder.h"

#include <algorithm>
#include <cmath>
#include <iomanip>
#include <numeric>
#include <sstream>
#include <stdexcept>
#include <tuple>

#include "geodesy.h"
#include "vertex_clusters.h"

namespace cp::geo {
namespace {

// A line after clustering: the kept vertex indices and their cluster ids.
struct ClusteredLine {
  std::uint32_t line = 0;
  std::vector<std::uint32_t> vertex;
  std::vector<std::uint32_t> cluster;
};

class UnionFind {
 public:
  explicit UnionFind(std::size_t n) : parent_(n) { std::iota(parent_.begin(), parent_.end(), 0U); }
  std::uint32_t find(std::uint32_t a) {
    while (parent_[a] != a)
      a = parent_[a] = parent_[parent_[a]];
    return a;
  }
  void unite(std::uint32_t a, std::uint32_t b) { parent_[find(a)] = find(b); }

 private:
  std::vector<std::uint32_t> parent_;
};

void validateInput(const std::vector<RoadLine>& lines, const BuildOptions& options) {
  if (!(options.toleranceM >= 0) || !std::isfinite(options.toleranceM))
    throw std::invalid_argument("topology tolerance must be a finite number >= 0 metres");
  if (options.measure == LengthMeasure::Planar)
    return;
  for (const RoadLine& line : lines) {
    if (line.xy.size() != line.lonLat.size())
      throw std::invalid_argument("road line " + std::to_string(line.featureId) +
                                  ": projected and geographic vertex counts differ");
  }
}

class Builder {
 public:
  Builder(const std::vector<RoadLine>& lines, const BuildOptions& options, BuildReport& report,
          const Feedback* feedback)
      : lines_(lines),
        planar_(options.measure == LengthMeasure::Planar),
        clusters_(options.toleranceM),
        report_(report),
        feedback_(feedback) {}

  Network run() {
    clusterVertices();
    throwIfCanceled(feedback_);
    assignNodes();
    orderNodesAlongHilbertCurve();
    splitIntoSegments();
    throwIfCanceled(feedback_);
    rebuildArcs(net_);
    findComponents();
    countTopologyIssues();
    return std::move(net_);
  }

 private:
  void addIssue(BuildIssue::Kind kind, std::uint64_t featureId, std::string message) {
    report_.issues.push_back({kind, featureId, std::move(message)});
  }

  void clusterVertices() {
    for (std::uint32_t li = 0; li < lines_.size(); ++li) {
      const RoadLine& line = lines_[li];
      if (!coordinatesUsable(line)) {
        ++report_.droppedLines;
        addIssue(BuildIssue::Kind::BadCoordinates, line.featureId,
                 "a vertex is not a finite coordinate within 10^9 m of the origin; line skipped");
        continue;
      }
      ClusteredLine clustered{li, {}, {}};
      std::size_t repeats = 0;
      for (std::uint32_t v = 0; v < line.xy.size(); ++v) {
        const std::uint32_t c = clusters_.add(line.xy[v]);
        if (!clustered.cluster.empty() && clustered.cluster.back() == c) {
          ++repeats;
          continue;
        }
        clustered.vertex.push_back(v);
        clustered.cluster.push_back(c);
      }
      if (repeats > 0) {
        report_.duplicateVertices += repeats;
        addIssue(BuildIssue::Kind::DuplicateVertices, line.featureId,
                 std::to_string(repeats) + " repeated vertices removed");
      }
      if (!keepLine(line, clustered))
        continue;
      clustered_.push_back(std::move(clustered));
    }
  }

  // NaN, infinite or far-off vertices (no projected CRS reaches 10^9 m) would
  // poison the vertex grid and every length.
  bool coordinatesUsable(const RoadLine& line) const {
    constexpr double kFarthest = 1e9;
    for (std::size_t v = 0; v < line.xy.size(); ++v) {
      const XY& p = line.xy[v];
      if (!(std::abs(p.x) <= kFarthest && std::abs(p.y) <= kFarthest))
        return false;
      if (!planar_ && v < line.lonLat.size() &&
          !(std::abs(line.lonLat[v].lon) <= 360 && std::abs(line.lonLat[v].lat) <= 90))
        return false;
    }
    return true;
  }

  bool keepLine(const RoadLine& line, const ClusteredLine& clustered) {
    if (line.xy.size() < 2) {
      ++report_.droppedLines;
      addIssue(BuildIssue::Kind::TooFewVertices, line.featureId,
               "line has fewer than 2 vertices; skipped");
      return false;
    }
    if (clustered.vertex.size() < 2) {
      ++report_.droppedLines;
      addIssue(BuildIssue::Kind::ZeroLength, line.featureId,
               "line has zero length (all vertices within the tolerance); skipped");
      return false;
    }
    if (!(line.speedKmh > 0) || !std::isfinite(line.speedKmh)) {
      ++report_.droppedLines;
      addIssue(BuildIssue::Kind::BadSpeed, line.featureId,
               "speed must be a positive number of km/h; line skipped");
      return false;
    }
    return true;
  }

  // A vertex becomes a node where a line ends or where two line passages meet.
  void assignNodes() {
    std::vector<std::uint8_t> passages(clusters_.size(), 0);
    std::vector<bool> isEnd(clusters_.size(), false);
    for (const ClusteredLine& cl : clustered_) {
      isEnd[cl.cluster.front()] = isEnd[cl.cluster.back()] = true;
      for (std::uint32_t c : cl.cluster)
        passages[c] = static_cast<std::uint8_t>(std::min(passages[c] + 1, 2));
    }
    nodeOfCluster_.assign(clusters_.size(), kNoId);
    for (const ClusteredLine& cl : clustered_) {
      for (std::uint32_t c : cl.cluster) {
        if ((isEnd[c] || passages[c] >= 2) && nodeOfCluster_[c] == kNoId) {
          nodeOfCluster_[c] = static_cast<NodeId>(net_.nodeXY.size());
          net_.nodeXY.push_back(clusters_.representative(c));
        }
      }
    }
  }

  // Nodes that are near on the ground get near ids, so a search touches memory
  // in small neighbourhoods (much fewer cache misses on city-sized networks).
  void orderNodesAlongHilbertCurve() {
    const std::size_t n = net_.nodeCount();
    if (n < 2)
      return;
    double minX = kInfinity, minY = kInfinity, maxX = -kInfinity, maxY = -kInfinity;
    for (const XY& p : net_.nodeXY) {
      minX = std::min(minX, p.x);
      minY = std::min(minY, p.y);
      maxX = std::max(maxX, p.x);
      maxY = std::max(maxY, p.y);
    }
    const double scale = 65535.0 / std::max({maxX - minX, maxY - minY, 1e-9});
    std::vector<std::pair<std::uint64_t, NodeId>> keyed(n);
    for (NodeId v = 0; v < n; ++v) {
      const auto hx = static_cast<std::uint32_t>((net_.nodeXY[v].x - minX) * scale);
      const auto hy = static_cast<std::uint32_t>((net_.nodeXY[v].y - minY) * scale);
      keyed[v] = {hilbertIndex(hx, hy), v};
    }
    std::sort(keyed.begin(), keyed.end());
    std::vector<NodeId> newId(n);
    std::vector<XY> xy(n);
    for (NodeId rank = 0; rank < n; ++rank) {
      newId[keyed[rank].second] = rank;
      xy[rank] = net_.nodeXY[keyed[rank].second];
    }
    net_.nodeXY = std::move(xy);
    for (NodeId& id : nodeOfCluster_)
      if (id != kNoId)
        id = newId[id];
  }

  // Position of (x, y) on a Hilbert curve filling a 2^16 x 2^16 grid.
  static std::uint64_t hilbertIndex(std::uint32_t x, std::uint32_t y) {
    constexpr std::uint32_t n = 1U << 16;
    std::uint64_t d = 0;
    for (std::uint32_t s = n / 2; s > 0; s >>= 1) {
      const std::uint32_t rx = (x & s) > 0 ? 1 : 0;
      const std::uint32_t ry = (y & s) > 0 ? 1 : 0;
      d += static_cast<std::uint64_t>(s) * s * ((3 * rx) ^ ry);
      if (ry == 0) {
        if (rx == 1) {
          x = n - 1 - x;
          y = n - 1 - y;
        }
        std::swap(x, y);
      }
    }
    return d;
  }

  void splitIntoSegments() {
    net_.shapeBegin.push_back(0);
    for (const ClusteredLine& cl : clustered_) {
      const double scale = lengthScale(cl);
      std::size_t start = 0;
      for (std::size_t i = 1; i < cl.cluster.size(); ++i) {
        if (nodeOfCluster_[cl.cluster[i]] == kNoId)
          continue;
        addSegment(cl, start, i, scale);
        start = i;
      }
    }
  }

  // The drawn length of the line between two of its kept vertices.
  double drawnLength(const ClusteredLine& cl, std::size_t first, std::size_t last) const {
    const RoadLine& line = lines_[cl.line];
    double length = 0;
    for (std::size_t i = first + 1; i <= last; ++i) {
      const std::uint32_t a = cl.vertex[i - 1];
      const std::uint32_t b = cl.vertex[i];
      length += planar_ ? planarDistance(line.xy[a], line.xy[b])
                        : geodesicDistance(line.lonLat[a], line.lonLat[b]);
    }
    return length;
  }

  // Real road length over drawn length. A road cannot be shorter than a line
  // drawn along it: such a length (or one that is no number) is a data error,
  // said, and the line keeps its drawn length.
  double lengthScale(const ClusteredLine& cl) {
    const RoadLine& line = lines_[cl.line];
    if (line.roadLengthM == 0)
      return 1;
    const double drawn = drawnLength(cl, 0, cl.vertex.size() - 1);
    if (!(line.roadLengthM >= drawn) || !std::isfinite(line.roadLengthM) || !(drawn > 0)) {
      std::ostringstream message;
      message << std::fixed << std::setprecision(0) << "road length " << line.roadLengthM
              << " m is no number or shorter than the line as drawn (" << drawn
              << " m); the drawn length is used";
      addIssue(BuildIssue::Kind::BadRoadLength, line.featureId, message.str());
      return 1;
    }
    return line.roadLengthM / drawn;
  }

  void addSegment(const ClusteredLine& cl, std::size_t first, std::size_t last, double scale) {
    const RoadLine& line = lines_[cl.line];
    const NodeId from = nodeOfCluster_[cl.cluster[first]];
    const NodeId to = nodeOfCluster_[cl.cluster[last]];
    const double length = drawnLength(cl, first, last) * scale;
    if (from == to) {
      ++report_.selfLoops;
      addIssue(BuildIssue::Kind::SelfLoop, line.featureId,
               "a piece of this line starts and ends at the same node (a loop)");
    }
    net_.segmentFrom.push_back(from);
    net_.segmentTo.push_back(to);
    net_.segmentLength.push_back(length);
    net_.segmentTime.push_back(length / (line.speedKmh / 3.6));
    net_.segmentDirection.push_back(line.direction);
    net_.segmentFeature.push_back(cl.line);
    net_.shape.push_back(net_.nodeXY[from]);
    for (std::size_t i = first + 1; i < last; ++i)
      net_.shape.push_back(line.xy[cl.vertex[i]]);
    net_.shape.push_back(net_.nodeXY[to]);
    net_.shapeBegin.push_back(static_cast<std::uint32_t>(net_.shape.size()));
  }

  void findComponents() {
    UnionFind uf(net_.nodeCount());
    for (SegmentId s = 0; s < net_.segmentCount(); ++s)
      uf.unite(net_.segmentFrom[s], net_.segmentTo[s]);
    std::vector<std::uint32_t> idOfRoot(net_.nodeCount(), kNoId);
    net_.nodeComponent.resize(net_.nodeCount());
    for (NodeId v = 0; v < net_.nodeCount(); ++v) {
      std::uint32_t& id = idOfRoot[uf.find(v)];
      if (id == kNoId) {
        id = static_cast<std::uint32_t>(net_.componentNodeCount.size());
        net_.componentNodeCount.push_back(0);
      }
      net_.nodeComponent[v] = id;
      ++net_.componentNodeCount[id];
    }
    const auto largest =
        std::max_element(net_.componentNodeCount.begin(), net_.componentNodeCount.end());
    if (largest != net_.componentNodeCount.end())
      net_.largestComponent = static_cast<std::uint32_t>(largest - net_.componentNodeCount.begin());
  }

  void countTopologyIssues() {
    std::vector<std::uint32_t> ends(net_.nodeCount(), 0);
    std::vector<std::tuple<NodeId, NodeId, double>> keys;
    keys.reserve(net_.segmentCount());
    for (SegmentId s = 0; s < net_.segmentCount(); ++s) {
      ++ends[net_.segmentFrom[s]];
      ++ends[net_.segmentTo[s]];
      keys.emplace_back(std::min(net_.segmentFrom[s], net_.segmentTo[s]),
                        std::max(net_.segmentFrom[s], net_.segmentTo[s]), net_.segmentLength[s]);
    }
    report_.dangles = static_cast<std::size_t>(std::count(ends.begin(), ends.end(), 1U));
    std::sort(keys.begin(), keys.end());
    for (std::size_t i = 1; i < keys.size(); ++i) {
      const auto& [a0, b0, l0] = keys[i - 1];
      const auto& [a1, b1, l1] = keys[i];
      if (a0 == a1 && b0 == b1 && std::abs(l1 - l0) <= 1e-6 * std::max(1.0, l1))
        ++report_.duplicateSegments;
    }
    report_.nodes = net_.nodeCount();
    report_.segments = net_.segmentCount();
    report_.arcs = net_.arcCount();
    report_.components = net_.componentNodeCount.size();
    report_.largestComponentNodes =
        net_.largestComponent == kNoId ? 0 : net_.componentNodeCount[net_.largestComponent];
  }

  const std::vector<RoadLine>& lines_;
  bool planar_;
  VertexClusters clusters_;
  BuildReport& report_;
  const Feedback* feedback_;
  std::vector<ClusteredLine> clustered_;
  std::vector<NodeId> nodeOfCluster_;
  Network net_;
};

}  // namespace

std::string BuildReport::summary() const {
  std::ostringstream out;
  out << inputLines << " lines -> " << nodes << " nodes, " << segments << " segments, " << arcs
      << " arcs; " << components << " components (largest " << largestComponentNodes << " nodes); "
      << dangles << " dangles, " << droppedLines << " lines dropped, " << selfLoops
      << " self-loops, " << duplicateSegments << " duplicate segments, " << duplicateVertices
      << " repeated vertices removed";
  return out.str();
}

Network buildNetwork(const std::vector<RoadLine>& lines, const BuildOptions& options,
                     BuildReport* report, const Feedback* feedback) {
  validateInput(lines, options);
  BuildReport local;
  BuildReport& r = report != nullptr ? *report : local;
  r = BuildReport{};
  r.inputLines = lines.size();
  return Builder(lines, options, r, feedback).run();
}

}  // namespace cp::geo
