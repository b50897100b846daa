// circularplanner:flowlines on the Almaty sample data and on bad flow tables.

#include <gtest/gtest.h>

#include <qgsproject.h>

#include <fstream>

#include "processing_run.h"
#include "support/temp_files.h"

namespace cp {
namespace {

using test::AlgorithmRun;
using test::runAlgorithm;
using test::sample;

const QString kFlowLines = QStringLiteral("circularplanner:flowlines");
const QString kMasterplan = QStringLiteral("masterplan_2050_illustrative");

QVariantMap construction(const QString& flows = sample("material_flows")) {
  return {{QStringLiteral("ROADS"), sample("roads")},
          {QStringLiteral("FLOWS"), flows},
          {QStringLiteral("PLACES"), QStringList{sample("industrial_zones"), sample("districts")}},
          {QStringLiteral("SCENARIO"), kMasterplan}};
}

double sum(QgsVectorLayer& layer, const QString& field) {
  double total = 0;
  QgsFeature f;
  for (QgsFeatureIterator it = layer.getFeatures(); it.nextFeature(f);)
    total += f.attribute(field).toDouble();
  return total;
}

// A flow table in memory: origin, destination, tonnes, class per row.
struct Row {
  const char* id;
  const char* origin;
  const char* destination;
  double tonnes;
  const char* materialClass;
};
test::ProjectLayer flowTable(const std::vector<Row>& rows) {
  auto* table = new QgsVectorLayer(
      QStringLiteral("None?field=flow_id:string&field=origin_id:string&field=destination_id:string"
                     "&field=tonnes_per_year:double&field=material_class:string"),
      QStringLiteral("test_flows"), QStringLiteral("memory"));
  for (const Row& r : rows) {
    QgsFeature f(table->fields());
    f.setAttributes(QgsAttributes()
                    << r.id << r.origin << r.destination << r.tonnes << r.materialClass);
    table->dataProvider()->addFeature(f);
  }
  return test::ProjectLayer(table);
}

// The masterplan's construction flows: every one drawn, its tonnes those of
// the table, its road distance that of the OD matrix between the same places.
TEST(ProcessingFlowLines, MasterplanConstructionFlowsFromZonesToDistricts) {
  const AlgorithmRun run = runAlgorithm(kFlowLines, construction());
  ASSERT_TRUE(run.ok) << run.errors.toStdString();
  QgsVectorLayer table(sample("material_flows"), "t", "ogr");
  table.setSubsetString(QStringLiteral("scenario = '%1'").arg(kMasterplan));
  EXPECT_EQ(run.results.value("FLOWS_DRAWN").toLongLong(), table.featureCount());
  EXPECT_EQ(run.results.value("FLOWS_UNPLACED").toInt(), 0);
  EXPECT_NEAR(sum(*run.output, "tonnes"), sum(table, "tonnes_per_year"), 1e-6);
  EXPECT_NEAR(sum(*run.output, "tonne_km"), run.results.value("TONNE_KM").toDouble(), 1e-3);

  const AlgorithmRun od =
      runAlgorithm(QStringLiteral("circularplanner:odmatrix"),
                   {{QStringLiteral("ROADS"), sample("roads")},
                    {QStringLiteral("ORIGINS"), sample("industrial_zones")},
                    {QStringLiteral("ORIGIN_ID"), QStringLiteral("zone_id")},
                    {QStringLiteral("DESTINATIONS"), sample("districts")},
                    {QStringLiteral("DESTINATION_ID"), QStringLiteral("district_id")},
                    {QStringLiteral("MAX_SNAP"), 2000.0}});
  ASSERT_TRUE(od.ok) << od.errors.toStdString();
  const auto metres = test::byPair(*od.output, QStringLiteral("distance_m"));
  QgsFeature f;
  for (QgsFeatureIterator it = run.output->getFeatures(); it.nextFeature(f);) {
    const QString pair =
        f.attribute("origin_id").toString() + "->" + f.attribute("destination_id").toString();
    ASSERT_TRUE(metres.count(pair)) << pair.toStdString();
    EXPECT_NEAR(f.attribute("road_km").toDouble(), metres.at(pair) / 1000, 1e-6)
        << pair.toStdString();
  }
  std::printf("Almaty masterplan construction flows: %lld flows, %.0f t, %.0f tonne-km by road\n",
              run.output->featureCount(), sum(*run.output, "tonnes"),
              run.results.value("TONNE_KM").toDouble());
}

TEST(ProcessingFlowLines, OppositeCurvedFlowsDoNotOverlap) {
  const auto table = flowTable({{"there", "3072001", "3072808", 100, "minerals"},
                                {"back", "3072808", "3072001", 50, "minerals"}});
  QVariantMap p = construction(table.id());
  p.remove(QStringLiteral("SCENARIO"));
  const AlgorithmRun run = runAlgorithm(kFlowLines, p);
  ASSERT_TRUE(run.ok) << run.errors.toStdString();
  ASSERT_EQ(run.output->featureCount(), 2);
  QgsFeature a, b;
  QgsFeatureIterator it = run.output->getFeatures();
  it.nextFeature(a);
  it.nextFeature(b);
  EXPECT_TRUE(a.geometry().touches(b.geometry()));  // the ends only
  EXPECT_FALSE(a.geometry().overlaps(b.geometry()));
  EXPECT_FALSE(a.geometry().crosses(b.geometry()));
}

TEST(ProcessingFlowLines, FiltersAndAggregationKeepTheTonnes) {
  QVariantMap p = construction();
  p[QStringLiteral("MATERIAL_CLASSES")] = QVariantList{1};  // minerals
  p[QStringLiteral("AGGREGATE")] = true;
  const AlgorithmRun run = runAlgorithm(kFlowLines, p);
  ASSERT_TRUE(run.ok) << run.errors.toStdString();
  QgsVectorLayer table(sample("material_flows"), "t", "ogr");
  table.setSubsetString(
      QStringLiteral("scenario = '%1' AND material_class = 'minerals'").arg(kMasterplan));
  EXPECT_NEAR(sum(*run.output, "tonnes"), sum(table, "tonnes_per_year"), 1e-6);
  QSet<QString> pairs;
  QgsFeature f;
  for (QgsFeatureIterator it = run.output->getFeatures(); it.nextFeature(f);) {
    EXPECT_EQ(f.attribute("material_class").toString(), QStringLiteral("minerals"));
    const QString pair =
        f.attribute("origin_id").toString() + f.attribute("destination_id").toString();
    EXPECT_FALSE(pairs.contains(pair)) << pair.toStdString();  // one line per pair
    pairs.insert(pair);
  }
  EXPECT_LT(run.output->featureCount(), table.featureCount());
}

TEST(ProcessingFlowLines, BadRowsAreNamed) {
  struct Case {
    Row row;
    const char* expected;
  };
  const Case cases[] = {{{"F-NEG", "Z-ALATAU", "3072001", -5, "minerals"}, "F-NEG"},
                        {{"F-CLASS", "Z-ALATAU", "3072001", 5, "plutonium"}, "plutonium"},
                        {{"F-EMPTY", "", "3072001", 5, "minerals"}, "F-EMPTY"}};
  for (const Case& c : cases) {
    const auto table = flowTable({c.row});
    QVariantMap p = construction(table.id());
    p.remove(QStringLiteral("SCENARIO"));
    const AlgorithmRun run = runAlgorithm(kFlowLines, p);
    EXPECT_FALSE(run.ok) << c.expected;
    EXPECT_TRUE(run.errors.contains(QString::fromLatin1(c.expected))) << run.errors.toStdString();
  }
  // An unknown place is a warning naming the row; the other flows are drawn.
  const auto table = flowTable({{"F-OK", "Z-ALATAU", "3072001", 5, "minerals"},
                                {"F-NOWHERE", "Z-ALATAU", "atlantis", 5, "minerals"}});
  QVariantMap p = construction(table.id());
  p.remove(QStringLiteral("SCENARIO"));
  const AlgorithmRun run = runAlgorithm(kFlowLines, p);
  ASSERT_TRUE(run.ok) << run.errors.toStdString();
  EXPECT_EQ(run.output->featureCount(), 1);
  EXPECT_TRUE(run.warnings.contains(QStringLiteral("F-NOWHERE"))) << run.warnings.toStdString();
  EXPECT_TRUE(run.warnings.contains(QStringLiteral("atlantis"))) << run.warnings.toStdString();
}

// A CSV written in windows-1251 but read as UTF-8: the row is named, with
// what to do about it.
TEST(ProcessingFlowLines, TextInTheWrongEncodingIsNamed) {
  const std::string path = test::tempPath("flows_cp1251.csv");
  std::ofstream(path, std::ios::binary)
      << "flow_id,origin_id,destination_id,tonnes_per_year,material_class\n"
      << "F-1,Z-ALATAU,3072001,5,minerals\n"
      << "F-2,\xc0\xeb\xe0\xf2\xe0\xf3,3072001,5,minerals\n";  // "Алатау" in cp1251
  const QString uri = QStringLiteral("file://%1?type=csv&geomType=none&encoding=UTF-8")
                          .arg(QString::fromStdString(path));
  const test::ProjectLayer csv(new QgsVectorLayer(uri, "csv_flows", "delimitedtext"));
  ASSERT_TRUE(csv.layer->isValid());
  QVariantMap p = construction(csv.id());
  p.remove(QStringLiteral("SCENARIO"));
  const AlgorithmRun run = runAlgorithm(kFlowLines, p);
  EXPECT_FALSE(run.ok);
  EXPECT_TRUE(run.errors.contains(QStringLiteral("F-2"))) << run.errors.toStdString();
  EXPECT_TRUE(run.errors.contains(QStringLiteral("encoding"))) << run.errors.toStdString();
}

}  // namespace
}  // namespace cp
