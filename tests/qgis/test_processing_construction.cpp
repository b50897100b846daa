// Building stock and construction supply on the Almaty sample data.

#include <gtest/gtest.h>

#include <map>

#include <qgsfeaturerequest.h>
#include <qgsvectordataprovider.h>

#include <QLocale>

#include <qgsexpressioncontextutils.h>
#include <qgslayoutatlas.h>
#include <qgslayoutitemlabel.h>
#include <qgslayoutreportcontext.h>
#include <qgsprintlayout.h>
#include <qgsproject.h>
#include <qgsrendercontext.h>
#include <qgsrenderer.h>

#include "processing_run.h"
#include "qgis/cpdistrictatlas.h"
#include "qgis/cpreportlayout.h"
#include "qgis/cpresultstyles.h"

namespace cp {
namespace {

using test::AlgorithmRun;
using test::runAlgorithm;
using test::sample;
using test::sum;

QVariantMap districts() {
  return {{QStringLiteral("DISTRICTS"), sample("districts")},
          {QStringLiteral("DISTRICT_ID"), QStringLiteral("district_id")},
          {QStringLiteral("COEFFICIENTS"), sample("coefficients")}};
}

// The sample's growth (2 million m² of building floor and 801,680 t of
// infrastructure a year) at the report's intensities gives back the report's
// construction inputs: 286 kt wood, 1,456 kt minerals and 80 kt metals a year
// (EN:1752, FACTS M20-M22).
TEST(ProcessingBuildingStock, GrowthDemandReproducesTheReportsConstructionInputs) {
  const AlgorithmRun run =
      runAlgorithm(QStringLiteral("circularplanner:buildingstock"), districts());
  ASSERT_TRUE(run.ok) << run.errors.toStdString();
  QgsVectorLayer& out = *run.output;
  EXPECT_EQ(out.featureCount(), 8);
  EXPECT_NEAR(sum(out, "demand_biomass_t"), 286000, 1);
  EXPECT_NEAR(sum(out, "demand_minerals_t"), 1456000, 1);
  EXPECT_NEAR(sum(out, "demand_metals_t"), 80000, 1);
  EXPECT_NEAR(run.results.value("DEMAND_TONNES").toDouble(), 1822000, 1);
  // The stock: about 66.7 million m² (EN:1697, 2 million m² is 3 %) at the new
  // buildings' 0.510 t/m²: the 56 % of 1,822 kt that buildings take (EN:1825)
  // over 2 million m².
  QgsVectorLayer source(sample("districts"), "d", "ogr");
  const double floor = sum(source, "residential_floor_m2") + sum(source, "nonresidential_floor_m2");
  EXPECT_NEAR(sum(out, "stock_t"), floor * 0.56 * 1822000 / 2e6, 1e-6 * floor);
  // 200,000 m² of houses over 5 years: 40,000 m² a year at 1.12 t/m².
  EXPECT_NEAR(sum(out, "demolition_t"), 40000 * 1.12, 1e-6);
  EXPECT_NEAR(sum(out, "recoverable_t"), 40000 * (0.1 * 0.3 + 1.0 * 0.8 + 0.02 * 0.95), 1e-6);
  std::printf("Almaty building stock: %.1f Mt standing, %.0f t/yr demand, %.0f t/yr recoverable\n",
              run.results.value("STOCK_TONNES").toDouble() / 1e6,
              run.results.value("DEMAND_TONNES").toDouble(),
              run.results.value("RECOVERABLE_TONNES").toDouble());
}

TEST(ProcessingBuildingStock, AMissingFloorFieldIsNamed) {
  QVariantMap p = districts();
  p[QStringLiteral("DISTRICTS")] = sample("industrial_zones");
  const AlgorithmRun run = runAlgorithm(QStringLiteral("circularplanner:buildingstock"), p);
  EXPECT_FALSE(run.ok);
  EXPECT_TRUE(run.errors.contains(QStringLiteral("residential_floor_m2")))
      << run.errors.toStdString();
}

// The zones' capacities (1,301.5 kt minerals - Zhambyl's cement less the
// 71.5 kt inside the zones' concrete -, 58 kt metals, no wood) and the
// demolitions' recoverable 32 kt minerals, 760 t metals and 1,200 t wood, all
// reachable, against the districts' demand of 1,456 / 80 / 286 kt: each class
// gets what is offered, up to its demand.
TEST(ProcessingConstructionSupply, ZonesAndDemolitionsSupplyTheDistrictsDemand) {
  QVariantMap p = districts();
  p.insert(QStringLiteral("ROADS"), sample("roads"));
  p.insert(QStringLiteral("ZONES"), sample("industrial_zones"));
  p.insert(QStringLiteral("ZONE_ID"), QStringLiteral("zone_id"));
  p.insert(QStringLiteral("PRODUCTS"), sample("zone_products"));
  const AlgorithmRun run =
      runAlgorithm(QStringLiteral("circularplanner:constructionsupply"), p, {"DISTRICT_SUPPLY"});
  ASSERT_TRUE(run.ok) << run.errors.toStdString();
  EXPECT_NEAR(run.results.value("DEMAND_TONNES").toDouble(), 1822000, 1);
  const double supplied = 1333500 + 58760 + 1200;
  EXPECT_NEAR(run.results.value("SUPPLIED_TONNES").toDouble(), supplied, 1e-3);
  EXPECT_NEAR(run.results.value("SECONDARY_TONNES").toDouble(), 32000 + 760 + 1200, 1e-3);
  EXPECT_NEAR(run.results.value("UNMET_TONNES").toDouble(), 1822000 - supplied, 1e-3);
  EXPECT_NEAR(sum(*run.output, "tonnes"), supplied, 1e-3);
  EXPECT_NEAR(sum(*run.output, "tonne_km"), run.results.value("TONNE_KM").toDouble(), 1e-3);
  QgsVectorLayer& perDistrict = *run.more.at("DISTRICT_SUPPLY");
  EXPECT_NEAR(sum(perDistrict, "supplied_t"), supplied, 1e-3);
  QgsFeature f;
  for (QgsFeatureIterator it = perDistrict.getFeatures(); it.nextFeature(f);)
    EXPECT_LE(f.attribute("supplied_t").toDouble(), f.attribute("demand_t").toDouble() + 1e-6);
  // Demolition material first serves its own district: no haul.
  for (QgsFeatureIterator it = run.output->getFeatures(); it.nextFeature(f);)
    if (f.attribute("origin").toString() == QStringLiteral("demolition")) {
      EXPECT_EQ(f.attribute("supplier_id"), f.attribute("district_id"));
    }
  std::printf("Almaty construction supply: %.0f t of %.0f t a year supplied, %.0f tonne-km\n",
              supplied, 1822000.0, run.results.value("TONNE_KM").toDouble());
}

QVariantMap supplyWithFactors() {
  QVariantMap p = districts();
  p.insert({{QStringLiteral("ROADS"), sample("roads")},
            {QStringLiteral("ZONES"), sample("industrial_zones")},
            {QStringLiteral("ZONE_ID"), QStringLiteral("zone_id")},
            {QStringLiteral("PRODUCTS"), sample("zone_products")},
            {QStringLiteral("FACTORS"), sample("emission_factors")}});
  return p;
}

// A component's t CO2e (central) per scenario, from the climate comparison;
// "hauls" adds the two haul components.
std::map<QString, double> co2eOf(QgsVectorLayer& comparison, const QString& component) {
  std::map<QString, double> out;
  QgsFeature f;
  for (QgsFeatureIterator it = comparison.getFeatures(); it.nextFeature(f);) {
    const QString c = f.attribute("component").toString();
    if (c == component ||
        (component == QLatin1String("hauls") &&
         (c == QLatin1String("transport") || c == QLatin1String("hauls from elsewhere"))))
      out[f.attribute("scenario").toString()] += f.attribute("co2e_t_central").toDouble();
  }
  return out;
}

// The supply's climate balance: urban mining's 32,000 t minerals, 760 t metals
// and 1,200 t wood each save their class's embodied less its secondary
// factor (0.12 - 0.005, 2 - 0.5, 0.3 - 0.03 t CO2e/t): 5,144 t, and change
// the hauls.
TEST(ProcessingConstructionSupply, UrbanMiningSavesWhatItsMaterialsWouldHaveCostToMake) {
  QVariantMap p = supplyWithFactors();
  const AlgorithmRun run = runAlgorithm(QStringLiteral("circularplanner:constructionsupply"), p,
                                        {"CLIMATE", "BREAKDOWN"});
  ASSERT_TRUE(run.ok) << run.errors.toStdString();
  const std::map<QString, double> hauls = co2eOf(*run.more.at("CLIMATE"), "hauls");
  const std::map<QString, double> all = co2eOf(*run.more.at("CLIMATE"), "all");
  const double saved = 32000 * (0.12 - 0.005) + 760 * (2 - 0.5) + 1200 * (0.3 - 0.03);
  EXPECT_NEAR(run.results.value("URBAN_MINING_CO2E").toDouble(),
              -saved + hauls.at("urban_mining") - hauls.at("primary_only"), 1e-3);
  EXPECT_NEAR(run.results.value("EMBODIED_CO2E").toDouble(), all.at("urban_mining"), 1e-6);
  EXPECT_GT(run.more.at("BREAKDOWN")->featureCount(), 10);
  EXPECT_FALSE(run.results.contains("TIMBER_CO2E"));  // no timber share given
  QgsFeature f;

  // A quarter of the new floor in timber: 0.25 x 2 million m2 a year with the
  // timber building's intensities; the classes' change in demand at their
  // embodied factors (the demolitions supply as before), and the hauls.
  p.insert(QStringLiteral("TIMBER_SHARE"), 0.25);
  const AlgorithmRun timber =
      runAlgorithm(QStringLiteral("circularplanner:constructionsupply"), p, {"CLIMATE"});
  ASSERT_TRUE(timber.ok) << timber.errors.toStdString();
  const double floor = 0.25 * 2e6;
  const double demandChange =
      floor * ((0.18 - 0.40768) * 0.12 + (0.012 - 0.0224) * 2 + (0.22 - 0.08008) * 0.3);
  const std::map<QString, double> timberHauls = co2eOf(*timber.more.at("CLIMATE"), "hauls");
  EXPECT_NEAR(
      timber.results.value("TIMBER_CO2E").toDouble(),
      demandChange + timberHauls.at("urban_mining_and_timber") - timberHauls.at("urban_mining"), 1);
}

// With the sample's two storage yards: every tonne the demolitions free
// (33,960 t) goes to the nearer yard first and is offered from there; the same
// tonnes are used, over longer hauls, so urban mining saves less.
TEST(ProcessingConstructionSupply, WithDepotsDemolitionMaterialsAreStoredBeforeUse) {
  QVariantMap p = supplyWithFactors();
  const AlgorithmRun direct = runAlgorithm(QStringLiteral("circularplanner:constructionsupply"), p);
  ASSERT_TRUE(direct.ok) << direct.errors.toStdString();
  p.insert({{QStringLiteral("DEPOTS"), sample("secondary_depots")},
            {QStringLiteral("DEPOT_ID"), QStringLiteral("depot_id")}});
  const AlgorithmRun stored = runAlgorithm(QStringLiteral("circularplanner:constructionsupply"), p);
  ASSERT_TRUE(stored.ok) << stored.errors.toStdString();
  const double freed = 32000 + 760 + 1200;
  EXPECT_NEAR(
      sum(*stored.output, "tonnes", QStringLiteral("\"origin\" = 'demolition, to storage'")), freed,
      1e-3);
  EXPECT_NEAR(sum(*stored.output, "tonnes", QStringLiteral("\"origin\" = 'storage'")), freed, 1e-3);
  EXPECT_NEAR(stored.results.value("SECONDARY_TONNES").toDouble(),
              direct.results.value("SECONDARY_TONNES").toDouble(), 1e-3);
  EXPECT_NEAR(sum(*stored.output, "tonne_km"), stored.results.value("TONNE_KM").toDouble(), 1e-3);
  EXPECT_GT(stored.results.value("TONNE_KM").toDouble(),
            direct.results.value("TONNE_KM").toDouble());
  EXPECT_GT(stored.results.value("URBAN_MINING_CO2E").toDouble(),
            direct.results.value("URBAN_MINING_CO2E").toDouble());
}

// The planned zones against buying elsewhere: with none of their capacity,
// Zhambyl (a source outside the plan) still sends its 478.5 kt of cement and
// stone by road, and the rest - 977.5 kt minerals, 80 kt metals, 286 kt wood -
// comes from the coefficients' distances (80, 1,200, 1,700 km) with their rail
// shares (0.1, 0.8, 0.9) at 0.025 kg CO2e/tkm by rail and the truck's 0.1 by
// road. The districts' changes add up to the scenario's.
TEST(ProcessingConstructionSupply, ThePlannedZonesAreWeighedAgainstBuyingElsewhere) {
  QVariantMap p = supplyWithFactors();
  const AlgorithmRun run = runAlgorithm(QStringLiteral("circularplanner:constructionsupply"), p,
                                        {"CLIMATE", "DISTRICT_CHANGES"});
  ASSERT_TRUE(run.ok) << run.errors.toStdString();
  const auto kgPerTkm = [](double rail) { return rail * 0.025 + (1 - rail) * 0.1; };
  const double imported =
      (977500 * 80 * kgPerTkm(0.1) + 80000 * 1200 * kgPerTkm(0.8) + 286000 * 1700 * kgPerTkm(0.9)) /
      1000;
  const std::map<QString, double> fromElsewhere =
      co2eOf(*run.more.at("CLIMATE"), "hauls from elsewhere");
  EXPECT_NEAR(fromElsewhere.at("bought_elsewhere"), imported, 1e-6 * imported);
  const std::map<QString, double> all = co2eOf(*run.more.at("CLIMATE"), "all");
  const double zones = run.results.value("ZONES_CO2E").toDouble();
  EXPECT_NEAR(zones, all.at("primary_only") - all.at("bought_elsewhere"), 1e-6);
  EXPECT_NEAR(sum(*run.more.at("DISTRICT_CHANGES"), "change_t",
                  QStringLiteral("\"scenario\" = 'primary_only'")),
              zones, 1e-3);
  // None of the planned zones' capacity: the zones' scenario is the baseline.
  p.insert(QStringLiteral("ZONE_SHARE"), 0.0);
  const AlgorithmRun none = runAlgorithm(QStringLiteral("circularplanner:constructionsupply"), p);
  ASSERT_TRUE(none.ok) << none.errors.toStdString();
  EXPECT_NEAR(none.results.value("ZONES_CO2E").toDouble(), 0, 1e-6);
  EXPECT_NEAR(none.results.value("SUPPLIED_TONNES").toDouble() -
                  none.results.value("SECONDARY_TONNES").toDouble(),
              478500, 1e-3);
}

TEST(ProcessingConstructionSupply, AProductOfAnUnknownZoneIsNamed) {
  auto* table = new QgsVectorLayer(
      QStringLiteral("None?field=zone_id:string&field=product:string&field=material_class:string"
                     "&field=capacity_t_per_year:double"),
      QStringLiteral("bad_products"), QStringLiteral("memory"));
  for (const char* zone : {"Z-ATLANTIS", "Z-ALATAU", "Z-LEMURIA"}) {
    QgsFeature row(table->fields());
    row.setAttributes(QgsAttributes() << zone << "concrete"
                                      << "minerals" << 1000.0);
    table->dataProvider()->addFeature(row);
  }
  const test::ProjectLayer products(table);
  QVariantMap p = districts();
  p.insert(QStringLiteral("ROADS"), sample("roads"));
  p.insert(QStringLiteral("ZONES"), sample("industrial_zones"));
  p.insert(QStringLiteral("ZONE_ID"), QStringLiteral("zone_id"));
  p.insert(QStringLiteral("PRODUCTS"), products.id());
  const AlgorithmRun run = runAlgorithm(QStringLiteral("circularplanner:constructionsupply"), p);
  EXPECT_FALSE(run.ok);
  // Every unknown zone is named at once, not only the first.
  EXPECT_TRUE(
      run.errors.contains(QStringLiteral("zones not in the zones layer: 'Z-ATLANTIS', "
                                         "'Z-LEMURIA'")))
      << run.errors.toStdString();
}

// A district without geometry cannot be supplied: its demand stays unmet, and
// the run says which district and why (it once did so without a word).
TEST(ProcessingConstructionSupply, ADistrictWithoutGeometryIsSaid) {
  auto districtsLayer = std::make_unique<QgsVectorLayer>(sample("districts"), "districts", "ogr");
  auto* copy = districtsLayer->materialize(QgsFeatureRequest());
  copy->setName(QStringLiteral("districts_copy"));
  QgsFeature first;
  copy->getFeatures().nextFeature(first);
  copy->dataProvider()->changeGeometryValues({{first.id(), QgsGeometry()}});
  const test::ProjectLayer holder(copy);
  QVariantMap p{{QStringLiteral("DISTRICTS"), holder.id()},
                {QStringLiteral("DISTRICT_ID"), QStringLiteral("district_id")},
                {QStringLiteral("ROADS"), sample("roads")},
                {QStringLiteral("ZONES"), sample("industrial_zones")},
                {QStringLiteral("ZONE_ID"), QStringLiteral("zone_id")},
                {QStringLiteral("PRODUCTS"), sample("zone_products")},
                {QStringLiteral("COEFFICIENTS"), sample("coefficients")}};
  const AlgorithmRun run = runAlgorithm(QStringLiteral("circularplanner:constructionsupply"), p);
  ASSERT_TRUE(run.ok) << run.errors.toStdString();
  const QString district = first.attribute(QStringLiteral("district_id")).toString();
  EXPECT_TRUE(run.warnings.contains(QStringLiteral("feature %1: no geometry").arg(first.id())))
      << run.warnings.toStdString();
  EXPECT_TRUE(run.warnings.contains(district + QStringLiteral(": not joined to the network")))
      << run.warnings.toStdString();
}

// Whether the layer's renderer draws the feature on the atlas's current page.
bool drawnOnPage(QgsVectorLayer& layer, QgsPrintLayout& layout, const QgsFeature& f) {
  QgsRenderContext context;
  // As the map renders the layer: the layout's and atlas's scopes, then the layer's.
  context.setExpressionContext(layout.createExpressionContext());
  context.expressionContext().appendScope(QgsExpressionContextUtils::layerScope(&layer));
  context.expressionContext().setFeature(f);
  std::unique_ptr<QgsFeatureRenderer> renderer(layer.renderer()->clone());
  renderer->startRender(context, layer.fields());
  const bool drawn = renderer->willRenderFeature(f, context);
  renderer->stopRender(context);
  return drawn;
}

// The report's district atlas: a page per district whose numbers add up and
// agree with the supply lines, framing the district and the suppliers in the
// agglomeration (Zhambyl's quarry, 470 km west, is named instead), and
// drawing that district's supply lines only.
TEST(ReportAtlas, APagePerDistrictWithItsNumbersAndOnlyItsSupplyLines) {
  const AlgorithmRun stock =
      runAlgorithm(QStringLiteral("circularplanner:buildingstock"), districts());
  const AlgorithmRun supply =
      runAlgorithm(QStringLiteral("circularplanner:constructionsupply"), supplyWithFactors(),
                   {"DISTRICT_SUPPLY", "DISTRICT_CHANGES"});
  ASSERT_TRUE(stock.ok && supply.ok) << supply.errors.toStdString();
  QgsVectorLayer& lines = *supply.output;
  const QgsRectangle agglomeration(76.40, 43.02, 77.42, 43.92);
  const std::unique_ptr<QgsVectorLayer> pages = qgis::districtAtlasPages(
      {*stock.output, *supply.more.at("DISTRICT_SUPPLY"), lines,
       supply.more.at("DISTRICT_CHANGES").get(), QStringLiteral("urban_mining"), agglomeration});
  ASSERT_EQ(pages->featureCount(), 8);

  qgis::styleFlowLines(lines);
  qgis::drawForAtlasFeature(lines, QStringLiteral("district_id"), QStringLiteral("district_id"));
  QgsProject project;
  qgis::ReportMap spec;
  spec.title = QStringLiteral("[% \"district_id\" %]");
  spec.layers = {&lines};
  spec.numbers = qgis::districtAtlasNumbers(true);
  const std::unique_ptr<QgsPrintLayout> layout = qgis::buildAtlasLayout(project, spec, pages.get());
  QgsLayoutAtlas& atlas = *layout->atlas();
  ASSERT_TRUE(atlas.beginRender());
  ASSERT_EQ(atlas.count(), 8);
  bool offMapSaid = false;
  for (int page = 0; page < atlas.count(); ++page) {
    ASSERT_TRUE(atlas.seekTo(page));
    const QgsFeature p = atlas.layout()->reportContext().feature();
    const QString district = p.attribute("district_id").toString();
    const auto number = [&p](const char* field) { return p.attribute(field).toDouble(); };
    EXPECT_NEAR(number("zones_t") + number("demolition_t") + number("elsewhere_t"),
                number("demand_t"), 1e-6)
        << district.toStdString();
    EXPECT_NEAR(number("minerals_t") + number("metals_t") + number("biomass_t"), number("demand_t"),
                1e-6);
    const QString to = QStringLiteral("\"district_id\" = '%1'").arg(district);
    EXPECT_NEAR(number("zones_t"), sum(lines, "tonnes", to + " AND \"origin\" = 'industrial zone'"),
                1e-6);
    EXPECT_NEAR(number("demolition_t"), sum(lines, "tonnes", to + " AND \"origin\" = 'demolition'"),
                1e-6);
    EXPECT_GT(number("stock_t"), number("demand_t"));
    EXPECT_FALSE(p.attribute("co2e_t").isNull());
    // The numbers printed are the page's, with separators.
    QList<QgsLayoutItemLabel*> labels;
    layout->layoutItems(labels);
    QString printed;
    for (QgsLayoutItemLabel* label : labels)
      printed += label->currentText() + '\n';
    EXPECT_TRUE(printed.contains(QLocale().toString(number("demand_t"), 'f', 0)))
        << printed.toStdString();
    EXPECT_TRUE(printed.contains(district));
    // The page frames its suppliers in the agglomeration; the others it names.
    QgsFeature line;
    for (QgsFeatureIterator it = lines.getFeatures(); it.nextFeature(line);) {
      EXPECT_EQ(drawnOnPage(lines, *layout, line),
                line.attribute("district_id").toString() == district);
      if (line.attribute("district_id").toString() != district || line.geometry().isEmpty())
        continue;
      const QgsPointXY supplier(line.geometry().vertexAt(0));
      const bool inside = agglomeration.contains(supplier);
      EXPECT_EQ(p.geometry().boundingBox().contains(supplier), inside);
      const QString supplierId = line.attribute("supplier_id").toString();
      EXPECT_EQ(p.attribute("off_map").toString().contains(supplierId), !inside)
          << supplierId.toStdString();
      offMapSaid = offMapSaid || !inside;
    }
  }
  atlas.endRender();
  EXPECT_TRUE(offMapSaid) << "no district supplied from Zhambyl, off the map";
}

}  // namespace
}  // namespace cp
