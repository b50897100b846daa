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

std::vector<geo::RoadLine> randomGrid(int w, int h, double spacing, unsigned seed,
                                      int oneWaysInTen) {
  std::mt19937 rng(seed);
  std::uniform_int_distribution<int> dir(0, 9);
  std::uniform_real_distribution<double> speed(10, 80);
  // Jittered nodes: no two routes have exactly the same length, so the measure
  // that is not minimised is well defined too (exact ties are broken by rounding).
  std::uniform_real_distribution<double> jitter(-spacing / 10, spacing / 10);
  std::vector<geo::XY> node(static_cast<std::size_t>(w * h));
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x)
      node[static_cast<std::size_t>(y * w + x)] = {x * spacing + jitter(rng),
                                                   y * spacing + jitter(rng)};
  auto direction = [&] {
    const int d = dir(rng);
    return d < oneWaysInTen / 2 ? geo::Direction::Forward
           : d < oneWaysInTen   ? geo::Direction::Backward
                                : geo::Direction::Both;
  };
  std::vector<geo::RoadLine> lines;
  for (int y = 0; y < h; ++y) {
    for (int x = 0; x < w; ++x) {
      const geo::XY p = node[static_cast<std::size_t>(y * w + x)];
      if (x + 1 < w) {
        const geo::XY q = node[static_cast<std::size_t>(y * w + x + 1)];
        // A bend in each horizontal street gives shapes with interior vertices.
        const geo::XY bend{(p.x + q.x) / 2, (p.y + q.y) / 2 + spacing / 10};
        lines.push_back(line({p, bend, q}, direction(), speed(rng)));
      }
      if (y + 1 < h)
        lines.push_back(
            line({p, node[static_cast<std::size_t>((y + 1) * w + x)]}, direction(), speed(rng)));
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
