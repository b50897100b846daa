// The sample GeoPackage opens styled in QGIS: each layer's stored default style
// is what QGIS applies when the layer is loaded.

#include <gtest/gtest.h>

#include <qgsrenderer.h>
#include <qgsvectorlayer.h>

#include "support/temp_files.h"

namespace cp {
namespace {

QString rendererOf(const std::string& layer) {
  QgsVectorLayer l(QString::fromStdString(test::sampleLayer(layer)), QString::fromStdString(layer),
                   QStringLiteral("ogr"));
  EXPECT_TRUE(l.isValid()) << layer;
  return l.renderer() != nullptr ? l.renderer()->type() : QString();
}

TEST(SampleStyles, QgisAppliesTheStoredDefaultStyles) {
  EXPECT_EQ(rendererOf("agricultural_land"), QStringLiteral("categorizedSymbol"));
  EXPECT_EQ(rendererOf("organic_sources"), QStringLiteral("categorizedSymbol"));
  EXPECT_EQ(rendererOf("composting_sites"), QStringLiteral("categorizedSymbol"));
  EXPECT_EQ(rendererOf("roads"), QStringLiteral("RuleRenderer"));
}

}  // namespace
}  // namespace cp
