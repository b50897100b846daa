#include "cpreportlayout.h"

#include "layers/library_messages.h"
#include "layers/ogr_source.h"

#include <QDate>
#include <QFile>
#include <QFileInfo>
#include <QLocale>

#include <gdal.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>

#include <qgslayertree.h>
#include <qgslayertreemodellegendnode.h>
#include <qgslayoutatlas.h>
#include <qgslayoutexporter.h>
#include <qgslayoutitemlabel.h>
#include <qgslayoutitemlegend.h>
#include <qgslayoutitemmap.h>
#include <qgslayoutitemmapoverview.h>
#include <qgslayoutitempicture.h>
#include <qgslayoutitempolyline.h>
#include <qgslayoutitemscalebar.h>
#include <qgslayoutpagecollection.h>
#include <qgslayoutsize.h>
#include <qgslinesymbol.h>
#include <qgslinesymbollayer.h>
#include <qgsmaplayer.h>
#include <qgsmaplayerlegend.h>
#include <qgspathresolver.h>
#include <qgsprintlayout.h>
#include <qgsproject.h>
#include <qgsproviderregistry.h>
#include <qgssymbollayerutils.h>
#include <qgsvectorlayer.h>
#include "qgis/cpqgisapi.h"
#include "qgis/cpresultstyles.h"

namespace cp::qgis {
namespace {

constexpr double kMargin = 10;  // mm
constexpr double kSide = 72;    // mm: the column of inset, legend and numbers
// Titles, labels and legends stay text in PDF and SVG: searchable, and
// editable in a vector editor (QGIS draws them as outlines by default).
constexpr Qgis::TextRenderFormat kTextAsText = Qgis::TextRenderFormat::AlwaysText;

QgsLayoutSize pageSize(ReportMap::Page page) {
  switch (page) {
    case ReportMap::Page::A4Portrait:
      return {210, 297};
    case ReportMap::Page::A3Landscape:
      return {420, 297};
    case ReportMap::Page::A3Portrait:
      return {297, 420};
    case ReportMap::Page::A4Landscape:
      break;
  }
  return {297, 210};
}

QgsRectangle combinedExtent(const QList<QgsMapLayer*>& layers,
                            const QgsCoordinateReferenceSystem& crs, const QgsProject& project) {
  QgsRectangle extent;
  for (QgsMapLayer* layer : layers) {
    QgsCoordinateTransform t(layer->crs(), crs, project.transformContext());
    t.setBallparkTransformsAreAppropriate(true);
    try {
      extent.combineExtentWith(t.transformBoundingBox(layer->extent()));
    } catch (const QgsCsException&) {
      // a layer that cannot be shown there adds nothing to the extent
    }
  }
  return extent;
}

// What the map shows, in `crs`: its layers with a margin, as far as the
// frame reaches; the frame, where they lie outside it.
QgsRectangle shownExtent(const ReportMap& spec, const QgsCoordinateReferenceSystem& crs,
                         const QgsProject& project) {
  const QgsRectangle layers = combinedExtent(spec.layers, crs, project);
  if (spec.frame.isEmpty())
    return layers;
  QgsCoordinateTransform t(QgsCoordinateReferenceSystem(QStringLiteral("EPSG:4326")), crs,
                           project.transformContext());
  const QgsRectangle frame = t.transformBoundingBox(spec.frame);
  QgsRectangle shown = layers.intersect(frame);
  if (shown.isEmpty())
    return frame;
  shown.grow(0.04 * std::max(shown.width(), shown.height()));
  return shown.intersect(frame);
}

// The UTM zone (WGS 84) of the map's centre: metres for the scale bar.
QgsCoordinateReferenceSystem utmFor(const ReportMap& spec, const QgsProject& project) {
  const QgsRectangle lonLat =
      shownExtent(spec, QgsCoordinateReferenceSystem(QStringLiteral("EPSG:4326")), project);
  const QgsPointXY centre = lonLat.isEmpty() ? QgsPointXY(0, 0) : lonLat.center();
  return QgsCoordinateReferenceSystem::fromEpsgId(
      cp::layers::WorkingFrame::utmFor(centre.x(), centre.y()).epsg());
}

QgsLayoutItemLabel* addLabel(QgsPrintLayout& layout, const QString& text, double x, double y,
                             double w, double h, double points, bool bold = false) {
  auto* label = new QgsLayoutItemLabel(&layout);
  label->setText(text);
  setLabelFont(*label, points, bold);
  label->setHAlign(Qt::AlignLeft);  // QGIS justifies by default: wrapped lines would stretch
  label->attemptMove(QgsLayoutPoint(x, y));
  label->attemptResize(QgsLayoutSize(w, h));
  layout.addLayoutItem(label);
  return label;
}

// The lines a label's text takes: its own lines, each wrapped as the label
// of its width wraps it (measured by QGIS in the label's font). A line with
// an expression ("[% ... %]", an atlas page's value) counts as one: its
// value is known only when the page is drawn.
int wrappedLines(QgsLayoutItemLabel& label) {
  const QString text = label.text();
  const double width = label.rect().width();
  int lines = 0;
  for (const QString& line : text.split('\n')) {
    label.setText(line);
    lines += line.contains(QLatin1String("[%"))
                 ? 1
                 : std::max(1, static_cast<int>(std::ceil(label.sizeForText().width() / width)));
  }
  label.setText(text);
  return lines;
}

QgsLayoutItemMap* addMap(QgsPrintLayout& layout, const ReportMap& spec,
                         const QgsCoordinateReferenceSystem& crs, const QRectF& box) {
  auto* map = new QgsLayoutItemMap(&layout);
  layout.addLayoutItem(map);
  map->setCrs(crs);
  map->setLayers(spec.layers + spec.context);
  map->setKeepLayerSet(true);
  map->setFrameEnabled(true);
  // Size, extent, then position: a map moved before it has an extent loses it.
  map->attemptResize(QgsLayoutSize(box.width(), box.height()));
  const QgsRectangle extent = shownExtent(spec, crs, *layout.project());
  if (!extent.isEmpty())
    map->zoomToExtent(extent.buffered(std::max(extent.width(), extent.height()) * 0.03));
  map->attemptMove(QgsLayoutPoint(box.x(), box.y()));
  return map;
}

// A locator: the boundaries of the agglomeration (or, without them, the main
// map's polygon layers), whole, with the main map's frame on them.
void addInset(QgsPrintLayout& layout, const ReportMap& spec, QgsLayoutItemMap* main,
              const QRectF& box) {
  ReportMap locator = spec;
  locator.layers = spec.locator;
  locator.context.clear();  // it shows where the map is, not what is there
  locator.frame = QgsRectangle();
  if (locator.layers.isEmpty()) {
    // Lines and points would only crowd so small a map.
    for (QgsMapLayer* layer : spec.layers)
      if (auto* vector = qobject_cast<QgsVectorLayer*>(layer);
          vector && vector->geometryType() == cp::qgis::Geometry::Polygon)
        locator.layers << layer;
    if (locator.layers.isEmpty())
      locator.layers = spec.layers;
  }
  auto* inset = addMap(layout, locator, main->crs(), box);
  const QgsRectangle all = combinedExtent(spec.locator.isEmpty() ? spec.layers : spec.locator,
                                          main->crs(), *layout.project());
  if (!all.isEmpty())
    inset->zoomToExtent(
        all.buffered(std::max(all.width(), all.height()) * (spec.locator.isEmpty() ? 0.6 : 0.05)));
  inset->overview()->setLinkedMap(main);
  inset->setId(QStringLiteral("locator"));
}

// Three segments of 1, 2 or 5 times a power of ten km, the bar near 40 mm
// long: QGIS's own fitting takes any leading digit ("0 9 18 km").
void roundSegments(QgsLayoutItemScaleBar& scale, const QgsLayoutItemMap& map) {
  const double kmPerMm = map.extent().width() / 1000 / map.rect().width();  // UTM: metres
  if (!(kmPerMm > 0))
    return;
  double best = 1, bestMiss = std::numeric_limits<double>::infinity();
  for (int power = -3; power <= 6; ++power)
    for (const double digit : {1.0, 2.0, 5.0}) {
      const double km = digit * std::pow(10.0, power);
      const double miss = std::abs(std::log(3 * km / kmPerMm / 40));
      if (miss < bestMiss) {
        best = km;
        bestMiss = miss;
      }
    }
  scale.setUnitsPerSegment(best);
}

void addScaleAndNorth(QgsPrintLayout& layout, QgsLayoutItemMap* map, const QRectF& box) {
  auto* scale = new QgsLayoutItemScaleBar(&layout);
  scale->setLinkedMap(map);
  scale->applyDefaultSettings();
  scale->setUnits(cp::qgis::kKilometres);
  scale->setUnitLabel(QStringLiteral("km"));
  scale->setNumberOfSegments(3);
  scale->setNumberOfSegmentsLeft(0);
  scale->applyDefaultSize(cp::qgis::kKilometres);
  // Round segments on every page: an atlas's pages have scales of their own.
  roundSegments(*scale, *map);
  QObject::connect(map, &QgsLayoutItemMap::extentChanged, scale,
                   [scale, map] { roundSegments(*scale, *map); });
  scale->attemptMove(QgsLayoutPoint(box.x() + 3, box.bottom() - 14));
  // Readable over whatever the map draws under it (an atlas page's districts).
  scale->setBackgroundEnabled(true);
  scale->setBackgroundColor(QColor(255, 255, 255, 210));
  layout.addLayoutItem(scale);
  auto* north = new QgsLayoutItemPicture(&layout);
  north->setPicturePath(QgsSymbolLayerUtils::svgSymbolNameToPath(
      QStringLiteral("arrows/NorthArrow_02.svg"), QgsPathResolver()));
  north->setLinkedMap(map);
  north->setNorthMode(QgsLayoutItemPicture::TrueNorth);
  north->attemptMove(QgsLayoutPoint(box.right() - 14, box.y() + 3));
  north->attemptResize(QgsLayoutSize(10, 12));
  layout.addLayoutItem(north);
}

// A layer's classes as plain 1 mm lines where a width key explains its
// widths: the legend shows colours, the key widths (a width by value would
// draw the patch at whatever the page's context makes of it).
void plainLinePatches(QgsLayerTreeModel& model, QgsLayerTreeLayer* node) {
  const QList<QgsLayerTreeModelLegendNode*> nodes = model.layerLegendNodes(node, true);
  for (int i = 0; i < nodes.size(); ++i)
    if (const auto* item = dynamic_cast<QgsSymbolLegendNode*>(nodes[i]);
        item && item->symbol() && item->symbol()->type() == Qgis::SymbolType::Line) {
      std::unique_ptr<QgsLineSymbol> plain(static_cast<QgsLineSymbol*>(item->symbol()->clone()));
      plain->setDataDefinedWidth(QgsProperty());
      for (QgsSymbolLayer* layer : plain->symbolLayers())
        if (auto* line = dynamic_cast<QgsSimpleLineSymbolLayer*>(layer))
          line->setWidth(1);
      QgsMapLayerLegendUtils::setLegendNodeCustomSymbol(node, i, plain.get());
    }
  model.refreshLayerLegend(node);
}

void addLegend(QgsPrintLayout& layout, QgsLayoutItemMap* map, const QRectF& box) {
  auto* legend = new QgsLayoutItemLegend(&layout);
  legend->setTitle(QObject::tr("Legend"));
  legend->setLinkedMap(map);
  legend->setAutoUpdateModel(false);
  QgsLayerTree* tree = legend->model()->rootGroup();
  tree->clear();
  for (QgsMapLayer* layer : map->layers()) {
    QgsLayerTreeLayer* node = tree->addLayer(layer);
    const QString summary = layer->customProperty(kLegendSummaryProperty).toString();
    if (!summary.isEmpty()) {  // one entry for all its classes
      QgsMapLayerLegendUtils::setLegendNodeOrder(node, {0});
      QgsMapLayerLegendUtils::setLegendNodeUserLabel(node, 0, summary);
      legend->model()->refreshLayerLegend(node);
    }
    if (!lineWidthKey(*layer).isEmpty())
      plainLinePatches(*legend->model(), node);
  }
  legend->setLegendFilterByMapEnabled(true);  // only what the map shows
  // Small type: the side column is narrow and a report map carries many layers.
  const auto font = [&legend](LegendComponent style, double points, bool bold) {
    setLegendFont(legend->rstyle(style), points, bold);
  };
  font(LegendComponent::Title, 10, true);
  font(LegendComponent::Group, 8, true);
  font(LegendComponent::Subgroup, 8, true);
  font(LegendComponent::SymbolLabel, 7, false);
  legend->setSymbolHeight(3);
  legend->setSymbolWidth(6);
  legend->rstyle(LegendComponent::Subgroup).setMargin(QgsLegendStyle::Top, 1.5);
  legend->rstyle(LegendComponent::Symbol).setMargin(QgsLegendStyle::Top, 0.8);
  legend->setResizeToContents(true);
  legend->attemptMove(QgsLayoutPoint(box.x(), box.y()));
  layout.addLayoutItem(legend);
  legend->adjustBoxSize();
  // Too tall for the column (about 4 mm an entry): two columns, each layer's
  // classes kept together in one.
  int entries = 2;  // the title
  for (QgsLayerTreeLayer* node : tree->findLayers())
    entries += 1 + static_cast<int>(legend->model()->layerLegendNodes(node).size());
  if (entries * 4.0 > box.height()) {
    legend->setColumnCount(2);
    legend->setSplitLayer(false);
    legend->setEqualColumnWidth(false);
    legend->adjustBoxSize();
  }
}

constexpr double kKeyRow = 4.5;  // mm: a row of a width key

// The width keys of the layers whose lines widen with their value, one
// under the other, a title row and a row per sample each; their height.
double widthKeysHeight(const QList<QgsMapLayer*>& layers) {
  double height = 0;
  for (const QgsMapLayer* layer : layers)
    if (const int samples = static_cast<int>(lineWidthKey(*layer).size()); samples > 0)
      height += kKeyRow * (samples + 1) + 2;
  return height;
}

// Each key: the layer's name, then a line of each sample's width and its value.
void addWidthKeys(QgsPrintLayout& layout, const QList<QgsMapLayer*>& layers, QPointF at) {
  for (const QgsMapLayer* layer : layers) {
    const QList<QPair<double, double>> key = lineWidthKey(*layer);
    if (key.isEmpty())
      continue;
    addLabel(layout, QObject::tr("%1: width").arg(layer->name()), at.x(), at.y(), kSide, kKeyRow, 8,
             true);
    for (const auto& [value, mm] : key) {
      at.ry() += kKeyRow;
      const double y = at.y() + kKeyRow / 2;
      auto* line = new QgsLayoutItemPolyline(
          QPolygonF(QVector<QPointF>{QPointF(at.x() + 1, y), QPointF(at.x() + 13, y)}), &layout);
      line->setSymbol(
          newSymbol<QgsLineSymbol>({{QStringLiteral("line_color"), QStringLiteral("#737373")},
                                    {QStringLiteral("line_width"), QString::number(mm)},
                                    {QStringLiteral("capstyle"), QStringLiteral("flat")}}));
      layout.addLayoutItem(line);
      addLabel(layout, QLocale().toString(value, 'f', 0), at.x() + 16, at.y(), kSide - 16, kKeyRow,
               7);
    }
    at.ry() += kKeyRow + 2;
  }
}

QString footer(const ReportMap& spec) {
  QStringList parts;
  if (!spec.sources.isEmpty())
    parts << QObject::tr("Sources: %1").arg(spec.sources);
  QStringList attributions = layerAttributions(spec.layers + spec.context);
  const bool said = std::any_of(attributions.begin(), attributions.end(),
                                [&spec](const QString& a) { return a.contains(spec.attribution); });
  if (!spec.attribution.isEmpty() && !said)
    attributions.prepend(spec.attribution);
  if (!attributions.isEmpty())
    parts << attributions.join(QStringLiteral("; "));
  parts << QObject::tr("Circular Planner, %1").arg(QDate::currentDate().toString(Qt::ISODate));
  return parts.join(QStringLiteral(" · "));
}

}  // namespace

QStringList layerAttributions(const QList<QgsMapLayer*>& layers) {
  QStringList out;
  const auto add = [&out](const QString& text) {
    if (!text.trimmed().isEmpty() && !out.contains(text.trimmed()))
      out << text.trimmed();
  };
  for (QgsMapLayer* layer : layers) {
    add(layerAttribution(*layer));
    for (const QString& rights : layer->metadata().rights())
      add(rights);
    if (layer->providerType() != QLatin1String("ogr"))
      continue;
    const QString path = QgsProviderRegistry::instance()
                             ->decodeUri(QStringLiteral("ogr"), layer->source())
                             .value(QStringLiteral("path"))
                             .toString();
    if (GDALDatasetH ds = GDALOpenEx(path.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY,
                                     nullptr, nullptr, nullptr)) {
      add(QString::fromUtf8(GDALGetMetadataItem(ds, "ATTRIBUTION", nullptr)));
      GDALClose(ds);
    }
  }
  return out;
}

std::unique_ptr<QgsPrintLayout> buildReportLayout(QgsProject& project, const ReportMap& spec) {
  auto layout = std::make_unique<QgsPrintLayout>(&project);
  layout->initializeDefaults();
  layout->setName(spec.title);
  const QgsLayoutSize size = pageSize(spec.page);
  layout->pageCollection()->page(0)->setPageSize(size);
  const bool landscape = size.width() > size.height();
  const double w = size.width(), h = size.height();
  addLabel(*layout, spec.title, kMargin, 6, w - 2 * kMargin, 12, 18, true);
  // Landscape: the side column right of the map; portrait: a band below it.
  const QRectF mapBox = landscape ? QRectF(kMargin, 20, w - 3 * kMargin - kSide, h - 36)
                                  : QRectF(kMargin, 20, w - 2 * kMargin, h * 0.58);
  const QRectF side =
      landscape ? QRectF(mapBox.right() + kMargin, 20, kSide, h - 36)
                : QRectF(kMargin, mapBox.bottom() + 5, w - 2 * kMargin, h - mapBox.bottom() - 21);
  const QgsCoordinateReferenceSystem crs = utmFor(spec, project);
  QgsLayoutItemMap* map = addMap(*layout, spec, crs, mapBox);
  addScaleAndNorth(*layout, map, mapBox);
  const double insetHeight = landscape ? 50 : side.height();
  addInset(*layout, spec, map, QRectF(side.x(), side.y(), kSide, insetHeight));
  const QRectF rest =
      landscape
          ? QRectF(side.x(), side.y() + insetHeight + 5, kSide, side.height() - insetHeight - 5)
          : QRectF(side.x() + kSide + 5, side.y(), side.width() - kSide - 5, side.height());
  // The numbers first, then the legend, which grows with what the map shows,
  // and the width keys at the column's foot.
  double numbersHeight = 0;
  if (!spec.numbers.isEmpty()) {
    QgsLayoutItemLabel* numbers =
        addLabel(*layout, spec.numbers, rest.x(), rest.y(), rest.width(), 5, 9, true);
    numbersHeight = 5.0 * wrappedLines(*numbers) + 2;
    numbers->attemptResize(QgsLayoutSize(rest.width(), numbersHeight));
  }
  const double keysHeight = widthKeysHeight(spec.layers);
  addLegend(*layout, map, rest.adjusted(0, numbersHeight, 0, -keysHeight));
  addWidthKeys(*layout, spec.layers, QPointF(rest.x(), rest.bottom() - keysHeight));
  addLabel(*layout, footer(spec), kMargin, h - 14, w - 2 * kMargin, 10, 7);
  return layout;
}

QString exportDiagramPage(QgsProject& project, const QString& svg, const QString& title,
                          const QString& sources, const QString& path, double dpi) {
  QgsPrintLayout layout(&project);
  layout.initializeDefaults();
  const QgsLayoutSize size = pageSize(ReportMap::Page::A4Landscape);
  layout.pageCollection()->page(0)->setPageSize(size);
  const double top = title.isEmpty() ? 6 : 20;
  if (!title.isEmpty())
    addLabel(layout, title, kMargin, 6, size.width() - 2 * kMargin, 12, 18, true);
  auto* picture = new QgsLayoutItemPicture(&layout);
  layout.addLayoutItem(picture);
  picture->setPicturePath(svg, cp::qgis::kSvgPicture);
  picture->setResizeMode(QgsLayoutItemPicture::Zoom);
  picture->attemptMove(QgsLayoutPoint(kMargin, top));
  picture->attemptResize(QgsLayoutSize(size.width() - 2 * kMargin, size.height() - top - 16));
  ReportMap footnote;
  footnote.sources = sources;
  addLabel(layout, footer(footnote), kMargin, size.height() - 14, size.width() - 2 * kMargin, 10,
           7);
  return exportReportLayout(layout, path, dpi);
}

std::unique_ptr<QgsPrintLayout> buildAtlasLayout(QgsProject& project, const ReportMap& spec,
                                                 QgsVectorLayer* coverage) {
  std::unique_ptr<QgsPrintLayout> layout = buildReportLayout(project, spec);
  QgsLayoutAtlas* atlas = layout->atlas();
  atlas->setCoverageLayer(coverage);
  atlas->setEnabled(true);
  QList<QgsLayoutItemMap*> maps;
  layout->layoutItems(maps);
  // The main map (the larger) follows the atlas; the inset keeps the whole area.
  QgsLayoutItemMap* main = *std::max_element(
      maps.begin(), maps.end(), [](const QgsLayoutItemMap* a, const QgsLayoutItemMap* b) {
        return a->rect().width() * a->rect().height() < b->rect().width() * b->rect().height();
      });
  main->setAtlasDriven(true);
  main->setAtlasScalingMode(QgsLayoutItemMap::Auto);
  main->setAtlasMargin(0.15);
  return layout;
}

namespace {

// Writes `path` by `write` under a temporary name beside it (`write` returns
// an error, or "" on success), then renames it into place: no half-written
// map is ever left under the real name.
QString writeThenRename(const QString& path, const std::function<QString(const QString&)>& write) {
  const QFileInfo file(path);
  const QString partial = file.dir().filePath(
      QStringLiteral(".%1.partial.%2").arg(file.completeBaseName(), file.suffix()));
  if (const QString error = write(partial); !error.isEmpty()) {
    QFile::remove(partial);
    return error;
  }
  QFile::remove(path);
  if (!QFile::rename(partial, path))
    return QObject::tr("%1 could not be written (renaming %2 failed)").arg(path, partial);
  return {};
}

// PDFs keep their text as text: searchable, and editable in a vector editor.
QgsLayoutExporter::PdfExportSettings pdfSettings(double dpi) {
  QgsLayoutExporter::PdfExportSettings settings;
  settings.dpi = dpi;
  settings.rasterizeWholeImage = false;
  settings.textRenderFormat = kTextAsText;
  return settings;
}

}  // namespace

QString exportAtlasPdf(QgsProject& project, const ReportMap& spec, QgsVectorLayer* coverage,
                       const QString& path, double dpi) {
  const std::unique_ptr<QgsPrintLayout> layout = buildAtlasLayout(project, spec, coverage);
  return writeThenRename(path, [&](const QString& partial) {
    QString error;
    return QgsLayoutExporter::exportToPdf(layout->atlas(), partial, pdfSettings(dpi), error) ==
                   QgsLayoutExporter::Success
               ? QString()
               : QObject::tr("%1 could not be written: %2").arg(path, error);
  });
}

namespace {

// QGIS asks GDAL to georeference an exported image, which a PNG cannot hold:
// GDAL's refusal says nothing about the map. Any other message goes on to
// whoever listens (the runner lists it with the map).
QgsLayoutExporter::ExportResult exportPng(QgsLayoutExporter& exporter, const QString& path,
                                          const QgsLayoutExporter::ImageExportSettings& settings) {
  std::vector<std::string> messages;
  QgsLayoutExporter::ExportResult result;
  {
    layers::LibraryMessages caught;
    result = exporter.exportToImage(path, settings);
    messages = caught.take();
  }
  for (const std::string& m : messages)
    if (m.find("does not support update access") == std::string::npos)
      CPLError(CE_Warning, CPLE_AppDefined, "%s", m.c_str());
  return result;
}

}  // namespace

QString exportReportLayout(QgsPrintLayout& layout, const QString& path, double dpi) {
  const QString suffix = QFileInfo(path).suffix().toLower();
  if (suffix != QLatin1String("pdf") && suffix != QLatin1String("svg") &&
      suffix != QLatin1String("png"))
    return QObject::tr("%1: maps are written as .pdf, .png or .svg").arg(path);
  QgsLayoutExporter exporter(&layout);
  return writeThenRename(path, [&](const QString& partial) {
    QgsLayoutExporter::ExportResult result = QgsLayoutExporter::Success;
    if (suffix == QLatin1String("pdf")) {
      result = exporter.exportToPdf(partial, pdfSettings(dpi));
    } else if (suffix == QLatin1String("svg")) {
      QgsLayoutExporter::SvgExportSettings settings;
      settings.dpi = dpi;
      settings.textRenderFormat = kTextAsText;
      result = exporter.exportToSvg(partial, settings);
    } else {
      QgsLayoutExporter::ImageExportSettings settings;
      settings.dpi = dpi;
      settings.generateWorldFile = false;
      result = exportPng(exporter, partial, settings);
    }
    return result == QgsLayoutExporter::Success
               ? QString()
               : QObject::tr("%1 could not be written (export error %2)")
                     .arg(path)
                     .arg(static_cast<int>(result));
  });
}

}  // namespace cp::qgis
