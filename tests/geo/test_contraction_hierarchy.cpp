#include <gtest/gtest.h>

#include <random>

#include "geo/contraction_hierarchy.h"
#include "support/test_networks.h"

namespace cp::geo {
namespace {

using test::at;

void expectSameMatrix(const OdMatrix& a, const OdMatrix& b) {
  ASSERT_EQ(a.cells.size(), b.cells.size());
  for (std::size_t i = 0; i < a.cells.size(); ++i) {
    ASSERT_EQ(a.cells[i].reachable(), b.cells[i].reachable()) << "cell " << i;
    if (!a.cells[i].reachable())
      continue;
    EXPECT_NEAR(a.cells[i].distanceM, b.cells[i].distanceM, 1e-9 * (1 + b.cells[i].distanceM)) << i;
    EXPECT_NEAR(a.cells[i].timeS, b.cells[i].timeS, 1e-9 * (1 + b.cells[i].timeS)) << i;
  }
}

std::vector<std::optional<Location>> randomPoints(const Network& net, int count, unsigned seed,
                                                  double extent) {
  std::mt19937 rng(seed);
  std::uniform_real_distribution<double> coord(0, extent);
  std::vector<std::optional<Location>> out;
  for (int i = 0; i < count; ++i)
    out.emplace_back(at(net, {coord(rng), coord(rng)}));
  return out;
}

TEST(ContractionHierarchy, EqualsDijkstraOnRandomOneWayGridsInBothMetrics) {
  for (unsigned seed : {1U, 2U, 3U}) {
    const Network net = test::planarNetwork(test::randomGrid(25, 25, 100, seed));
    auto points = randomPoints(net, 60, seed + 10, 2400);
    points.push_back(points.front());  // a repeated point: zero cost to itself
    points.push_back(std::nullopt);    // a point that did not snap
    for (Metric metric : {Metric::Distance, Metric::Time}) {
      QueryOptions dijkstra;
      dijkstra.metric = metric;
      dijkstra.algorithm = Algorithm::Dijkstra;
      const OdMatrix expected = odMatrix(net, points, points, dijkstra);
      const auto ch = ContractionHierarchy::build(net, metric);
      expectSameMatrix(ch.manyToMany(points, points), expected);
    }
  }
}

TEST(ContractionHierarchy, SameSegmentAndOneWayEdgeCases) {
  // A one-way ring with a two-way spur: trips against the ring go all the way round.
  const Network net = test::planarNetwork({test::line({{0, 0}, {100, 0}}, Direction::Forward),
                                           test::line({{100, 0}, {100, 100}}, Direction::Forward),
                                           test::line({{100, 100}, {0, 100}}, Direction::Forward),
                                           test::line({{0, 100}, {0, 0}}, Direction::Forward),
                                           test::line({{100, 0}, {200, 0}})});
  const std::vector<std::optional<Location>> pts{at(net, {20, 0}), at(net, {80, 0}),
                                                 at(net, {150, 0})};
  const auto ch = ContractionHierarchy::build(net, Metric::Distance);
  const OdMatrix m = ch.manyToMany(pts, pts);
  EXPECT_NEAR(m.at(0, 1).distanceM, 60, 1e-9);
  EXPECT_NEAR(m.at(1, 0).distanceM, 340, 1e-9);
  EXPECT_NEAR(m.at(2, 0).distanceM, 50 + 20 + 300, 1e-9);
  EXPECT_EQ(m.at(1, 1).distanceM, 0);
}

TEST(ContractionHierarchy, AutoPicksItForLargeMatricesAndKeepsTheCutoff) {
  const Network net = test::planarNetwork(test::randomGrid(20, 20, 100, 4));
  const auto points = randomPoints(net, 210, 9, 1900);  // 44,100 cells, 210 searches: the hierarchy
  QueryOptions cutoff;
  cutoff.cutoff = 800;
  QueryOptions dijkstra = cutoff;
  dijkstra.algorithm = Algorithm::Dijkstra;
  expectSameMatrix(odMatrix(net, points, points, cutoff), odMatrix(net, points, points, dijkstra));
}

TEST(ContractionHierarchy, BuildCanBeCanceled) {
  const Network net = test::planarNetwork(test::randomGrid(70, 70, 100, 5));
  Feedback feedback;
  feedback.cancel();
  EXPECT_THROW(ContractionHierarchy::build(net, Metric::Distance, &feedback), Canceled);
}

}  // namespace
}  // namespace cp::geo
