#include "cpcatchmentpolygons.h"

#include "geo/routing.h"

namespace cp::qgis {
std::vector<QgsGeometry> catchmentPolygons(const geo::Network& network,
                                           const std::vector<geo::CatchmentPiece>& pieces,
                                           std::size_t siteCount, double radius) {
  // Piece by piece, then one union per site: GEOS is far quicker so than
  // buffering one large multi-line. Simplifying within a twentieth of the
  // width moves the outline by no more than that.
  std::vector<QVector<QgsGeometry>> bands(siteCount);
  for (const geo::CatchmentPiece& piece : pieces) {
    const std::vector<geo::XY> shape =
        geo::partialShape(network, piece.segment, piece.f0, piece.f1);
    if (shape.size() < 2)
      continue;
    QgsPolylineXY line;
    for (const geo::XY& xy : shape)
      line << QgsPointXY(xy.x, xy.y);
    bands[piece.site] << QgsGeometry::fromPolylineXY(line).simplify(radius / 20).buffer(radius, 2);
  }
  std::vector<QgsGeometry> out(siteCount);
  QgsGeometry taken;  // the bands of the sites before this one
  for (std::size_t s = 0; s < siteCount; ++s) {
    if (bands[s].isEmpty())
      continue;
    const QgsGeometry band = QgsGeometry::unaryUnion(bands[s]);
    out[s] = (taken.isNull() ? band : band.difference(taken)).makeValid();
    taken = taken.isNull() ? band : taken.combine(band);
  }
  return out;
}

}  // namespace cp::qgis
