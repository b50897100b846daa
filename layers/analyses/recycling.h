#pragma once
// Today's recycling in the climate balance: the tonnes a city recycles avoid
// the primary production of what they replace. The recycled tonnes come from
// the flow table (stage 'recycling', in tonnes, of one scenario and one view,
// since views overlap); the coefficient table splits them by material (its
// rows recycled_share.MATERIAL, adding up to 1); each material avoids its
// emission factor recycling_avoided.MATERIAL per tonne.

#include <string>
#include <vector>

#include "layers/analyses/climate_balance.h"
#include "layers/factor_table.h"
#include "layers/flows.h"

namespace cp::analyses {

inline constexpr const char* kRecyclingComponent = "recycling (avoided)";

// The recycled tonnes of `scenario` in `view` (each empty: the only one there
// is). Recycling flows of several scenarios or views without one chosen, or
// none at all, are an InputError naming `table`.
double recycledTonnes(const std::vector<layers::Flow>& flows, const std::string& table,
                      const std::string& scenario, const std::string& view);

// An activity per recycled material, its tonnes negative (an emission avoided).
std::vector<Activity> recyclingActivities(double tonnes, const layers::FactorTable& coefficients,
                                          const std::string& scenario);

// Today's recycling weighed, under the flows' scenario: its tonnes and balance.
struct RecyclingBalance {
  double tonnes = 0;
  ClimateBalance balance;
  layers::Range avoided() const;  // t CO2e, negative
};
RecyclingBalance recyclingBalance(const std::vector<layers::Flow>& flows, const std::string& table,
                                  const std::string& scenario, const std::string& view,
                                  const layers::FactorTable& coefficients,
                                  const layers::FactorTable& factors);

// The strategies' breakdown with today's recycling beneath, for one table.
ClimateBalance withRecycling(ClimateBalance strategies, const RecyclingBalance& recycling);

}  // namespace cp::analyses
