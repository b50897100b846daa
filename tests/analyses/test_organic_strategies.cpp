// The report's strategies for organic waste on the Almaty sample, routed on
// its roads: the baseline reproduces the report's landfill methane (35,000 t
// CH4 = 879,000 t CO2e at GWP 25, EN:1583-1586) within 1 %; composting and the
// planned plant cut it; no tonne is lost or counted twice; the ranges stay in
// order.

#include <gtest/gtest.h>

#include <cmath>
#include <numeric>

#include "almaty_places.h"
#include "layers/analyses/organic_strategies.h"
#include "layers/flag_reader.h"
#include "layers/quantity_reader.h"
#include "support/temp_files.h"

namespace cp::analyses {
namespace {

class OrganicStrategies : public test::OnAlmatyRoads {
 protected:
  static layers::LayerRef layer(const char* name) {
    return layers::LayerRef::parse(test::sampleLayer(name));
  }
  layers::Diagnostics diagnostics;
  layers::PointData sources = layers::readPoints(layer("organic_sources"), "source_id", frame());
  layers::PointData sites = layers::readPoints(layer("composting_sites"), "site_id", frame());
  layers::PointData facilities =
      layers::readPoints(layer("waste_facilities"), "facility_id", frame());
  layers::FactorTable factors = layers::readFactorTable(layer("emission_factors"), diagnostics);

  OrganicWasteInput input() {
    const double unlimited = std::numeric_limits<double>::infinity();
    return {network(),
            sources,
            layers::readQuantities(layer("organic_sources"), "", layers::field_names::kTonnes,
                                   diagnostics),
            layers::OpenLayer(layer("organic_sources")).texts("kind"),
            layers::readFlags(layer("organic_sources"), "landfilled", diagnostics),
            sites,
            layers::readQuantities(layer("composting_sites"), "", layers::field_names::kCapacity,
                                   diagnostics),
            facilities,
            layers::readFacilityKinds(layer("waste_facilities"), "kind", diagnostics),
            layers::readQuantities(layer("waste_facilities"), "capacity_t_per_year",
                                   layers::field_names::kCapacity, diagnostics, unlimited, "t",
                                   unlimited),
            std::vector<double>(facilities.ids.size(), std::nan(""))};
  }
};

const std::vector<OrganicStrategy> kStrategies{
    {"baseline", false, false, "truck_average"},
    {"composting", true, false, "truck_average"},
    {"waste_to_energy", false, true, "truck_average"},
    {"composting_and_plant", true, true, "truck_average"}};

TEST_F(OrganicStrategies, TheBaselineReproducesTheReportsLandfillMethane) {
  const OrganicStrategiesResult r = runOrganicStrategies(input(), kStrategies, factors, {});
  const ClimateBalance b = balanceOf(r.outcomes[0].activities, factors);
  // 600 kt of organic waste and 48 kt of sludge landfilled (EN:1573, 1555).
  EXPECT_NEAR(r.outcomes[0].landfilled, 648000, 1);
  EXPECT_NEAR(b.gas("baseline", layers::Gas::CH4, "landfill methane").central, 35000, 350)
      << "EN:1583: 35,000 t of methane";
  EXPECT_NEAR(b.co2e("baseline", "landfill methane").central, 879000, 8790)
      << "EN:1585: 879,000 t CO2e";
}

TEST_F(OrganicStrategies, CompostingAndThePlantCutMethaneAndLoseNoTonne) {
  const OrganicStrategiesResult r = runOrganicStrategies(input(), kStrategies, factors, {});
  const ClimateBalance b = balanceOf(allActivities(r), factors);
  const double baseline = b.co2e("baseline").central;
  for (const StrategyOutcome& o : r.outcomes) {
    // What the firms keep (their waste is not landfilled today) aside, every
    // tonne is composted, landfilled or burned, once.
    const double firmsKeep = o.composted > 0 ? 18000 : 90000;
    EXPECT_NEAR(o.composted + o.landfilled + o.toPlant + firmsKeep, 738000, 1) << o.strategy;
    const layers::Range total = b.co2e(o.strategy);
    EXPECT_LE(total.low, total.central) << o.strategy;
    EXPECT_LE(total.central, total.high) << o.strategy;
    if (o.strategy != "baseline") {
      EXPECT_LT(total.central, baseline) << o.strategy;
    }
  }
  // The plant takes all that is not composted: no methane is left.
  EXPECT_EQ(b.gas("composting_and_plant", layers::Gas::CH4, "landfill methane").central, 0);
  EXPECT_GT(b.co2e("composting", "transport").central, 0);
}

TEST_F(OrganicStrategies, APlantAskedForWhereThereIsNoneIsSaid) {
  OrganicWasteInput in = input();
  for (layers::FacilityKind& k : in.facilityKinds)
    if (k == layers::FacilityKind::WasteToEnergy)
      k = layers::FacilityKind::Other;
  EXPECT_THROW(runOrganicStrategies(in, {kStrategies[2]}, factors, {}), layers::OptionError);
}

}  // namespace
}  // namespace cp::analyses
