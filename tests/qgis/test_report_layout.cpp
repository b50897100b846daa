// Report layouts rendered headless: PDF, PNG and SVG with title, legend,
// scale bar, north arrow, inset, numbers and attribution.

#include <gtest/gtest.h>

#include <QDir>
#include <QDomDocument>
#include <QImage>
#include <QLocale>
#include <QTemporaryDir>

#include <algorithm>
#include <cmath>

#include <qgscoordinatetransform.h>
#include <qgsexpressioncontextutils.h>
#include <qgsgraduatedsymbolrenderer.h>
#include <qgslayertree.h>
#include <qgslayoutitemlabel.h>
#include <qgslayoutitemlegend.h>
#include <qgslayoutitemmap.h>
#include <qgslayoutitemmapoverview.h>
#include <qgslayoutitempolyline.h>
#include <qgslinesymbol.h>
#include <qgsprintlayout.h>
#include <qgsproject.h>
#include <qgsvectorlayer.h>
#include <qgsvectorlayerlabeling.h>

#include "processing_run.h"
#include "qgis/cpreportlayout.h"
#include "qgis/cpresultstyles.h"

namespace cp {
namespace {

// The agglomeration, as the sample's report config frames it: the cement and
// stone source at Taraz lies 470 km west by road.
const QgsRectangle kAgglomeration(76.40, 43.02, 77.42, 43.92);

class ReportLayout : public ::testing::Test {
 protected:
  void SetUp() override {
    for (const char* name : {"industrial_zones", "roads", "districts"}) {
      auto* layer = new QgsVectorLayer(test::sample(name), QString::fromLatin1(name), "ogr");
      ASSERT_TRUE(layer->isValid()) << name;
      project.addMapLayer(layer);
      spec.layers << layer;
    }
    spec.title = QStringLiteral("Алматы: industrial zones and districts");
    spec.frame = kAgglomeration;
    spec.numbers = QStringLiteral("5 industrial zones\n8 districts");
    spec.sources = QStringLiteral("Almaty sample data");
    layout = qgis::buildReportLayout(project, spec);
  }

  template <typename Item>
  QList<Item*> items() const {
    QList<Item*> found;
    layout->layoutItems(found);
    return found;
  }

  QString allLabelText() const {
    QString text;
    for (QgsLayoutItemLabel* label : items<QgsLayoutItemLabel>())
      text += label->text() + '\n';
    return text;
  }

  QgsProject project;
  qgis::ReportMap spec;
  std::unique_ptr<QgsPrintLayout> layout;
  QTemporaryDir dir;
};

TEST_F(ReportLayout, HasEverythingAReportMapNeeds) {
  EXPECT_EQ(items<QgsLayoutItemMap>().size(), 2);  // the map and its inset
  ASSERT_EQ(items<QgsLayoutItemLegend>().size(), 1);
  EXPECT_EQ(items<QgsLayoutItemLegend>().front()->model()->rowCount(), 3);  // a row per layer
  const QString text = allLabelText();
  EXPECT_TRUE(text.contains(QStringLiteral("Алматы"))) << text.toStdString();
  EXPECT_TRUE(text.contains(QStringLiteral("OpenStreetMap"))) << text.toStdString();
  // The data file's own credits: the boundaries' CC BY licence as well.
  EXPECT_TRUE(text.contains(QStringLiteral("geokz (CC BY 4.0)"))) << text.toStdString();
  EXPECT_TRUE(text.contains(QStringLiteral("8 districts"))) << text.toStdString();
  EXPECT_TRUE(text.contains(QDate::currentDate().toString(Qt::ISODate))) << text.toStdString();
  // Drawn in metres (UTM 43N for Almaty), so that the scale bar means something.
  EXPECT_EQ(items<QgsLayoutItemMap>().front()->crs().authid(), QStringLiteral("EPSG:32643"));
  for (QgsLayoutItemMap* map : items<QgsLayoutItemMap>())
    EXPECT_FALSE(map->extent().isEmpty());
}

TEST_F(ReportLayout, ExportsPdfPngAndSvgAndLeavesNoPartialFile) {
  const QString pdf = dir.filePath(QStringLiteral("map.pdf"));
  const QString png = dir.filePath(QStringLiteral("map.png"));
  const QString svg = dir.filePath(QStringLiteral("map.svg"));
  for (const QString& path : {pdf, png, svg})
    ASSERT_EQ(qgis::exportReportLayout(*layout, path, 100), QString()) << path.toStdString();

  QFile pdfFile(pdf);
  ASSERT_TRUE(pdfFile.open(QIODevice::ReadOnly));
  const QByteArray bytes = pdfFile.readAll();
  EXPECT_TRUE(bytes.startsWith("%PDF"));
  EXPECT_EQ(bytes.count("/Type /Page\n") + bytes.count("/Type /Page\r") +
                bytes.count("/Type /Page/") + bytes.count("/Type /Page>"),
            1);

  const QImage image(png);
  EXPECT_NEAR(image.width(), 1169, 2);  // A4 landscape at 100 dpi
  EXPECT_NEAR(image.height(), 827, 2);
  int inked = 0;
  for (int y = 0; y < image.height(); y += 10)
    for (int x = 0; x < image.width(); x += 10)
      inked += image.pixelColor(x, y) != QColor(Qt::white);
  // A map, not a blank page: the framed city's roads and districts ink some
  // 490-520 of these 9,700 points (QGIS 3.22, 3.40).
  EXPECT_GT(inked, 350);

  QFile svgFile(svg);
  ASSERT_TRUE(svgFile.open(QIODevice::ReadOnly));
  QDomDocument document;
  EXPECT_TRUE(document.setContent(&svgFile));
  // Text stays text, the map's labels too: a district's name is a text
  // element of the SVG (as outlines it would be a path), and the PDF, written
  // with the same setting, draws with fonts.
  const QDomNodeList texts = document.elementsByTagName(QStringLiteral("text"));
  bool districtNamed = false;
  for (int i = 0; i < texts.size(); ++i)
    districtNamed = districtNamed || texts.at(i).toElement().text().contains("Almaly");
  EXPECT_TRUE(districtNamed) << "the map's labels are drawn as outlines";
  EXPECT_TRUE(bytes.contains("/Font"));
  EXPECT_EQ(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 3);  // no .partial
}

// A source 470 km away (Taraz, Zhambyl province) would shrink the city to a
// dot: a frame keeps the main map on the agglomeration, and the inset shows
// everything with the frame on it.
TEST_F(ReportLayout, AFrameKeepsTheMapOnTheAgglomerationAndTheInsetShowsAll) {
  const QgsPointXY taraz(71.377, 42.902);
  const auto lonLat = [this](QgsLayoutItemMap* map) {
    QgsCoordinateTransform t(map->crs(), QgsCoordinateReferenceSystem(QStringLiteral("EPSG:4326")),
                             project.transformContext());
    return t.transformBoundingBox(map->extent());
  };
  // The inset is the map with an overview of the other.
  const auto mainAndInset = [this] {
    const QList<QgsLayoutItemMap*> maps = items<QgsLayoutItemMap>();
    EXPECT_EQ(maps.size(), 2);
    return maps[0]->overviews()->size() == 0 ? std::pair(maps[0], maps[1])
                                             : std::pair(maps[1], maps[0]);
  };
  const auto [mainMap, inset] = mainAndInset();
  const QgsRectangle shown = lonLat(mainMap);
  EXPECT_TRUE(shown.contains(spec.frame)) << shown.toString().toStdString();
  EXPECT_LT(shown.width(), 1.6 * spec.frame.width()) << shown.toString().toStdString();
  EXPECT_FALSE(shown.contains(taraz));
  EXPECT_TRUE(lonLat(inset).contains(taraz)) << lonLat(inset).toString().toStdString();
  EXPECT_EQ(mainMap->crs().authid(), QStringLiteral("EPSG:32643"));
  spec.frame = QgsRectangle();
  layout = qgis::buildReportLayout(project, spec);
  EXPECT_TRUE(lonLat(mainAndInset().first).contains(taraz));  // no frame: all of the layers
}

// Within the frame, a map shows what it is about: the city's districts fill
// the map, not the agglomeration around them; the context (the roads, all of
// the agglomeration) never widens it.
TEST_F(ReportLayout, AMapIsFramedOnItsLayersWithinTheFrame) {
  QgsMapLayer* roads = spec.layers.takeAt(1);
  QgsMapLayer* districts = spec.layers.takeLast();
  spec.layers = {districts};
  spec.context = {roads};
  layout = qgis::buildReportLayout(project, spec);
  QgsLayoutItemMap* mainMap = nullptr;
  for (QgsLayoutItemMap* map : items<QgsLayoutItemMap>())
    if (map->overviews()->size() == 0)
      mainMap = map;
  ASSERT_NE(mainMap, nullptr);
  QgsCoordinateTransform toLonLat(mainMap->crs(),
                                  QgsCoordinateReferenceSystem(QStringLiteral("EPSG:4326")),
                                  project.transformContext());
  const QgsRectangle shown = toLonLat.transformBoundingBox(mainMap->extent());
  QgsCoordinateTransform toMap(districts->crs(), mainMap->crs(), project.transformContext());
  EXPECT_TRUE(mainMap->extent().contains(toMap.transformBoundingBox(districts->extent())));
  EXPECT_LT(shown.height(), 0.7 * spec.frame.height()) << shown.toString().toStdString();
  EXPECT_LT(shown.width(), 0.8 * spec.frame.width()) << shown.toString().toStdString();
  EXPECT_EQ(mainMap->layers(), (QList<QgsMapLayer*>{districts, roads}));  // context underneath
}

// A locator: the agglomeration's boundaries, whole, in the inset, and the
// main map's frame within them.
TEST_F(ReportLayout, TheInsetLocatesTheMapInTheAgglomeration) {
  auto* boundaries = new QgsVectorLayer(test::sample("boundaries"), "Agglomeration", "ogr");
  ASSERT_TRUE(boundaries->isValid());
  project.addMapLayer(boundaries);
  qgis::styleLocator(*boundaries);
  spec.locator = {boundaries};
  layout = qgis::buildReportLayout(project, spec);
  QgsLayoutItemMap* inset = nullptr;
  QgsLayoutItemMap* mainMap = nullptr;
  for (QgsLayoutItemMap* map : items<QgsLayoutItemMap>())
    (map->overviews()->size() > 0 ? inset : mainMap) = map;
  ASSERT_TRUE(inset && mainMap);
  EXPECT_EQ(inset->layers(), spec.locator);
  QgsCoordinateTransform toInset(boundaries->crs(), inset->crs(), project.transformContext());
  const QgsRectangle agglomeration = toInset.transformBoundingBox(boundaries->extent());
  EXPECT_TRUE(inset->extent().contains(agglomeration)) << inset->extent().toString().toStdString();
  EXPECT_TRUE(inset->extent().contains(mainMap->extent()));
  EXPECT_LT(inset->extent().width(), 1.5 * agglomeration.width()) << "a locator, not the world";
}

TEST_F(ReportLayout, PortraitA3AndAnUnknownFormat) {
  spec.page = qgis::ReportMap::Page::A3Portrait;
  layout = qgis::buildReportLayout(project, spec);
  const QString png = dir.filePath(QStringLiteral("a3.png"));
  ASSERT_EQ(qgis::exportReportLayout(*layout, png, 50), QString());
  const QImage image(png);
  EXPECT_NEAR(image.width(), 585, 2);  // 297 mm at 50 dpi
  EXPECT_NEAR(image.height(), 827, 2);
  const QString error = qgis::exportReportLayout(*layout, dir.filePath("map.doc"), 50);
  EXPECT_TRUE(error.contains(QStringLiteral(".pdf"))) << error.toStdString();
}

// The same through Processing, from layer paths, as the runner and the
// toolbox call it.
TEST(ReportMapAlgorithm, WritesAPdfFromLayerPaths) {
  const test::AlgorithmRun run = test::runAlgorithm(
      QStringLiteral("circularplanner:reportmap"),
      {{QStringLiteral("LAYERS"),
        QStringList{test::sample("composting_sites"), test::sample("districts")}},
       {QStringLiteral("TITLE"), QStringLiteral("Composting sites")},
       {QStringLiteral("DPI"), 72}});
  ASSERT_TRUE(run.ok) << run.errors.toStdString();
  const QString path = run.results.value("OUTPUT").toString();
  EXPECT_TRUE(path.endsWith(QLatin1String(".pdf"))) << path.toStdString();
  QFile pdf(path);
  ASSERT_TRUE(pdf.open(QIODevice::ReadOnly));
  EXPECT_TRUE(pdf.readAll().startsWith("%PDF"));
}

// Classes a reader can trust: distinct and contiguous, their inner breaks
// and their labels round (two significant digits at most: QGIS's pretty
// breaks give 1, 2 or 5 times a power of ten), in whole numbers.
void expectRoundDistinctClasses(const QgsVectorLayer& layer) {
  const auto* renderer = dynamic_cast<const QgsGraduatedSymbolRenderer*>(layer.renderer());
  ASSERT_NE(renderer, nullptr) << layer.name().toStdString();
  const QgsRangeList ranges = renderer->ranges();
  ASSERT_GE(ranges.size(), 2);
  const auto isRound = [](double value) {
    const double digit = std::pow(10, std::floor(std::log10(std::abs(value))) - 1);
    return value == 0 || std::abs(value / digit - std::round(value / digit)) < 1e-9;
  };
  for (int i = 0; i < ranges.size(); ++i) {
    const QString label = ranges[i].label();
    EXPECT_LT(ranges[i].lowerValue(), ranges[i].upperValue()) << label.toStdString();
    EXPECT_FALSE(label.contains(QLatin1Char('.'))) << label.toStdString();
    // The label's numbers are round too, the outer ones around the data's.
    const QStringList ends = label.split(QStringLiteral(" - "));
    ASSERT_EQ(ends.size(), 2) << label.toStdString();
    const double from = QLocale().toDouble(ends[0]), to = QLocale().toDouble(ends[1]);
    EXPECT_TRUE(isRound(from) && isRound(to)) << label.toStdString();
    EXPECT_LE(from, ranges[i].lowerValue()) << label.toStdString();
    EXPECT_GE(to, ranges[i].upperValue()) << label.toStdString();
    if (i == 0)
      continue;
    const double at = ranges[i].lowerValue();
    EXPECT_DOUBLE_EQ(at, ranges[i - 1].upperValue());
    EXPECT_TRUE(isRound(at)) << label.toStdString();
  }
}

// The report's question on construction: the masterplan's flows from the
// zones to the districts and the road loads they make, on one page; the
// legend lists the layers drawn.
TEST(ReportMaps, ConstructionFlowsAndRoadLoads) {
  QVariantMap p{{QStringLiteral("ROADS"), test::sample("roads")},
                {QStringLiteral("FLOWS"), test::sample("material_flows")},
                {QStringLiteral("PLACES"),
                 QStringList{test::sample("industrial_zones"), test::sample("districts")}},
                {QStringLiteral("SCENARIO"), QStringLiteral("masterplan_2050_illustrative")}};
  test::AlgorithmRun flows = test::runAlgorithm(QStringLiteral("circularplanner:flowlines"), p);
  test::AlgorithmRun loads = test::runAlgorithm(QStringLiteral("circularplanner:roadloads"), p);
  ASSERT_TRUE(flows.ok && loads.ok) << loads.errors.toStdString();
  qgis::styleFlowLines(*flows.output);
  qgis::styleRoadLoads(*loads.output);
  flows.output->setName(QStringLiteral("Construction flows (t/yr)"));
  loads.output->setName(QStringLiteral("Road loads (t/yr)"));
  QgsProject project;
  qgis::ReportMap spec;
  spec.title = QStringLiteral("Masterplan 2050: construction materials from the industrial zones");
  auto* zones = new QgsVectorLayer(test::sample("industrial_zones"), "Industrial zones", "ogr");
  auto* districts = new QgsVectorLayer(test::sample("districts"), "Districts", "ogr");
  for (QgsMapLayer* layer :
       QList<QgsMapLayer*>{flows.output.release(), loads.output.release(), zones, districts}) {
    project.addMapLayer(layer);
    spec.layers << layer;
  }
  spec.numbers = QStringLiteral("%1 t/yr in %2 flows\n%3 million tonne-km by road a year")
                     .arg(flows.results.value("TONNES").toDouble(), 0, 'f', 0)
                     .arg(flows.results.value("FLOWS_DRAWN").toInt())
                     .arg(flows.results.value("TONNE_KM").toDouble() / 1e6, 0, 'f', 1);
  spec.sources = QStringLiteral("Almaty metabolic analysis report; masterplan flows illustrative");
  spec.attribution = QStringLiteral("© OpenStreetMap contributors (ODbL 1.0)");
  expectRoundDistinctClasses(*qobject_cast<QgsVectorLayer*>(spec.layers[1]));
  // Flows too thin to read are left out, and said: those under a round
  // hundredth of the largest.
  auto& drawn = *qobject_cast<QgsVectorLayer*>(spec.layers[0]);
  const long long all = drawn.featureCount();
  const double most = drawn.maximumValue(drawn.fields().lookupField("tonnes")).toDouble();
  std::vector<double> tonnes;
  QgsFeature f;
  for (QgsFeatureIterator it = drawn.getFeatures(); it.nextFeature(f);)
    tonnes.push_back(f.attribute("tonnes").toDouble());
  const qgis::HiddenFlows hidden = qgis::hideSmallFlows(drawn, "flow");
  EXPECT_GT(hidden.below, most / 200);
  EXPECT_LE(hidden.below, most / 100);
  EXPECT_GT(hidden.count, 0U);
  EXPECT_EQ(drawn.featureCount(), all - static_cast<long long>(hidden.count));
  double under = 0;
  for (double t : tonnes)
    under += t < hidden.below ? t : 0;
  EXPECT_NEAR(hidden.tonnes, under, 1e-6);
  EXPECT_TRUE(hidden.said.startsWith(QStringLiteral("%1 flows under ").arg(hidden.count)))
      << hidden.said.toStdString();
  const auto layout = qgis::buildReportLayout(project, spec);
  // The flows' widths have a key: a line of each sample's width, largest
  // first, at the width the style draws it (0.2 mm + 3.8 mm x the square root
  // of its share of the largest), labelled with its tonnes.
  const QList<QPair<double, double>> key = qgis::lineWidthKey(drawn);
  ASSERT_EQ(key.size(), 3);
  QList<QgsLayoutItemPolyline*> samples;
  layout->layoutItems(samples);
  ASSERT_EQ(samples.size(), key.size());
  std::sort(samples.begin(), samples.end(), [](QgsLayoutItemPolyline* a, QgsLayoutItemPolyline* b) {
    return a->symbol()->width() > b->symbol()->width();
  });
  QString labels;
  QList<QgsLayoutItemLabel*> texts;
  layout->layoutItems(texts);
  for (QgsLayoutItemLabel* label : texts)
    labels += label->text() + '\n';
  for (int i = 0; i < key.size(); ++i) {
    EXPECT_NEAR(key[i].second, 0.2 + 3.8 * std::sqrt(key[i].first / most), 1e-9);
    EXPECT_NEAR(samples[i]->symbol()->width(), key[i].second, 1e-5);
    EXPECT_TRUE(labels.contains(QLocale().toString(key[i].first, 'f', 0)));
    if (i > 0) {
      EXPECT_LT(key[i].first, key[i - 1].first);
    }
  }
  QList<QgsLayoutItemLegend*> legends;
  layout->layoutItems(legends);
  ASSERT_EQ(legends.size(), 1);
  EXPECT_EQ(legends.front()->model()->rootGroup()->findLayers().size(), 4);
  EXPECT_FALSE(legends.front()->splitLayer()) << "a classification split across two columns";
  const QString png = QDir(QDir::tempPath()).filePath(QStringLiteral("construction-flows-map.png"));
  ASSERT_EQ(qgis::exportReportLayout(*layout, png, 110), QString());
  EXPECT_GT(QImage(png).width(), 1200);
  QFile::remove(png);
}

// The composting map as the report draws it, on A4 and on A3: every layer it
// draws (the results, and the roads and settlements under them) has its
// entry in the legend, the catchments one for all their colours, and the
// legend stays on the page; the styles read only fields their layers have,
// each site's label gives the tonnes its symbol shows, towns are named and
// villages not.
TEST(ReportMaps, EveryDrawnLayerIsInTheLegendAndLabelsSayWhatSymbolsShow) {
  QVariantMap p{{QStringLiteral("ROADS"), test::sample("roads")},
                {QStringLiteral("SOURCES"), test::sample("organic_sources")},
                {QStringLiteral("SOURCE_ID"), QStringLiteral("source_id")},
                {QStringLiteral("SITES"), test::sample("composting_sites")},
                {QStringLiteral("SITE_ID"), QStringLiteral("site_id")}};
  test::AlgorithmRun allocation = test::runAlgorithm(QStringLiteral("circularplanner:allocation"),
                                                     p, {"SITE_INTAKE", "SOURCE_STATUS"});
  p.insert(QStringLiteral("CUTOFF"), 20000);
  test::AlgorithmRun catchments =
      test::runAlgorithm(QStringLiteral("circularplanner:catchments"), p);
  ASSERT_TRUE(allocation.ok && catchments.ok) << catchments.errors.toStdString();
  QgsVectorLayer* sites = allocation.more.at("SITE_INTAKE").release();
  QgsVectorLayer* sources = allocation.more.at("SOURCE_STATUS").release();
  QgsVectorLayer* lines = allocation.output.release();
  QgsVectorLayer* areas = catchments.output.release();
  auto* settlements = new QgsVectorLayer(test::sample("settlements"), "Settlements", "ogr");
  auto* roads = new QgsVectorLayer(test::sample("roads"), "Main roads", "ogr");
  roads->setSubsetString(QStringLiteral("\"fclass\" IN ('motorway', 'trunk', 'primary')"));
  qgis::styleSiteIntake(*sites);
  qgis::styleSourceStatus(*sources);
  qgis::styleAllocation(*lines);
  qgis::styleCatchments(*areas);
  qgis::styleSettlements(*settlements);
  qgis::styleMainRoads(*roads);
  QgsProject project;
  qgis::ReportMap spec;
  spec.title = QStringLiteral("Organic waste to the composting sites");
  spec.layers = {sites, sources, lines, areas};
  spec.context = {settlements, roads};
  spec.frame = kAgglomeration;
  for (QgsVectorLayer* graduated : {sites, lines})
    expectRoundDistinctClasses(*graduated);
  for (QgsMapLayer* layer : spec.layers + spec.context) {
    project.addMapLayer(layer);
    EXPECT_EQ(
        test::fieldsTheStyleLacks(*qobject_cast<QgsVectorLayer*>(layer)).join(", ").toStdString(),
        "")
        << layer->name().toStdString();
  }
  for (const auto& [page, width] : {std::pair{qgis::ReportMap::Page::A4Landscape, 297.0},
                                    std::pair{qgis::ReportMap::Page::A3Landscape, 420.0}}) {
    spec.page = page;
    const auto layout = qgis::buildReportLayout(project, spec);
    QList<QgsLayoutItemLegend*> legends;
    layout->layoutItems(legends);
    ASSERT_EQ(legends.size(), 1);
    QgsLayoutItemLegend& legend = *legends.front();
    for (QgsMapLayer* layer : spec.layers + spec.context) {
      QgsLayerTreeLayer* node = legend.model()->rootGroup()->findLayer(layer);
      ASSERT_NE(node, nullptr) << layer->name().toStdString();
      EXPECT_FALSE(legend.model()->layerLegendNodes(node).isEmpty()) << layer->name().toStdString();
    }
    EXPECT_EQ(
        legend.model()->layerLegendNodes(legend.model()->rootGroup()->findLayer(areas)).size(), 1);
    // A legend takes its size when first drawn.
    QTemporaryDir dir;
    ASSERT_EQ(qgis::exportReportLayout(*layout, dir.filePath(QStringLiteral("map.png")), 30),
              QString());
    const QRectF box = legend.sceneBoundingRect();
    EXPECT_LE(box.right(), width - 10 + 0.5) << "the legend runs off the page";
    EXPECT_LE(box.bottom(), 210 - 14 + 0.5) << "the legend runs into the footer";
  }
  // Labels: the site and the tonnes it takes in, as its triangle's size.
  EXPECT_EQ(dynamic_cast<QgsGraduatedSymbolRenderer*>(sites->renderer())->classAttribute(),
            QStringLiteral("tonnes_in"));
  const auto labelOf = [](QgsVectorLayer& layer, const QgsFeature& f) {
    QgsExpression label(layer.labeling()->settings().getLabelExpression()->expression());
    QgsExpressionContext context(QgsExpressionContextUtils::globalProjectLayerScopes(&layer));
    context.setFeature(f);
    return label.evaluate(&context).toString();
  };
  QgsFeature f;
  for (QgsFeatureIterator it = sites->getFeatures(); it.nextFeature(f);)
    EXPECT_EQ(labelOf(*sites, f),
              QStringLiteral("%1\n%2 t/yr")
                  .arg(f.attribute("site_id").toString(),
                       QLocale().toString(f.attribute("tonnes_in").toDouble(), 'f', 0)));
  int towns = 0;
  for (QgsFeatureIterator it = settlements->getFeatures(); it.nextFeature(f);) {
    const bool town = QStringList{"city", "town"}.contains(f.attribute("place").toString());
    towns += town;
    EXPECT_EQ(labelOf(*settlements, f).isEmpty(), !town) << labelOf(*settlements, f).toStdString();
  }
  EXPECT_GT(towns, 3);
}

// An atlas over the districts: one page each, the district's name in its title.
TEST_F(ReportLayout, AnAtlasHasAPagePerDistrict) {
  spec.title = QStringLiteral("District [% \"name\" %]");
  spec.layers.removeAt(1);  // without the roads: quicker, the pages are the point
  auto* districts = qobject_cast<QgsVectorLayer*>(spec.layers.back());
  const QString pdf = dir.filePath(QStringLiteral("districts.pdf"));
  ASSERT_EQ(qgis::exportAtlasPdf(project, spec, districts, pdf, 50), QString());
  QFile file(pdf);
  ASSERT_TRUE(file.open(QIODevice::ReadOnly));
  const QByteArray bytes = file.readAll();
  EXPECT_EQ(bytes.count("/Type /Page\n"), 8);  // and one "/Type /Pages"
  EXPECT_EQ(bytes.count("/Type /Pages"), 1);
}

// A Sankey diagram on a report page: one page, the title and the sources on it.
TEST_F(ReportLayout, ADiagramOnAReportPage) {
  const QString svg = dir.filePath(QStringLiteral("diagram.svg"));
  QFile file(svg);
  ASSERT_TRUE(file.open(QIODevice::WriteOnly));
  file.write(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"200\" height=\"100\">"
      "<rect x=\"10\" y=\"10\" width=\"50\" height=\"80\" fill=\"#444\"/></svg>");
  file.close();
  const QString pdf = dir.filePath(QStringLiteral("diagram.pdf"));
  ASSERT_EQ(qgis::exportDiagramPage(project, svg, QStringLiteral("Flows"),
                                    QStringLiteral("the report"), pdf, 72),
            QString());
  QFile out(pdf);
  ASSERT_TRUE(out.open(QIODevice::ReadOnly));
  EXPECT_EQ(out.readAll().count("/Type /Page\n"), 1);
}

}  // namespace
}  // namespace cp
