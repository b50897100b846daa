// Bad sites for every algorithm that works per site: catchments, allocation,
// site selection and compost outlets.

#include <gtest/gtest.h>

#include "processing_run.h"

namespace cp {
namespace {

using test::AlgorithmRun;
using test::runAlgorithm;
using test::sample;

// The sample data each algorithm needs besides its sites.
QVariantMap withoutSites(const QString& algorithm) {
  QVariantMap p{{QStringLiteral("ROADS"), sample("roads")},
                {QStringLiteral("SITE_ID"), QStringLiteral("site_id")}};
  if (algorithm.endsWith(QLatin1String("compostoutlets"))) {
    p.insert(QStringLiteral("FARMLAND"), sample("agricultural_land"));
    p.insert(QStringLiteral("PARCEL_ID"), QStringLiteral("parcel_id"));
    p.insert(QStringLiteral("YIELD"), 0.4);
  } else {
    p.insert(QStringLiteral("SOURCES"), sample("organic_sources"));
    p.insert(QStringLiteral("SOURCE_ID"), QStringLiteral("source_id"));
  }
  return p;
}

struct Site {
  const char* id;
  double lon, lat, capacity;
};

// A memory layer of composting sites with the sample's fields.
test::ProjectLayer sitesLayer(const std::vector<Site>& sites) {
  auto* layer = new QgsVectorLayer(
      QStringLiteral("Point?crs=EPSG:4326&field=site_id:string&field=capacity_t_per_year:double"),
      QStringLiteral("test_sites"), QStringLiteral("memory"));
  for (const Site& s : sites) {
    QgsFeature f(layer->fields());
    f.setAttribute(0, QString::fromLatin1(s.id));
    f.setAttribute(1, s.capacity);
    f.setGeometry(QgsGeometry::fromPointXY(QgsPointXY(s.lon, s.lat)));
    layer->dataProvider()->addFeature(f);
  }
  return test::ProjectLayer(layer);
}

class EverySiteAlgorithm : public ::testing::TestWithParam<QString> {
 protected:
  AlgorithmRun run(const test::ProjectLayer& sites) const {
    QVariantMap p = withoutSites(GetParam());
    p.insert(QStringLiteral("SITES"), sites.id());
    return runAlgorithm(GetParam(), p);
  }
};

TEST_P(EverySiteAlgorithm, RepeatedSiteIdsAreAnErrorNamingTheId) {
  const auto sites = sitesLayer({{"CS-1", 76.92, 43.26, 5000}, {"CS-1", 76.85, 43.22, 5000}});
  const AlgorithmRun r = run(sites);
  EXPECT_FALSE(r.ok);
  EXPECT_TRUE(r.errors.contains(QStringLiteral("'CS-1'"))) << r.errors.toStdString();
  EXPECT_TRUE(r.errors.contains(QStringLiteral("unique"))) << r.errors.toStdString();
}

TEST_P(EverySiteAlgorithm, AnEmptySitesLayerIsAClearError) {
  const auto sites = sitesLayer({});
  const AlgorithmRun r = run(sites);
  EXPECT_FALSE(r.ok);
  EXPECT_TRUE(r.errors.contains(QStringLiteral("empty"))) << r.errors.toStdString();
}

// A site 100 km out on the steppe: reported by name, the run still completes
// and the site serves nothing.
TEST_P(EverySiteAlgorithm, ASiteOffTheRoadsIsReportedByName) {
  const auto sites = sitesLayer({{"CS-NEAR", 76.92, 43.26, 5000}, {"CS-STEPPE", 75.6, 44.3, 5000}});
  const AlgorithmRun r = run(sites);
  ASSERT_TRUE(r.ok) << r.errors.toStdString();
  EXPECT_TRUE(r.warnings.contains(QStringLiteral("not joined"))) << r.warnings.toStdString();
  EXPECT_GT(r.output->featureCount(), 0);  // every output names its site in site_id
  QgsFeature f;
  for (QgsFeatureIterator it = r.output->getFeatures(); it.nextFeature(f);) {
    if (f.attribute("site_id").toString() != QStringLiteral("CS-STEPPE"))
      continue;
    // Catchments keep a row per site: this one with nothing in it.
    EXPECT_TRUE(GetParam().endsWith(QLatin1String("catchments")));
    EXPECT_TRUE(f.geometry().isEmpty());
    EXPECT_EQ(f.attribute("area_km2").toDouble(), 0.0);
  }
}

TEST_P(EverySiteAlgorithm, NegativeCapacityIsNamed) {
  if (GetParam().endsWith(QLatin1String("catchments")))
    GTEST_SKIP() << "catchments have no capacity";
  const auto sites = sitesLayer({{"CS-NEAR", 76.92, 43.26, -40}});
  const AlgorithmRun r = run(sites);
  EXPECT_FALSE(r.ok);
  EXPECT_TRUE(r.errors.contains(QStringLiteral("capacity_t_per_year"))) << r.errors.toStdString();
  EXPECT_TRUE(r.errors.contains(QStringLiteral("-40"))) << r.errors.toStdString();
}

INSTANTIATE_TEST_SUITE_P(Processing, EverySiteAlgorithm,
                         ::testing::Values(QStringLiteral("circularplanner:catchments"),
                                           QStringLiteral("circularplanner:allocation"),
                                           QStringLiteral("circularplanner:siteselection"),
                                           QStringLiteral("circularplanner:compostoutlets")),
                         [](const auto& param) {
                           return param.param.section(':', 1).toStdString();
                         });

}  // namespace
}  // namespace cp
