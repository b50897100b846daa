#pragma once
// Compost outlets: the compost each site makes (its organic intake times the
// yield) carried over the roads to farmland parcels, each needing its area
// times the application rate, no farther than the haul limit; exact, with the
// least tonne-km.

#include <string>
#include <vector>

#include "layers/analyses/allocation.h"
#include "layers/area_reader.h"
#include "layers/result_table.h"

namespace cp::analyses {

// The t of compost per t of intake: the number given, else the coefficient
// table's compost_yield (the sample's: 0.4, with its reasoning); neither is an
// OptionError saying what to give.
double compostYield(const std::optional<double>& given, const layers::FactorTable* coefficients);

struct CompostOutletsInput {
  const geo::Network& network;
  const layers::PointData& sites;
  std::vector<double> intake;  // t per year per site
  const layers::PointData& parcels;
  std::vector<double> demandPerHa;  // t per ha and year per parcel
  const layers::AreaShapes& parcelAreas;
};

struct CompostOutletsOptions {
  double yield = 0;  // t of compost per t of intake: compostYield
  double haulKm = 30;
  geo::SnapOptions snap{2000};
};

struct CompostOutletsResult {
  layers::ResultTable deliveries;  // "compost_deliveries": site to parcel
  layers::ResultTable parcels;     // "farmland_supplied": demand, compost received, share met
  layers::ResultTable sites;       // "compost_placed": made, placed, left over, mean haul
  double made = 0, demand = 0, placed = 0, unplaced = 0, tonneKm = 0;
  layers::Diagnostics diagnostics;  // places not joined
};

// Throws layers::OptionError for a yield outside 0..1 or a negative haul,
// geo::Canceled when canceled.
CompostOutletsResult placeCompost(const CompostOutletsInput& input,
                                  const CompostOutletsOptions& options,
                                  const geo::Feedback* feedback = nullptr);

// Compost is made from what a site receives; its capacity is only an upper
// bound. Why an intake field that names a capacity gives too much compost, or
// "" when the field is not one.
std::string capacityAsIntakeProblem(const std::string& field);

}  // namespace cp::analyses
