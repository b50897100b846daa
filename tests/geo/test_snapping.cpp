#include <gtest/gtest.h>

#include <cmath>

#include "geo/snapping.h"
#include "support/test_networks.h"

namespace cp::geo {
namespace {

using test::line;
using test::planarNetwork;

Network twoParts() {
  // A main network (4 nodes) and a small island (2 nodes) 300 m away.
  return planarNetwork({line({{0, 0}, {100, 0}}), line({{100, 0}, {200, 0}}),
                        line({{200, 0}, {200, 100}}), line({{0, 300}, {50, 300}})});
}

TEST(Snapping, JoinsMidEdgeAtTheProjectedPoint) {
  const Network net = planarNetwork({line({{0, 0}, {50, 0}, {100, 0}})});
  const SnapResult r = Snapper(net, {}).snap({70, 12});
  ASSERT_TRUE(r.location);
  EXPECT_NEAR(r.location->fraction, 0.7, 1e-12);
  EXPECT_NEAR(r.location->xy.x, 70, 1e-12);
  EXPECT_NEAR(r.location->xy.y, 0, 1e-12);
  EXPECT_NEAR(r.connectorM, 12, 1e-12);
}

TEST(Snapping, PointExactlyOnAVertexJoinsThere) {
  const Network net = twoParts();
  const SnapResult r = Snapper(net, {}).snap({100, 0});
  ASSERT_TRUE(r.location);
  EXPECT_EQ(r.connectorM, 0);
  const Location& l = *r.location;
  const NodeId node = l.fraction == 0 ? net.segmentFrom[l.segment] : net.segmentTo[l.segment];
  EXPECT_TRUE(l.fraction == 0 || l.fraction == 1);
  EXPECT_EQ(net.nodeXY[node].x, 100);
}

TEST(Snapping, TooFarPointIsListedWithTheDistance) {
  const Network net = twoParts();
  SnapOptions options;
  options.maxDistanceM = 100;
  const SnapResult r = Snapper(net, options).snap({100, -150});
  EXPECT_FALSE(r.location);
  EXPECT_EQ(r.failure, SnapFailure::TooFar);
  EXPECT_NEAR(r.connectorM, 150, 1e-9);
  EXPECT_NE(r.reason.find("150 m"), std::string::npos) << r.reason;
}

TEST(Snapping, SkipsSmallComponentsAndSaysSo) {
  const Network net = twoParts();
  // Nearest road is the island (10 m); the main network's nearest point is its
  // corner (200,100), hypot(175,190) away: it joins the main network there.
  const SnapResult far = Snapper(net, {}).snap({25, 290});
  ASSERT_TRUE(far.location);
  EXPECT_NEAR(far.connectorM, std::hypot(175, 190), 1e-9);
  EXPECT_NEAR(far.location->xy.x, 200, 1e-9);
  SnapOptions tight;
  tight.maxDistanceM = 100;
  const SnapResult island = Snapper(net, tight).snap({25, 290});
  EXPECT_EQ(island.failure, SnapFailure::SmallComponent);
  EXPECT_NE(island.reason.find("disconnected"), std::string::npos);
  SnapOptions anyPart = tight;
  anyPart.minComponentNodes = 1;
  EXPECT_TRUE(Snapper(net, anyPart).snap({25, 290}).location);
}

TEST(Snapping, JoiningFarFromTheRoadAPointLiesByIsSaid) {
  const Network net = twoParts();
  // By the island (10 m), joined to the main network 258 m away: said.
  const SnapResult far = Snapper(net, {}).snap({25, 290});
  EXPECT_NE(far.warning.find("joined to a road 258 m away"), std::string::npos) << far.warning;
  EXPECT_NE(far.warning.find("nearest road (10 m away) is on a small piece"), std::string::npos)
      << far.warning;
  // Nearer the main network than the island: nothing to say.
  EXPECT_TRUE(Snapper(net, {}).snap({60, 20}).warning.empty());
  // The island's road within 50 m of the joined one: close enough to be the same place.
  EXPECT_TRUE(Snapper(net, {}).snap({25, 160}).warning.empty());
  // Where the island is usable, the point joins it and there is nothing to say.
  SnapOptions anyPart;
  anyPart.minComponentNodes = 1;
  EXPECT_TRUE(Snapper(net, anyPart).snap({25, 290}).warning.empty());
}

TEST(Snapping, InvalidCoordinatesAndEmptyNetworksAreReported) {
  const Network net = twoParts();
  EXPECT_EQ(Snapper(net, {}).snap({std::nan(""), 0}).failure, SnapFailure::InvalidCoordinate);
  const Network empty = planarNetwork({});
  EXPECT_EQ(Snapper(empty, {}).snap({0, 0}).failure, SnapFailure::EmptyNetwork);
}

}  // namespace
}  // namespace cp::geo
