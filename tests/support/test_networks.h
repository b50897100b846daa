#pragma once
// Small hand-made networks with known answers, and a random grid, in a planar
// frame so that every distance can be checked by hand.

#include <initializer_list>
#include <vector>

#include "geo/network_builder.h"
#include "geo/snapping.h"

namespace cp::test {

geo::RoadLine line(std::initializer_list<geo::XY> points,
                   geo::Direction direction = geo::Direction::Both,
                   double speedKmh = 36);  // 36 km/h = 10 m/s: seconds are metres / 10

geo::Network planarNetwork(const std::vector<geo::RoadLine>& lines,
                           geo::BuildReport* report = nullptr, double tolerance = 0.01);

// A w x h grid with `spacing` metres between nodes, random one-ways (about
// oneWaysInTen in ten streets, half each way) and speeds (reproducible from
// seed), every line split at its own ends only.
std::vector<geo::RoadLine> randomGrid(int w, int h, double spacing, unsigned seed,
                                      int oneWaysInTen = 2);

geo::Location at(const geo::Network& net, geo::XY point);  // snapped, must succeed

}  // namespace cp::test
