#include "cpresultstyles.h"

#include <qgsclassificationjenks.h>
#include <qgscolorramp.h>
#include <qgsgraduatedsymbolrenderer.h>
#include <qgslinesymbol.h>
#include <qgsrulebasedrenderer.h>
#include <qgsvectorlayer.h>

namespace cp::qgis {
namespace {

constexpr int kClasses = 5;

std::unique_ptr<QgsGraduatedSymbolRenderer> distanceClasses(const QgsVectorLayer& layer) {
  auto renderer = std::make_unique<QgsGraduatedSymbolRenderer>(QStringLiteral("distance_m"));
  renderer->setSourceSymbol(
      QgsLineSymbol::createSimple({{QStringLiteral("line_width"), QStringLiteral("0.4")}}));
  renderer->setSourceColorRamp(new QgsGradientColorRamp(QColor(254, 224, 139), QColor(165, 0, 38)));
  renderer->setClassificationMethod(new QgsClassificationJenks());
  renderer->updateClasses(&layer, kClasses);
  const QgsRangeList& ranges = renderer->ranges();
  for (int i = 0; i < ranges.size(); ++i) {
    auto* symbol = static_cast<QgsLineSymbol*>(ranges[i].symbol()->clone());
    symbol->setWidth(0.3 + 0.35 * i);
    renderer->updateRangeSymbol(i, symbol);
  }
  return renderer;
}

}  // namespace

void styleOdLines(QgsVectorLayer& layer) {
  // Rule-based on top: routed rows by distance class, unreachable rows apart.
  auto* root = new QgsRuleBasedRenderer::Rule(nullptr);
  auto* routed = new QgsRuleBasedRenderer::Rule(
      nullptr, 0, 0, QStringLiteral("\"distance_m\" IS NOT NULL"), QObject::tr("Network distance"));
  const auto classes = distanceClasses(layer);
  QgsRuleBasedRenderer::refineRuleRanges(routed, classes.get());
  root->appendChild(routed);
  root->appendChild(new QgsRuleBasedRenderer::Rule(
      QgsLineSymbol::createSimple({{QStringLiteral("line_color"), QStringLiteral("#9e9e9e")},
                                   {QStringLiteral("line_style"), QStringLiteral("dash")},
                                   {QStringLiteral("line_width"), QStringLiteral("0.3")}}),
      0, 0, QStringLiteral("\"distance_m\" IS NULL"), QObject::tr("No network route")));
  layer.setRenderer(new QgsRuleBasedRenderer(root));
}

void ResultStyler::postProcessLayer(QgsMapLayer* layer, QgsProcessingContext&,
                                    QgsProcessingFeedback*) {
  if (auto* vector = qobject_cast<QgsVectorLayer*>(layer))
    mStyle(*vector);
}

void styleOnLoad(QgsProcessingContext& context, const QString& destination,
                 ResultStyler::Style style) {
  if (context.willLoadLayerOnCompletion(destination))
    context.layerToLoadOnCompletionDetails(destination).setPostProcessor(new ResultStyler(style));
}

}  // namespace cp::qgis
