#pragma once
// Print layouts for reports: a map with its title, a legend of what is drawn,
// a scale bar, a north arrow, an inset of the whole area, the headline numbers,
// and the sources with their attribution and the date; exported headless to
// PDF, PNG or SVG.

#include <memory>

#include <QList>
#include <QString>

#include <qgsrectangle.h>

class QgsMapLayer;
class QgsPrintLayout;
class QgsProject;
class QgsVectorLayer;

namespace cp::qgis {

struct ReportMap {
  QString title;
  QList<QgsMapLayer*> layers;   // what the map is about, drawn top first
  QList<QgsMapLayer*> context;  // drawn under them, muted (roads, settlements)
  QString numbers;              // the headline numbers, one per line
  QString sources;              // where the data comes from
  QString attribution;          // e.g. "© OpenStreetMap contributors"; always printed
  // The most the main map shows, in WGS 84 longitude and latitude: the map
  // frames its layers (not the context) within it; empty: all its layers.
  // The inset shows where the map is.
  QgsRectangle frame;
  // The inset's layers: the agglomeration's or region's boundaries, drawn
  // whole; empty: the main map's polygon layers, around all its layers.
  QList<QgsMapLayer*> locator;
  enum class Page { A4Landscape, A4Portrait, A3Landscape, A3Portrait };
  Page page = Page::A4Landscape;
};

// The layout, in `project` (whose layers the map shows). The map is drawn in
// the UTM zone of its centre, so that the scale bar is in metres.
std::unique_ptr<QgsPrintLayout> buildReportLayout(QgsProject& project, const ReportMap& map);

// Writes the layout as PDF, PNG or SVG, by the file's suffix; returns an
// error message, or "" on success. The file is written under a temporary
// name and renamed, so that no half-written map is left under the real one.
QString exportReportLayout(QgsPrintLayout& layout, const QString& path, double dpi);

// A diagram (an SVG, e.g. a Sankey) on a report page with title (none when
// empty: the diagram carries its own), sources and date.
QString exportDiagramPage(QgsProject& project, const QString& svg, const QString& title,
                          const QString& sources, const QString& path, double dpi);

// The layout as an atlas: a page per feature of `coverage` (e.g. the
// districts), the main map framing the feature's geometry; "[% name %]"-style
// expressions in the title and numbers take the feature's values, and layers
// may draw by the atlas feature (@atlas_feature).
std::unique_ptr<QgsPrintLayout> buildAtlasLayout(QgsProject& project, const ReportMap& map,
                                                 QgsVectorLayer* coverage);

// The atlas as a multi-page PDF, written as exportReportLayout writes.
// Returns an error or "".
QString exportAtlasPdf(QgsProject& project, const ReportMap& map, QgsVectorLayer* coverage,
                       const QString& path, double dpi);

// What layers say about their own attribution (a GeoPackage's ATTRIBUTION
// metadata, a layer's attribution or rights), without repeats.
QStringList layerAttributions(const QList<QgsMapLayer*>& layers);

}  // namespace cp::qgis
