// The bad-input corpus (tests/data/bad, made by make_bad_inputs.py) given to
// every algorithm in every layer role it reads: each run ends - no crash - with
// a result, a result and warnings, or an error that says what is wrong. Input
// that is only unusual (another CRS, Cyrillic text) gives the clean result.

#include <gtest/gtest.h>

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QTemporaryDir>

#include <cmath>
#include <cstdio>
#include <map>

#include "processing_run.h"

namespace cp {
namespace {

using test::AlgorithmRun;
using test::runAlgorithm;
using test::sample;

const QString kCorpus = QStringLiteral(CP_TEST_DATA "/bad");

struct Algorithm {
  QString id;
  QVariantMap parameters;
};

QVariantMap withRoads(QVariantMap p) {
  p.insert(QStringLiteral("ROADS"), sample("roads"));
  return p;
}

std::vector<Algorithm> algorithms() {
  const QVariantMap sourcesToSites{{"SOURCES", sample("organic_sources")},
                                   {"SOURCE_ID", "source_id"},
                                   {"SITES", sample("composting_sites")},
                                   {"SITE_ID", "site_id"}};
  const QVariantMap zonesToDistricts{{"ORIGINS", sample("industrial_zones")},
                                     {"ORIGIN_ID", "zone_id"},
                                     {"DESTINATIONS", sample("districts")},
                                     {"DESTINATION_ID", "district_id"}};
  const QVariantMap flows{{"FLOWS", sample("material_flows")},
                          {"PLACES", QStringList{sample("industrial_zones"), sample("districts")}},
                          {"SCENARIO", "masterplan_2050_illustrative"}};
  QVariantMap catchments = withRoads(sourcesToSites);
  catchments.insert("CUTOFF", 20000);
  QVariantMap selection = withRoads(sourcesToSites);
  selection.insert("NEW_SITES", 1);
  QVariantMap assessment = withRoads(flows);
  assessment.insert({{"CANDIDATES", sample("composting_sites")}, {"CANDIDATE_ID", "site_id"}});
  return {
      {"circularplanner:buildnetwork", withRoads({})},
      {"circularplanner:odmatrix", withRoads(zonesToDistricts)},
      {"circularplanner:routes", withRoads(zonesToDistricts)},
      {"circularplanner:nearestfacilities", withRoads({{"ORIGINS", sample("organic_sources")},
                                                       {"ORIGIN_ID", "source_id"},
                                                       {"FACILITIES", sample("composting_sites")},
                                                       {"FACILITY_ID", "site_id"}})},
      {"circularplanner:allocation", withRoads(sourcesToSites)},
      {"circularplanner:wastedisposal", withRoads({{"SOURCES", sample("organic_sources")},
                                                   {"SOURCE_ID", "source_id"},
                                                   {"FACILITIES", sample("waste_facilities")},
                                                   {"FACILITY_ID", "facility_id"}})},
      {"circularplanner:climatebalance", withRoads({{"SOURCES", sample("organic_sources")},
                                                    {"SOURCE_ID", "source_id"},
                                                    {"SITES", sample("composting_sites")},
                                                    {"SITE_ID", "site_id"},
                                                    {"FACILITIES", sample("waste_facilities")},
                                                    {"FACILITY_ID", "facility_id"},
                                                    {"FACTORS", sample("emission_factors")},
                                                    {"STRATEGIES", sample("organic_strategies")}})},
      {"circularplanner:catchments", catchments},
      {"circularplanner:siteselection", selection},
      {"circularplanner:compostoutlets", withRoads({{"SITES", sample("composting_sites")},
                                                    {"SITE_ID", "site_id"},
                                                    {"FARMLAND", sample("agricultural_land")},
                                                    {"PARCEL_ID", "parcel_id"},
                                                    {"COEFFICIENTS", sample("coefficients")}})},
      {"circularplanner:flowlines", withRoads(flows)},
      {"circularplanner:roadloads", withRoads(flows)},
      {"circularplanner:flowbalance", {{"FLOWS", sample("material_flows")}}},
      {"circularplanner:sankey",
       {{"FLOWS", sample("material_flows")}, {"SCENARIO", "report_baseline"}}},
      {"circularplanner:buildingstock",
       {{"DISTRICTS", sample("districts")},
        {"DISTRICT_ID", "district_id"},
        {"COEFFICIENTS", sample("coefficients")}}},
      {"circularplanner:constructionsupply", withRoads({{"DISTRICTS", sample("districts")},
                                                        {"DISTRICT_ID", "district_id"},
                                                        {"COEFFICIENTS", sample("coefficients")},
                                                        {"ZONES", sample("industrial_zones")},
                                                        {"ZONE_ID", "zone_id"},
                                                        {"PRODUCTS", sample("zone_products")}})},
      {"circularplanner:siteassessment", assessment},
      {"circularplanner:reportmap",
       {{"LAYERS", QStringList{sample("composting_sites"), sample("districts")}},
        {"TITLE", "Bad input"},
        {"DPI", 50}}},
  };
}

// The corpus files for a role, as layer sources: GeoJSON and CSV files, the
// Shapefile in each folder, and the files no role can read.
QStringList corpusFor(const QString& role) {
  QStringList files;
  QDirIterator it(kCorpus + "/" + role, {"*.geojson", "*.csv", "*.shp", "*.gpkg"}, QDir::Files,
                  QDirIterator::Subdirectories);
  while (it.hasNext())
    files << it.next();
  for (const QString& name : QDir(kCorpus + "/any").entryList(QDir::Files))
    files << kCorpus + "/any/" + name;
  files.sort();
  return files;
}

// The kind of damage, e.g. "nan_coordinates" or "cp1251".
QString kindOf(const QString& file) {
  const QString relative = QDir(kCorpus).relativeFilePath(file);
  const QStringList parts = relative.split('/');
  return parts.size() > 2 ? parts[1] : QFileInfo(file).completeBaseName();
}

// Input that is unusual but right: the run must give the clean file's result.
bool onlyUnusual(const QString& kind) {
  return kind == QLatin1String("epsg3857") || kind == QLatin1String("local_grid");
}

// Input that no algorithm can use: the run must refuse it.
bool unusable(const QString& file) {
  const QString kind = kindOf(file);
  return file.contains(QLatin1String("/any/")) || kind == QLatin1String("truncated") ||
         kind == QLatin1String("metres_as_degrees");
}

// A feature whose geometry is missing or broken: it cannot take part, and the
// run must say so rather than leave it out silently.
bool brokenFeature(const QString& kind) {
  return kind == QLatin1String("null_geometry") || kind == QLatin1String("empty_geometry") ||
         kind == QLatin1String("nan_coordinates");
}

// Replaces the sample layer of `role` wherever the parameters use it.
QVariantMap substituted(QVariantMap p, const QString& role, const QString& file) {
  const QString original = sample(role.toStdString());
  for (auto it = p.begin(); it != p.end(); ++it) {
    if (it.value().toString() == original)
      it.value() = file;
    else if (it.value().type() == QVariant::StringList) {
      QStringList list = it.value().toStringList();
      list.replaceInStrings(original, file);
      it.value() = list;
    }
  }
  return p;
}

// Where the roads are not the layer under test, the road network prepared once
// from the sample stands in for them, as in a report: the Almaty network is not
// built again for each of the several hundred runs.
QVariantMap onSavedNetwork(QVariantMap p, const QString& network) {
  if (p.remove(QStringLiteral("ROADS")) > 0)
    p.insert(QStringLiteral("SAVED_NETWORK"), network);
  return p;
}

bool uses(const QVariantMap& p, const QString& role) {
  return substituted(p, role, QStringLiteral("?")) != p;
}

QString firstLine(const QString& text) {
  return text.trimmed().section('\n', 0, 0).left(150);
}

// What a run must show, whatever else it does.
void checkRun(const QString& algorithm, const QString& file, const AlgorithmRun& run,
              const AlgorithmRun& reference) {
  const QString kind = kindOf(file);
  const bool draws = algorithm.endsWith(QLatin1String("reportmap"));  // draws what it can
  if (!run.ok) {
    EXPECT_FALSE(run.errors.trimmed().isEmpty()) << "an error without a message";
  }
  // Drawing and floor-area sums need no routing: misplaced coordinates are a warning there.
  const bool placesNothing = draws || algorithm.endsWith(QLatin1String("buildingstock"));
  if (kind == QLatin1String("metres_as_degrees") && placesNothing) {
    EXPECT_TRUE(!run.ok || run.warnings.contains(QLatin1String("beyond longitude")));
  } else if (unusable(file) && !(draws && file.endsWith(QLatin1String(".csv")))) {
    EXPECT_FALSE(run.ok) << "an unusable file was used";
  }
  if (brokenFeature(kind) && run.ok && !draws) {
    EXPECT_FALSE(run.warnings.isEmpty()) << "a broken feature was left out without a word";
  }
  for (auto it = run.results.begin(); it != run.results.end(); ++it)
    if (it.value().type() == QVariant::Double) {
      EXPECT_TRUE(std::isfinite(it.value().toDouble())) << it.key().toStdString() << " is infinite";
    }
  // Text in another encoding read right: the same result, unless the run warns
  // of something more (a Shapefile cuts long field names).
  const bool sameAsClean =
      onlyUnusual(kind) || (kind == QLatin1String("cp1251") && run.ok &&
                            run.warnings.count('\n') <= reference.warnings.count('\n'));
  if (sameAsClean && reference.ok) {
    ASSERT_TRUE(run.ok) << run.errors.toStdString();
    for (auto it = reference.results.begin(); it != reference.results.end(); ++it)
      if (it.value().type() == QVariant::Double) {
        const double expected = it.value().toDouble();
        // A polygon's inner point and area shift a little with the CRS it was drawn in.
        EXPECT_NEAR(run.results.value(it.key()).toDouble(), expected, 1e-4 * std::abs(expected))
            << it.key().toStdString();
      }
  }
}

struct Tally {
  int runs = 0, clean = 0, warned = 0, refused = 0;
};

TEST(BadInputCorpus, EveryAlgorithmInEveryRoleEndsWithAResultOrAClearError) {
  const QStringList roles = QDir(kCorpus).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
  ASSERT_GE(roles.size(), 8) << "the corpus is missing; run make_bad_inputs.py";
  QFile log(QDir::temp().filePath(QStringLiteral("circular_planner_bad_inputs.log")));
  ASSERT_TRUE(log.open(QIODevice::WriteOnly | QIODevice::Truncate));
  const QTemporaryDir folder;
  const QString network = folder.filePath(QStringLiteral("almaty.cpnet"));
  ASSERT_TRUE(runAlgorithm(QStringLiteral("circularplanner:buildnetwork"),
                           {{"ROADS", sample("roads")}, {"SAVE_TO", network}})
                  .ok);
  // CP_BAD_INPUT_ONLY="circularplanner:allocation composting_sites" runs the part named.
  const QString only = qEnvironmentVariable("CP_BAD_INPUT_ONLY");
  Tally tally;
  for (const Algorithm& algorithm : algorithms()) {
    for (const QString& role : roles) {
      if (role == QLatin1String("any") || !uses(algorithm.parameters, role))
        continue;
      const QVariantMap parameters = role == QLatin1String("roads")
                                         ? algorithm.parameters
                                         : onSavedNetwork(algorithm.parameters, network);
      const QString clean = kCorpus + "/" + role + "/clean.geojson";
      const AlgorithmRun reference =
          runAlgorithm(algorithm.id, substituted(parameters, role, clean));
      for (const QString& file : corpusFor(role)) {
        const QString name = algorithm.id + " " + role + " " + QDir(kCorpus).relativeFilePath(file);
        if (!name.contains(only))
          continue;
        SCOPED_TRACE(name.toStdString());
        const AlgorithmRun run = runAlgorithm(algorithm.id, substituted(parameters, role, file));
        ++tally.runs;
        (run.ok ? (run.warnings.isEmpty() ? tally.clean : tally.warned) : tally.refused)++;
        log.write(QStringLiteral("%1\t%2\t%3\t%4\t%5\n")
                      .arg(algorithm.id, role, QDir(kCorpus).relativeFilePath(file),
                           run.ok ? (run.warnings.isEmpty() ? "ok" : "warned") : "error",
                           firstLine(run.ok ? run.warnings : run.errors))
                      .toUtf8());
        checkRun(algorithm.id, file, run, reference);
      }
    }
  }
  std::printf(
      "bad inputs: %d runs - %d ran clean, %d ran with warnings, %d refused with an "
      "error; none crashed (log: %s)\n",
      tally.runs, tally.clean, tally.warned, tally.refused,
      log.fileName().toLocal8Bit().constData());
  if (only.isEmpty()) {
    EXPECT_GT(tally.runs, 400);
  }
}

}  // namespace
}  // namespace cp
