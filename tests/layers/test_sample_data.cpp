// The Almaty sample data set checked against the report (shared/seeds FACTS ids
// in comments) and for the rules every layer must keep.

#include <gtest/gtest.h>

#include <map>
#include <set>

#include <ogr_api.h>

#include "layers/flow_reader.h"
#include "layers/jobs/od_job.h"
#include "layers/ogr_source.h"
#include "support/temp_files.h"

namespace cp::layers {
namespace {

const std::vector<std::string> kSpatialLayers = {"roads",
                                                 "districts",
                                                 "district_centres",
                                                 "industrial_zones",
                                                 "agricultural_land",
                                                 "organic_sources",
                                                 "composting_sites",
                                                 "waste_facilities",
                                                 "settlements",
                                                 "boundaries"};
const std::vector<std::string> kTables = {"zone_products", "material_flows", "provenance"};

double sum(const std::string& layer, const std::string& field, const std::string& where = "") {
  OpenLayer l(
      LayerRef::parse(test::sampleLayer(layer) + (where.empty() ? "" : "|subset=" + where)));
  double total = 0;
  for (auto& f : l.layer())
    total += f->GetFieldAsDouble(field.c_str());
  return total;
}

double area(const OGRGeometry* g) {
  if (g == nullptr || g->IsEmpty())
    return 0.0;
  const OGRwkbGeometryType t = wkbFlatten(g->getGeometryType());
  const bool surface = t == wkbPolygon || t == wkbMultiPolygon || t == wkbGeometryCollection;
  return surface ? OGR_G_Area(OGRGeometry::ToHandle(const_cast<OGRGeometry*>(g))) : 0.0;
}

std::map<std::string, std::set<std::string>> productsByZone() {
  OpenLayer l(LayerRef::parse(test::sampleLayer("zone_products")));
  std::map<std::string, std::set<std::string>> out;
  for (auto& f : l.layer())
    out[f->GetFieldAsString("zone_id")].insert(f->GetFieldAsString("product"));
  return out;
}

TEST(SampleData, DistrictPopulationIsTheOfficialOneWithLowerBoundsFlagged) {
  EXPECT_EQ(sum("districts", "population"), 2165759);  // gov.kz district pages
  EXPECT_EQ(sum("districts", "population_is_lower_bound"), 2);
  OpenLayer l(
      LayerRef::parse(test::sampleLayer("districts") + "|subset=population_is_lower_bound = 1"));
  std::set<std::string> names;
  for (auto& f : l.layer())
    names.insert(f->GetFieldAsString("name"));
  EXPECT_EQ(names, (std::set<std::string>{"Auezov", "Turksib"}));
  // Below the OSM city node's 2,228,515: two districts are lower bounds.
  EXPECT_LT(sum("districts", "population"), 2228515);
}

// EN:1697: the floor surface grows by 2 million m² a year - all of it building
// floor. EN:1822-1826: the 33 / 23 / 44 % split is of the stock addition's mass,
// so buildings share the floor 33 : 23 and infrastructure, which has no floor,
// takes 44 % of the 1,822 kt of yearly inputs (EN:1750-1752) in tonnes.
TEST(SampleData, FloorGrowthIsBuildingsAndInfrastructureIsMass_EN1697_EN1825) {
  const double residential = sum("districts", "growth_residential_m2_per_year");
  const double nonResidential = sum("districts", "growth_nonresidential_m2_per_year");
  EXPECT_NEAR(residential + nonResidential, 2e6, 8);
  EXPECT_NEAR(residential / nonResidential, 33.0 / 23.0, 1e-4);
  EXPECT_NEAR(sum("districts", "growth_infrastructure_t_per_year"), 0.44 * 1822000, 8);
}

TEST(SampleData, GrowthAndDemolitionFollowTheReport) {
  // ~500 houses (FACTS B04).
  EXPECT_EQ(sum("districts", "demolition_candidate_houses"), 500);
  // The stock implied by +3 %/yr = 2 M m2: 66.7 M m2.
  EXPECT_NEAR(
      sum("districts", "residential_floor_m2") + sum("districts", "nonresidential_floor_m2"),
      2e6 / 0.03, 10);
}

TEST(SampleData, OrganicSourcesAreCalibratedToTheReport) {
  EXPECT_NEAR(
      sum("organic_sources", "tonnes_per_year", "landfilled = 1 AND kind <> 'sewage_sludge'"),
      600000,
      1);  // M17
  EXPECT_NEAR(sum("organic_sources", "tonnes_per_year", "source_id LIKE 'FIRM-%'"), 90000,
              1e-6);  // M19
  EXPECT_NEAR(sum("organic_sources", "tonnes_per_year", "kind = 'sewage_sludge'"), 48000,
              1e-6);  // M10
  OpenLayer firms(
      LayerRef::parse(test::sampleLayer("organic_sources") + "|subset=source_id LIKE 'FIRM-%'"));
  EXPECT_EQ(firms.layer().GetFeatureCount(), 9);  // nine agri-food firms
}

// EN:1573 gives 600 kt of organic waste landfilled, more than Karasai's whole
// intake of 480 kt (EN:1977): an upper bound (FACTS C05), said on every row it
// makes; the nine firms' 90 kt (EN:1594) a lower bound. The report does not
// say it is household waste. The landfill flows go to the landfill and the
// around six dumpsites (EN:1994-1995), not to a landfill that takes less.
TEST(SampleData, OrganicWasteBoundsAndDisposalSites_EN1573_EN1977_EN1995) {
  EXPECT_NEAR(sum("organic_sources", "tonnes_per_year", "bound = 'upper'"), 600000, 1);
  EXPECT_NEAR(sum("organic_sources", "tonnes_per_year", "bound = 'lower'"), 90000, 1e-6);
  EXPECT_EQ(sum("organic_sources", "tonnes_per_year", "kind = 'households'"), 0);
  OpenLayer dumpsites(
      LayerRef::parse(test::sampleLayer("waste_facilities") + "|subset=kind = 'dumpsite'"));
  EXPECT_EQ(dumpsites.layer().GetFeatureCount(), 6);
  EXPECT_EQ(sum("material_flows", "tonnes_per_year", "destination_id = 'karasai_landfill'"), 0);
  EXPECT_NEAR(sum("material_flows", "tonnes_per_year",
                  "view = 'agri_food' AND destination_id = 'disposal_sites'"),
              648000, 1);
}

TEST(SampleData, ZonesCarryTheReportsProductLines) {
  const auto products = productsByZone();
  EXPECT_EQ(products.at("Z-ALATAU"), (std::set<std::string>{"energy-efficient facades", "concrete",
                                                            "windows", "metal structures"}));
  EXPECT_EQ(products.at("Z-KAPSHAGAY"), (std::set<std::string>{"sandwich panels", "gas blocks"}));
  EXPECT_EQ(products.at("Z-KASKELEN"), (std::set<std::string>{"concrete products"}));
  EXPECT_EQ(products.at("Z-TALGAR"),
            (std::set<std::string>{"aluminium window frames", "PVC window frames"}));
  EXPECT_EQ(products.at("Z-ZHAMBYL"), (std::set<std::string>{"cement", "building stone"}));
  EXPECT_GT(sum("zone_products", "capacity_t_per_year"), 0);
}

// Cement comes from Zhambyl (EN:2825) and the zones make concrete (EN:2820,
// 2824): the cement inside that concrete goes to the zones, not to the city as
// well, so the city's supply counts each tonne once.
TEST(SampleData, CementInConcreteIsNotCountedTwice_EN2820_EN2825) {
  const std::string cement = "origin_id = 'Z-ZHAMBYL' AND material = 'cement'";
  const double toZones =
      sum("material_flows", "tonnes_per_year", cement + " AND stage = 'production'");
  const double toCity =
      sum("material_flows", "tonnes_per_year", cement + " AND stage = 'consumption'");
  const double concrete =
      sum("zone_products", "capacity_t_per_year", "product IN ('concrete', 'concrete products')");
  EXPECT_NEAR(toZones, 0.13 * concrete, 1);  // 13 % cement by mass, an estimate
  EXPECT_NEAR(
      toCity,
      sum("zone_products", "capacity_t_per_year", "zone_id = 'Z-ZHAMBYL' AND product = 'cement'"),
      1);
  EXPECT_NEAR(toZones + toCity, 250'000, 1);  // all of Zhambyl's cement, once
  EXPECT_EQ(sum("material_flows", "tonnes_per_year",
                cement + " AND stage = 'production' AND destination_id NOT IN "
                         "('Z-ALATAU', 'Z-KASKELEN')"),
            0);
}

TEST(SampleData, WasteFacilitiesCarryTheReportsIntakes) {
  EXPECT_EQ(sum("waste_facilities", "intake_t_per_year", "kind = 'landfill'"), 480000);  // W02
  EXPECT_EQ(sum("waste_facilities", "capacity_t_per_year", "kind = 'sorting_plant'"),
            550000);  // W03
}

TEST(SampleData, AgriculturalPatchworkKeepsTheOblastLandShares) {
  // 8.6 Mha agricultural, 1.0 Mha arable of which 0.4 Mha irrigated (A01-A03), 86 ha greenhouses
  // (A04).
  const double total = sum("agricultural_land", "area_ha");
  const double irrigated =
      sum("agricultural_land", "area_ha", "land_use IN ('irrigated','orchard','greenhouse')");
  const double arable = sum("agricultural_land", "area_ha", "land_use <> 'pasture'");
  EXPECT_NEAR(irrigated / total, 0.4 / 8.6, 0.005);
  EXPECT_NEAR(arable / total, 1.0 / 8.6, 0.005);
  EXPECT_NEAR(sum("agricultural_land", "area_ha", "land_use = 'greenhouse'"), 86, 1);
  EXPECT_EQ(sum("agricultural_land", "compost_demand_t_per_year", "land_use = 'pasture'"), 0);
}

// Farmland is the plain north of the Trans-Ili Alatau (EN:867, EN:2516): no
// parcel lies in the mountains south of the city, none south of 43.16 N.
TEST(SampleData, FarmlandStaysOutOfTheMountains_EN867) {
  OpenLayer parcels(LayerRef::parse(test::sampleLayer("agricultural_land")));
  for (auto& p : parcels.layer()) {
    OGREnvelope e;
    p->GetGeometryRef()->getEnvelope(&e);
    EXPECT_GT(e.MinY, 43.16) << "parcel " << p->GetFieldAsString("parcel_id");
  }
}

// EN:1661: Amiran is "from the village of Shymbulak, just a few kilometres
// outside Almaty", not the ski resort of that name 19.6 km away (FACTS P15).
// EN:2184: Altyn Orda is a car-repair market, no source of organic residues.
TEST(SampleData, PlacesAreWhereTheReportSaysTheyAre_EN1661_EN2184) {
  OpenLayer amiran(
      LayerRef::parse(test::sampleLayer("organic_sources") + "|subset=name LIKE 'Amiran%'"));
  OpenLayer village(LayerRef::parse(test::sampleLayer("settlements") +
                                    "|subset=name_ru = 'Чимбулак' AND place = 'village'"));
  ASSERT_EQ(amiran.layer().GetFeatureCount(), 1);
  ASSERT_EQ(village.layer().GetFeatureCount(), 1);
  const std::unique_ptr<OGRFeature> a(amiran.layer().GetNextFeature());
  const std::unique_ptr<OGRFeature> v(village.layer().GetNextFeature());
  EXPECT_LT(a->GetGeometryRef()->Distance(v->GetGeometryRef()), 1e-4);  // degrees: ~10 m
  OpenLayer altynOrda(
      LayerRef::parse(test::sampleLayer("organic_sources") + "|subset=name LIKE '%Altyn Orda%'"));
  EXPECT_EQ(altynOrda.layer().GetFeatureCount(), 0);
}

TEST(SampleData, ParcelsDoNotOverlapAndStayOutOfTheCity) {
  OpenLayer parcels(LayerRef::parse(test::sampleLayer("agricultural_land")));
  OpenLayer districts(LayerRef::parse(test::sampleLayer("districts")));
  std::unique_ptr<OGRGeometry> city;
  for (auto& d : districts.layer())
    city.reset(city ? city->Union(d->GetGeometryRef()) : d->GetGeometryRef()->clone());
  std::unique_ptr<OGRGeometry> all;
  double areaSum = 0;
  for (auto& p : parcels.layer()) {
    const OGRGeometry* g = p->GetGeometryRef();
    areaSum += area(g);
    std::unique_ptr<OGRGeometry> inCity(g->Intersection(city.get()));
    EXPECT_LT(area(inCity.get()), 1e-9 * area(g)) << "parcel " << p->GetFID();
    all.reset(all ? all->Union(g) : g->clone());
  }
  // In degrees squared: only the union's area equals the sum when nothing overlaps.
  EXPECT_NEAR(area(all.get()), areaSum, 1e-6 * areaSum);
}

TEST(SampleData, ReportFlowsKeepTheirValuesAndViews) {
  EXPECT_EQ(sum("material_flows", "tonnes_per_year", "flow_id = 'M17'"), 600000);
  EXPECT_EQ(sum("material_flows", "tonnes_per_year", "flow_id = 'M22'"), 1456000);
  // EN:1326: 11 Mt enter the city, the 5.6 Mt of materials and 5.4 Mt of fuels.
  EXPECT_EQ(sum("material_flows", "tonnes_per_year", "flow_id IN ('M01', 'M04')"), 11000000);
  OpenLayer flows(LayerRef::parse(test::sampleLayer("material_flows")));
  const std::set<std::string> views{"city_total",   "city_metals", "agri_food",
                                    "construction", "industry",    "province"};
  const std::set<std::string> classes{"biomass", "minerals",  "metals", "fossil_fuels",
                                      "water",   "emissions", "mixed"};
  for (auto& f : flows.layer()) {
    EXPECT_TRUE(views.count(f->GetFieldAsString("view"))) << f->GetFieldAsString("flow_id");
    EXPECT_TRUE(classes.count(f->GetFieldAsString("material_class")))
        << f->GetFieldAsString("flow_id");
  }
}

// The construction view counts each tonne once: the 1,456 kt of minerals
// (EN:1752) and the 1.5 Mt from the province (EN:1759) are the same minerals,
// and the province's 37 Mt of extraction (EN:1757) is a view of its own. The
// city takes in 1,822 kt and keeps 1,743 kt ("over 1.7 Mt", EN:1800) after
// 79 kt landfilled (EN:1785): it balances.
TEST(SampleData, TheConstructionViewBalances_EN1752_EN1759_EN1800) {
  Diagnostics diagnostics;
  FlowFilter report;
  report.scenario = "report_baseline";
  const std::vector<Flow> flows = filteredFlows(
      readFlows(LayerRef::parse(test::sampleLayer("material_flows")), diagnostics), report);
  bool seen = false;
  for (const NodeBalance& b : balances(flows, {"stock"}))
    if (b.group == "construction" && b.node == "city") {
      seen = true;
      EXPECT_NEAR(b.in, 1822000, 1);
      EXPECT_NEAR(b.imbalance(), 0, 1)
          << "in " << b.in << ", out " << b.out << ", stock " << b.stockChange;
    }
  EXPECT_TRUE(seen);
}

// Methane (EN:1583), CO2e (EN:1401) and water (EN:1353, m³) are not material
// tonnes: each row says its unit, and only material is in tonnes.
TEST(SampleData, EachFlowSaysItsUnitAndOnlyMaterialIsInTonnes) {
  OpenLayer flows(LayerRef::parse(test::sampleLayer("material_flows")));
  std::map<std::string, std::string> unitOf;
  for (auto& f : flows.layer()) {
    const std::string id = f->GetFieldAsString("flow_id");
    const std::string unit = f->GetFieldAsString("unit");
    unitOf[id] = unit;
    const std::string materialClass = f->GetFieldAsString("material_class");
    if (materialClass == "emissions" || materialClass == "water")
      EXPECT_NE(unit, "t") << id << " is " << materialClass;
    else
      EXPECT_EQ(unit, "t") << id;
  }
  EXPECT_EQ(unitOf.at("M18"), "t CH4");   // EN:1583
  EXPECT_EQ(unitOf.at("G01"), "t CO2e");  // EN:1401
  EXPECT_EQ(unitOf.at("M08"), "m3");      // EN:1353
}

TEST(SampleData, EveryLayerHasValidGeometryACrsAndASourceOnEveryRow) {
  for (const std::string& name : kSpatialLayers) {
    OpenLayer l(LayerRef::parse(test::sampleLayer(name)));
    ASSERT_NE(l.layer().GetSpatialRef(), nullptr) << name;
    ASSERT_GT(l.layer().GetFeatureCount(), 0) << name;
    for (auto& f : l.layer()) {
      const OGRGeometry* g = f->GetGeometryRef();
      ASSERT_NE(g, nullptr) << name << " " << f->GetFID();
      EXPECT_TRUE(g->IsValid()) << name << " " << f->GetFID();
      EXPECT_STRNE(f->GetFieldAsString("source"), "") << name << " " << f->GetFID();
    }
  }
  for (const std::string& name : kTables) {
    OpenLayer l(LayerRef::parse(test::sampleLayer(name)));
    for (auto& f : l.layer())
      EXPECT_STRNE(f->GetFieldAsString("source"), "") << name << " " << f->GetFID();
  }
}

TEST(SampleData, EverySpatialLayerHasAStoredQgisStyle) {
  OpenLayer styles(LayerRef::parse(test::sampleLayer("layer_styles")));
  std::set<std::string> styled;
  for (auto& f : styles.layer())
    if (f->GetFieldAsInteger("useAsDefault") == 1)
      styled.insert(f->GetFieldAsString("f_table_name"));
  for (const std::string& name : kSpatialLayers)
    EXPECT_TRUE(styled.count(name)) << name;
}

TEST(SampleData, OsmAttributionIsInTheMetadata) {
  GDALAllRegister();
  DatasetPtr ds(
      static_cast<GDALDataset*>(GDALOpenEx((std::string(CP_SAMPLE_DATA) + "/almaty.gpkg").c_str(),
                                           GDAL_OF_VECTOR, nullptr, nullptr, nullptr)));
  const char* attribution = ds->GetMetadataItem("ATTRIBUTION");
  ASSERT_NE(attribution, nullptr);
  EXPECT_NE(std::string(attribution).find("© OpenStreetMap contributors"), std::string::npos);
}

// The industrial zones to the district centres by road, computed once for the
// tests that read it.
struct ZonesToDistricts {
  std::string output;
  OdJobResult result;
};

const ZonesToDistricts& zonesToDistrictCentres() {
  static const ZonesToDistricts run = [] {
    OdJob job;
    job.network.roads = test::sampleLayer("roads");
    job.origins = test::sampleLayer("industrial_zones");
    job.originIdField = "zone_id";
    job.destinations = test::sampleLayer("district_centres");
    job.destinationIdField = "name";
    job.output = test::tempPath("zones_to_districts.gpkg");
    return ZonesToDistricts{job.output, runOdJob(job)};
  }();
  return run;
}

TEST(SampleData, EveryIndustrialZoneReachesEveryDistrict) {
  const OdJobResult& r = zonesToDistrictCentres().result;
  EXPECT_EQ(r.pairs, 5u * 8u);
  EXPECT_EQ(r.pairsByNetwork, r.pairs);
}

// Zhambyl is a province (EN:1712-1713, 1757, 2826): its cement and stone come
// from Taraz, about 505 km by road (the A-2's kilometre posts), over a corridor
// drawn through the towns on the road and carrying the road's own length.
TEST(SampleData, ZhambylIsAProvinceReachedOverTheA2AtItsRoadLength_EN1712) {
  ASSERT_EQ(zonesToDistrictCentres().result.pairsByNetwork, 5u * 8u);
  std::map<std::string, double> fromZhambyl;
  const OpenLayer od(LayerRef::parse(zonesToDistrictCentres().output + "|layername=od_matrix"));
  for (auto& f : od.layer())
    if (std::string(f->GetFieldAsString("origin_id")) == "Z-ZHAMBYL")
      fromZhambyl[f->GetFieldAsString("destination_id")] = f->GetFieldAsDouble("distance_m");
  ASSERT_EQ(fromZhambyl.size(), 8u);
  for (const auto& [district, metres] : fromZhambyl) {
    EXPECT_GT(metres, 480'000) << district;
    EXPECT_LT(metres, 540'000) << district;
  }
  const OpenLayer roads(
      LayerRef::parse(test::sampleLayer("roads") + "|subset=road_length_m IS NOT NULL"));
  ASSERT_EQ(roads.layer().GetFeatureCount(), 1);
  for (auto& f : roads.layer()) {
    EXPECT_EQ(f->GetFieldAsDouble("road_length_m"), 470'000);
    EXPECT_NE(std::string(f->GetFieldAsString("source")).find("kilometre posts"),
              std::string::npos);
  }
}

TEST(SampleData, EveryPlaceCanBeReachedFromEveryOther) {
  for (const auto& [layer, id] :
       std::vector<std::pair<std::string, std::string>>{{"organic_sources", "source_id"},
                                                        {"composting_sites", "site_id"},
                                                        {"waste_facilities", "facility_id"}}) {
    OdJob job;
    job.network.roads = test::sampleLayer("roads");
    job.origins = test::sampleLayer(layer);
    job.originIdField = id;
    job.analysis.snap.maxDistanceM = 500;
    job.output = test::tempPath(layer + "_od.gpkg");
    const OdJobResult r = runOdJob(job);
    EXPECT_EQ(r.pairsByNetwork, r.pairs) << layer;
  }
}

}  // namespace
}  // namespace cp::layers
