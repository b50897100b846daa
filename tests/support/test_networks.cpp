#include "support/test_networks.h"

#include <gtest/gtest.h>

#include <random>

#include "geo/snapping.h"

namespace cp::test {

geo::RoadLine line(std::initializer_list<geo::XY> points, geo::Direction direction,
                   double speedKmh) {
  static std::uint64_t nextId = 1;
  geo::RoadLine l;
  l.featureId = nextId++;
  l.xy = points;
  l.direction = direction;
  l.speedKmh = speedKmh;
  return l;
}

geo::Network planarNetwork(const std::vector<geo::RoadLine>& lines, geo::BuildReport* report,
                           double tolerance) {
  geo::BuildOptions options;
  options.measure = geo::LengthMeasure::Planar;
  options.toleranceM = tolerance;
  return geo::buildNetwork(lines, options, report);
}

std::vector<geo::RoadLine> randomGrid(int w, int h, double spacing, unsigned seed) {
  std::mt19937 rng(seed);
  std::uniform_int_distribution<int> dir(0, 9);
  std::uniform_real_distribution<double> speed(10, 80);
  auto direction = [&] {
    const int d = dir(rng);
    return d == 0   ? geo::Direction::Forward
           : d == 1 ? geo::Direction::Backward
                    : geo::Direction::Both;
  };
  std::vector<geo::RoadLine> lines;
  for (int y = 0; y < h; ++y) {
    for (int x = 0; x < w; ++x) {
      const geo::XY p{x * spacing, y * spacing};
      // A bend in each horizontal line makes shapes with interior vertices.
      if (x + 1 < w)
        lines.push_back(line({p, {p.x + spacing / 2, p.y + spacing / 10}, {p.x + spacing, p.y}},
                             direction(), speed(rng)));
      if (y + 1 < h)
        lines.push_back(line({p, {p.x, p.y + spacing}}, direction(), speed(rng)));
    }
  }
  return lines;
}

geo::Location at(const geo::Network& net, geo::XY point) {
  geo::SnapOptions options;
  options.minComponentNodes = 1;
  const geo::SnapResult r = geo::Snapper(net, options).snap(point);
  EXPECT_TRUE(r.location.has_value()) << r.reason;
  return r.location.value_or(geo::Location{});
}

}  // namespace cp::test
