// The emission-factor table's rules: units read as gas per activity, ranges in
// order, every factor found by key and unit or an error naming the table, the
// key and the field; the sample's table holds the factors the analyses use.

#include <gtest/gtest.h>

#include <string>

#include "layers/building_stock.h"
#include "layers/factor_table.h"
#include "support/temp_files.h"

namespace cp::layers {
namespace {

FactorRows::Row row(std::string key, std::string unit, std::optional<double> low,
                    std::optional<double> central, std::optional<double> high) {
  return {"1", std::move(key), "", std::move(unit), low, central, high, "2006", "a test"};
}

std::string errorOf(const std::vector<FactorRows::Row>& rows) {
  Diagnostics diagnostics;
  FactorRows reader("Emission factors", diagnostics);
  try {
    for (const FactorRows::Row& r : rows)
      reader.add(r);
    reader.finish();
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

TEST(EmissionFactorUnits, GasPerActivityInTonnesOrKilograms) {
  const auto perTkm = parseFactorUnit("kg CO2e/tkm");
  ASSERT_TRUE(perTkm);
  EXPECT_DOUBLE_EQ(perTkm->tonnesPerUnit, 0.001);
  EXPECT_EQ(perTkm->gas, Gas::CO2e);
  EXPECT_EQ(perTkm->per, "tkm");
  const auto gwp = parseFactorUnit("t CO2e/t CH4");
  ASSERT_TRUE(gwp);
  EXPECT_EQ(gwp->per, "t CH4");
  EXPECT_EQ(parseFactorUnit("t CH4/t")->gas, Gas::CH4);
  for (const char* bad : {"t CO2e", "g CO2e/t", "t CO2/t", "t CH4/", "CH4/t", ""})
    EXPECT_FALSE(parseFactorUnit(bad)) << bad;
}

TEST(EmissionFactorRows, UnusableRowsAreErrorsNamingTheTableKeyAndField) {
  EXPECT_NE(errorOf({row("", "t CH4/t", 1, 2, 3)}).find("without a key"), std::string::npos);
  EXPECT_NE(errorOf({row("a", " ", 1, 2, 3)}).find("no unit"), std::string::npos);
  EXPECT_NE(errorOf({row("a", "t CH4/t", 1, std::nullopt, 3)}).find("central value"),
            std::string::npos);
  EXPECT_NE(errorOf({row("a", "t CH4/t", 3, 2, 1)}).find("must be in order"), std::string::npos);
  EXPECT_NE(errorOf({row("a", "t CH4/t", -1, 2, 3)}).find("at least 0"), std::string::npos);
  const std::string twice = errorOf({row("a", "t CH4/t", 1, 2, 3), row("a", "t CH4/t", 1, 2, 3)});
  EXPECT_NE(twice.find("Emission factors"), std::string::npos) << twice;
  EXPECT_NE(twice.find("used by more than one row"), std::string::npos) << twice;
}

TEST(EmissionFactorRows, AFactorWithoutARangeIsItsCentralValueSaid) {
  Diagnostics diagnostics;
  FactorRows reader("Emission factors", diagnostics);
  reader.add(row("gwp_ch4", "t CO2e/t CH4", std::nullopt, 25, std::nullopt));
  const FactorTable factors = reader.finish();
  const Range r = factors.require("gwp_ch4", "t CH4").value;
  EXPECT_EQ(r.low, 25);
  EXPECT_EQ(r.high, 25);
  ASSERT_EQ(diagnostics.all().size(), 1u);
  EXPECT_NE(diagnostics.all()[0].text().find("gwp_ch4"), std::string::npos);
}

TEST(EmissionFactorTable, FactorsAreFoundByKeyAndUnitOrSaidMissing) {
  Diagnostics diagnostics;
  FactorRows reader("My factors", diagnostics);
  reader.add(row("truck", "kg CO2e/tkm", 0.08, 0.1, 0.12));
  const FactorTable factors = reader.finish();
  EXPECT_EQ(factors.require("truck", "tkm").key, "truck");
  try {
    factors.require("truck", "t");
    FAIL() << "a factor per tonne-km was used per tonne";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("My factors"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("per tkm"), std::string::npos) << e.what();
  }
  EXPECT_THROW(factors.require("ship", "tkm"), InputError);
  EXPECT_THROW(factors.coefficient("truck", "t/m2"), InputError);
  EXPECT_THROW(factors.gwp(Gas::CH4), InputError);  // no gwp_ch4 row
  EXPECT_EQ(factors.gwp(Gas::CO2e), 1);
}

// A coefficient is used in its own unit only; a misspelt gas makes a row no
// emission factor, which the analysis using it says.
TEST(EmissionFactorTable, CoefficientsAreUsedInTheirOwnUnitOnly) {
  Diagnostics diagnostics;
  FactorRows reader("Coefficients", diagnostics);
  reader.add(row("recovery.metals", "share", 0.9, 0.95, 1));
  reader.add(row("typo", "t CO2/t", 1, 2, 3));
  const FactorTable table = reader.finish();
  EXPECT_EQ(table.coefficient("recovery.metals", "share").value.central, 0.95);
  try {
    table.coefficient("recovery.metals", "t/m2");
    FAIL() << "a share was used as an intensity";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("'share', but the coefficient is used in 't/m2'"),
              std::string::npos)
        << e.what();
  }
  try {
    table.require("typo", "t");
    FAIL() << "a row in no gas was used as an emission factor";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("'t CO2/t' is no emission unit"), std::string::npos)
        << e.what();
  }
}

TEST(EmissionFactorTable, RangesScaleAndAddInOrder) {
  const Range r{1, 2, 4};
  const Range negative = r * -2;  // an emission avoided
  EXPECT_EQ(negative.low, -8);
  EXPECT_EQ(negative.central, -4);
  EXPECT_EQ(negative.high, -2);
  const Range both = r + negative;
  EXPECT_LE(both.low, both.central);
  EXPECT_LE(both.central, both.high);
}

// The sample's table: every factor sourced, ranges in order, methane at the
// report's GWP of 25 (879,000 t CO2e / 35,000 t CH4, EN:1583-1586).
TEST(EmissionFactorTable, TheSampleTableHoldsTheFactorsTheAnalysesUseWithSources) {
  Diagnostics diagnostics;
  const FactorTable factors =
      readFactorTable(LayerRef::parse(test::sampleLayer("emission_factors")), diagnostics);
  EXPECT_TRUE(diagnostics.empty());
  EXPECT_EQ(factors.gwp(Gas::CH4), 25);
  EXPECT_EQ(factors.gwp(Gas::N2O), 298);
  for (const char* key : {"landfill_ch4", "landfill_ch4.sewage_sludge", "composting_ch4",
                          "composting_n2o", "incineration_n2o", "truck_average"})
    EXPECT_TRUE(factors.find(key)) << key;
  for (const Factor& f : factors.all())
    EXPECT_GT(f.source.size(), 20u) << f.key << " has no source";
}

// The sample's building-stock coefficients reproduce the report: new floor
// of 2 million m2 a year takes the buildings' 56 % of its 286 kt of wood,
// 1,456 kt of minerals and 80 kt of metals (EN:1697, 1750-1752, 1822-1826).
TEST(StockCoefficientTable, TheSampleCoefficientsReproduceTheReportsInputs) {
  Diagnostics diagnostics;
  const StockCoefficients c = stockCoefficients(
      readFactorTable(LayerRef::parse(test::sampleLayer("coefficients")), diagnostics));
  EXPECT_TRUE(diagnostics.empty());
  EXPECT_NEAR(c.newBuild.biomass * 2e6, 0.56 * 286000, 1);
  EXPECT_NEAR(c.newBuild.minerals * 2e6, 0.56 * 1456000, 1);
  EXPECT_NEAR(c.newBuild.metals * 2e6, 0.56 * 80000, 1);
  EXPECT_NEAR(c.infrastructureMix.total(), 1, 1e-6);
  EXPECT_NEAR(c.infrastructureMix.minerals * 1822000, 1456000, 10);
  EXPECT_EQ(c.demolitionYears, 5);
  EXPECT_EQ(c.recovery.metals, 0.95);
}

std::string stockErrorOf(const std::string& key, const std::string& unit, double central) {
  Diagnostics diagnostics;
  FactorTable sample =
      readFactorTable(LayerRef::parse(test::sampleLayer("coefficients")), diagnostics);
  FactorRows rows("My coefficients", diagnostics);
  for (const Factor& f : sample.all())
    if (f.key == key)
      rows.add({"1", f.key, "", unit, std::nullopt, central, std::nullopt, "", f.source});
    else
      rows.add(
          {"1", f.key, "", f.unitText, f.value.low, f.value.central, f.value.high, "", f.source});
  try {
    stockCoefficients(rows.finish());
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

// Every coefficient is checked where it is read: its unit, shares of at most
// 1, a mix adding up to 1, a period of some years; the error names the table
// and the key.
TEST(StockCoefficientTable, UnusableCoefficientsAreErrorsNamingTheTableAndKey) {
  const std::string unit = stockErrorOf("new_build.metals", "kg/m2", 22.4);
  EXPECT_NE(unit.find("My coefficients"), std::string::npos) << unit;
  EXPECT_NE(unit.find("new_build.metals"), std::string::npos) << unit;
  EXPECT_NE(unit.find("used in 't/m2'"), std::string::npos) << unit;
  EXPECT_NE(stockErrorOf("recovery.metals", "share", 1.2).find("between 0 and 1"),
            std::string::npos);
  EXPECT_NE(stockErrorOf("infrastructure_mix.metals", "share", 0.5).find("not 1"),
            std::string::npos);
  EXPECT_NE(stockErrorOf("demolition_years", "years", 0).find("not 0"), std::string::npos);
  EXPECT_EQ(stockErrorOf("recovery.metals", "share", 0.5), "");
}

}  // namespace
}  // namespace cp::layers
