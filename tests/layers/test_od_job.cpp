#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "layers/jobs/od_job.h"
#include "layers/ogr_source.h"
#include "support/temp_files.h"

namespace cp::layers {
namespace {

OdJob districtJob(const std::string& output) {
  OdJob job;
  job.network.roads = test::sampleLayer("roads");
  job.origins = test::sampleLayer("districts");
  job.originIdField = "name";
  job.output = output;
  job.analysis.snap.maxDistanceM = 2000;
  job.attribution = kOsmAttribution;
  return job;
}

TEST(OdJob, WritesTheTableSnappingAndConnectorsForAlmaty) {
  const std::string output = test::tempPath("districts_od.gpkg");
  std::filesystem::remove(output);
  const OdJobResult result = runOdJob(districtJob(output));
  EXPECT_EQ(result.pairs, 64u);
  EXPECT_EQ(result.pairsByNetwork, 64u);
  EXPECT_EQ(result.pointsNotSnapped, 0u);

  const OpenLayer od(LayerRef::parse(output + "|layername=od_matrix"));
  EXPECT_EQ(od.layer().GetFeatureCount(), 64);
  for (auto& f : od.layer()) {
    const double d = f->GetFieldAsDouble("distance_m");
    const double t = f->GetFieldAsDouble("time_s");
    EXPECT_STREQ(f->GetFieldAsString("method"), "network");
    if (std::string(f->GetFieldAsString("origin_id")) == f->GetFieldAsString("destination_id")) {
      EXPECT_EQ(d, 0);
    } else {
      EXPECT_GT(d, 1000);   // districts are kilometres apart
      EXPECT_LT(d, 60000);  // and the city is about 40 km across
      EXPECT_GT(t, d / (90 / 3.6));
    }
  }
  const OpenLayer snapping(LayerRef::parse(output + "|layername=snapping"));
  EXPECT_EQ(snapping.layer().GetFeatureCount(), 16);  // 8 districts, as origins and as destinations
  const OpenLayer connectors(LayerRef::parse(output + "|layername=connectors"));
  EXPECT_EQ(connectors.layer().GetFeatureCount(), 16);
}

// Every row's values, in order, as text.
std::vector<std::string> odRowsOf(const std::string& output) {
  const OpenLayer od(LayerRef::parse(output + "|layername=od_matrix"));
  std::vector<std::string> rows;
  for (auto& f : od.layer()) {
    std::string row;
    for (int i = 0; i < f->GetFieldCount(); ++i)
      row += std::string(f->GetFieldAsString(i)) + (f->IsFieldNull(i) ? "<null>" : "") + ";";
    rows.push_back(row);
  }
  return rows;
}

TEST(OdJob, TheMatrixWithoutLinesHoldsTheSameRows) {
  OdJob job = districtJob(test::tempPath("od_lines.gpkg"));
  job.matrixGeometry = OdGeometry::Lines;
  runOdJob(job);
  job.output = test::tempPath("od_table.gpkg");
  job.matrixGeometry = OdGeometry::None;
  runOdJob(job);
  const OpenLayer lines(LayerRef::parse(test::tempPath("od_lines.gpkg") + "|layername=od_matrix"));
  const OpenLayer table(LayerRef::parse(test::tempPath("od_table.gpkg") + "|layername=od_matrix"));
  EXPECT_EQ(lines.layer().GetGeomType(), wkbLineString);
  EXPECT_EQ(table.layer().GetGeomType(), wkbNone);
  const auto rows = odRowsOf(test::tempPath("od_lines.gpkg"));
  EXPECT_EQ(rows.size(), 64u);
  EXPECT_EQ(rows, odRowsOf(test::tempPath("od_table.gpkg")));
}

TEST(OdJob, LinesAreDrawnByDefaultOnlyForSmallMatrices) {
  EXPECT_TRUE(withLines(OdGeometry::Auto, kOdLinesUpTo));
  EXPECT_FALSE(withLines(OdGeometry::Auto, kOdLinesUpTo + 1));
  EXPECT_TRUE(withLines(OdGeometry::Lines, 10 * kOdLinesUpTo));
  EXPECT_FALSE(withLines(OdGeometry::None, 1));
}

TEST(OdJob, NetworkCacheGivesTheSameAnswer) {
  const std::string cache = test::tempPath("almaty.cpnet");
  std::filesystem::remove(cache);
  OdJob job = districtJob(test::tempPath("cached_a.gpkg"));
  job.network.saved = cache;
  const OdJobResult built = runOdJob(job);
  EXPECT_FALSE(built.networkFromSaved);
  job.output = test::tempPath("cached_b.gpkg");
  const OdJobResult loaded = runOdJob(job);
  EXPECT_TRUE(loaded.networkFromSaved);
  EXPECT_EQ(loaded.pairsByNetwork, built.pairsByNetwork);
  const OpenLayer a(LayerRef::parse(test::tempPath("cached_a.gpkg") + "|layername=od_matrix"));
  const OpenLayer b(LayerRef::parse(test::tempPath("cached_b.gpkg") + "|layername=od_matrix"));
  for (int fid = 1; fid <= 64; ++fid) {
    std::unique_ptr<OGRFeature> fa(a.layer().GetFeature(fid));
    std::unique_ptr<OGRFeature> fb(b.layer().GetFeature(fid));
    EXPECT_EQ(fa->GetFieldAsDouble("distance_m"), fb->GetFieldAsDouble("distance_m"));
  }
}

TEST(OdJob, StaleNetworkCacheIsRebuilt) {
  // A cache built from other roads (or other options) must not be used.
  const std::string cache = test::tempPath("stale.cpnet");
  std::filesystem::remove(cache);
  OdJob job = districtJob(test::tempPath("stale_a.gpkg"));
  job.network.saved = cache;
  runOdJob(job);
  job.network.roads = test::sampleLayer("roads") + "|subset=schematic = 0";
  const OdJobResult other = runOdJob(job);
  EXPECT_FALSE(other.networkFromSaved);
  job.network.buildOptions.toleranceM = 0.5;
  EXPECT_FALSE(runOdJob(job).networkFromSaved);
  EXPECT_TRUE(runOdJob(job).networkFromSaved);
  std::ofstream(cache, std::ios::trunc) << "damaged";
  const OdJobResult repaired = runOdJob(job);
  EXPECT_FALSE(repaired.networkFromSaved);
  EXPECT_EQ(repaired.pairsByNetwork, 64u);
  EXPECT_TRUE(runOdJob(job).networkFromSaved);
}

TEST(OdJob, FailedRunLeavesNoOutput) {
  const std::string output = test::tempPath("never.gpkg");
  std::filesystem::remove(output);
  OdJob job = districtJob(output);
  job.origins = test::sampleLayer("no_such_layer");
  EXPECT_THROW(runOdJob(job), InputError);
  EXPECT_FALSE(std::filesystem::exists(output));
  EXPECT_FALSE(std::filesystem::exists(output + ".partial.gpkg"));
}

}  // namespace
}  // namespace cp::layers
