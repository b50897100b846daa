// Every role read from PostGIS through QGIS's own PostgreSQL provider - tables,
// a view, and tables without geometry - gives the same results as the same
// data read from the GeoPackage; so do the runner's jobs reading PostGIS
// through GDAL. The database is a throwaway real server.

#include <gdal_utils.h>
#include <gtest/gtest.h>

#include <QTemporaryDir>

#include <qgsproject.h>

#include "layers/jobs/compost_outlets_job.h"
#include "layers/jobs/construction_jobs.h"
#include "layers/jobs/flow_jobs.h"
#include "processing_run.h"
#include "support/pg_cluster.h"

namespace cp {
namespace {

using test::AlgorithmRun;
using test::runAlgorithm;
using test::sample;

const char* const kTables[] = {
    "roads",           "districts",        "industrial_zones",  "zone_products",
    "organic_sources", "composting_sites", "agricultural_land", "material_flows",
    "coefficients"};

// Copies the sample's tables into a fresh database, as a team would load them.
void loadSample(const std::string& conninfo) {
  test::PgConnection(conninfo).exec("CREATE EXTENSION postgis");
  for (const char* table : kTables) {
    const char* args[] = {"-f", "PostgreSQL", "-lco", "GEOMETRY_NAME=geom", table, nullptr};
    GDALVectorTranslateOptions* options =
        GDALVectorTranslateOptionsNew(const_cast<char**>(args), nullptr);
    GDALDatasetH source = GDALOpenEx((std::string(CP_SAMPLE_DATA) + "/almaty.gpkg").c_str(),
                                     GDAL_OF_VECTOR, nullptr, nullptr, nullptr);
    int failed = 0;
    GDALDatasetH out =
        GDALVectorTranslate(("PG:" + conninfo).c_str(), nullptr, 1, &source, options, &failed);
    GDALVectorTranslateOptionsFree(options);
    GDALClose(source);
    if (out == nullptr || failed)
      throw std::runtime_error(std::string("cannot load ") + table + " into PostGIS");
    GDALClose(out);
  }
  test::PgConnection(conninfo).exec(
      "CREATE VIEW organic_in_city AS SELECT * FROM organic_sources WHERE tonnes_per_year > 0");
}

class ProcessingPostgis : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    cluster_ = new test::PgCluster();
    loadSample(cluster_->conninfo());
  }
  static void TearDownTestSuite() {
    delete cluster_;
    cluster_ = nullptr;
  }

  // The table (or view) as QGIS's PostgreSQL provider opens it, in the project.
  QString postgis(const QString& table, bool geometry = true) {
    QString uri = QString::fromStdString(cluster_->conninfo()) +
                  QStringLiteral(" key='fid' table=\"public\".\"%1\"").arg(table);
    if (geometry)
      uri += QStringLiteral(" (geom)");
    auto* layer = new QgsVectorLayer(uri, table, QStringLiteral("postgres"));
    EXPECT_TRUE(layer->isValid()) << uri.toStdString() << " is not readable";
    EXPECT_EQ(layer->providerType(), QStringLiteral("postgres"));
    layers_.push_back(std::make_unique<test::ProjectLayer>(layer));
    return layer->id();
  }

  // A number the algorithm reports, or else the sum of that field of its output.
  static double measured(const AlgorithmRun& run, const QString& measure) {
    return run.results.contains(measure) ? run.results.value(measure).toDouble()
                                         : test::sum(*run.output, measure.toLower());
  }

  // Runs the algorithm on the GeoPackage and on PostGIS and compares a result.
  static void expectSame(const QString& algorithm, const QVariantMap& fromFile,
                         const QVariantMap& fromDatabase, const QString& measure) {
    const AlgorithmRun file = runAlgorithm(algorithm, fromFile);
    const AlgorithmRun database = runAlgorithm(algorithm, fromDatabase);
    ASSERT_TRUE(file.ok) << file.errors.toStdString();
    ASSERT_TRUE(database.ok) << database.errors.toStdString();
    const double expected = measured(file, measure);
    EXPECT_GT(expected, 0) << measure.toStdString();
    EXPECT_NEAR(measured(database, measure), expected, 1e-9 * expected)
        << algorithm.toStdString() << " " << measure.toStdString();
    EXPECT_EQ(database.output->featureCount(), file.output->featureCount());
  }

  static test::PgCluster* cluster_;
  std::vector<std::unique_ptr<test::ProjectLayer>> layers_;
};

test::PgCluster* ProcessingPostgis::cluster_ = nullptr;

TEST_F(ProcessingPostgis, OrganicWasteFromAViewToSitesInATable) {
  const QVariantMap file{{"ROADS", sample("roads")},
                         {"SOURCES", sample("organic_sources")},
                         {"SOURCE_ID", "source_id"},
                         {"SITES", sample("composting_sites")},
                         {"SITE_ID", "site_id"}};
  QVariantMap database = file;
  database.insert({{"ROADS", postgis("roads")},
                   {"SOURCES", postgis("organic_in_city")},
                   {"SITES", postgis("composting_sites")}});
  expectSame("circularplanner:allocation", file, database, "TONNE_KM");
  database.insert("CUTOFF", 20000);
  QVariantMap fileCut = file;
  fileCut.insert("CUTOFF", 20000);
  expectSame("circularplanner:catchments", fileCut, database, "TONNES");
}

TEST_F(ProcessingPostgis, CompostToFarmland) {
  const QVariantMap file{{"ROADS", sample("roads")}, {"SITES", sample("composting_sites")},
                         {"SITE_ID", "site_id"},     {"FARMLAND", sample("agricultural_land")},
                         {"PARCEL_ID", "parcel_id"}, {"COEFFICIENTS", sample("coefficients")}};
  QVariantMap database = file;
  database.insert({{"ROADS", postgis("roads")},
                   {"SITES", postgis("composting_sites")},
                   {"FARMLAND", postgis("agricultural_land")},
                   {"COEFFICIENTS", postgis("coefficients", false)}});
  expectSame("circularplanner:compostoutlets", file, database, "PLACED_TONNES");
}

TEST_F(ProcessingPostgis, FlowTablesWithoutGeometry) {
  const QVariantMap file{{"ROADS", sample("roads")},
                         {"FLOWS", sample("material_flows")},
                         {"PLACES", QStringList{sample("industrial_zones"), sample("districts")}},
                         {"SCENARIO", "masterplan_2050_illustrative"}};
  QVariantMap database = file;
  database.insert({{"ROADS", postgis("roads")},
                   {"FLOWS", postgis("material_flows", false)},
                   {"PLACES", QStringList{postgis("industrial_zones"), postgis("districts")}}});
  expectSame("circularplanner:flowlines", file, database, "TONNE_KM");

  const QVariantMap supplyFile{{"ROADS", sample("roads")},
                               {"DISTRICTS", sample("districts")},
                               {"DISTRICT_ID", "district_id"},
                               {"ZONES", sample("industrial_zones")},
                               {"ZONE_ID", "zone_id"},
                               {"PRODUCTS", sample("zone_products")},
                               {"COEFFICIENTS", sample("coefficients")}};
  QVariantMap supplyDatabase = supplyFile;
  supplyDatabase.insert({{"ROADS", postgis("roads")},
                         {"DISTRICTS", postgis("districts")},
                         {"ZONES", postgis("industrial_zones")},
                         {"PRODUCTS", postgis("zone_products", false)},
                         {"COEFFICIENTS", postgis("coefficients", false)}});
  expectSame("circularplanner:constructionsupply", supplyFile, supplyDatabase, "SUPPLIED_TONNES");
}

// The runner's jobs, with GDAL alone, on the same tables in PostGIS: the same
// numbers as on the GeoPackage (a team server runs them beside the database).
TEST_F(ProcessingPostgis, TheHeadlessJobsReadTheTablesThroughGdal) {
  const std::string file = std::string(CP_SAMPLE_DATA) + "/almaty.gpkg|layername=";
  const std::string database = "PG:" + cluster_->conninfo() + "|layername=";
  const QTemporaryDir out;
  ASSERT_TRUE(out.isValid());
  const auto path = [&out](const char* name) { return out.filePath(name).toStdString(); };
  double supplied[2] = {0, 0};
  double flowTonneKm[2] = {0, 0};
  double compostPlaced[2] = {0, 0};
  for (int k = 0; k < 2; ++k) {
    const std::string& from = k == 0 ? file : database;
    const std::string suffix = k == 0 ? "file" : "db";
    layers::ConstructionSupplyJob supply;
    supply.network.roads = from + "roads";
    supply.zones = from + "industrial_zones";
    supply.zoneIdField = "zone_id";
    supply.products = from + "zone_products";
    supply.districts = from + "districts";
    supply.districtIdField = "district_id";
    supply.coefficients = from + "coefficients";
    supply.output = path(("supply_" + suffix + ".gpkg").c_str());
    supplied[k] = layers::runConstructionSupplyJob(supply).supplied;
    layers::FlowsOnRoadsJob flows;
    flows.network.roads = from + "roads";
    flows.table.flows = from + "material_flows";
    flows.table.filter.scenario = "masterplan_2050_illustrative";
    flows.places = {from + "industrial_zones", from + "districts"};
    flows.output = path(("flows_" + suffix + ".gpkg").c_str());
    flowTonneKm[k] = layers::runFlowsOnRoadsJob(flows).tonneKm;
    layers::CompostOutletsJob compost;
    compost.network.roads = from + "roads";
    compost.sites = from + "composting_sites";
    compost.siteIdField = "site_id";
    compost.farmland = from + "agricultural_land";
    compost.parcelIdField = "parcel_id";
    compost.coefficients = from + "coefficients";
    compost.output = path(("compost_" + suffix + ".gpkg").c_str());
    compostPlaced[k] = layers::runCompostOutletsJob(compost).placed;
  }
  EXPECT_GT(supplied[0], 0);
  EXPECT_NEAR(supplied[1], supplied[0], 1e-9 * supplied[0]);
  EXPECT_GT(flowTonneKm[0], 0);
  EXPECT_NEAR(flowTonneKm[1], flowTonneKm[0], 1e-9 * flowTonneKm[0]);
  EXPECT_GT(compostPlaced[0], 0);
  EXPECT_NEAR(compostPlaced[1], compostPlaced[0], 1e-9 * compostPlaced[0]);
}

}  // namespace
}  // namespace cp
