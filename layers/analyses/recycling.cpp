#include "recycling.h"

#include <cmath>
#include <set>

#include "layers/diagnostics.h"

namespace cp::analyses {
namespace {

constexpr const char* kStage = "recycling";
const std::string kSharePrefix = "recycled_share.";

// The one value of `field` among the recycling flows, or the chosen one.
std::string onlyOrChosen(const std::set<std::string>& values, const std::string& chosen,
                         const std::string& table, const char* field) {
  if (!chosen.empty())
    return chosen;
  if (values.size() > 1) {
    std::vector<std::string> listed(values.begin(), values.end());
    layers::failInput(table, "", field,
                      "recycling flows of several " + std::string(field) + "s (" +
                          layers::listed(listed) + "): choose one");
  }
  return values.empty() ? std::string() : *values.begin();
}

}  // namespace

double recycledTonnes(const std::vector<layers::Flow>& flows, const std::string& table,
                      const std::string& scenario, const std::string& view) {
  std::set<std::string> scenarios, views;
  for (const layers::Flow& f : flows)
    if (f.stage == kStage && f.unit == layers::kMassUnit) {
      scenarios.insert(f.scenario);
      views.insert(f.group);
    }
  const std::string s = onlyOrChosen(scenarios, scenario, table, "scenario");
  const std::string v = onlyOrChosen(views, view, table, "view");
  double tonnes = 0;
  bool any = false;
  for (const layers::Flow& f : flows)
    if (f.stage == kStage && f.unit == layers::kMassUnit && f.scenario == s && f.group == v) {
      tonnes += f.tonnes;
      any = true;
    }
  if (!any)
    layers::failInput(table, "", "stage",
                      "no flow of the stage 'recycling' in tonnes" +
                          (s.empty() ? std::string() : " in the scenario '" + s + "'") +
                          (v.empty() ? std::string() : " and the view '" + v + "'"));
  return tonnes;
}

std::vector<Activity> recyclingActivities(double tonnes, const layers::FactorTable& coefficients,
                                          const std::string& scenario) {
  std::vector<Activity> activities;
  double shares = 0;
  for (const layers::Factor& row : coefficients.all()) {
    if (row.key.rfind(kSharePrefix, 0) != 0)
      continue;
    const std::string material = row.key.substr(kSharePrefix.size());
    const double share = coefficients.share(row.key);
    shares += share;
    activities.push_back({scenario, kRecyclingComponent,
                          material + " recycled (primary production avoided)", -tonnes * share, "t",
                          "recycling_avoided." + material});
  }
  if (std::abs(shares - 1) > 1e-3)
    layers::failInput(
        coefficients.table(), "recycled_share.*", "central",
        "the recycled materials' shares add up to " + std::to_string(shares) + ", not 1");
  return activities;
}

layers::Range RecyclingBalance::avoided() const {
  return balance.scenarios.empty() ? layers::Range{} : balance.co2e(balance.scenarios.front());
}

RecyclingBalance recyclingBalance(const std::vector<layers::Flow>& flows, const std::string& table,
                                  const std::string& scenario, const std::string& view,
                                  const layers::FactorTable& coefficients,
                                  const layers::FactorTable& factors) {
  RecyclingBalance r;
  r.tonnes = recycledTonnes(flows, table, scenario, view);
  const std::string label = "recycling today" + (scenario.empty() ? "" : " (" + scenario + ")");
  r.balance = balanceOf(recyclingActivities(r.tonnes, coefficients, label), factors);
  return r;
}

ClimateBalance withRecycling(ClimateBalance strategies, const RecyclingBalance& recycling) {
  strategies.lines.insert(strategies.lines.end(), recycling.balance.lines.begin(),
                          recycling.balance.lines.end());
  return strategies;
}

}  // namespace cp::analyses
