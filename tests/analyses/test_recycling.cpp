// Today's recycling in the climate balance: the recycled tonnes from the flow
// table, split by the coefficients' shares, each avoiding its factor. On hand-
// made tables with known answers, and on the sample, which reproduces the
// report's 173,000 t CO2e avoided by its 113,000 t recycled (EN:373,
// 1379-1383, 2039-2045; FACTS W06, E14) within 1 %.

#include <gtest/gtest.h>

#include "layers/analyses/recycling.h"
#include "layers/flow_reader.h"
#include "support/temp_files.h"

namespace cp::analyses {
namespace {

layers::Flow recycling(const char* view, const char* scenario, double tonnes,
                       const char* unit = "t") {
  layers::Flow f;
  f.stage = "recycling";
  f.group = view;
  f.scenario = scenario;
  f.tonnes = tonnes;
  f.unit = unit;
  return f;
}

std::string errorOf(const std::function<void()>& run) {
  try {
    run();
  } catch (const layers::InputError& e) {
    return e.what();
  }
  return "";
}

// Views overlap (the city's recycling holds the industry's): one is taken,
// and the table must say which when it has several; other units never count.
TEST(Recycling, TheRecycledTonnesAreOneViewOfOneScenario) {
  const std::vector<layers::Flow> flows{recycling("city", "today", 100),
                                        recycling("industry", "today", 30),
                                        recycling("city", "today", 5, "t CO2e")};
  EXPECT_EQ(recycledTonnes(flows, "Flows", "", "city"), 100);
  EXPECT_EQ(recycledTonnes(flows, "Flows", "today", "industry"), 30);
  const std::string several = errorOf([&] { recycledTonnes(flows, "Flows", "", ""); });
  EXPECT_NE(several.find("several views (city, industry)"), std::string::npos) << several;
  const std::string none = errorOf([&] { recycledTonnes(flows, "Flows", "2050", "city"); });
  EXPECT_NE(none.find("no flow of the stage 'recycling'"), std::string::npos) << none;
}

layers::FactorTable table(std::vector<layers::FactorRows::Row> rows) {
  layers::Diagnostics diagnostics;
  layers::FactorRows reader("Tables", diagnostics);
  for (const layers::FactorRows::Row& r : rows)
    reader.add(r);
  return reader.finish();
}

// 1,000 t recycled, 60 % metal avoiding 2 t CO2e/t (1.5-2.5) and 40 % paper
// avoiding 0.5 (0.3-1): -1,400 t CO2e, low -1,900 and high -1,020.
TEST(Recycling, EachMaterialAvoidsItsFactorWithTheRangeInOrder) {
  const layers::FactorTable coefficients =
      table({{"1", "recycled_share.metals", "", "share", 0.6, 0.6, 0.6, "", "test"},
             {"2", "recycled_share.paper", "", "share", 0.4, 0.4, 0.4, "", "test"},
             {"3", "new_build.metals", "", "t/m2", 0.02, 0.02, 0.02, "", "not a share"}});
  const layers::FactorTable factors =
      table({{"1", "recycling_avoided.metals", "", "t CO2e/t", 1.5, 2, 2.5, "", "test"},
             {"2", "recycling_avoided.paper", "", "t CO2e/t", 0.3, 0.5, 1, "", "test"}});
  const std::vector<Activity> activities = recyclingActivities(1000, coefficients, "today");
  ASSERT_EQ(activities.size(), 2u);
  const ClimateBalance b = balanceOf(activities, factors);
  const layers::Range avoided = b.co2e("today", kRecyclingComponent);
  EXPECT_NEAR(avoided.central, -1400, 1e-9);
  EXPECT_NEAR(avoided.low, -1900, 1e-9);
  EXPECT_NEAR(avoided.high, -1020, 1e-9);
  const layers::FactorTable half =
      table({{"1", "recycled_share.metals", "", "share", 0.5, 0.5, 0.5, "", "test"}});
  const std::string notOne = errorOf([&] { recyclingActivities(1000, half, "today"); });
  EXPECT_NE(notOne.find("add up to 0.5"), std::string::npos) << notOne;
}

TEST(Recycling, TheSampleReproducesTheReportsAvoidedEmissions) {
  layers::Diagnostics diagnostics;
  const auto read = [&](const char* name) {
    return layers::readFactorTable(layers::LayerRef::parse(test::sampleLayer(name)), diagnostics);
  };
  const std::vector<layers::Flow> flows =
      layers::readFlows(layers::LayerRef::parse(test::sampleLayer("material_flows")), diagnostics);
  const double tonnes = recycledTonnes(flows, "material_flows", "report_baseline", "city_total");
  EXPECT_EQ(tonnes, 113000);  // EN:1379
  const ClimateBalance b = balanceOf(recyclingActivities(tonnes, read("coefficients"), "today"),
                                     read("emission_factors"));
  const layers::Range avoided = b.co2e("today");
  EXPECT_NEAR(avoided.central, -173000, 1730) << "the report's 173,000 t CO2e (EN:2039-2041)";
  EXPECT_LT(avoided.low, avoided.central);
  EXPECT_LT(avoided.central, avoided.high);
  EXPECT_LT(avoided.high, 0);
}

}  // namespace
}  // namespace cp::analyses
