// The report's strategies for organic waste on the Almaty sample, routed on
// its roads: the baseline reproduces the report's landfill methane (35,000 t
// CH4 = 879,000 t CO2e at GWP 25, EN:1583-1586) within 1 %; composting and the
// planned plant cut it; no tonne is lost or counted twice; the ranges stay in
// order.

#include <gtest/gtest.h>

#include <cmath>
#include <map>
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
    {"baseline", 0, {}, false, "truck_average"},
    {"composting", 1, {}, false, "truck_average"},
    {"waste_to_energy", 0, {}, true, "truck_average"},
    {"composting_and_plant", 1, {}, true, "truck_average"}};

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

// A quarter of each source's waste offered to two of the sites: only those
// take any, as much as the allocation of that quarter to them alone gives; the
// rest goes where it went before. A site not among the sites is an error.
TEST_F(OrganicStrategies, AShareOfTheWasteAtChosenSitesIsWhatIsComposted) {
  const OrganicWasteInput in = input();
  const OrganicStrategy quarter{
      "quarter_at_two", 0.25, {"CS-KARASAI", "CS-PARK-SOUTH"}, false, "truck_average"};
  const OrganicStrategiesResult r =
      runOrganicStrategies(in, {kStrategies[0], quarter}, factors, {});
  const StrategyOutcome& o = r.outcomes[1];
  layers::PointData two{in.sites.layerLabel, {}, {}, {}, {}};
  std::vector<double> capacity, offered;
  for (std::size_t j = 0; j < in.sites.ids.size(); ++j) {
    const bool chosen = in.sites.ids[j] == "CS-KARASAI" || in.sites.ids[j] == "CS-PARK-SOUTH";
    if (!chosen) {
      EXPECT_EQ(o.siteIntake[j], 0) << in.sites.ids[j];
      continue;
    }
    two.ids.push_back(in.sites.ids[j]);
    two.xy.push_back(in.sites.xy[j]);
    two.lonLat.push_back(in.sites.lonLat[j]);
    capacity.push_back(in.capacity[j]);
  }
  ASSERT_EQ(two.ids.size(), 2u);
  for (double t : in.tonnes)
    offered.push_back(t / 4);
  const AllocationResult alone =
      allocateToSites({in.network, in.sources, offered, two, capacity}, {});
  EXPECT_GT(o.composted, 0);
  EXPECT_NEAR(o.composted, alone.totals.allocated, 1e-6);
  EXPECT_LE(o.composted, (648000.0 + 90000.0) / 4 + 1e-6);
  // What is not composted of the landfilled waste still goes to the landfill.
  EXPECT_LT(o.landfilled, r.outcomes[0].landfilled);
  EXPECT_GE(o.landfilled + o.composted, r.outcomes[0].landfilled - 1e-6);
  const OrganicStrategy elsewhere{"nowhere", 0.5, {"CS-NOWHERE"}, false, "truck_average"};
  EXPECT_THROW(runOrganicStrategies(in, {kStrategies[0], elsewhere}, factors, {}),
               layers::InputError);
}

// A haul's road loads, from one route search per source, carry the tonne-km
// the allocation counted from its distance matrix.
TEST_F(OrganicStrategies, TheHaulsRoadLoadsCarryTheAllocationsTonneKm) {
  const OrganicWasteInput in = input();
  const AllocationResult composting =
      allocateToSites({in.network, in.sources, in.tonnes, in.sites, in.capacity}, {});
  double tonneKm = 0;
  for (const geo::SegmentLoad& load : haulLoads(in.network, composting))
    tonneKm += load.tonneKm;
  EXPECT_GT(composting.totals.tonneKm, 0);
  EXPECT_NEAR(tonneKm, composting.totals.tonneKm, 1e-6 * composting.totals.tonneKm);
}

double sumOf(const layers::ResultTable& table, std::size_t field, const std::string& scenario) {
  double sum = 0;
  for (const layers::ResultRow& row : table.rows)
    if (std::get<std::string>(row.values[0]) == scenario)
      sum += std::get<double>(row.values[field]);
  return sum;
}

TEST_F(OrganicStrategies, TheMapsOfChangesAddUpToWhereTheWasteGoes) {
  const OrganicWasteInput in = input();
  const OrganicStrategiesResult r = runOrganicStrategies(in, kStrategies, factors, {});
  const StrategyChanges changes = strategyChanges(r, in, "baseline");
  const layers::ResultTable& roads = changes.roads;
  const layers::ResultTable& places = changes.sites;
  ASSERT_EQ(roads.name, "strategy_road_changes");
  ASSERT_EQ(places.name, "strategy_site_changes");
  // Fields: scenario, place_id, place_kind, intake_t, baseline_t, change_t.
  for (const StrategyOutcome& o : r.outcomes) {
    if (o.strategy == "baseline") {
      EXPECT_EQ(sumOf(places, 3, o.strategy), 0) << "the baseline is not compared with itself";
      continue;
    }
    EXPECT_NEAR(sumOf(places, 3, o.strategy), o.composted + o.landfilled + o.toPlant, 1e-6)
        << o.strategy;
    EXPECT_NEAR(sumOf(places, 4, o.strategy), 648000, 1e-6) << o.strategy;
  }
  for (const layers::ResultRow& row : places.rows) {
    const double intake = std::get<double>(row.values[3]), before = std::get<double>(row.values[4]);
    EXPECT_DOUBLE_EQ(std::get<double>(row.values[5]), intake - before);
  }
  // The plant takes what the landfill took: the landfill loses all, the plant gains it.
  std::map<std::string, double> plantCase;
  for (const layers::ResultRow& row : places.rows)
    if (std::get<std::string>(row.values[0]) == "waste_to_energy")
      plantCase[std::get<std::string>(row.values[1])] = std::get<double>(row.values[5]);
  EXPECT_NEAR(plantCase.at("WF-LANDFILL"), -648000, 1e-6);
  EXPECT_NEAR(plantCase.at("WF-WTE"), 648000, 1e-6);
  // Fields: scenario, segment, tonnes, baseline_t, change_t; only what changes, with its line.
  ASSERT_FALSE(roads.rows.empty());
  for (const layers::ResultRow& row : roads.rows) {
    const double t = std::get<double>(row.values[2]), before = std::get<double>(row.values[3]);
    EXPECT_NE(std::get<std::string>(row.values[0]), "baseline");
    EXPECT_DOUBLE_EQ(std::get<double>(row.values[4]), t - before);
    EXPECT_GT(std::abs(t - before), 0);
    EXPECT_NE(row.geometry, nullptr);
  }
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
