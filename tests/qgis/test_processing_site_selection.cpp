// circularplanner:siteselection on the Almaty sample data and on bad input.

#include <gtest/gtest.h>

#include <qgsproject.h>

#include "processing_run.h"

namespace cp {
namespace {

using test::AlgorithmRun;
using test::runAlgorithm;
using test::sample;

const QString kSiteSelection = QStringLiteral("circularplanner:siteselection");

QVariantMap organicToCandidates() {
  return {{QStringLiteral("ROADS"), sample("roads")},
          {QStringLiteral("SOURCES"), sample("organic_sources")},
          {QStringLiteral("SOURCE_ID"), QStringLiteral("source_id")},
          {QStringLiteral("SITES"), sample("composting_sites")},
          {QStringLiteral("SITE_ID"), QStringLiteral("site_id")},
          {QStringLiteral("NEW_SITES"), 2}};
}

std::map<QString, QString> statusById(QgsVectorLayer& sites) {
  std::map<QString, QString> out;
  QgsFeature f;
  for (QgsFeatureIterator it = sites.getFeatures(); it.nextFeature(f);)
    out[f.attribute("site_id").toString()] = f.attribute("status").toString();
  return out;
}

// The sample's two existing sites stay; two candidates are added; the exact
// method proves its choice and the heuristic is within its stated gap; and
// allocating to the chosen sites alone gives the same tonnes and tonne-km.
TEST(ProcessingSiteSelection, TwoNewCompostingSitesBesideTheExistingOnes) {
  QVariantMap p = organicToCandidates();
  p[QStringLiteral("METHOD")] = 2;  // both
  const AlgorithmRun run = runAlgorithm(kSiteSelection, p, {"SITE_INTAKE"});
  ASSERT_TRUE(run.ok) << run.errors.toStdString();
  EXPECT_EQ(run.results.value("PROVEN_OPTIMAL").toInt(), 1);
  EXPECT_GE(run.results.value("HEURISTIC_GAP").toDouble(), -1e-9);
  EXPECT_LE(run.results.value("HEURISTIC_GAP").toDouble(), 0.05);
  const QStringList chosen = run.results.value("CHOSEN").toString().split(',');
  ASSERT_EQ(chosen.size(), 4);
  const auto status = statusById(*run.more.at("SITE_INTAKE"));
  EXPECT_EQ(status.at("CS-KAZECOFOOD"), "existing");
  EXPECT_EQ(status.at("CS-AGARICUS"), "existing");
  EXPECT_EQ(
      std::count_if(status.begin(), status.end(), [](const auto& s) { return s.second == "new"; }),
      2);
  for (const QString& id : chosen)
    EXPECT_NE(status.at(id), "not chosen") << id.toStdString();

  QgsVectorLayer* only = new QgsVectorLayer(sample("composting_sites"), "chosen", "ogr");
  only->setSubsetString(QStringLiteral("site_id IN ('%1')").arg(chosen.join("','")));
  const test::ProjectLayer chosenSites(only);
  QVariantMap a = organicToCandidates();
  a.remove(QStringLiteral("NEW_SITES"));
  a[QStringLiteral("SITES")] = chosenSites.id();
  const AlgorithmRun allocation = runAlgorithm(QStringLiteral("circularplanner:allocation"), a);
  ASSERT_TRUE(allocation.ok) << allocation.errors.toStdString();
  for (const char* total : {"ALLOCATED_TONNES", "TONNE_KM"})
    EXPECT_NEAR(run.results.value(total).toDouble(), allocation.results.value(total).toDouble(),
                1e-6 * allocation.results.value(total).toDouble())
        << total;
  std::printf("Almaty site selection (2 new composting sites): %s; %.0f t, %.0f tonne-km\n",
              qPrintable(chosen.join(", ")), run.results.value("ALLOCATED_TONNES").toDouble(),
              run.results.value("TONNE_KM").toDouble());
}

// Maximal coverage without capacities: every line stays within the cover
// distance, and what lies beyond is reported unallocated.
TEST(ProcessingSiteSelection, CoverageKeepsEveryHaulWithinTheDistance) {
  QVariantMap p = organicToCandidates();
  p[QStringLiteral("OBJECTIVE")] = 1;
  p[QStringLiteral("COVER_KM")] = 8.0;
  p[QStringLiteral("USE_CAPACITY")] = false;
  const AlgorithmRun run = runAlgorithm(kSiteSelection, p);
  ASSERT_TRUE(run.ok) << run.errors.toStdString();
  QgsFeature f;
  for (QgsFeatureIterator it = run.output->getFeatures(); it.nextFeature(f);)
    EXPECT_LE(f.attribute("haul_km").toDouble(), 8.0 + 1e-9);
  EXPECT_GT(run.results.value("UNALLOCATED_TONNES").toDouble(), 0);
  EXPECT_GT(run.results.value("ALLOCATED_TONNES").toDouble(), 0);
}

TEST(ProcessingSiteSelection, MoreNewSitesThanCandidatesIsAClearError) {
  QVariantMap p = organicToCandidates();
  p[QStringLiteral("NEW_SITES")] = 7;  // 8 candidates, 2 of them built
  const AlgorithmRun run = runAlgorithm(kSiteSelection, p);
  EXPECT_FALSE(run.ok);
  EXPECT_TRUE(run.errors.contains(QStringLiteral("7 new sites"))) << run.errors.toStdString();
  EXPECT_TRUE(run.errors.contains(QStringLiteral("only 6"))) << run.errors.toStdString();
}

}  // namespace
}  // namespace cp
