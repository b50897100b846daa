#pragma once
// Factors and coefficients as data: a table (a layer or a file the planner can
// edit) with one row per value - its key, what it is, its unit, a low, central
// and high value, the year it holds for and its source. Analyses look values
// up by key and unit; the code holds none.
//
// Two kinds of rows share the rules. An emission factor counts one gas per
// unit of an activity ("t CH4/t", "kg CO2e/tkm"); methane and nitrous oxide
// become CO2e by the table's own global warming potentials (gwp_ch4,
// gwp_n2o), so the planner sees which ones are used. A coefficient is any
// other quantity ("t/m2" of material in a floor, a "share" recovered,
// "years"), used in exactly the unit its row states.

#include <optional>
#include <string>
#include <vector>

#include "diagnostics.h"
#include "ogr_source.h"

namespace cp::layers {

// Low, central and high estimates, low <= central <= high.
struct Range {
  double low = 0, central = 0, high = 0;
};
Range operator*(const Range& r, double k);  // k < 0 swaps low and high
Range operator+(const Range& a, const Range& b);

enum class Gas { CO2e, CH4, N2O };
const char* gasName(Gas gas);

// An emission factor's unit: MASS GAS/ACTIVITY, e.g. "t CH4/t", "kg
// CO2e/tkm", "t CO2e/t CH4" (a global warming potential).
struct FactorUnit {
  double tonnesPerUnit = 1;  // of the gas: 1 for t, 0.001 for kg
  Gas gas = Gas::CO2e;
  std::string per;  // the activity's unit: "t", "tkm", "t CH4", ...
};
std::optional<FactorUnit> parseFactorUnit(const std::string& text);

struct Factor {
  std::string key;
  std::string description;
  std::string unitText;
  std::optional<FactorUnit> unit;  // unset: a coefficient
  Range value;
  std::string year;
  std::string source;
};

class FactorTable {
 public:
  FactorTable(std::string table, std::vector<Factor> factors);
  const std::string& table() const { return table_; }
  const std::vector<Factor>& all() const { return factors_; }
  const Factor* find(const std::string& key) const;
  // The emission factor of `key` for an activity counted in `per`; an
  // InputError naming the table, the key and the unit field when it is
  // missing or its unit counts something else.
  const Factor& require(const std::string& key, const std::string& per) const;
  // The coefficient of `key`, stated in `unit`; an InputError as above.
  const Factor& coefficient(const std::string& key, const std::string& unit) const;
  // The central value of the coefficient `key` in "share"; above 1 an InputError.
  double share(const std::string& key) const;
  // The tonnes of CO2e a tonne of `gas` stands for (1 for CO2e; else the
  // table's gwp_ch4 or gwp_n2o, required).
  double gwp(Gas gas) const;

 private:
  const Factor& present(const std::string& key) const;
  std::string table_;
  std::vector<Factor> factors_;
};

// The rules, row by row; each reader (OGR here, QGIS in the bridge) feeds it.
// A row without a key or unit, a value that is no finite
// number of at least 0, a range out of order or a key used twice is an
// InputError naming the table, the row and the field; a low or high left
// empty is the central value, said once.
class FactorRows {
 public:
  FactorRows(std::string table, Diagnostics& diagnostics);
  struct Row {
    std::string feature, key, description, unit;
    std::optional<double> low, central, high;  // unset: NULL or not a number
    std::string year, source;
  };
  void add(const Row& row);
  FactorTable finish();

 private:
  std::string table_;
  Diagnostics& diagnostics_;
  std::vector<Factor> factors_;
  std::vector<std::string> noRange_;
};

// The usual fields: key, description, unit, low, central, high, year, source.
FactorTable readFactorTable(const LayerRef& ref, Diagnostics& diagnostics);
// The table a layer reference names, or none when it is empty.
std::optional<FactorTable> readOptionalFactorTable(const std::string& reference,
                                                   Diagnostics& diagnostics);

}  // namespace cp::layers
