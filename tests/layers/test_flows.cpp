#include <gtest/gtest.h>

#include <map>

#include "layers/flow_reader.h"
#include "layers/flows.h"

namespace cp::layers {
namespace {

Flow flow(const char* from, const char* to, double tonnes, const char* group = "g") {
  Flow f;
  f.origin = from;
  f.destination = to;
  f.tonnes = tonnes;
  f.group = group;
  return f;
}

const NodeBalance& find(const std::vector<NodeBalance>& all, const std::string& group,
                        const std::string& node) {
  for (const NodeBalance& b : all)
    if (b.group == group && b.node == node)
      return b;
  throw std::runtime_error("no balance for " + node);
}

TEST(Flows, MaterialClassesParseInTheirUsualSpellings) {
  EXPECT_EQ(parseMaterialClass("fossil fuels"), MaterialClass::FossilFuels);
  EXPECT_EQ(parseMaterialClass("Fossil-Fuels"), MaterialClass::FossilFuels);
  EXPECT_EQ(parseMaterialClass(" minerals "), MaterialClass::Minerals);
  EXPECT_FALSE(parseMaterialClass("plutonium"));
  EXPECT_FALSE(parseMaterialClass(""));
  for (MaterialClass c : allMaterialClasses())
    EXPECT_EQ(parseMaterialClass(materialClassName(c)), c);
}

// A processing plant takes 100 t, sends 70 t on and adds 30 t to its stock:
// balanced. Its supplier and customers are the boundary.
TEST(Flows, ABalancedPlantHasNoImbalance) {
  const auto b = balances(
      {flow("quarry", "plant", 100), flow("plant", "city", 70), flow("plant", "stock", 30)},
      {"stock"});
  const NodeBalance plant = find(b, "g", "plant");
  EXPECT_FALSE(plant.boundary);
  EXPECT_DOUBLE_EQ(plant.in, 100);
  EXPECT_DOUBLE_EQ(plant.out, 70);
  EXPECT_DOUBLE_EQ(plant.stockChange, 30);
  EXPECT_DOUBLE_EQ(plant.imbalance(), 0);
  EXPECT_TRUE(find(b, "g", "quarry").boundary);
  EXPECT_TRUE(find(b, "g", "city").boundary);
}

// The same plant sending 90 t: 20 t more leave than arrive, and it says so.
TEST(Flows, AnUnbalancedNodeReportsTheDifference) {
  const auto b = balances({flow("quarry", "plant", 100), flow("plant", "city", 90),
                           flow("plant", "stock", 30), flow("plant", "plant", 500)},
                          {"stock"});
  EXPECT_DOUBLE_EQ(find(b, "g", "plant").imbalance(), -20);  // the self-flow is internal
}

TEST(Flows, GroupsAreBalancedApart) {
  const auto b = balances({flow("a", "hub", 10, "food"), flow("hub", "b", 10, "food"),
                           flow("a", "hub", 5, "construction")},
                          {});
  EXPECT_DOUBLE_EQ(find(b, "food", "hub").imbalance(), 0);
  EXPECT_TRUE(find(b, "construction", "hub").boundary);  // only receives there
}

// The report's landfill node: 600 kt of organic waste in, 35 kt of methane
// out (FACTS row 7, EN:1583). Methane is another unit: it neither balances
// the waste nor is added to it.
TEST(Flows, UnitsAreBalancedApartAndNeverAdded) {
  Flow methane = flow("landfill", "atmosphere", 35000);
  methane.unit = "t CH4";
  const auto b = balances({flow("city", "landfill", 600000), methane}, {});
  std::size_t landfillRows = 0;
  for (const NodeBalance& n : b)
    if (n.node == "landfill") {
      ++landfillRows;
      EXPECT_TRUE(n.boundary) << n.unit;  // only receives tonnes, only sends methane
      EXPECT_DOUBLE_EQ(n.unit == kMassUnit ? n.in : n.out, n.unit == kMassUnit ? 600000 : 35000);
      EXPECT_DOUBLE_EQ(n.unit == kMassUnit ? n.out : n.in, 0);
    }
  EXPECT_EQ(landfillRows, 2u);
}

TEST(Flows, TonnesAreTheUnitUnlessAnotherIsWritten) {
  for (const char* tonnes : {"", " ", "t", "T", "tonnes", "Tonnes", "t/yr", "tonnes_per_year"})
    EXPECT_EQ(canonicalFlowUnit(tonnes), kMassUnit) << "'" << tonnes << "'";
  EXPECT_EQ(canonicalFlowUnit(" t CO2e "), "t CO2e");
  EXPECT_EQ(canonicalFlowUnit("t CH4"), "t CH4");
  EXPECT_EQ(canonicalFlowUnit("m3"), "m3");
  EXPECT_EQ(Flow{}.unit, kMassUnit);
}

// Every reader feeds FlowRows: a unit column is honoured row by row, and a
// table without one is in tonnes.
TEST(Flows, TheReaderTakesEachRowsUnit) {
  const auto read = [](const std::string& unitField,
                       const std::vector<std::map<std::string, std::string>>& rows) {
    Diagnostics diagnostics;
    FlowRows reader(
        "flows", {"", "from", "to", "t", "class", "", "", "", "", unitField},
        [](const std::string&) { return true; }, diagnostics);
    for (std::size_t k = 0; k < rows.size(); ++k)
      reader.add(std::to_string(k), [&](const std::string& f) { return rows[k].at(f); },
                 {true, 1, "1", false});
    return reader.finish();
  };
  const auto withUnits =
      read("unit", {{{"from", "a"}, {"to", "b"}, {"class", "emissions"}, {"unit", "t CO2e"}},
                    {{"from", "a"}, {"to", "b"}, {"class", "biomass"}, {"unit", ""}}});
  EXPECT_EQ(withUnits[0].unit, "t CO2e");
  EXPECT_EQ(withUnits[1].unit, kMassUnit);
  const auto without = read("", {{{"from", "a"}, {"to", "b"}, {"class", "biomass"}}});
  EXPECT_EQ(without[0].unit, kMassUnit);
}

TEST(Flows, FiltersKeepTheChosenClassesStageAndScenario) {
  Flow f = flow("a", "b", 1);
  f.materialClass = MaterialClass::Metals;
  f.stage = "import";
  f.scenario = "baseline";
  EXPECT_TRUE(FlowFilter{}.keeps(f));
  EXPECT_TRUE((FlowFilter{{MaterialClass::Metals}, "import", "baseline"}.keeps(f)));
  EXPECT_FALSE((FlowFilter{{MaterialClass::Minerals}, "", ""}.keeps(f)));
  EXPECT_FALSE((FlowFilter{{}, "export", ""}.keeps(f)));
  EXPECT_FALSE((FlowFilter{{}, "", "2050"}.keeps(f)));
}

}  // namespace
}  // namespace cp::layers
