// The rules every reader applies to quantities and yes/no fields, whatever
// opened the layer: QGIS and OGR feed the same rows.

#include <gtest/gtest.h>

#include "layers/flag_reader.h"
#include "layers/quantity_reader.h"

namespace cp::layers {
namespace {

TEST(FlagRows, ReadWordsNumbersAndNullAndNameWhatIsNeither) {
  Diagnostics diagnostics;
  FlagRows rows("sites", "status", diagnostics);
  rows.add("1", false, true, " Existing ", 0);
  rows.add("2", false, true, "candidate", 0);
  rows.add("3", false, true, "YES", 0);
  rows.add("4", true, true, "", 0);
  rows.add("5", false, false, "", 2);
  rows.add("6", false, false, "", 0);
  rows.add("7", false, true, "exsting", 0);  // a typo
  rows.add("8", false, true, "", 0);
  EXPECT_EQ(rows.finish(),
            (std::vector<bool>{true, false, true, false, true, false, false, false}));
  ASSERT_EQ(diagnostics.all().size(), 1u);
  EXPECT_NE(diagnostics.all()[0].message.find("7 ('exsting')"), std::string::npos)
      << diagnostics.all()[0].message;
  EXPECT_EQ(diagnostics.all()[0].field, "status");
}

// Shares: a number as it is, yes and no as 1 and 0; one past the whole (a
// compost share of 1.5) is an error naming the feature and field.
TEST(FlagRows, ReadSharesOfAWholeAndRefuseMoreThanTheWhole) {
  Diagnostics diagnostics;
  FlagRows rows("strategies", "compost", diagnostics);
  rows.add("baseline", false, false, "", 0);
  rows.add("half", false, false, "", 0.5);
  rows.add("all", false, true, "yes", 0);
  rows.add("unset", true, false, "", 0);
  EXPECT_EQ(rows.finishShares(), (std::vector<double>{0, 0.5, 1, 0}));
  FlagRows tooMuch("strategies", "compost", diagnostics);
  tooMuch.add("more", false, false, "", 1.5);
  try {
    tooMuch.finishShares();
    FAIL() << "a share of 1.5 was taken";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("more"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("compost"), std::string::npos) << e.what();
  }
}

TEST(QuantityRows, RefuseWhatIsNoQuantityNamingEveryFeature) {
  Diagnostics diagnostics;
  QuantityRows rows("sources", "tonnes_per_year", diagnostics);
  rows.add("a", true, 12.5, "12.5", false);
  rows.add("b", true, 0, "0", false);
  EXPECT_EQ(rows.finish(), (std::vector<double>{12.5, 0}));
  EXPECT_EQ(diagnostics.all().size(), 1u);  // the zero carries nothing

  QuantityRows bad("sources", "tonnes_per_year", diagnostics);
  bad.add("c", false, 0, "12 t", false);
  bad.add("d", false, 0, "", true);
  bad.add("e", true, -3, "-3", false);
  try {
    bad.finish();
    FAIL() << "accepted";
  } catch (const InputError& e) {
    const std::string what = e.what();
    for (const char* named : {"c ('12 t')", "d (NULL)", "e ('-3')", "carries units"})
      EXPECT_NE(what.find(named), std::string::npos) << what;
  }
}

TEST(QuantityRows, TellNumbersWithUnits) {
  EXPECT_TRUE(numberWithUnit("12 t"));
  EXPECT_TRUE(numberWithUnit("5,5 тонн"));
  EXPECT_TRUE(numberWithUnit(" 1 200 kg. "));
  EXPECT_FALSE(numberWithUnit("12"));
  EXPECT_FALSE(numberWithUnit("t 12"));
  EXPECT_FALSE(numberWithUnit("12 t 5"));
}

}  // namespace
}  // namespace cp::layers
