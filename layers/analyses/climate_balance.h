#pragma once
// The greenhouse-gas balance of strategies: each strategy (a scenario) is a
// list of activities - tonnes landfilled, composted or burned, tonne-km driven
// - and each activity takes one factor of the emission-factor table. The
// balance is the sum over activities of amount x factor, in the factor's gas
// and in CO2e (by the table's global warming potentials), with the low and
// high estimates carried through. Every line keeps its activity and factor,
// so that each figure of the comparison can be traced.

#include <string>
#include <vector>

#include "layers/bar_chart.h"
#include "layers/factor_table.h"
#include "layers/result_table.h"

namespace cp::analyses {

struct Activity {
  std::string scenario;
  std::string component;  // what the comparison adds up, e.g. "landfill methane"
  std::string what;       // e.g. "municipal waste landfilled"
  double amount = 0;
  std::string per;     // the activity's unit: "t", "tkm"
  std::string factor;  // the key in the factor table
};

struct BalanceLine {
  Activity activity;
  layers::Factor factor;    // as the table gave it
  layers::Range gasTonnes;  // of the factor's gas
  layers::Range co2eTonnes;
};

struct ClimateBalance {
  std::vector<BalanceLine> lines;
  std::vector<std::string> scenarios;   // as they first appear
  std::vector<std::string> components;  // as they first appear
  // The scenario's t CO2e, of one component or (empty) of all.
  layers::Range co2e(const std::string& scenario, const std::string& component = "") const;
  // The scenario's tonnes of a gas counted directly (CH4, N2O), of one component or all.
  layers::Range gas(const std::string& scenario, layers::Gas gas,
                    const std::string& component = "") const;
};

// Throws layers::InputError naming the factor table when a factor is missing
// or counts another unit than its activity.
ClimateBalance balanceOf(const std::vector<Activity>& activities,
                         const layers::FactorTable& factors);

// "climate_breakdown": a row per activity with its amount, factor (key, unit,
// low, central, high, source) and gas and CO2e (low, central, high).
layers::ResultTable climateBreakdownTable(const ClimateBalance& balance,
                                          const std::string& name = "climate_breakdown");

// "climate_comparison": a row per scenario and component, and per scenario in
// all, with t CO2e (low, central, high) and the change from `baseline`.
layers::ResultTable climateComparisonTable(const ClimateBalance& balance,
                                           const std::string& baseline,
                                           const std::string& name = "climate_comparison");

// The scenarios' t CO2e a year stacked by component, the total's low-high
// range as a whisker; its note names the breakdown table.
layers::BarChart climateChart(const ClimateBalance& balance, const std::string& title,
                              const std::string& breakdownTable = "climate_breakdown");

}  // namespace cp::analyses
