#include <gtest/gtest.h>

#include <cmath>

#include "geo/geodesy.h"
#include "support/test_networks.h"

namespace cp::geo {
namespace {

using test::line;
using test::planarNetwork;

TEST(NetworkBuilder, SplitsAtSharedVerticesOnly) {
  // A long line with an unshared bend, crossed at a shared interior vertex.
  BuildReport report;
  const Network net = planarNetwork(
      {line({{0, 0}, {50, 5}, {100, 0}, {200, 0}}), line({{100, -50}, {100, 0}, {100, 50}})},
      &report);
  EXPECT_EQ(net.nodeCount(), 5u);  // 3 ends of the first... 2 + 2 ends + the crossing
  EXPECT_EQ(net.segmentCount(), 4u);
  EXPECT_EQ(net.arcCount(), 8u);
  EXPECT_EQ(report.components, 1u);
  EXPECT_EQ(report.dangles, 4u);
  double total = 0;
  for (double l : net.segmentLength)
    total += l;
  EXPECT_NEAR(total, 2 * std::hypot(50, 5) + 100 + 100, 1e-9);
}

TEST(NetworkBuilder, ToleranceJoinsNearlyTouchingEnds) {
  const auto lines =
      std::vector<RoadLine>{line({{0, 0}, {100, 0}}), line({{100.004, 0.003}, {200, 0}})};
  EXPECT_EQ(planarNetwork(lines, nullptr, 0.01).componentNodeCount.size(), 1u);
  EXPECT_EQ(planarNetwork(lines, nullptr, 0.0).componentNodeCount.size(), 2u);
}

TEST(NetworkBuilder, ReportsRepeatedVerticesZeroLengthAndSelfLoops) {
  BuildReport report;
  const Network net = planarNetwork({line({{0, 0}, {0, 0}, {10, 0}, {10, 0}}),  // repeated vertices
                                     line({{5, 5}, {5, 5}}),                    // zero length
                                     line({{20, 0}}),                           // one vertex
                                     line({{10, 0}, {20, 10}, {30, 0}, {10, 0}})},  // a loop
                                    &report);
  EXPECT_EQ(report.duplicateVertices, 3u);
  EXPECT_EQ(report.droppedLines, 2u);
  EXPECT_EQ(report.selfLoops, 1u);
  EXPECT_EQ(net.segmentCount(), 2u);
  EXPECT_GE(report.issues.size(), 4u);
  for (const BuildIssue& issue : report.issues)
    EXPECT_FALSE(issue.message.empty());
}

TEST(NetworkBuilder, CountsDuplicateSegmentsAndComponents) {
  BuildReport report;
  const Network net = planarNetwork(
      {line({{0, 0}, {10, 0}}), line({{10, 0}, {0, 0}}), line({{100, 100}, {110, 100}})}, &report);
  EXPECT_EQ(report.duplicateSegments, 1u);
  EXPECT_EQ(report.components, 2u);
  EXPECT_EQ(report.largestComponentNodes, 2u);
  EXPECT_NE(net.nodeComponent[0], net.nodeComponent[net.segmentFrom[2]]);
}

TEST(NetworkBuilder, DropsLinesWithoutUsableSpeed) {
  BuildReport report;
  planarNetwork({line({{0, 0}, {10, 0}}, Direction::Both, 0),
                 line({{0, 0}, {0, 10}}, Direction::Both, std::nan(""))},
                &report);
  EXPECT_EQ(report.droppedLines, 2u);
  EXPECT_EQ(report.issues.front().kind, BuildIssue::Kind::BadSpeed);
}

// A corridor drawn through a few towns stands for a road three times as long:
// each piece between two crossings takes its share of the real length, and
// travel time follows it.
TEST(NetworkBuilder, ARoadLengthIsSharedByThePiecesOfItsSchematicLine) {
  RoadLine corridor = line({{0, 0}, {300, 0}, {400, 0}});
  corridor.roadLengthM = 1200;  // drawn 400 m
  BuildReport report;
  const Network net = planarNetwork({corridor, line({{300, -10}, {300, 0}})}, &report);
  ASSERT_EQ(net.segmentCount(), 3u);
  EXPECT_TRUE(report.issues.empty());
  EXPECT_NEAR(net.segmentLength[0], 900, 1e-9);
  EXPECT_NEAR(net.segmentLength[1], 300, 1e-9);
  EXPECT_NEAR(net.segmentTime[0], 90, 1e-9);    // 10 m/s
  EXPECT_NEAR(net.segmentLength[2], 10, 1e-9);  // the side road keeps its drawn length
}

// A road shorter than its drawing, or no number, is a data error: said, and the
// drawn length stands.
TEST(NetworkBuilder, ARoadLengthShorterThanTheLineDrawnIsSaidAndIgnored) {
  for (const double wrong : {250.0, -5.0, std::nan(""), HUGE_VAL}) {
    RoadLine corridor = line({{0, 0}, {300, 0}});
    corridor.roadLengthM = wrong;
    BuildReport report;
    const Network net = planarNetwork({corridor}, &report);
    EXPECT_NEAR(net.segmentLength[0], 300, 1e-9) << wrong;
    ASSERT_EQ(report.issues.size(), 1u) << wrong;
    EXPECT_EQ(report.issues[0].kind, BuildIssue::Kind::BadRoadLength);
    EXPECT_NE(report.issues[0].message.find("(300 m)"), std::string::npos)
        << report.issues[0].message;
  }
}

// Found by fuzzing: an infinite coordinate overflowed the vertex grid's cell index.
TEST(NetworkBuilder, DropsLinesWithCoordinatesThatAreNotNumbers) {
  BuildReport report;
  const Network net =
      planarNetwork({line({{HUGE_VAL, 0}, {0, 0}}), line({{std::nan(""), 1}, {5, 5}}),
                     line({{1e30, 1e30}, {1e30, 2e30}}), line({{0, 0}, {10, 0}})},
                    &report);
  EXPECT_EQ(report.droppedLines, 3u);
  EXPECT_EQ(net.segmentCount(), 1u);
  for (std::size_t i = 0; i < 3; ++i)
    EXPECT_EQ(report.issues[i].kind, BuildIssue::Kind::BadCoordinates);
}

TEST(NetworkBuilder, OneWayMakesOneArc) {
  const Network net = planarNetwork(
      {line({{0, 0}, {10, 0}}, Direction::Forward), line({{10, 0}, {20, 0}}, Direction::Backward)});
  ASSERT_EQ(net.arcCount(), 2u);
  EXPECT_EQ(net.arcs[net.arcBegin[net.segmentFrom[0]]].head, net.segmentTo[0]);
  EXPECT_EQ(net.arcs[net.arcBegin[net.segmentTo[1]]].head, net.segmentFrom[1]);
}

TEST(NetworkBuilder, EllipsoidalLengthsAreGeodesic) {
  // One degree of longitude on the equator is a * pi / 180 on WGS 84.
  RoadLine l = line({{0, 0}, {1, 1}});
  l.lonLat = {{0, 0}, {1, 0}};
  const Network net = buildNetwork({l}, BuildOptions{});
  EXPECT_NEAR(net.segmentLength[0], 6378137.0 * M_PI / 180, 1e-6);
  EXPECT_NEAR(net.segmentTime[0], net.segmentLength[0] / 10, 1e-9);
  // Two Almaty points; the reference is QgsDistanceArea (ellipsoid WGS84) in QGIS 3.22.
  EXPECT_NEAR(geodesicDistance({76.9, 43.2}, {76.95, 43.25}), 6881.6717, 1e-3);
}

TEST(NetworkBuilder, RejectsInconsistentInput) {
  RoadLine l = line({{0, 0}, {1, 1}});
  l.lonLat = {{0, 0}};
  EXPECT_THROW(buildNetwork({l}, BuildOptions{}), std::invalid_argument);
  BuildOptions negative;
  negative.toleranceM = -1;
  EXPECT_THROW(buildNetwork({}, negative), std::invalid_argument);
}

TEST(NetworkBuilder, EmptyInputGivesEmptyNetwork) {
  BuildReport report;
  const Network net = planarNetwork({}, &report);
  EXPECT_EQ(net.nodeCount(), 0u);
  EXPECT_EQ(report.components, 0u);
}

}  // namespace
}  // namespace cp::geo
