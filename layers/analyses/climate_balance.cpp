#include "climate_balance.h"

#include <algorithm>

namespace cp::analyses {
namespace {

void addOnce(std::vector<std::string>& list, const std::string& item) {
  if (std::find(list.begin(), list.end(), item) == list.end())
    list.push_back(item);
}

template <typename Keep>
layers::Range sumOf(const std::vector<BalanceLine>& lines, Keep keep,
                    layers::Range BalanceLine::*what) {
  layers::Range sum;
  for (const BalanceLine& line : lines)
    if (keep(line))
      sum = sum + line.*what;
  return sum;
}

std::vector<layers::ResultValue> rangeValues(const layers::Range& r) {
  return {r.low, r.central, r.high};
}

void append(std::vector<layers::ResultValue>& to, std::vector<layers::ResultValue> more) {
  to.insert(to.end(), std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
}

}  // namespace

layers::Range ClimateBalance::co2e(const std::string& scenario,
                                   const std::string& component) const {
  return sumOf(
      lines,
      [&](const BalanceLine& l) {
        return l.activity.scenario == scenario &&
               (component.empty() || l.activity.component == component);
      },
      &BalanceLine::co2eTonnes);
}

layers::Range ClimateBalance::gas(const std::string& scenario, layers::Gas gas,
                                  const std::string& component) const {
  return sumOf(
      lines,
      [&](const BalanceLine& l) {
        return l.activity.scenario == scenario && l.factor.unit->gas == gas &&
               (component.empty() || l.activity.component == component);
      },
      &BalanceLine::gasTonnes);
}

ClimateBalance balanceOf(const std::vector<Activity>& activities,
                         const layers::FactorTable& factors) {
  ClimateBalance balance;
  for (const Activity& a : activities) {
    const layers::Factor& f = factors.require(a.factor, a.per);
    const layers::Range gas = f.value * (a.amount * f.unit->tonnesPerUnit);
    balance.lines.push_back({a, f, gas, gas * factors.gwp(f.unit->gas)});
    addOnce(balance.scenarios, a.scenario);
    addOnce(balance.components, a.component);
  }
  return balance;
}

layers::ResultTable climateBreakdownTable(const ClimateBalance& balance, const std::string& name) {
  using layers::FieldType;
  layers::ResultTable table{name,
                            layers::ResultGeometry::None,
                            {{"scenario", FieldType::Text},
                             {"component", FieldType::Text},
                             {"activity", FieldType::Text},
                             {"amount", FieldType::Real},
                             {"amount_unit", FieldType::Text},
                             {"factor", FieldType::Text},
                             {"factor_unit", FieldType::Text},
                             {"factor_low", FieldType::Real},
                             {"factor_central", FieldType::Real},
                             {"factor_high", FieldType::Real},
                             {"gas", FieldType::Text},
                             {"gas_t_low", FieldType::Real},
                             {"gas_t_central", FieldType::Real},
                             {"gas_t_high", FieldType::Real},
                             {"co2e_t_low", FieldType::Real},
                             {"co2e_t_central", FieldType::Real},
                             {"co2e_t_high", FieldType::Real},
                             {"factor_source", FieldType::Text}},
                            {}};
  for (const BalanceLine& l : balance.lines) {
    const Activity& a = l.activity;
    std::vector<layers::ResultValue> row{a.scenario, a.component, a.what,           a.amount,
                                         a.per,      a.factor,    l.factor.unitText};
    append(row, rangeValues(l.factor.value));
    row.emplace_back(std::string(layers::gasName(l.factor.unit->gas)));
    append(row, rangeValues(l.gasTonnes));
    append(row, rangeValues(l.co2eTonnes));
    row.emplace_back(l.factor.source);
    table.add(std::move(row));
  }
  return table;
}

layers::ResultTable climateComparisonTable(const ClimateBalance& balance,
                                           const std::string& baseline, const std::string& name) {
  using layers::FieldType;
  layers::ResultTable table{name,
                            layers::ResultGeometry::None,
                            {{"scenario", FieldType::Text},
                             {"component", FieldType::Text},
                             {"co2e_t_low", FieldType::Real},
                             {"co2e_t_central", FieldType::Real},
                             {"co2e_t_high", FieldType::Real},
                             {"change_from_baseline_t", FieldType::Real}},
                            {}};
  std::vector<std::string> components = balance.components;
  components.emplace_back();  // all of them
  for (const std::string& scenario : balance.scenarios)
    for (const std::string& component : components) {
      const layers::Range r = balance.co2e(scenario, component);
      std::vector<layers::ResultValue> row{scenario, component.empty() ? "all" : component};
      append(row, rangeValues(r));
      row.emplace_back(r.central - balance.co2e(baseline, component).central);
      table.add(std::move(row));
    }
  return table;
}

layers::BarChart climateChart(const ClimateBalance& balance, const std::string& title,
                              const std::string& breakdownTable) {
  layers::BarChart chart;
  chart.title = title;
  chart.unit = "t CO2e a year";
  chart.categories = balance.scenarios;
  for (const std::string& component : balance.components) {
    layers::BarSeries series{component, {}};
    for (const std::string& scenario : balance.scenarios)
      series.values.push_back(balance.co2e(scenario, component).central);
    chart.series.push_back(std::move(series));
  }
  for (const std::string& scenario : balance.scenarios) {
    const layers::Range total = balance.co2e(scenario);
    chart.low.push_back(total.low);
    chart.high.push_back(total.high);
  }
  chart.notes.push_back("Central estimates stacked; every figure with its activity and factor in " +
                        breakdownTable + ".");
  return chart;
}

}  // namespace cp::analyses
