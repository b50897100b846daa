#pragma once
// Emission factors as data: a table (a layer or a file the planner can edit)
// with one row per factor - its key, what it is, its unit, a low, central and
// high value, the year it holds for and its source. Analyses look factors up
// by key and unit; the code holds none. A factor counts one gas per unit of an
// activity ("t CH4/t", "kg CO2e/tkm"); methane and nitrous oxide become CO2e
// by the table's own global warming potentials (gwp_ch4, gwp_n2o), so the
// planner sees which ones are used.

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

// A factor's unit: MASS GAS/ACTIVITY, e.g. "t CH4/t", "kg CO2e/tkm",
// "t CO2e/t CH4" (a global warming potential).
struct FactorUnit {
  double tonnesPerUnit = 1;  // of the gas: 1 for t, 0.001 for kg
  Gas gas = Gas::CO2e;
  std::string per;  // the activity's unit: "t", "tkm", "t CH4", ...
};
std::optional<FactorUnit> parseFactorUnit(const std::string& text);

struct EmissionFactor {
  std::string key;
  std::string description;
  std::string unitText;
  FactorUnit unit;
  Range value;
  std::string year;
  std::string source;
};

class EmissionFactors {
 public:
  EmissionFactors(std::string table, std::vector<EmissionFactor> factors);
  const std::string& table() const { return table_; }
  const std::vector<EmissionFactor>& all() const { return factors_; }
  const EmissionFactor* find(const std::string& key) const;
  // The factor of `key` for an activity counted in `per`; an InputError
  // naming the table, the key and the unit field when it is missing or its
  // unit counts something else.
  const EmissionFactor& require(const std::string& key, const std::string& per) const;
  // The tonnes of CO2e a tonne of `gas` stands for (1 for CO2e; else the
  // table's gwp_ch4 or gwp_n2o, required).
  double gwp(Gas gas) const;

 private:
  std::string table_;
  std::vector<EmissionFactor> factors_;
};

// The rules, row by row; each reader (OGR here, QGIS in the bridge) feeds it.
// A row without a key or with an unknown unit, a value that is no finite
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
  EmissionFactors finish();

 private:
  std::string table_;
  Diagnostics& diagnostics_;
  std::vector<EmissionFactor> factors_;
  std::vector<std::string> noRange_;
};

// The usual fields: key, description, unit, low, central, high, year, source.
EmissionFactors readEmissionFactors(const LayerRef& ref, Diagnostics& diagnostics);

}  // namespace cp::layers
