#include "geodesy.h"

#include <geodesic.h>

#include <cmath>

namespace cp::geo {
namespace {

const geod_geodesic& wgs84() {
  static const geod_geodesic geodesic = [] {
    geod_geodesic g{};
    geod_init(&g, 6378137.0, 1.0 / 298.257223563);
    return g;
  }();
  return geodesic;
}

}  // namespace

double geodesicDistance(const LonLat& a, const LonLat& b) {
  double distance = 0;
  geod_inverse(&wgs84(), a.lat, a.lon, b.lat, b.lon, &distance, nullptr, nullptr);
  return distance;
}

double geodesicRingArea(const std::vector<LonLat>& ring) {
  std::vector<double> lats, lons;
  for (const LonLat& p : ring) {
    lats.push_back(p.lat);
    lons.push_back(p.lon);
  }
  double area = 0;
  geod_polygonarea(&wgs84(), lats.data(), lons.data(), static_cast<int>(ring.size()), &area,
                   nullptr);
  return std::abs(area);
}

double planarDistance(const XY& a, const XY& b) {
  return std::hypot(b.x - a.x, b.y - a.y);
}

}  // namespace cp::geo
