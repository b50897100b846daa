#include <gtest/gtest.h>

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
