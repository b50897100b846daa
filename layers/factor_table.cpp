#include "factor_table.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "library_messages.h"
#include "quantity_reader.h"

namespace cp::layers {
namespace {

struct GasWord {
  const char* word;
  Gas gas;
};
constexpr GasWord kGases[] = {{"CO2e", Gas::CO2e}, {"CH4", Gas::CH4}, {"N2O", Gas::N2O}};

}  // namespace

Range operator*(const Range& r, double k) {
  return k >= 0 ? Range{r.low * k, r.central * k, r.high * k}
                : Range{r.high * k, r.central * k, r.low * k};
}

Range operator+(const Range& a, const Range& b) {
  return {a.low + b.low, a.central + b.central, a.high + b.high};
}

const char* gasName(Gas gas) {
  for (const GasWord& g : kGases)
    if (g.gas == gas)
      return g.word;
  return "?";
}

std::optional<FactorUnit> parseFactorUnit(const std::string& text) {
  const std::size_t slash = text.find('/');
  if (slash == std::string::npos)
    return std::nullopt;
  const std::string amount = trimmed(text.substr(0, slash));
  FactorUnit unit;
  unit.per = trimmed(text.substr(slash + 1));
  const std::size_t space = amount.find(' ');
  if (space == std::string::npos || unit.per.empty())
    return std::nullopt;
  const std::string mass = amount.substr(0, space);
  const std::string gas = trimmed(amount.substr(space + 1));
  if (mass != "t" && mass != "kg")
    return std::nullopt;
  unit.tonnesPerUnit = mass == "t" ? 1.0 : 0.001;
  const auto g = std::find_if(std::begin(kGases), std::end(kGases),
                              [&gas](const GasWord& w) { return gas == w.word; });
  if (g == std::end(kGases))
    return std::nullopt;
  unit.gas = g->gas;
  return unit;
}

FactorTable::FactorTable(std::string table, std::vector<Factor> factors)
    : table_(std::move(table)), factors_(std::move(factors)) {}

const Factor* FactorTable::find(const std::string& key) const {
  const auto it = std::find_if(factors_.begin(), factors_.end(),
                               [&key](const Factor& f) { return f.key == key; });
  return it == factors_.end() ? nullptr : &*it;
}

const Factor& FactorTable::require(const std::string& key, const std::string& per) const {
  const Factor& f = present(key);
  if (!f.unit)
    failInput(
        table_, key, "unit",
        "'" + f.unitText + "' is no emission unit (MASS GAS/ACTIVITY, e.g. 'kg CO2e/" + per + "')");
  if (f.unit->per != per)
    failInput(
        table_, key, "unit",
        "'" + f.unitText + "' counts per " + f.unit->per + ", but the factor is used per " + per);
  return f;
}

const Factor& FactorTable::coefficient(const std::string& key, const std::string& unit) const {
  const Factor& f = present(key);
  if (f.unitText != unit)
    failInput(table_, key, "unit",
              "'" + f.unitText + "', but the coefficient is used in '" + unit + "'");
  return f;
}

double FactorTable::share(const std::string& key) const {
  const double share = coefficient(key, "share").value.central;
  if (share > 1)
    failInput(table_, key, "central", "a share must lie between 0 and 1");
  return share;
}

const Factor& FactorTable::present(const std::string& key) const {
  const Factor* f = find(key);
  if (!f)
    failInput(table_, "", "key", "no row '" + key + "': add a row with this key");
  return *f;
}

double FactorTable::gwp(Gas gas) const {
  switch (gas) {
    case Gas::CO2e:
      return 1;
    case Gas::CH4:
      return require("gwp_ch4", "t CH4").value.central;
    case Gas::N2O:
      return require("gwp_n2o", "t N2O").value.central;
  }
  return 1;
}

FactorRows::FactorRows(std::string table, Diagnostics& diagnostics)
    : table_(std::move(table)), diagnostics_(diagnostics) {}

void FactorRows::add(const Row& row) {
  const std::string key = trimmed(row.key);
  if (key.empty())
    failInput(table_, row.feature, "key", "a factor without a key");
  const std::string unit = trimmed(row.unit);
  if (unit.empty())
    failInput(table_, key, "unit",
              "no unit: an emission factor's is MASS GAS/ACTIVITY ('t CH4/t', 'kg CO2e/tkm'), "
              "a coefficient's its own ('t/m2', 'share')");
  const auto usable = [](const std::optional<double>& v) {
    return v && std::isfinite(*v) && *v >= 0;
  };
  if (!usable(row.central))
    failInput(table_, key, "central", "the central value must be a finite number of at least 0");
  for (const auto& [value, field] : {std::pair{row.low, "low"}, std::pair{row.high, "high"}})
    if (value && !usable(value))
      failInput(table_, key, field, "must be a finite number of at least 0, or left empty");
  const Range range{row.low.value_or(*row.central), *row.central, row.high.value_or(*row.central)};
  if (!(range.low <= range.central && range.central <= range.high))
    failInput(table_, key, "low",
              "low, central and high must be in order (" + std::to_string(range.low) + ", " +
                  std::to_string(range.central) + ", " + std::to_string(range.high) + ")");
  if (!row.low || !row.high)
    noRange_.push_back(key);
  for (const Factor& f : factors_)
    if (f.key == key)
      failInput(table_, row.feature, "key", "the key '" + key + "' is used by more than one row");
  factors_.push_back(
      {key, row.description, unit, parseFactorUnit(unit), range, row.year, row.source});
}

FactorTable FactorRows::finish() {
  if (!noRange_.empty())
    diagnostics_.warn(table_, listed(noRange_), "low",
                      "no low or high value: the range is the central value alone",
                      noRange_.size());
  return FactorTable(table_, std::move(factors_));
}

FactorTable readFactorTable(const LayerRef& ref, Diagnostics& diagnostics) {
  LibraryMessages gdal;
  const OpenLayer layer(ref);
  const auto index = [&layer](const char* name) { return layer.fieldIndex(name, true); };
  const int key = index("key"), description = layer.fieldIndex("description", false),
            unit = index("unit"), low = index("low"), central = index("central"),
            high = index("high"), year = layer.fieldIndex("year", false),
            source = layer.fieldIndex("source", false);
  const auto text = [](OGRFeature& f, int i) {
    return i >= 0 && f.IsFieldSetAndNotNull(i) ? std::string(f.GetFieldAsString(i)) : "";
  };
  const auto number = [](OGRFeature& f, int i) -> std::optional<double> {
    double v = 0;
    return fieldAsNumber(f, i, v) ? std::optional<double>(v) : std::nullopt;
  };
  FactorRows rows(layer.label(), diagnostics);
  layer.layer().ResetReading();
  for (auto& f : layer.layer())
    rows.add({std::to_string(f->GetFID()), text(*f, key), text(*f, description), text(*f, unit),
              number(*f, low), number(*f, central), number(*f, high), text(*f, year),
              text(*f, source)});
  gdal.reportTo(diagnostics, layer.label(), "reading");
  return rows.finish();
}

std::optional<FactorTable> readOptionalFactorTable(const std::string& reference,
                                                   Diagnostics& diagnostics) {
  if (reference.empty())
    return std::nullopt;
  return readFactorTable(LayerRef::parse(reference), diagnostics);
}

}  // namespace cp::layers
