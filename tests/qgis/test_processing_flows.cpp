// circularplanner:flowlines on the Almaty sample data and on bad flow tables.

#include <gtest/gtest.h>

#include <QDomDocument>
#include <QFile>

#include <qgsexpressioncontextutils.h>
#include <qgsproject.h>
#include <qgsrendercontext.h>
#include <qgsrenderer.h>
#include <qgssymbol.h>
#include <qgssymbollayer.h>

#include <fstream>
#include <map>

#include "processing_run.h"
#include "qgis/cpflowtrees.h"
#include "qgis/cpqgisapi.h"
#include "qgis/cpresultstyles.h"
#include "support/temp_files.h"

namespace cp {
namespace {

using test::AlgorithmRun;
using test::runAlgorithm;
using test::sample;
using test::sum;

const QString kFlowLines = QStringLiteral("circularplanner:flowlines");
const QString kMasterplan = QStringLiteral("masterplan_2050_illustrative");

QVariantMap construction(const QString& flows = sample("material_flows")) {
  return {{QStringLiteral("ROADS"), sample("roads")},
          {QStringLiteral("FLOWS"), flows},
          {QStringLiteral("PLACES"), QStringList{sample("industrial_zones"), sample("districts")}},
          {QStringLiteral("SCENARIO"), kMasterplan}};
}

// A flow table in memory: origin, destination, tonnes, class per row.
struct Row {
  const char* id;
  const char* origin;
  const char* destination;
  double tonnes;
  const char* materialClass;
};
test::ProjectLayer flowTable(const std::vector<Row>& rows) {
  auto* table = new QgsVectorLayer(
      QStringLiteral("None?field=flow_id:string&field=origin_id:string&field=destination_id:string"
                     "&field=tonnes_per_year:double&field=material_class:string"),
      QStringLiteral("test_flows"), QStringLiteral("memory"));
  for (const Row& r : rows) {
    QgsFeature f(table->fields());
    f.setAttributes(QgsAttributes()
                    << r.id << r.origin << r.destination << r.tonnes << r.materialClass);
    table->dataProvider()->addFeature(f);
  }
  return test::ProjectLayer(table);
}

// The masterplan's construction flows: every one drawn, its tonnes those of
// the table, its road distance that of the OD matrix between the same places.
TEST(ProcessingFlowLines, MasterplanConstructionFlowsFromZonesToDistricts) {
  const AlgorithmRun run = runAlgorithm(kFlowLines, construction());
  ASSERT_TRUE(run.ok) << run.errors.toStdString();
  QgsVectorLayer table(sample("material_flows"), "t", "ogr");
  table.setSubsetString(QStringLiteral("scenario = '%1'").arg(kMasterplan));
  EXPECT_EQ(run.results.value("FLOWS_DRAWN").toLongLong(), table.featureCount());
  EXPECT_EQ(run.results.value("FLOWS_UNPLACED").toInt(), 0);
  EXPECT_NEAR(sum(*run.output, "tonnes"), sum(table, "tonnes_per_year"), 1e-6);
  EXPECT_NEAR(sum(*run.output, "tonne_km"), run.results.value("TONNE_KM").toDouble(), 1e-3);

  // To the districts, and Zhambyl's cement to the zones that make concrete.
  std::map<QString, double> metres;
  for (const auto& [layer, id] :
       {std::pair("districts", "district_id"), std::pair("industrial_zones", "zone_id")}) {
    const AlgorithmRun od =
        runAlgorithm(QStringLiteral("circularplanner:odmatrix"),
                     {{QStringLiteral("ROADS"), sample("roads")},
                      {QStringLiteral("ORIGINS"), sample("industrial_zones")},
                      {QStringLiteral("ORIGIN_ID"), QStringLiteral("zone_id")},
                      {QStringLiteral("DESTINATIONS"), sample(layer)},
                      {QStringLiteral("DESTINATION_ID"), QString::fromLatin1(id)},
                      {QStringLiteral("MAX_SNAP"), 2000.0}});
    ASSERT_TRUE(od.ok) << od.errors.toStdString();
    metres.merge(test::byPair(*od.output, QStringLiteral("distance_m")));
  }
  QgsFeature f;
  for (QgsFeatureIterator it = run.output->getFeatures(); it.nextFeature(f);) {
    const QString pair =
        f.attribute("origin_id").toString() + "->" + f.attribute("destination_id").toString();
    ASSERT_TRUE(metres.count(pair)) << pair.toStdString();
    EXPECT_NEAR(f.attribute("road_km").toDouble(), metres.at(pair) / 1000, 1e-6)
        << pair.toStdString();
  }
  std::printf("Almaty masterplan construction flows: %lld flows, %.0f t, %.0f tonne-km by road\n",
              run.output->featureCount(), sum(*run.output, "tonnes"),
              run.results.value("TONNE_KM").toDouble());
}

TEST(ProcessingFlowLines, OppositeCurvedFlowsDoNotOverlap) {
  const auto table = flowTable({{"there", "3072001", "3072808", 100, "minerals"},
                                {"back", "3072808", "3072001", 50, "minerals"}});
  QVariantMap p = construction(table.id());
  p.remove(QStringLiteral("SCENARIO"));
  const AlgorithmRun run = runAlgorithm(kFlowLines, p);
  ASSERT_TRUE(run.ok) << run.errors.toStdString();
  ASSERT_EQ(run.output->featureCount(), 2);
  QgsFeature a, b;
  QgsFeatureIterator it = run.output->getFeatures();
  it.nextFeature(a);
  it.nextFeature(b);
  EXPECT_TRUE(a.geometry().touches(b.geometry()));  // the ends only
  EXPECT_FALSE(a.geometry().overlaps(b.geometry()));
  EXPECT_FALSE(a.geometry().crosses(b.geometry()));
}

TEST(ProcessingFlowLines, FiltersAndAggregationKeepTheTonnes) {
  QVariantMap p = construction();
  p[QStringLiteral("MATERIAL_CLASSES")] = QVariantList{1};  // minerals
  p[QStringLiteral("AGGREGATE")] = true;
  const AlgorithmRun run = runAlgorithm(kFlowLines, p);
  ASSERT_TRUE(run.ok) << run.errors.toStdString();
  QgsVectorLayer table(sample("material_flows"), "t", "ogr");
  table.setSubsetString(
      QStringLiteral("scenario = '%1' AND material_class = 'minerals'").arg(kMasterplan));
  EXPECT_NEAR(sum(*run.output, "tonnes"), sum(table, "tonnes_per_year"), 1e-6);
  QSet<QString> pairs;
  QgsFeature f;
  for (QgsFeatureIterator it = run.output->getFeatures(); it.nextFeature(f);) {
    EXPECT_EQ(f.attribute("material_class").toString(), QStringLiteral("minerals"));
    const QString pair =
        f.attribute("origin_id").toString() + f.attribute("destination_id").toString();
    EXPECT_FALSE(pairs.contains(pair)) << pair.toStdString();  // one line per pair
    pairs.insert(pair);
  }
  EXPECT_LT(run.output->featureCount(), table.featureCount());
}

// The corridors as a map draws them: every corridor one branch (or a direct
// line) with its tonnes to its destination; a trunk per origin and class that
// carries the sum of its branches and ends where they start.
TEST(FlowTrees, EveryCorridorIsABranchAndATrunkCarriesItsBranches) {
  QVariantMap p = construction();
  p[QStringLiteral("AGGREGATE")] = true;
  const AlgorithmRun run = runAlgorithm(kFlowLines, p);
  ASSERT_TRUE(run.ok) << run.errors.toStdString();
  const auto key = [](const QgsFeature& f, bool withDestination) {
    return f.attribute("origin_id").toString() + '|' + f.attribute("material_class").toString() +
           (withDestination ? '|' + f.attribute("destination_id").toString() : QString());
  };
  const auto end = [](const QgsFeature& f, bool last) {
    const QgsPolylineXY line = f.geometry().isMultipart() ? f.geometry().asMultiPolyline().value(0)
                                                          : f.geometry().asPolyline();
    return last ? line.last() : line.first();
  };
  std::map<QString, std::pair<double, QgsPointXY>> corridors;  // tonnes, destination
  QgsFeature f;
  for (QgsFeatureIterator it = run.output->getFeatures(); it.nextFeature(f);)
    corridors[key(f, true)] = {f.attribute("tonnes").toDouble(), end(f, true)};

  const std::unique_ptr<QgsVectorLayer> trees = qgis::flowTrees(*run.output);
  std::map<QString, std::pair<double, QgsPointXY>> trunks;  // tonnes, where they part
  std::map<QString, std::vector<std::pair<double, QgsPointXY>>> branches;  // tonnes, start
  std::size_t drawn = 0;
  for (QgsFeatureIterator it = trees->getFeatures(); it.nextFeature(f);) {
    const QString part = f.attribute("part").toString();
    if (part == QLatin1String("trunk")) {
      trunks[key(f, false)] = {f.attribute("tonnes").toDouble(), end(f, true)};
      continue;
    }
    ++drawn;
    const auto& [tonnes, destination] = corridors.at(key(f, true));
    EXPECT_DOUBLE_EQ(f.attribute("tonnes").toDouble(), tonnes);
    EXPECT_LT(end(f, true).distance(destination), 1e-7) << key(f, true).toStdString();
    if (part == QLatin1String("branch"))
      branches[key(f, false)].push_back({tonnes, end(f, false)});
  }
  EXPECT_EQ(drawn, corridors.size());
  EXPECT_GT(trunks.size(), 2U) << "the far zones' flows share trunks";
  for (const auto& [tree, trunk] : trunks) {
    double sum = 0;
    for (const auto& [tonnes, start] : branches.at(tree)) {
      sum += tonnes;
      EXPECT_LT(start.distance(trunk.second), 1e-7) << tree.toStdString();
    }
    EXPECT_NEAR(trunk.first, sum, 1e-6 * sum) << tree.toStdString();
  }

  // Drawn, an origin's trunks lie side by side: each shifted from the line
  // by half their band less the widths before it, so that they touch.
  qgis::styleFlowTrees(*trees);
  const double most = trees->maximumValue(trees->fields().lookupField("tonnes")).toDouble();
  QgsRenderContext render;
  render.expressionContext().appendScopes(
      QgsExpressionContextUtils::globalProjectLayerScopes(trees.get()));
  trees->renderer()->startRender(render, trees->fields());
  std::map<QString, std::vector<std::pair<double, double>>> band;  // origin: offset, width
  trees->setSubsetString(QStringLiteral("\"part\" = 'trunk'"));
  for (QgsFeatureIterator it = trees->getFeatures(); it.nextFeature(f);) {
    render.expressionContext().setFeature(f);
    const QgsSymbol* symbol = trees->renderer()->symbolForFeature(f, render);
    ASSERT_NE(symbol, nullptr);
    band[f.attribute("origin_id").toString()].push_back(
        {symbol->symbolLayer(0)->dataDefinedProperties().valueAsDouble(
             static_cast<int>(qgis::kSymbolLayerOffset), render.expressionContext(), 99),
         0.2 + 3.8 * std::sqrt(f.attribute("tonnes").toDouble() / most)});
  }
  trees->renderer()->stopRender(render);
  int paired = 0;
  for (const auto& [origin, side] : band) {
    double left = 0, total = 0;
    for (const auto& [offset, width] : side) {
      left = std::min(left, offset - width / 2);
      total += width;
    }
    EXPECT_NEAR(left, -total / 2, 1e-6) << origin.toStdString() << ": the band is not centred";
    if (side.size() == 2) {
      ++paired;
      EXPECT_NEAR(std::abs(side[0].first - side[1].first), (side[0].second + side[1].second) / 2,
                  1e-6)
          << origin.toStdString() << ": trunks overlap or stand apart";
    }
  }
  EXPECT_GT(paired, 0) << "no zone sends two classes: the test shows nothing";
}

TEST(ProcessingFlowLines, BadRowsAreNamed) {
  struct Case {
    Row row;
    const char* expected;
  };
  const Case cases[] = {{{"F-NEG", "Z-ALATAU", "3072001", -5, "minerals"}, "F-NEG"},
                        {{"F-CLASS", "Z-ALATAU", "3072001", 5, "plutonium"}, "plutonium"},
                        {{"F-EMPTY", "", "3072001", 5, "minerals"}, "F-EMPTY"}};
  for (const Case& c : cases) {
    const auto table = flowTable({c.row});
    QVariantMap p = construction(table.id());
    p.remove(QStringLiteral("SCENARIO"));
    const AlgorithmRun run = runAlgorithm(kFlowLines, p);
    EXPECT_FALSE(run.ok) << c.expected;
    EXPECT_TRUE(run.errors.contains(QString::fromLatin1(c.expected))) << run.errors.toStdString();
  }
  // Unknown places are one warning naming every one of them and their flows;
  // the other flows are drawn.
  const auto table = flowTable({{"F-OK", "Z-ALATAU", "3072001", 5, "minerals"},
                                {"F-NOWHERE", "Z-ALATAU", "atlantis", 5, "minerals"},
                                {"F-AGAIN", "lemuria", "atlantis", 7, "minerals"},
                                {"F-THIRD", "lemuria", "3072001", 2, "minerals"}});
  QVariantMap p = construction(table.id());
  p.remove(QStringLiteral("SCENARIO"));
  const AlgorithmRun run = runAlgorithm(kFlowLines, p);
  ASSERT_TRUE(run.ok) << run.errors.toStdString();
  EXPECT_EQ(run.output->featureCount(), 1);
  EXPECT_EQ(run.warnings.count(QStringLiteral("in none of the given layers")), 1)
      << run.warnings.toStdString();
  EXPECT_TRUE(run.warnings.contains(QStringLiteral("3 flows name places in none")))
      << run.warnings.toStdString();
  EXPECT_TRUE(run.warnings.contains(QStringLiteral("'atlantis' (flows F-NOWHERE, F-AGAIN; 12 t)")))
      << run.warnings.toStdString();
  EXPECT_TRUE(run.warnings.contains(QStringLiteral("'lemuria' (flows F-AGAIN, F-THIRD; 9 t)")))
      << run.warnings.toStdString();
}

// Districts and their centres share ids: the first layer given is used, and
// the run says so.
TEST(ProcessingFlowLines, AnIdInTwoLayersIsTheFirstLayersPlace) {
  QVariantMap p = construction();
  p[QStringLiteral("PLACES")] =
      QStringList{sample("industrial_zones"), sample("districts"), sample("district_centres")};
  const AlgorithmRun run = runAlgorithm(kFlowLines, p);
  ASSERT_TRUE(run.ok) << run.errors.toStdString();
  EXPECT_EQ(run.results.value("FLOWS_DRAWN").toInt(), 90);
  EXPECT_TRUE(run.warnings.contains(QStringLiteral("flows use the places in")))
      << run.warnings.toStdString();
}

// A CSV written in windows-1251 but read as UTF-8: the row is named, with
// what to do about it.
TEST(ProcessingFlowLines, TextInTheWrongEncodingIsNamed) {
  const std::string path = test::tempPath("flows_cp1251.csv");
  std::ofstream(path, std::ios::binary)
      << "flow_id,origin_id,destination_id,tonnes_per_year,material_class\n"
      << "F-1,Z-ALATAU,3072001,5,minerals\n"
      << "F-2,\xc0\xeb\xe0\xf2\xe0\xf3,3072001,5,minerals\n";  // "Алатау" in cp1251
  const QString uri = QStringLiteral("file://%1?type=csv&geomType=none&encoding=UTF-8")
                          .arg(QString::fromStdString(path));
  const test::ProjectLayer csv(new QgsVectorLayer(uri, "csv_flows", "delimitedtext"));
  ASSERT_TRUE(csv.layer->isValid());
  QVariantMap p = construction(csv.id());
  p.remove(QStringLiteral("SCENARIO"));
  const AlgorithmRun run = runAlgorithm(kFlowLines, p);
  EXPECT_FALSE(run.ok);
  EXPECT_TRUE(run.errors.contains(QStringLiteral("F-2"))) << run.errors.toStdString();
  EXPECT_TRUE(run.errors.contains(QStringLiteral("encoding"))) << run.errors.toStdString();
}

// ---- Balance -------------------------------------------------------------

const QString kBalance = QStringLiteral("circularplanner:flowbalance");

TEST(ProcessingFlowBalance, ABalancedTableHasNoImbalanceAndAnUnbalancedOneIsNamed) {
  const auto balanced = flowTable({{"1", "quarry", "plant", 100, "minerals"},
                                   {"2", "plant", "city", 70, "minerals"},
                                   {"3", "plant", "stock", 30, "minerals"}});
  const AlgorithmRun ok = runAlgorithm(kBalance, {{QStringLiteral("FLOWS"), balanced.id()}});
  ASSERT_TRUE(ok.ok) << ok.errors.toStdString();
  EXPECT_EQ(ok.results.value("NODES").toInt(), 3);  // quarry, plant, city (stock is no node)
  EXPECT_EQ(ok.results.value("UNBALANCED").toInt(), 0);

  const auto leaky = flowTable({{"1", "quarry", "plant", 100, "minerals"},
                                {"2", "plant", "city", 90, "minerals"},
                                {"3", "plant", "stock", 30, "minerals"}});
  const AlgorithmRun bad = runAlgorithm(kBalance, {{QStringLiteral("FLOWS"), leaky.id()}});
  ASSERT_TRUE(bad.ok) << bad.errors.toStdString();
  EXPECT_EQ(bad.results.value("UNBALANCED").toInt(), 1);
  EXPECT_TRUE(bad.warnings.contains(QStringLiteral("'plant'"))) << bad.warnings.toStdString();
  EXPECT_TRUE(bad.warnings.contains(QStringLiteral("-20 t"))) << bad.warnings.toStdString();
  QgsFeature f;
  for (QgsFeatureIterator it = bad.output->getFeatures(); it.nextFeature(f);)
    if (f.attribute("node").toString() == QStringLiteral("plant")) {
      EXPECT_DOUBLE_EQ(f.attribute("imbalance").toDouble(), -20);
      EXPECT_FALSE(f.attribute("balanced").toBool());
    }
}

// The report's own flows do not balance; the check says where and by how much.
TEST(ProcessingFlowBalance, TheReportsFlowsAreCheckedViewByView) {
  const AlgorithmRun run =
      runAlgorithm(kBalance, {{QStringLiteral("FLOWS"), sample("material_flows")},
                              {QStringLiteral("SCENARIO"), QStringLiteral("report_baseline")}});
  ASSERT_TRUE(run.ok) << run.errors.toStdString();
  EXPECT_GT(run.results.value("UNBALANCED").toInt(), 0);
  EXPECT_TRUE(run.warnings.contains(QStringLiteral("city_total node 'city'")))
      << run.warnings.toStdString();
  std::printf("Report flows: %d nodes, %d out of balance\n", run.results.value("NODES").toInt(),
              run.results.value("UNBALANCED").toInt());
}

// ---- Road loads ----------------------------------------------------------

// The segments' tonne-km add up to the flows' routed tonne-km, and each
// segment's classes to its tonnes.
TEST(ProcessingRoadLoads, SegmentLoadsAddUpToTheRoutedTonneKm) {
  const AlgorithmRun lines = runAlgorithm(kFlowLines, construction());
  const AlgorithmRun loads =
      runAlgorithm(QStringLiteral("circularplanner:roadloads"), construction());
  ASSERT_TRUE(lines.ok && loads.ok) << loads.errors.toStdString();
  const double routed = lines.results.value("TONNE_KM").toDouble();
  EXPECT_NEAR(sum(*loads.output, "tonne_km"), routed, 1e-6 * routed);
  EXPECT_NEAR(loads.results.value("TONNE_KM").toDouble(), routed, 1e-6 * routed);
  EXPECT_EQ(loads.results.value("FLOWS_ROUTED").toInt(), 90);
  QgsFeature f;
  double heaviest = 0;
  for (QgsFeatureIterator it = loads.output->getFeatures(); it.nextFeature(f);) {
    double classes = 0;
    for (const char* c : {"biomass_t", "minerals_t", "metals_t", "fossil_fuels_t", "water_t",
                          "emissions_t", "mixed_t"})
      classes += f.attribute(c).toDouble();
    EXPECT_NEAR(classes, f.attribute("tonnes").toDouble(), 1e-6);
    heaviest = std::max(heaviest, f.attribute("tonnes").toDouble());
  }
  std::printf("Almaty construction road loads: %lld segments, heaviest %.0f t/yr, %.0f tonne-km\n",
              loads.output->featureCount(), heaviest, routed);
}

// ---- Sankey ----------------------------------------------------------------

// The report's construction view as a Sankey diagram: a valid SVG with a band
// per flow between distinct nodes and a box per node.
TEST(ProcessingSankey, TheReportsConstructionViewAsSvg) {
  const AlgorithmRun run = runAlgorithm(
      QStringLiteral("circularplanner:sankey"),
      {{QStringLiteral("FLOWS"), sample("material_flows")},
       {QStringLiteral("SCENARIO"), QStringLiteral("report_baseline")},
       {QStringLiteral("GROUP"), QStringLiteral("construction")},
       {QStringLiteral("TITLE"), QStringLiteral("Almaty construction materials (t/yr)")}});
  ASSERT_TRUE(run.ok) << run.errors.toStdString();
  QFile file(run.results.value("OUTPUT").toString());
  ASSERT_TRUE(file.open(QIODevice::ReadOnly));
  QDomDocument svg;
  QString error;
  ASSERT_TRUE(svg.setContent(&file, &error)) << error.toStdString();
  const int bands = run.results.value("BANDS").toInt();
  EXPECT_EQ(svg.elementsByTagName(QStringLiteral("path")).size(), bands);
  // A box per node, and a swatch per material class in the legend (biomass,
  // metals, minerals, mixed).
  EXPECT_EQ(svg.elementsByTagName(QStringLiteral("rect")).size(),
            run.results.value("NODES").toInt() + 4);
  EXPECT_GE(bands, 5);  // the view's flows: wood, metals, minerals in; stock; landfill; extraction
}

// Nodes are named from the tables given (the flows' node table), so that no
// raw id ('disposal_sites', EN:1785) reaches a report; a table without an id
// or a name field is refused with the layer named.
TEST(ProcessingSankey, NodesAreNamedFromTheTablesGiven) {
  const AlgorithmRun run = runAlgorithm(
      QStringLiteral("circularplanner:sankey"),
      {{QStringLiteral("FLOWS"), sample("material_flows")},
       {QStringLiteral("SCENARIO"), QStringLiteral("report_baseline")},
       {QStringLiteral("GROUP"), QStringLiteral("construction")},
       {QStringLiteral("NAMES"), QStringList{sample("flow_nodes"), sample("industrial_zones")}}});
  ASSERT_TRUE(run.ok) << run.errors.toStdString();
  QFile file(run.results.value("OUTPUT").toString());
  ASSERT_TRUE(file.open(QIODevice::ReadOnly));
  const QString svg = QString::fromUtf8(file.readAll());
  EXPECT_TRUE(svg.contains(QStringLiteral(">Karasai landfill and dumpsites 79 kt<")))
      << svg.toStdString();
  EXPECT_FALSE(svg.contains(QStringLiteral("disposal_sites")));
  EXPECT_TRUE(run.warnings.isEmpty()) << run.warnings.toStdString();
  const AlgorithmRun unnamed =
      runAlgorithm(QStringLiteral("circularplanner:sankey"),
                   {{QStringLiteral("FLOWS"), sample("material_flows")},
                    {QStringLiteral("NAMES"), QStringList{sample("settlements")}}});
  EXPECT_FALSE(unnamed.ok);
  EXPECT_TRUE(unnamed.errors.contains(QStringLiteral("no id field to name the flows' nodes by")))
      << unnamed.errors.toStdString();
}

// ---- Site assessment -------------------------------------------------------

// A metals facility for the masterplan's flows: the baseline is the flows'
// routed tonne-km; candidates rank by their new tonne-km; a site in the city
// saves on the zones far outside.
TEST(ProcessingSiteAssessment, CandidatesRankByTheTonneKmTheyWouldSave) {
  auto* layer = new QgsVectorLayer(QStringLiteral("Point?crs=EPSG:4326&field=name:string"),
                                   QStringLiteral("candidates"), QStringLiteral("memory"));
  const std::pair<const char*, QgsPointXY> sites[] = {{"central", {76.92, 43.25}},
                                                      {"west", {76.62, 43.20}},
                                                      {"north", {76.95, 43.33}},
                                                      {"steppe", {75.6, 44.3}}};  // no road
  for (const auto& [name, point] : sites) {
    QgsFeature f(layer->fields());
    f.setAttribute(0, QString::fromLatin1(name));
    f.setGeometry(QgsGeometry::fromPointXY(point));
    layer->dataProvider()->addFeature(f);
  }
  const test::ProjectLayer candidates(layer);
  QVariantMap p = construction();
  p[QStringLiteral("MATERIAL_CLASSES")] = QVariantList{2};  // metals
  p[QStringLiteral("CANDIDATES")] = candidates.id();
  p[QStringLiteral("CANDIDATE_ID")] = QStringLiteral("name");
  const AlgorithmRun run = runAlgorithm(QStringLiteral("circularplanner:siteassessment"), p);
  ASSERT_TRUE(run.ok) << run.errors.toStdString();
  QVariantMap l = construction();
  l[QStringLiteral("MATERIAL_CLASSES")] = QVariantList{2};
  const AlgorithmRun lines = runAlgorithm(kFlowLines, l);
  ASSERT_TRUE(lines.ok);
  const double baseline = lines.results.value("TONNE_KM").toDouble();
  EXPECT_NEAR(run.results.value("BASELINE_TONNE_KM").toDouble(), baseline, 1e-6 * baseline);
  EXPECT_EQ(run.results.value("BEST").toString(), QStringLiteral("central"));
  double previous = -1;
  QgsFeature f;
  for (QgsFeatureIterator it = run.output->getFeatures(); it.nextFeature(f);) {
    if (f.attribute("candidate_id").toString() == QStringLiteral("steppe")) {
      EXPECT_TRUE(f.attribute("new_tkm").isNull());  // unreachable: no figure, ranked last
      EXPECT_EQ(f.attribute("rank").toInt(), 4);
      continue;
    }
    EXPECT_GE(f.attribute("new_tkm").toDouble(), previous);  // written in rank order
    previous = f.attribute("new_tkm").toDouble();
    EXPECT_NEAR(f.attribute("change_tkm").toDouble(), f.attribute("new_tkm").toDouble() - baseline,
                1e-6 * baseline);
  }
  EXPECT_TRUE(run.warnings.contains(QStringLiteral("steppe")) ||
              run.warnings.contains(QStringLiteral("not joined")))
      << run.warnings.toStdString();
  std::printf("Almaty metals facility: baseline %.0f tonne-km, best site '%s'\n", baseline,
              qPrintable(run.results.value("BEST").toString()));
}

}  // namespace
}  // namespace cp
