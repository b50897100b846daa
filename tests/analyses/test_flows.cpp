// The material-flow analyses on the Almaty roads, each checked by a second
// way of getting its answer: road loads and flow lines against an independent
// OD matrix, site assessment against a candidate whose answer is known, the
// balance against hand-made flows.

#include <gtest/gtest.h>

#include <cmath>
#include <numeric>

#include "almaty_places.h"
#include "geo/routing.h"
#include "layers/analyses/compost_outlets.h"
#include "layers/analyses/construction_climate.h"
#include "layers/analyses/construction_supply.h"
#include "layers/analyses/flow_balance.h"
#include "layers/analyses/flow_lines.h"
#include "layers/analyses/road_loads.h"
#include "layers/analyses/sankey_diagram.h"
#include "layers/analyses/site_assessment.h"
#include "support/temp_files.h"

namespace cp::test {
namespace {

using layers::Flow;
using layers::MaterialClass;

class FlowsAnalysis : public OnAlmatyRoads {
 protected:
  // Flows of each class between random places, two of them repeated.
  void SetUp() override {
    zones_ = places("Z", 4, 7);
    districts_ = places("D", 6, 8);
    const MaterialClass classes[] = {MaterialClass::Minerals, MaterialClass::Metals};
    for (std::size_t z = 0; z < zones_.ids.size(); ++z)
      for (std::size_t d = 0; d < districts_.ids.size(); ++d)
        flows_.push_back({"f" + std::to_string(flows_.size()), zones_.ids[z], districts_.ids[d],
                          1000.0 * static_cast<double>(z + 1) + static_cast<double>(d),
                          classes[(z + d) % 2], "stone", "supply", "", ""});
    flows_.push_back(flows_[0]);
    flows_.back().id = "again";
    flows_.push_back({"lost", "Z0", "nowhere", 77, MaterialClass::Minerals, "", "", "", ""});
  }

  analyses::FlowsOnNetwork onNetwork(layers::Diagnostics& diagnostics) const {
    const std::vector<analyses::FlowPlaceLayer> layers{{zones_, "zone_id"},
                                                       {districts_, "district_id"}};
    return analyses::joinFlows(
        network(), analyses::placeFlows(layers, flows_, "flows", diagnostics), {}, diagnostics);
  }

  // km by road from every place to every place, by the matrix.
  geo::OdMatrix matrix(const analyses::FlowsOnNetwork& flows) const {
    const auto locations = flows.snapped.locations();
    return geo::odMatrix(network(), locations, locations);
  }

  layers::PointData zones_, districts_;
  std::vector<Flow> flows_;
};

TEST_F(FlowsAnalysis, AFlowNamingNoPlaceIsLeftOutAndSaid) {
  layers::Diagnostics diagnostics;
  const analyses::FlowsOnNetwork flows = onNetwork(diagnostics);
  EXPECT_EQ(flows.placed.flows.size(), flows_.size() - 1);
  EXPECT_EQ(flows.placed.unplaced, 1U);
  EXPECT_DOUBLE_EQ(flows.placed.unplacedTonnes, 77);
  ASSERT_FALSE(diagnostics.empty());
  EXPECT_NE(diagnostics.all().back().message.find("'nowhere' (flows lost; 77 t)"),
            std::string::npos)
      << diagnostics.all().back().message;
}

// The report's methane and CO2e rows name places too, but nothing of them
// travels by road: they are left out and said, and never added to tonnes.
TEST_F(FlowsAnalysis, FlowsInAnotherUnitAreNotCarriedOnRoads) {
  flows_.push_back(flows_[1]);
  flows_.back().id = "methane";
  flows_.back().unit = "t CH4";
  layers::Diagnostics diagnostics;
  const analyses::FlowsOnNetwork flows = onNetwork(diagnostics);
  for (const Flow& f : flows.placed.flows)
    EXPECT_NE(f.id, "methane");
  EXPECT_EQ(flows.placed.unplaced, 1u);  // only 'lost'
  EXPECT_DOUBLE_EQ(flows.placed.unplacedTonnes, 77);
  ASSERT_FALSE(diagnostics.empty());
  const std::string& said = diagnostics.all().front().message;
  EXPECT_NE(said.find("1 flow in t CH4 (methane): not material"), std::string::npos) << said;
}

TEST_F(FlowsAnalysis, RoadLoadsAddUpToTheFlowsTonneKmByTheMatrix) {
  layers::Diagnostics diagnostics;
  const analyses::FlowsOnNetwork flows = onNetwork(diagnostics);
  const geo::OdMatrix km = matrix(flows);
  double expected = 0;
  for (std::size_t k = 0; k < flows.placed.flows.size(); ++k)
    expected += flows.placed.flows[k].tonnes *
                km.at(flows.placed.ends[k].first, flows.placed.ends[k].second).distanceM / 1000;
  const analyses::RoadLoadsResult loads = analyses::roadLoads(network(), flows);
  EXPECT_EQ(loads.routed, flows.placed.flows.size());
  EXPECT_NEAR(loads.tonneKm, expected, 1e-9 * expected);
  double perClass = 0;  // the classes' tonnes add up to each segment's
  for (const layers::ResultRow& row : loads.segments.rows) {
    double classes = 0;
    for (std::size_t i = 3; i < row.values.size(); ++i)
      classes += std::get<double>(row.values[i]);
    EXPECT_NEAR(classes, std::get<double>(row.values[1]), 1e-6);
    perClass += classes;
  }
  EXPECT_GT(perClass, 0);
}

TEST_F(FlowsAnalysis, AggregatedFlowLinesKeepTheTonnesAndTheirRoadKm) {
  layers::Diagnostics diagnostics;
  const analyses::FlowsOnNetwork flows = onNetwork(diagnostics);
  const geo::OdMatrix km = matrix(flows);
  analyses::FlowLinesOptions options;
  options.aggregate = true;
  options.shape = analyses::FlowShape::Routed;
  const analyses::FlowLinesResult lines = analyses::flowLines(network(), flows, options);
  EXPECT_EQ(lines.drawn, flows.placed.flows.size() - 1);  // "again" joins f0
  double tonnes = 0;
  for (const Flow& f : flows.placed.flows)
    tonnes += f.tonnes;
  EXPECT_DOUBLE_EQ(lines.tonnes, tonnes);
  const layers::ResultRow& first = lines.lines.rows.front();
  EXPECT_EQ(std::get<std::string>(first.values[0]), "f0,again");
  EXPECT_DOUBLE_EQ(std::get<double>(first.values[7]), 2 * flows_[0].tonnes);
  EXPECT_NEAR(std::get<double>(first.values[8]),
              km.at(flows.placed.ends[0].first, flows.placed.ends[0].second).distanceM / 1000,
              1e-9);
  // A routed line runs along the route: as long as the road km, measured on the
  // ellipsoid, up to the UTM zone's scale (within 0.1 %, its planar length).
  const double roadKm = std::get<double>(first.values[8]);
  EXPECT_NEAR(dynamic_cast<const OGRLineString&>(*first.geometry).get_Length() / 1000, roadKm,
              1e-3 * roadKm);
}

TEST_F(FlowsAnalysis, ACandidateAtTheOriginChangesNothingAndTheRankingIsByTonneKm) {
  layers::Diagnostics diagnostics;
  analyses::FlowsOnNetwork flows = onNetwork(diagnostics);
  // Only the flows from Z0: a facility at Z0 delivers them as they go today.
  std::vector<Flow> fromZ0;
  std::vector<std::pair<std::size_t, std::size_t>> ends;
  for (std::size_t k = 0; k < flows.placed.flows.size(); ++k)
    if (flows.placed.flows[k].origin == "Z0") {
      fromZ0.push_back(flows.placed.flows[k]);
      ends.push_back(flows.placed.ends[k]);
    }
  flows.placed.flows = fromZ0;
  flows.placed.ends = ends;
  layers::PointData candidates = places("C", 3, 9);
  candidates.ids.push_back("at Z0");
  candidates.xy.push_back(zones_.xy[0]);
  candidates.lonLat.push_back(zones_.lonLat[0]);
  const analyses::SiteAssessmentResult r = analyses::assessSites(network(), flows, candidates, {});
  EXPECT_NEAR(r.newTonneKm[3], r.baselineTonneKm, 1e-9 * r.baselineTonneKm);
  for (std::size_t i = 1; i < r.ranking.size(); ++i)
    EXPECT_LE(r.newTonneKm[r.ranking[i - 1]], r.newTonneKm[r.ranking[i]]);
  EXPECT_EQ(r.candidates.rows.size(), 4U);
  // Inputs from the origins: each tonne delivered brings half a tonne from Z0.
  analyses::SiteAssessmentOptions withInputs;
  withInputs.inputRatio = 0.5;
  const analyses::SiteAssessmentResult w =
      analyses::assessSites(network(), flows, candidates, withInputs);
  EXPECT_NEAR(w.newTonneKm[3], r.newTonneKm[3], 1e-6);  // from Z0 to Z0: no km
  EXPECT_GT(w.newTonneKm[0], r.newTonneKm[0]);
}

TEST_F(FlowsAnalysis, ACanceledRunGivesNothing) {
  layers::Diagnostics diagnostics;
  const analyses::FlowsOnNetwork flows = onNetwork(diagnostics);
  geo::Feedback feedback;
  feedback.cancel();
  EXPECT_THROW(analyses::flowLines(network(), flows, {}, &feedback), geo::Canceled);
  EXPECT_THROW(analyses::roadLoads(network(), flows, &feedback), geo::Canceled);
  EXPECT_THROW(analyses::assessSites(network(), flows, places("C", 2, 3), {}, &feedback),
               geo::Canceled);
  // Compost to farmland: an exact allocation after the matrix, both stopped.
  const layers::PointData sites = places("S", 3, 4);
  const layers::PointData parcels = places("P", 20, 5);
  layers::AreaShapes areas;
  areas.shapes.resize(parcels.ids.size());
  areas.hectares.assign(parcels.ids.size(), 10);
  const analyses::CompostOutletsInput compost{
      network(), sites, {1000, 2000, 3000}, parcels, std::vector<double>(20, 5.0), areas};
  analyses::CompostOutletsOptions options;
  options.yield = 0.4;
  EXPECT_GT(analyses::placeCompost(compost, options).placed, 0);
  EXPECT_THROW(analyses::placeCompost(compost, options, &feedback), geo::Canceled);
}

TEST(FlowBalanceAnalysis, NodesBalanceWithinTheirGroupAndStockCounts) {
  const std::vector<Flow> flows{
      {"1", "mine", "city", 100, MaterialClass::Minerals, "", "", "", "construction"},
      {"2", "city", "stock", 60, MaterialClass::Minerals, "", "", "", "construction"},
      {"3", "city", "landfill", 30, MaterialClass::Minerals, "", "", "", "construction"},
      {"4", "farm", "city", 10, MaterialClass::Biomass, "", "", "", "food"},
      {"5", "city", "sewer", 10, MaterialClass::Biomass, "", "", "", "food"}};
  const analyses::FlowBalanceResult r = analyses::balanceFlows(flows, {}, "flows");
  ASSERT_EQ(r.unbalanced, 1U);  // construction's city: 100 in, 30 out, 60 to stock
  ASSERT_EQ(r.diagnostics.all().size(), 1U);
  EXPECT_EQ(r.diagnostics.all()[0].message,
            "construction node 'city': 100 t in, 30 t out, 60 t to stock: 10 t unaccounted for");
  for (std::size_t i = 0; i < r.nodes.size(); ++i) {
    if (r.nodes[i].node == "city" && r.nodes[i].group == "food") {
      EXPECT_TRUE(r.balanced[i]);
    }
  }
  EXPECT_EQ(analyses::flowBalanceTable(r).rows.size(), r.nodes.size());
  analyses::FlowBalanceOptions lenient;
  lenient.tolerance = 0.1;
  EXPECT_EQ(analyses::balanceFlows(flows, lenient, "flows").unbalanced, 0U);
}

// The report's agri-food view: organic waste to the landfill in tonnes, the
// landfill's methane in t CH4 (EN:1573, 1583). One diagram shows one unit.
TEST(SankeyAnalysis, OneDiagramDrawsOneUnitAndSaysWhatItLeavesOut) {
  std::vector<Flow> flows{
      {"M17", "city", "landfill", 600000, MaterialClass::Biomass, "", "", "", "agri_food"},
      {"M18", "landfill", "atmosphere", 35000, MaterialClass::Emissions, "", "", "", "agri_food"},
      {"G01", "city", "atmosphere", 12e6, MaterialClass::Emissions, "", "", "", "city_total"}};
  flows[1].unit = "t CH4";
  flows[2].unit = "t CO2e";
  analyses::SankeyDiagramOptions options;
  options.group = "agri_food";
  const analyses::SankeyDiagram tonnes = analyses::drawSankey(flows, options, "flows");
  EXPECT_EQ(tonnes.layout.links.size(), 1U);
  ASSERT_EQ(tonnes.diagnostics.all().size(), 1U);
  EXPECT_NE(tonnes.diagnostics.all()[0].message.find("1 flow in t CH4 (M18): not drawn"),
            std::string::npos)
      << tonnes.diagnostics.all()[0].message;
  options.unit = "t CH4";
  EXPECT_EQ(analyses::drawSankey(flows, options, "flows").layout.links.size(), 1U);
  options.group = "city_total";
  options.unit = layers::kMassUnit;
  EXPECT_THROW(analyses::drawSankey(flows, options, "flows"), layers::OptionError);
}

// What a diagram leaves out is named under it, in its own unit; emissions
// given in tonnes are no materials either (EN:1401: 12 Mt CO2e of emissions
// beside 11 Mt of materials); nodes without a name are said.
TEST(SankeyAnalysis, WhatIsLeftOutIsNamedUnderTheDiagram) {
  std::vector<Flow> flows{{"M17", "city", "disposal_sites", 600000, MaterialClass::Biomass,
                           "organic waste", "", "", "agri_food"},
                          {"M18", "disposal_sites", "atmosphere", 35000, MaterialClass::Emissions,
                           "methane", "", "", "agri_food"},
                          {"X1", "city", "atmosphere", 20000, MaterialClass::Emissions,
                           "CO2 of the trucks", "", "", "agri_food"},
                          {"M08", "mountains_and_wells", "city", 225000, MaterialClass::Water,
                           "drinking water", "", "", "agri_food"}};
  flows[1].unit = "t CH4";
  flows[3].unit = "m3";
  analyses::SankeyDiagramOptions options;
  options.drawing.names = {{"city", "Almaty city"}, {"disposal_sites", "Karasai landfill"}};
  const analyses::SankeyDiagram d = analyses::drawSankey(flows, options, "flows");
  ASSERT_EQ(d.layout.links.size(), 1U);
  EXPECT_NE(d.svg.find("methane, Karasai landfill → Atmosphere: 35 kt CH4"), std::string::npos)
      << d.svg;
  EXPECT_NE(d.svg.find("drinking water, Mountains and wells → Almaty city: 225,000 m3"),
            std::string::npos);
  EXPECT_NE(d.svg.find("CO2 of the trucks, Almaty city → Atmosphere: 20 kt"), std::string::npos);
  std::string said;
  for (const auto& m : d.diagnostics.all())
    said += m.message + "\n";
  EXPECT_NE(said.find("1 emission flow in tonnes: not drawn among materials"), std::string::npos)
      << said;
  EXPECT_NE(said.find("1 flow in m3 (M08): not drawn"), std::string::npos) << said;
  // Every drawn node is named: no warning about names.
  EXPECT_EQ(said.find("without a name"), std::string::npos) << said;
  options.drawing.names.erase("disposal_sites");
  const analyses::SankeyDiagram unnamed = analyses::drawSankey(flows, options, "flows");
  EXPECT_NE(unnamed.diagnostics.all().back().message.find(
                "nodes without a name in the names given (disposal_sites)"),
            std::string::npos);
  EXPECT_NE(unnamed.svg.find(">Disposal sites 600 kt<"), std::string::npos) << unnamed.svg;
}

// Each view is drawn in material tonnes where it has materials in tonnes,
// else in its own unit: a view of water alone is drawn in m3, not refused.
// A node whose drawn flows out do not add up to those in says so under the
// diagram (the report's city takes in 11 Mt and passes on 1.8 Mt in tonnes);
// a balanced node, a source and a sink say nothing.
TEST(SankeyAnalysis, ANodeWhoseOutflowsMissPartOfItsInflowsIsNamed) {
  std::vector<Flow> flows{
      {"I1", "outside", "city", 11e6, MaterialClass::Mixed, "", "", "", ""},
      {"O1", "city", "stock", 1.7e6, MaterialClass::Mixed, "", "", "", ""},
      {"O2", "city", "recycling", 113000, MaterialClass::Mixed, "", "", "", ""},
      {"O3", "stock", "demolition", 1.7e6, MaterialClass::Mixed, "", "", "", ""}};
  analyses::SankeyDiagramOptions options;
  options.drawing.names = {{"city", "Almaty city"}};
  const analyses::SankeyDiagram d = analyses::drawSankey(flows, options, "flows");
  EXPECT_NE(d.svg.find("Almaty city: 11.00 Mt in, 1.81 Mt out; 9.19 Mt more in than out"),
            std::string::npos)
      << d.svg;
  EXPECT_EQ(d.svg.find("Stock: 1.70 Mt in"), std::string::npos) << "a balanced node";
  flows[0].tonnes = 1.813e6;
  EXPECT_EQ(analyses::drawSankey(flows, options, "flows").svg.find("In and out differ"),
            std::string::npos);
}

TEST(SankeyAnalysis, EachViewIsDrawnInTheUnitOfItsMaterials) {
  std::vector<Flow> flows{
      {"W1", "mountains", "city", 8.6e6, MaterialClass::Water, "", "", "", "water"},
      {"M18", "landfill", "atmosphere", 35000, MaterialClass::Emissions, "", "", "", "agri_food"},
      {"M17", "city", "landfill", 600000, MaterialClass::Biomass, "", "", "", "agri_food"}};
  flows[0].unit = "m3";
  flows[1].unit = "t CH4";
  const std::vector<analyses::SankeyView> views = analyses::sankeyViews(flows);
  ASSERT_EQ(views.size(), 2U);
  EXPECT_EQ(views[0].group, "water");
  EXPECT_EQ(views[0].unit, "m3");
  EXPECT_EQ(views[1].group, "agri_food");
  EXPECT_EQ(views[1].unit, layers::kMassUnit);
}

}  // namespace
}  // namespace cp::test

namespace cp::test {
namespace {

class ConstructionAnalysis : public OnAlmatyRoads {
 protected:
  void SetUp() override {
    zones_ = places("Z", 2, 11);
    districts_ = places("D", 4, 12);
    products_.table = "products";
    products_.zoneField = "zone_id";
    products_.classField = "material_class";
    const std::tuple<const char*, const char*, double> rows[] = {
        {"Z0", "minerals", 1e9}, {"Z1", "biomass", 5000}, {"Z1", "fossil_fuels", 500}};
    for (const auto& [zone, materialClass, capacity] : rows) {
      products_.rows.push_back(std::to_string(products_.rows.size()));
      products_.zones.push_back(zone);
      products_.classes.push_back(materialClass);
      products_.capacity.push_back(capacity);
    }
    for (std::size_t d = 0; d < districts_.ids.size(); ++d) {
      layers::DistrictFloorArea floor;
      floor.growthResidential = 10000.0 * static_cast<double>(d + 1);
      floor.demolition = 5000;
      floors_.push_back(floor);
    }
  }

  analyses::ConstructionSupplyResult supply(bool mining) const {
    analyses::ConstructionSupplyOptions options;
    options.coefficients = coefficients();
    options.urbanMining = mining;
    return analyses::supplyConstruction({network(), zones_, products_, districts_, floors_},
                                        options);
  }

  static layers::StockCoefficients coefficients() {
    layers::Diagnostics diagnostics;
    return layers::stockCoefficients(
        layers::readFactorTable(layers::LayerRef::parse(sampleLayer("coefficients")), diagnostics));
  }

  layers::PointData zones_, districts_;
  analyses::ZoneProducts products_;
  std::vector<layers::DistrictFloorArea> floors_;
};

// Demand at the report's intensities; ample minerals all supplied, wood up to
// the zone's capacity, metals only from demolitions; classes that build
// nothing are said.
TEST_F(ConstructionAnalysis, EachClassIsSuppliedUpToWhatIsOffered) {
  const layers::StockCoefficients c = coefficients();
  const double floor = 10000.0 * (1 + 2 + 3 + 4);
  const analyses::ConstructionSupplyResult plain = supply(false);
  EXPECT_NEAR(plain.total.demand(), floor * c.newBuild.total(), 1e-6);
  EXPECT_NEAR(plain.total.supplied(), floor * c.newBuild.minerals + 5000, 1e-6);
  EXPECT_DOUBLE_EQ(plain.total.secondary(), 0);
  // Each district's demolitions free less than it needs of every class: all of
  // it is used, at home (0 km). Minerals were met already; metals and wood
  // gain what is freed.
  const analyses::ConstructionSupplyResult mined = supply(true);
  const layers::ConstructionMaterials freed = layers::districtStock(floors_[0], c).recoverable;
  EXPECT_NEAR(mined.total.secondary(), 4 * freed.total(), 1e-6);
  EXPECT_NEAR(mined.total.supplied(), plain.total.supplied() + 4 * (freed.metals + freed.biomass),
              1e-6);
  EXPECT_LT(mined.total.tonneKm, plain.total.tonneKm);  // minerals freed at home are not hauled
  // The districts' tonnes add up to the totals, class by class.
  for (std::size_t k = 0; k < 3; ++k) {
    double demand = 0, primary = 0;
    for (const analyses::SupplyMix& district : mined.byDistrict) {
      demand += district.byClass[k].demand;
      primary += district.byClass[k].primary;
    }
    EXPECT_NEAR(demand, mined.total.byClass[k].demand, 1e-6);
    EXPECT_NEAR(primary, mined.total.byClass[k].primary, 1e-6);
  }
  ASSERT_FALSE(plain.diagnostics.empty());
  EXPECT_NE(plain.diagnostics.all().back().message.find("not a construction class"),
            std::string::npos);
}

// With a storage depot, every tonne the demolitions free is hauled there
// first, and offered from there: the same tonnes used, on longer hauls than
// at home.
TEST_F(ConstructionAnalysis, WithADepotWhatDemolitionsFreeIsStoredThereFirst) {
  const layers::PointData depots = places("S", 1, 13);
  analyses::ConstructionSupplyOptions options;
  options.coefficients = coefficients();
  analyses::ConstructionSupplyInput input{network(), zones_, products_, districts_, floors_};
  input.depots = &depots;
  const analyses::ConstructionSupplyResult stored = analyses::supplyConstruction(input, options);
  const layers::ConstructionMaterials freed =
      layers::districtStock(floors_[0], options.coefficients).recoverable;
  // Fields: supplier_id, district_id, material_class, origin, tonnes, road_km, tonne_km, co2_t.
  double toStorage = 0, fromStorage = 0, tonneKm = 0;
  for (const layers::ResultRow& row : stored.lines.rows) {
    const std::string origin = std::get<std::string>(row.values[3]);
    const double tonnes = std::get<double>(row.values[4]);
    tonneKm += std::get<double>(row.values[6]);
    EXPECT_NE(origin, "demolition") << "nothing goes straight from one district to another";
    if (origin == "demolition, to storage") {
      toStorage += tonnes;
      EXPECT_EQ(std::get<std::string>(row.values[1]), "S0");
    } else if (origin == "storage") {
      fromStorage += tonnes;
      EXPECT_EQ(std::get<std::string>(row.values[0]), "S0");
    }
  }
  EXPECT_NEAR(toStorage, 4 * freed.total(), 1e-6);
  EXPECT_NEAR(fromStorage, stored.total.secondary(), 1e-6);
  EXPECT_NEAR(stored.total.secondary(), supply(true).total.secondary(), 1e-6);
  EXPECT_NEAR(tonneKm, stored.total.tonneKm, 1e-6 * tonneKm);
  EXPECT_GT(stored.total.tonneKm, supply(true).total.tonneKm);
}

layers::FactorTable constructionFactors() {
  layers::Diagnostics diagnostics;
  layers::FactorRows rows("Factors", diagnostics);
  const std::tuple<const char*, const char*, double> factors[] = {
      {"embodied.minerals", "t CO2e/t", 0.1}, {"embodied.metals", "t CO2e/t", 2},
      {"embodied.biomass", "t CO2e/t", 0.3},  {"secondary.minerals", "t CO2e/t", 0.01},
      {"secondary.metals", "t CO2e/t", 0.5},  {"secondary.biomass", "t CO2e/t", 0.05},
      {"truck", "kg CO2e/tkm", 0.1},          {"rail_freight", "kg CO2e/tkm", 0.02}};
  for (const auto& [key, unit, value] : factors)
    rows.add({key, key, "", unit, value / 2, value, value * 2, "", "test"});
  return rows.finish();
}

// t CO2e of hauling what a supply buys elsewhere to the city, at the test
// factors (truck 0.1, rail 0.02 kg CO2e/tkm), worked class by class.
double importHauls(const analyses::SupplyMix& mix, const layers::ImportHauls& hauls) {
  const double km[] = {hauls.km.minerals, hauls.km.metals, hauls.km.biomass};
  const double rail[] = {hauls.railShare.minerals, hauls.railShare.metals, hauls.railShare.biomass};
  double kg = 0;
  for (std::size_t k = 0; k < 3; ++k)
    kg += mix.byClass[k].unmet() * km[k] * (rail[k] * 0.02 + (1 - rail[k]) * 0.1);
  return kg / 1000;
}

// Every tonne needed is made: the zones' and what is bought elsewhere at the
// embodied factor, what demolitions free at the secondary one; urban mining
// saves (embodied - secondary) on each tonne it supplies, and the hauls it spares.
TEST_F(ConstructionAnalysis, UrbanMiningSavesThePrimaryProductionItReplaces) {
  const layers::StockCoefficients c = coefficients();
  const layers::FactorTable factors = constructionFactors();
  ASSERT_TRUE(analyses::hasConstructionFactors(factors));
  analyses::ConstructionSupplyOptions options;
  options.coefficients = c;
  const analyses::ConstructionClimateResult r = analyses::constructionClimate(
      {network(), zones_, products_, districts_, floors_}, options, factors, "truck");
  const double floor = 10000.0 * (1 + 2 + 3 + 4);
  const double allPrimary =
      floor * (0.1 * c.newBuild.minerals + 2 * c.newBuild.metals + 0.3 * c.newBuild.biomass);
  const auto transport = [&c](const analyses::ConstructionSupplyResult& s) {
    return s.total.tonneKm * 0.1 / 1000 + importHauls(s.total, *c.imports);
  };
  EXPECT_NEAR(r.balance.co2e(analyses::kPrimaryOnly).central, allPrimary + transport(r.primaryOnly),
              1e-6);
  // Each district frees less than it needs of every class, and uses all of it.
  const layers::ConstructionMaterials freed = layers::districtStock(floors_[0], c).recoverable;
  const double saved =
      4 * ((0.1 - 0.01) * freed.minerals + (2 - 0.5) * freed.metals + (0.3 - 0.05) * freed.biomass);
  EXPECT_NEAR(r.balance.co2e(analyses::kUrbanMining).central,
              allPrimary - saved + transport(r.urbanMining), 1e-6);
  EXPECT_NEAR(r.urbanMiningChange(), -saved + transport(r.urbanMining) - transport(r.primaryOnly),
              1e-6);
  EXPECT_LT(r.urbanMiningChange(), 0);
  // Low and high carried through: every factor at half, or twice, its central.
  const layers::Range all = r.balance.co2e(analyses::kUrbanMining);
  EXPECT_NEAR(all.low, all.central / 2, 1e-6);
  EXPECT_NEAR(all.high, all.central * 2, 1e-6);
  // What no supplier here covers is bought elsewhere, and still counted.
  for (const analyses::ClassSupply& s : r.primaryOnly.total.byClass)
    EXPECT_NEAR(s.primary + s.secondary + s.unmet(), s.demand, 1e-9);
}

// Half the new floor in timber: the districts need the blend of the two
// buildings' intensities; each class's change in demand is made (or not) at
// its embodied factor, since the demolitions supply as much as before, and
// hauled: the extra wood bought elsewhere comes from afar.
TEST_F(ConstructionAnalysis, ATimberShareBuildsWithLessConcreteAndSteelAndMoreWood) {
  const layers::StockCoefficients c = coefficients();
  ASSERT_TRUE(c.timberBuild);
  analyses::ConstructionSupplyOptions options;
  options.coefficients = c;
  const analyses::ConstructionClimateResult r =
      analyses::constructionClimate({network(), zones_, products_, districts_, floors_}, options,
                                    constructionFactors(), "truck", 0.5);
  ASSERT_TRUE(r.withTimber);
  const double floor = 10000.0 * (1 + 2 + 3 + 4);
  const layers::ConstructionMaterials& timber = *c.timberBuild;
  const double more[] = {floor * 0.5 * (timber.minerals - c.newBuild.minerals),
                         floor * 0.5 * (timber.metals - c.newBuild.metals),
                         floor * 0.5 * (timber.biomass - c.newBuild.biomass)};
  const double embodied[] = {0.1, 2, 0.3};
  double change = (r.withTimber->total.tonneKm - r.urbanMining.total.tonneKm) * 0.1 / 1000 +
                  importHauls(r.withTimber->total, *c.imports) -
                  importHauls(r.urbanMining.total, *c.imports);
  for (std::size_t k = 0; k < 3; ++k) {
    const analyses::ClassSupply &timbered = r.withTimber->total.byClass[k],
                                &before = r.urbanMining.total.byClass[k];
    EXPECT_NEAR(timbered.demand, before.demand + more[k], 1e-6);
    EXPECT_NEAR(timbered.secondary, before.secondary, 1e-6);
    change += more[k] * embodied[k];
  }
  EXPECT_GT(more[2], 0) << "timber buildings hold more wood";
  EXPECT_NEAR(*r.timberChange(), change, 1e-6);
  // Cradle to gate, wood hauled 1,700 km can cost what the concrete and steel
  // it replaces save; with wood from nearby (no imports' hauls) timber saves.
  options.coefficients.imports.reset();
  const analyses::ConstructionClimateResult local =
      analyses::constructionClimate({network(), zones_, products_, districts_, floors_}, options,
                                    constructionFactors(), "truck", 0.5);
  EXPECT_LT(*local.timberChange(), *r.timberChange());
  EXPECT_LT(*local.timberChange(), 0);
  EXPECT_THROW(analyses::constructionClimate({network(), zones_, products_, districts_, floors_},
                                             options, constructionFactors(), "truck", 1.5),
               layers::OptionError);
}

// Buying every tonne elsewhere is the baseline the zones are weighed against:
// all of it at the embodied factors and hauled to the city at the
// coefficients' distances, by rail and road in their shares. The zones make
// the same tonnes: they change the hauls alone.
TEST_F(ConstructionAnalysis, TheZonesAreWeighedAgainstBuyingEveryTonneElsewhere) {
  const layers::StockCoefficients c = coefficients();
  ASSERT_TRUE(c.imports);
  analyses::ConstructionSupplyOptions options;
  options.coefficients = c;
  const analyses::ConstructionSupplyInput input{network(), zones_, products_, districts_, floors_};
  const analyses::ConstructionClimateResult r =
      analyses::constructionClimate(input, options, constructionFactors(), "truck");
  ASSERT_TRUE(r.boughtElsewhere);
  EXPECT_EQ(r.baseline(), analyses::kBoughtElsewhere);
  EXPECT_DOUBLE_EQ(r.boughtElsewhere->total.tonneKm, 0);
  const double floor = 10000.0 * (1 + 2 + 3 + 4);
  const layers::ImportHauls& h = *c.imports;
  const auto kgPerTkm = [](double rail) { return rail * 0.02 + (1 - rail) * 0.1; };
  const double hauls = floor *
                       (c.newBuild.minerals * h.km.minerals * kgPerTkm(h.railShare.minerals) +
                        c.newBuild.metals * h.km.metals * kgPerTkm(h.railShare.metals) +
                        c.newBuild.biomass * h.km.biomass * kgPerTkm(h.railShare.biomass)) /
                       1000;
  const double allPrimary =
      floor * (0.1 * c.newBuild.minerals + 2 * c.newBuild.metals + 0.3 * c.newBuild.biomass);
  EXPECT_NEAR(r.balance.co2e(analyses::kBoughtElsewhere).central, allPrimary + hauls, 1e-6);
  const analyses::SupplyMix& zones = r.primaryOnly.total;
  ASSERT_TRUE(r.zonesChange());
  EXPECT_NEAR(*r.zonesChange(), zones.tonneKm * 0.1 / 1000 + importHauls(zones, h) - hauls, 1e-6);
  EXPECT_LT(*r.zonesChange(), 0) << "the zones are nearer than Zhambyl";
  // Half the zones' capacity: half the zone's wood, the rest bought elsewhere.
  options.zoneShare = 0.5;
  EXPECT_NEAR(analyses::supplyConstruction(input, options).total.byClass[2].primary, 2500, 1e-6);
  options.zoneShare = 1.5;
  EXPECT_THROW(analyses::supplyConstruction(input, options), layers::OptionError);
}

// The districts' changes against the baseline add up to each scenario's, and
// each row's t CO2e is its own tonnes at the factors.
TEST_F(ConstructionAnalysis, TheDistrictsChangesAddUpToTheScenarios) {
  const layers::StockCoefficients c = coefficients();
  analyses::ConstructionSupplyOptions options;
  options.coefficients = c;
  const analyses::ConstructionClimateResult r =
      analyses::constructionClimate({network(), zones_, products_, districts_, floors_}, options,
                                    constructionFactors(), "truck", 0.5);
  const layers::ResultTable& table = r.districtChanges;
  ASSERT_EQ(table.name, "construction_district_changes");
  // Fields: scenario, district_id, demand_t, zones_t, demolition_t,
  // elsewhere_t, co2e_t, baseline_co2e_t, change_t.
  const auto number = [](const layers::ResultRow& row, std::size_t field) {
    return std::get<double>(row.values[field]);
  };
  for (const char* scenario :
       {analyses::kPrimaryOnly, analyses::kUrbanMining, analyses::kUrbanMiningAndTimber}) {
    double change = 0;
    for (const layers::ResultRow& row : table.rows)
      if (std::get<std::string>(row.values[0]) == scenario)
        change += number(row, 8);
    EXPECT_NEAR(change, r.balance.co2e(scenario).central - r.balance.co2e(r.baseline()).central,
                1e-6)
        << scenario;
  }
  for (const layers::ResultRow& row : table.rows) {
    EXPECT_NE(std::get<std::string>(row.values[0]), r.baseline());
    EXPECT_NEAR(number(row, 3) + number(row, 4) + number(row, 5), number(row, 2), 1e-6);
    EXPECT_DOUBLE_EQ(number(row, 8), number(row, 6) - number(row, 7));
  }
}

// Emission factors without the construction classes' rows (a table for the
// trucks alone) compute no balance, and say so.
TEST_F(ConstructionAnalysis, WithoutTheClassesFactorsNoBalanceIsComputedAndThatIsSaid) {
  layers::Diagnostics diagnostics;
  layers::FactorRows rows("Trucks", diagnostics);
  rows.add({"1", "truck", "", "kg CO2e/tkm", 0.1, 0.1, 0.1, "", "test"});
  const layers::FactorTable trucks = rows.finish();
  analyses::ConstructionSupplyOptions options;
  options.coefficients = coefficients();
  const analyses::ConstructionSupplyInput input{network(), zones_, products_, districts_, floors_};
  EXPECT_FALSE(analyses::climateOfSupply(input, options, nullptr, "truck", 0, diagnostics));
  EXPECT_TRUE(diagnostics.empty());
  // A timber share without factors has nothing to weigh, and is said so.
  EXPECT_FALSE(analyses::climateOfSupply(input, options, nullptr, "truck", 0.3, diagnostics));
  ASSERT_EQ(diagnostics.all().size(), 1u);
  EXPECT_NE(diagnostics.all()[0].message.find("needs emission factors"), std::string::npos);
  EXPECT_FALSE(analyses::climateOfSupply(input, options, &trucks, "truck", 0, diagnostics));
  ASSERT_FALSE(diagnostics.empty());
  EXPECT_NE(diagnostics.all().back().message.find("not computed"), std::string::npos);
  EXPECT_EQ(diagnostics.all().back().layer, "Trucks");
}

// Without the factor of rail freight, or the coefficients' import rows, the
// hauls of what is bought elsewhere are left out, and that is said.
TEST_F(ConstructionAnalysis, WithoutTheImportsHaulsBuyingElsewhereIsNotWeighedAndThatIsSaid) {
  layers::Diagnostics diagnostics;
  layers::FactorRows rows("No rail", diagnostics);
  const layers::FactorTable all = constructionFactors();
  for (const char* key : {"embodied.minerals", "embodied.metals", "embodied.biomass",
                          "secondary.minerals", "secondary.metals", "secondary.biomass", "truck"}) {
    const layers::Factor& f = *all.find(key);
    rows.add({key, key, "", f.unitText, f.value.low, f.value.central, f.value.high, "", "test"});
  }
  const layers::FactorTable noRail = rows.finish();
  analyses::ConstructionSupplyOptions options;
  options.coefficients = coefficients();
  const analyses::ConstructionSupplyInput input{network(), zones_, products_, districts_, floors_};
  auto r = analyses::climateOfSupply(input, options, &noRail, "truck", 0, diagnostics);
  ASSERT_TRUE(r);
  EXPECT_FALSE(r->boughtElsewhere);
  EXPECT_EQ(r->baseline(), analyses::kPrimaryOnly);
  ASSERT_FALSE(diagnostics.empty());
  EXPECT_NE(diagnostics.all().back().message.find("no rail_freight row"), std::string::npos);
  EXPECT_EQ(diagnostics.all().back().layer, "No rail");
  options.coefficients.imports.reset();
  r = analyses::climateOfSupply(input, options, &all, "truck", 0, diagnostics);
  ASSERT_TRUE(r);
  EXPECT_FALSE(r->zonesChange());
  EXPECT_NE(diagnostics.all().back().message.find("import_haul_km"), std::string::npos);
}

TEST_F(ConstructionAnalysis, AProductOfAnUnknownZoneIsAnError) {
  products_.zones[0] = "Z9";
  EXPECT_THROW(supply(true), layers::InputError);
}

}  // namespace
}  // namespace cp::test
