// The organic waste not composted, without QGIS, on the Almaty roads: today
// each source to its nearest landfill or dumpsite; with a planned plant, the
// plant filled to its capacity and the rest still disposed of, no tonne lost
// or counted twice; what each facility receives against what it is
// registered to take (FACTS C05: 600 kt of organics against Karasai's 480 kt
// of all waste, EN:1573, EN:1977).

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <numeric>

#include "almaty_places.h"
#include "layers/analyses/waste_disposal.h"

namespace cp::analyses {
namespace {

using layers::FacilityKind;
constexpr double kUnlimited = std::numeric_limits<double>::infinity();

class WasteDisposalAnalysis : public test::OnAlmatyRoads {
 protected:
  static WasteDisposalOptions dumpsitesToo() {
    WasteDisposalOptions options;
    options.toDumpsites = true;
    return options;
  }
  const WasteDisposalOptions withDumpsites = dumpsitesToo();
  // A landfill, a dumpsite, a sorting plant (no destination), a plant, a typo.
  layers::PointData facilities = places("facility", 5, 41);
  std::vector<FacilityKind> kinds{FacilityKind::Landfill, FacilityKind::Dumpsite,
                                  FacilityKind::SortingPlant, FacilityKind::WasteToEnergy,
                                  FacilityKind::Other};
  layers::PointData sources = places("source", 20, 42);

  WasteDisposalInput input(std::vector<double> residual, double plantCapacity,
                           double landfillRegistered = std::nan("")) const {
    return {network(),
            sources,
            std::move(residual),
            facilities,
            kinds,
            {kUnlimited, kUnlimited, 550000, plantCapacity, kUnlimited},
            {landfillRegistered, std::nan(""), 480000, std::nan(""), std::nan("")}};
  }
};

double sum(const std::vector<double>& v) {
  return std::accumulate(v.begin(), v.end(), 0.0);
}

TEST_F(WasteDisposalAnalysis, TodayEachSourceGoesWholeToItsNearestDisposalSite) {
  const std::vector<double> residual(sources.ids.size(), 1000);
  const WasteDisposalResult r = disposeOfWaste(input(residual, 5000), withDumpsites);
  ASSERT_EQ(r.disposal.index, (std::vector<std::size_t>{0, 1}));  // the landfill and the dumpsite
  ASSERT_EQ(r.plants.index, (std::vector<std::size_t>{3}));
  EXPECT_NEAR(r.today.totals.allocated, sum(residual), 1e-6);
  for (const geo::AllocationFlow& f : r.today.allocation.flows) {
    EXPECT_DOUBLE_EQ(f.tonnes, residual[f.source]);
    const double km = r.today.joined.routes.at(f.source, f.site).distanceM;
    for (std::size_t j = 0; j < r.disposal.index.size(); ++j)
      EXPECT_LE(km, r.today.joined.routes.at(f.source, j).distanceM + 1e-6) << f.source;
  }
}

// The plant takes what its capacity allows, the least tonne-km of it; the
// rest still goes to disposal: every tonne once.
TEST_F(WasteDisposalAnalysis, ThePlantIsFilledToItsCapacityAndTheRestDisposedOf) {
  std::vector<double> residual(sources.ids.size());
  std::iota(residual.begin(), residual.end(), 500.0);
  const double capacity = 6000;
  const WasteDisposalResult r = disposeOfWaste(input(residual, capacity), withDumpsites);
  ASSERT_TRUE(r.toPlants && r.rest);
  EXPECT_NEAR(r.toPlants->totals.allocated, capacity, 1e-6);
  EXPECT_NEAR(r.toPlants->totals.allocated + r.rest->totals.allocated, sum(residual), 1e-6);
  for (std::size_t i = 0; i < residual.size(); ++i)
    EXPECT_NEAR(r.toPlants->sources[i].allocated + r.rest->sources[i].allocated, residual[i], 1e-6);
  // The tables say the same: each facility's organic intake in both cases.
  const std::vector<layers::ResultTable> tables = wasteDisposalTables(r, input(residual, capacity));
  ASSERT_EQ(tables.size(), 3U);
  EXPECT_EQ(tables[0].name, "disposal_today");
  EXPECT_EQ(tables[1].name, "disposal_with_plant");
  const layers::ResultTable& perFacility = tables[2];
  double today = 0, withPlant = 0;
  for (const layers::ResultRow& row : perFacility.rows) {
    today += std::get<double>(row.values[4]);
    withPlant += std::get<double>(row.values[5]);
  }
  EXPECT_NEAR(today, sum(residual), 1e-6);
  EXPECT_NEAR(withPlant, sum(residual), 1e-6);
  EXPECT_NEAR(std::get<double>(perFacility.rows[3].values[5]), capacity, 1e-6);
  EXPECT_EQ(std::get<double>(perFacility.rows[2].values[4]), 0);  // the sorting plant
  for (const layers::ResultRow& row : tables[1].rows)
    EXPECT_TRUE(std::get<std::string>(row.values[5]) == "waste_to_energy" ||
                std::get<std::string>(row.values[5]) == "landfill" ||
                std::get<std::string>(row.values[5]) == "dumpsite");
}

TEST_F(WasteDisposalAnalysis, OrganicsBeyondAllTheWasteAFacilityTakesAreSaid) {
  const std::vector<double> residual(sources.ids.size(), 30000);  // 600 kt in all
  const WasteDisposalResult r = disposeOfWaste(input(residual, 0, 1.0), {});
  ASSERT_EQ(r.disposal.index, (std::vector<std::size_t>{0}));  // the landfill alone, by default
  std::string said;
  for (const auto& d : r.diagnostics.all())
    said += d.feature + ": " + d.message + "\n";
  EXPECT_NE(said.find("facility0: Today, the organic waste sent here ("), std::string::npos)
      << said;
  EXPECT_NE(said.find("exceeds all the waste it is registered to take (1 t/yr)"),
            std::string::npos);
}

TEST_F(WasteDisposalAnalysis, WithoutALandfillOrAskedForDumpsiteNothingIsComputed) {
  kinds = {FacilityKind::WasteToEnergy, FacilityKind::SortingPlant, FacilityKind::Dumpsite,
           FacilityKind::Other, FacilityKind::Other};
  const std::vector<double> residual(sources.ids.size(), 1);
  EXPECT_THROW(disposeOfWaste(input(residual, 10), {}), layers::OptionError);
  EXPECT_EQ(disposeOfWaste(input(residual, 10), withDumpsites).disposal.index,
            (std::vector<std::size_t>{2}));
}

TEST_F(WasteDisposalAnalysis, WithoutAPlantOnlyTodayIsComputedAndThatIsSaid) {
  kinds[3] = FacilityKind::Other;
  const WasteDisposalResult r =
      disposeOfWaste(input(std::vector<double>(sources.ids.size(), 1), 10), {});
  EXPECT_FALSE(r.toPlants);
  EXPECT_EQ(r.diagnostics.all().back().message.rfind("no waste-to-energy plant", 0), 0U);
  EXPECT_EQ(wasteDisposalTables(r, input({}, 10)).size(), 2U);
}

// What is composted is not disposed of; a firm's own residues (landfilled:
// no, EN:1596) are not either, and that is said; a composted table that does
// not belong to the sources is refused.
TEST(ResidualWaste, CompostedAndFirmsOwnResiduesAreNotDisposedOf) {
  layers::PointData sources;
  sources.layerLabel = "organic_sources";
  sources.ids = {"MOW-Turksib", "FIRM-1", "PARK-CENTRAL"};
  const std::vector<double> tonnes{70271, 20000, 12000};
  layers::Diagnostics said;
  const std::vector<double> residual =
      residualWaste(sources, tonnes, {true, false, true},
                    {{"MOW-Turksib", 40000}, {"FIRM-1", 5000}}, "status", said);
  EXPECT_EQ(residual, (std::vector<double>{30271, 0, 12000}));
  ASSERT_EQ(said.all().size(), 1U);
  EXPECT_NE(said.all()[0].message.find("FIRM-1, 15000 t/yr not composted) send nothing"),
            std::string::npos)
      << said.all()[0].message;
  EXPECT_THROW(residualWaste(sources, tonnes, {}, {{"MOW-Nowhere", 1}}, "status", said),
               layers::InputError);
  EXPECT_THROW(residualWaste(sources, tonnes, {}, {{"PARK-CENTRAL", 12001}}, "status", said),
               layers::InputError);
  EXPECT_EQ(residualWaste(sources, tonnes, {}, {}, "status", said), tonnes);
}

TEST(FacilityKinds, TheUsualWordsInAnyCaseAndSpellingAndTyposSaid) {
  layers::Diagnostics said;
  layers::KindRows rows("waste_facilities", "kind", said);
  for (const char* text : {"landfill", " LANDFILL ", "dump site", "Sorting-Plant",
                           "Waste-to-Energy", "incinerator", "landfil", ""})
    rows.add(text, text);
  const std::vector<FacilityKind> kinds = rows.finish();
  EXPECT_EQ(kinds, (std::vector<FacilityKind>{
                       FacilityKind::Landfill, FacilityKind::Landfill, FacilityKind::Dumpsite,
                       FacilityKind::SortingPlant, FacilityKind::WasteToEnergy,
                       FacilityKind::WasteToEnergy, FacilityKind::Other, FacilityKind::Other}));
  ASSERT_EQ(said.all().size(), 1U);
  EXPECT_NE(said.all()[0].message.find("landfil ('landfil'),  ('')"), std::string::npos)
      << said.all()[0].message;
}

}  // namespace
}  // namespace cp::analyses
