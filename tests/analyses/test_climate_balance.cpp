// The climate balance on hand-made cases with known answers: each activity
// times its factor, gases to CO2e by the table's GWPs, low and high carried
// through in order, and every line traceable to its factor.

#include <gtest/gtest.h>

#include "layers/analyses/climate_balance.h"

namespace cp::analyses {
namespace {

layers::FactorTable factors() {
  layers::Diagnostics diagnostics;
  layers::FactorRows rows("Factors", diagnostics);
  rows.add({"1", "gwp_ch4", "", "t CO2e/t CH4", 25, 25, 25, "", "IPCC AR4"});
  rows.add({"2", "gwp_n2o", "", "t CO2e/t N2O", 298, 298, 298, "", "IPCC AR4"});
  rows.add({"3", "landfill_ch4", "", "t CH4/t", 0.03, 0.05, 0.07, "", "test"});
  rows.add({"4", "composting_n2o", "", "t N2O/t", 0.0001, 0.0003, 0.0006, "", "test"});
  rows.add({"5", "truck", "", "kg CO2e/tkm", 0.08, 0.1, 0.12, "", "test"});
  return rows.finish();
}

TEST(ClimateBalance, EachActivityTimesItsFactorInCo2eByTheTablesGwp) {
  const layers::FactorTable table = factors();
  const ClimateBalance b =
      balanceOf({{"base", "landfill methane", "food waste", 1000, "t", "landfill_ch4"},
                 {"base", "transport", "hauls", 2e6, "tkm", "truck"},
                 {"compost", "composting", "composted", 1000, "t", "composting_n2o"}},
                table);
  ASSERT_EQ(b.lines.size(), 3u);
  // 1000 t x 0.05 t CH4/t = 50 t CH4 = 1250 t CO2e.
  EXPECT_DOUBLE_EQ(b.gas("base", layers::Gas::CH4).central, 50);
  EXPECT_DOUBLE_EQ(b.co2e("base", "landfill methane").central, 1250);
  EXPECT_DOUBLE_EQ(b.co2e("base", "landfill methane").low, 750);
  EXPECT_DOUBLE_EQ(b.co2e("base", "landfill methane").high, 1750);
  // 2 million tkm x 0.1 kg = 200 t CO2e.
  EXPECT_DOUBLE_EQ(b.co2e("base", "transport").central, 200);
  EXPECT_DOUBLE_EQ(b.co2e("base").central, 1450);
  // 1000 t x 0.3 kg N2O x 298 = 89.4 t CO2e.
  EXPECT_NEAR(b.co2e("compost").central, 89.4, 1e-9);
  EXPECT_EQ(b.scenarios, (std::vector<std::string>{"base", "compost"}));
  for (const BalanceLine& l : b.lines) {
    EXPECT_LE(l.co2eTonnes.low, l.co2eTonnes.central);
    EXPECT_LE(l.co2eTonnes.central, l.co2eTonnes.high);
  }
}

TEST(ClimateBalance, AMissingFactorOrAnotherUnitIsAnErrorNamingTheTable) {
  const layers::FactorTable table = factors();
  EXPECT_THROW(balanceOf({{"s", "c", "w", 1, "t", "incineration_n2o"}}, table), layers::InputError);
  EXPECT_THROW(balanceOf({{"s", "c", "w", 1, "t", "truck"}}, table), layers::InputError);
}

TEST(ClimateBalance, TablesTraceEveryFigureAndCompareWithTheBaseline) {
  const ClimateBalance b =
      balanceOf({{"base", "landfill methane", "food waste", 1000, "t", "landfill_ch4"},
                 {"compost", "landfill methane", "food waste", 400, "t", "landfill_ch4"},
                 {"compost", "composting", "composted", 600, "t", "composting_n2o"}},
                factors());
  const layers::ResultTable breakdown = climateBreakdownTable(b);
  ASSERT_EQ(breakdown.rows.size(), 3u);
  EXPECT_EQ(std::get<std::string>(breakdown.rows[0].values[5]), "landfill_ch4");
  EXPECT_EQ(std::get<std::string>(breakdown.rows[0].values[17]), "test");
  const layers::ResultTable comparison = climateComparisonTable(b, "base");
  // Per scenario: each component and all of them.
  ASSERT_EQ(comparison.rows.size(), 6u);
  const auto& compostAll = comparison.rows[5].values;
  EXPECT_EQ(std::get<std::string>(compostAll[1]), "all");
  // 400 t x 0.05 x 25 = 500, plus 600 x 0.0003 x 298 = 53.64; baseline 1250.
  EXPECT_NEAR(std::get<double>(compostAll[3]), 553.64, 1e-9);
  EXPECT_NEAR(std::get<double>(compostAll[5]), 553.64 - 1250, 1e-9);
}

TEST(ClimateBalance, TheChartStacksEachScenariosComponentsUnderItsRange) {
  const ClimateBalance b =
      balanceOf({{"base", "landfill methane", "food waste", 1000, "t", "landfill_ch4"},
                 {"compost", "landfill methane", "food waste", 400, "t", "landfill_ch4"},
                 {"compost", "composting", "composted", 600, "t", "composting_n2o"}},
                factors());
  const layers::BarChart chart = climateChart(b, "Organic waste & climate");
  ASSERT_EQ(chart.series.size(), 2u);
  EXPECT_EQ(chart.series[0].values, (std::vector<double>{1250, 500}));
  EXPECT_EQ(chart.low[0], 750);
  const std::string svg = layers::barChartSvg(chart);
  EXPECT_NE(svg.find("Organic waste &amp; climate"), std::string::npos);  // text, escaped
  EXPECT_NE(svg.find(">1,250<"), std::string::npos);                      // the baseline's total
  EXPECT_NE(svg.find(">composting<"), std::string::npos);                 // in the legend
  EXPECT_NE(svg.find("low to high"), std::string::npos);
}

}  // namespace
}  // namespace cp::analyses
