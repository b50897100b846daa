#pragma once
// The routable road network: nodes where roads meet, segments between them with
// their shape, and forward arcs in compressed sparse row (CSR) form.

#include <cstddef>
#include <string>
#include <vector>

#include "types.h"

namespace cp::geo {

struct Network {
  // Nodes: road ends and the vertices shared by two or more roads.
  std::vector<XY> nodeXY;
  std::vector<std::uint32_t> nodeComponent;  // weakly connected component id

  // Segments: a road piece between two nodes, with its shape in the working CRS.
  std::vector<NodeId> segmentFrom;
  std::vector<NodeId> segmentTo;
  std::vector<double> segmentLength;  // metres, ellipsoidal (WGS 84)
  std::vector<double> segmentTime;    // seconds at the segment's speed
  std::vector<Direction> segmentDirection;
  std::vector<std::uint32_t> segmentFeature;  // index of the input line it came from
  std::vector<std::uint32_t> shapeBegin;      // segment s: shape[shapeBegin[s], shapeBegin[s+1])
  std::vector<XY> shape;

  // A directed arc; both costs sit beside the head so a search reads one record.
  struct Arc {
    double length;  // metres
    double time;    // seconds
    NodeId head;
    SegmentId segment;
  };
  // Arcs leaving node n: arcs[arcBegin[n] .. arcBegin[n+1]).
  std::vector<ArcId> arcBegin;
  std::vector<Arc> arcs;

  std::vector<std::uint32_t> componentNodeCount;  // per component id
  std::uint32_t largestComponent = kNoId;
  std::string crsWkt;     // the working CRS, as given by the reader
  std::string sourceKey;  // what it was built from (set by the reader), to spot a stale saved copy

  std::size_t nodeCount() const { return nodeXY.size(); }
  std::size_t segmentCount() const { return segmentFrom.size(); }
  std::size_t arcCount() const { return arcs.size(); }
  bool arcIsForward(ArcId a) const { return arcs[a].head == segmentTo[arcs[a].segment]; }
  // The node an arc leaves from.
  NodeId arcTail(ArcId a) const {
    return arcIsForward(a) ? segmentFrom[arcs[a].segment] : segmentTo[arcs[a].segment];
  }

  // Shape of segment s as a polyline in the working CRS, from its from-node to its to-node.
  std::vector<XY> segmentShape(SegmentId s) const;
  // Planar length of segment s in the working CRS (used to place points along it).
  double segmentPlanarLength(SegmentId s) const;
};

// (Re)builds the CSR arcs from the segments and their directions.
void rebuildArcs(Network& network);

// The same network with every one-way street turned round: a search on it
// from a place finds the costs of reaching that place on the original.
Network reversed(const Network& network);

}  // namespace cp::geo
