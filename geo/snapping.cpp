#include "snapping.h"

#include <algorithm>
#include <boost/geometry.hpp>
#include <boost/geometry/index/rtree.hpp>
#include <cmath>
#include <iterator>
#include <sstream>

#include "geodesy.h"

namespace cp::geo {
namespace bg = boost::geometry;
namespace bgi = boost::geometry::index;

using BPoint = bg::model::point<double, 2, bg::cs::cartesian>;
using BSegment = bg::model::segment<BPoint>;
using Entry = std::pair<BSegment, std::uint32_t>;  // shape piece, index of its first shape point

struct Snapper::Index {
  bgi::rtree<Entry, bgi::rstar<16>> tree;
  std::vector<SegmentId> segmentOfShapePoint;
};

namespace {

struct Projection {
  XY point;
  double along = 0;  // planar distance from the piece's start
};

Projection projectOnPiece(const XY& p, const XY& a, const XY& b) {
  const double dx = b.x - a.x;
  const double dy = b.y - a.y;
  const double len2 = dx * dx + dy * dy;
  double t = len2 > 0 ? ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2 : 0.0;
  t = std::clamp(t, 0.0, 1.0);
  return {{a.x + t * dx, a.y + t * dy}, t * std::sqrt(len2)};
}

}  // namespace

Snapper::Snapper(const Network& network, SnapOptions options)
    : network_(network), options_(options), index_(std::make_unique<Index>()) {
  std::vector<Entry> entries;
  index_->segmentOfShapePoint.resize(network.shape.size(), kNoId);
  for (SegmentId s = 0; s < network.segmentCount(); ++s) {
    for (std::uint32_t i = network.shapeBegin[s]; i + 1 < network.shapeBegin[s + 1]; ++i) {
      index_->segmentOfShapePoint[i] = s;
      const XY& a = network.shape[i];
      const XY& b = network.shape[i + 1];
      entries.emplace_back(BSegment{{a.x, a.y}, {b.x, b.y}}, i);
    }
  }
  index_->tree = bgi::rtree<Entry, bgi::rstar<16>>(entries.begin(), entries.end());
}

Snapper::~Snapper() = default;

bool Snapper::usable(SegmentId s) const {
  const std::uint32_t component = network_.nodeComponent[network_.segmentFrom[s]];
  if (options_.minComponentNodes == 0)
    return component == network_.largestComponent;
  return network_.componentNodeCount[component] >= options_.minComponentNodes;
}

SnapResult Snapper::nearestOn(const XY& point, bool usableOnly) const {
  std::vector<Entry> found;
  const BPoint query{point.x, point.y};
  auto pred = bgi::satisfies(
      [&](const Entry& e) { return !usableOnly || usable(index_->segmentOfShapePoint[e.second]); });
  index_->tree.query(bgi::nearest(query, 1) && pred, std::back_inserter(found));
  if (found.empty())
    return {};

  const std::uint32_t piece = found.front().second;
  const SegmentId s = index_->segmentOfShapePoint[piece];
  const Projection proj = projectOnPiece(point, network_.shape[piece], network_.shape[piece + 1]);
  double along = proj.along;
  for (std::uint32_t i = network_.shapeBegin[s] + 1; i <= piece; ++i)
    along += planarDistance(network_.shape[i - 1], network_.shape[i]);
  const double planarLength = network_.segmentPlanarLength(s);
  const double fraction = planarLength > 0 ? std::clamp(along / planarLength, 0.0, 1.0) : 0.0;

  SnapResult result;
  result.location = onEndNode(Location{s, fraction, proj.point});
  result.connectorM = planarDistance(point, result.location->xy);
  return result;
}

Location Snapper::onEndNode(const Location& at) const {
  const XY& from = network_.nodeXY[network_.segmentFrom[at.segment]];
  const XY& to = network_.nodeXY[network_.segmentTo[at.segment]];
  const double toFrom = planarDistance(at.xy, from);
  const double toTo = planarDistance(at.xy, to);
  if (std::min(toFrom, toTo) > options_.nodeToleranceM)
    return at;
  return toFrom <= toTo ? Location{at.segment, 0, from} : Location{at.segment, 1, to};
}

SnapResult Snapper::snap(const XY& point) const {
  SnapResult failed;
  if (!std::isfinite(point.x) || !std::isfinite(point.y)) {
    failed.failure = SnapFailure::InvalidCoordinate;
    failed.reason = "the point has no finite coordinates";
    return failed;
  }
  if (network_.segmentCount() == 0) {
    failed.failure = SnapFailure::EmptyNetwork;
    failed.reason = "the network has no segments";
    return failed;
  }
  SnapResult best = nearestOn(point, true);
  const SnapResult any = nearestOn(point, false);
  std::ostringstream why;
  if (best.location && best.connectorM <= options_.maxDistanceM) {
    if (any.connectorM + options_.fartherJoinM < best.connectorM) {
      why << "joined to a road " << std::lround(best.connectorM)
          << " m away, since the nearest road (" << std::lround(any.connectorM)
          << " m away) is on a small piece of the network not connected to the rest";
      best.warning = why.str();
    }
    return best;
  }

  if (any.location && any.connectorM <= options_.maxDistanceM) {
    failed.failure = SnapFailure::SmallComponent;
    why << "the nearest road (" << std::lround(any.connectorM)
        << " m away) belongs to a small disconnected part of the network";
  } else if (!best.location) {
    failed.failure = SnapFailure::SmallComponent;
    why << "no road usable for routing lies near the point; only small disconnected parts of "
           "the network are left";
  } else {
    failed.failure = SnapFailure::TooFar;
    why << "the nearest usable road is " << std::lround(best.connectorM)
        << " m away, beyond the snapping limit of " << options_.maxDistanceM << " m";
  }
  failed.connectorM = best.connectorM;
  failed.reason = why.str();
  return failed;
}

std::vector<SnapResult> Snapper::snapAll(const std::vector<XY>& points) const {
  std::vector<SnapResult> results;
  results.reserve(points.size());
  for (const XY& p : points)
    results.push_back(snap(p));
  return results;
}

std::string toString(SnapFailure failure) {
  switch (failure) {
    case SnapFailure::None:
      return "snapped";
    case SnapFailure::InvalidCoordinate:
      return "invalid_coordinate";
    case SnapFailure::TooFar:
      return "too_far";
    case SnapFailure::SmallComponent:
      return "small_component";
    case SnapFailure::EmptyNetwork:
      return "empty_network";
  }
  return "unknown";
}

}  // namespace cp::geo
