#include <gtest/gtest.h>

#include "geo/geodesy.h"

namespace cp::geo {
namespace {

// The equator bounds half of the WGS 84 ellipsoid, whose whole surface is
// 510,065,621.7 km² (its authalic radius 6,371,007.2 m); a small square's area
// does not depend on the way round it is given.
TEST(GeodesicArea, TheEquatorBoundsHalfTheEllipsoidAndDirectionDoesNotMatter) {
  const std::vector<LonLat> equator{{0, 0}, {90, 0}, {180, 0}, {-90, 0}};
  EXPECT_NEAR(geodesicRingArea(equator), 510065621.7e6 / 2, 0.1e6);
  const std::vector<LonLat> square{{76.9, 43.2}, {76.91, 43.2}, {76.91, 43.21}, {76.9, 43.21}};
  const std::vector<LonLat> reversed(square.rbegin(), square.rend());
  EXPECT_DOUBLE_EQ(geodesicRingArea(square), geodesicRingArea(reversed));
  // About 811 m by 1,112 m at Almaty's latitude.
  EXPECT_NEAR(geodesicRingArea(square) / 1e4, 90.2, 0.5);
}

}  // namespace
}  // namespace cp::geo
