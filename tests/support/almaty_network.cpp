#include "support/almaty_network.h"

#include <random>

#include "geo/routing.h"
#include "support/temp_files.h"

namespace cp::test {

AlmatyNetwork buildAlmatyNetwork(bool osmOnly) {
  AlmatyNetwork out;
  const std::string subset = osmOnly ? "|subset=schematic = 0" : "";
  out.roads = layers::readRoads(layers::LayerRef::parse(sampleLayer("roads") + subset));
  out.network = geo::buildNetwork(out.roads.lines, {}, &out.report);
  return out;
}

std::vector<geo::Location> randomLocations(const geo::Network& net, std::size_t count,
                                           unsigned seed) {
  std::mt19937 rng(seed);
  std::uniform_int_distribution<geo::SegmentId> segment(
      0, static_cast<geo::SegmentId>(net.segmentCount() - 1));
  std::uniform_real_distribution<double> fraction(0.01, 0.99);
  std::vector<geo::Location> out;
  while (out.size() < count) {
    const geo::SegmentId s = segment(rng);
    if (net.nodeComponent[net.segmentFrom[s]] != net.largestComponent)
      continue;
    if (net.segmentFrom[s] == net.segmentTo[s])
      continue;
    const double f = fraction(rng);
    const auto shape = geo::partialShape(net, s, 0, f);
    out.push_back({s, f, shape.back()});
  }
  return out;
}

std::vector<geo::LonLat> toLonLat(const layers::WorkingFrame& frame,
                                  const std::vector<geo::XY>& points) {
  OGRSpatialReference wgs84;
  wgs84.importFromEPSG(4326);
  wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  std::unique_ptr<OGRCoordinateTransformation> t(
      OGRCreateCoordinateTransformation(&frame.srs(), &wgs84));
  std::vector<geo::LonLat> out;
  for (const geo::XY& p : points) {
    double x = p.x;
    double y = p.y;
    t->Transform(1, &x, &y);
    out.push_back({x, y});
  }
  return out;
}

}  // namespace cp::test
