// The area rule: outlines carried into results and measured on the ellipsoid,
// repaired as places are; a feature without a surface is said, not silently 0.

#include <gtest/gtest.h>

#include <ogr_geometry.h>

#include "geo/geodesy.h"
#include "layers/area_reader.h"

namespace cp::layers {
namespace {

std::unique_ptr<OGRGeometry> fromWkt(const char* wkt) {
  OGRGeometry* g = nullptr;
  OGRGeometryFactory::createFromWkt(wkt, nullptr, &g);
  return std::unique_ptr<OGRGeometry>(g);
}

// Lon/lat in, lon/lat out: the measure is the ellipsoid's whatever the frame.
const ToWorking kSame = [](double x, double y, geo::XY& xy, geo::LonLat& lonLat) {
  xy = {x, y};
  lonLat = {x, y};
  return true;
};

TEST(AreaRows, AreasAreMeasuredOnTheEllipsoidAndABowTieCountsBothLobes) {
  AreaRows rows("parcels", kSame);
  rows.add("1",
           fromWkt("POLYGON ((76.9 43.2, 76.91 43.2, 76.91 43.21, 76.9 43.21, 76.9 43.2))").get());
  // The same square drawn as a bow-tie: its two triangles, each a quarter.
  rows.add("2",
           fromWkt("POLYGON ((76.9 43.2, 76.91 43.21, 76.91 43.2, 76.9 43.21, 76.9 43.2))").get());
  Diagnostics diagnostics;
  const AreaShapes areas = rows.finish(diagnostics);
  const double square =
      geo::geodesicRingArea({{76.9, 43.2}, {76.91, 43.2}, {76.91, 43.21}, {76.9, 43.21}}) / 1e4;
  EXPECT_NEAR(areas.hectares[0], square, 1e-9);
  EXPECT_NEAR(areas.hectares[1], square / 2, 0.01 * square);
  ASSERT_TRUE(areas.shapes[1]);
  EXPECT_TRUE(areas.shapes[1]->IsValid());
  EXPECT_TRUE(diagnostics.empty());
}

TEST(AreaRows, AFeatureWithoutASurfaceIsSaid) {
  AreaRows rows("parcels", kSame);
  rows.add("7", fromWkt("POINT (76.9 43.2)").get());
  rows.add("8", nullptr);
  Diagnostics diagnostics;
  const AreaShapes areas = rows.finish(diagnostics);
  EXPECT_EQ(areas.hectares, (std::vector<double>{0, 0}));
  ASSERT_EQ(diagnostics.all().size(), 1U);
  EXPECT_EQ(diagnostics.all()[0].count, 2U);
  EXPECT_NE(diagnostics.all()[0].message.find("counted as 0 ha"), std::string::npos);
}

}  // namespace
}  // namespace cp::layers
