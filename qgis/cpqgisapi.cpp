#include "cpqgisapi.h"

#include <qgsgraduatedsymbolrenderer.h>
#include <qgsmaplayerserverproperties.h>
#include <qgstextformat.h>
#include <qgsvectorlayer.h>

namespace cp::qgis {
namespace {

QFont weighted(QFont font, double points, bool bold) {
  font.setPointSizeF(points);
  font.setBold(bold);
  return font;
}

#if _QGIS_VERSION_INT >= 32400
// A text format's font, in points (the unit a new format has).
QgsTextFormat withFont(QgsTextFormat format, double points, bool bold) {
  format.setFont(weighted(format.font(), points, bold));
  format.setSize(points);
  return format;
}
#endif

}  // namespace

QgsField makeField(const QString& name, QMetaType::Type type) {
#if _QGIS_VERSION_INT >= 33800
  return QgsField(name, type);
#else
  return QgsField(name, static_cast<QVariant::Type>(type));
#endif
}

void labelEvenWhereCrowded(QgsPalLayerSettings& label) {
#if _QGIS_VERSION_INT >= 32600
  label.placementSettings().setOverlapHandling(Qgis::LabelOverlapHandling::AllowOverlapIfRequired);
#else
  label.displayAll = true;
#endif
}

QString layerAttribution(const QgsMapLayer& layer) {
#if _QGIS_VERSION_INT >= 33800
  return layer.serverProperties()->attribution();
#else
  return layer.attribution();
#endif
}

void setLabelFont(QgsLayoutItemLabel& label, double points, bool bold) {
#if _QGIS_VERSION_INT >= 32400
  label.setTextFormat(withFont(label.textFormat(), points, bold));
#else
  label.setFont(weighted(label.font(), points, bold));
#endif
}

void setLegendFont(QgsLegendStyle& style, double points, bool bold) {
#if _QGIS_VERSION_INT >= 33000
  style.setTextFormat(withFont(style.textFormat(), points, bold));
#else
  style.setFont(weighted(style.font(), points, bold));
#endif
}

void updateGraduatedClasses(QgsGraduatedSymbolRenderer& renderer, const QgsVectorLayer& layer,
                            int classes) {
#if _QGIS_VERSION_INT >= 34000
  // A classification that fails leaves the layer drawn in one class: its look,
  // never a number, is what is lost.
  QString ignored;
  renderer.updateClasses(&layer, classes, ignored);
#else
  renderer.updateClasses(&layer, classes);
#endif
}

std::optional<InvalidGeometryCheck> geometryCheckOverride(
    const QgsProcessingFeatureSourceDefinition& definition) {
#if _QGIS_VERSION_INT >= 33600
  const bool overrides =
      definition.flags & Qgis::ProcessingFeatureSourceDefinitionFlag::OverrideDefaultGeometryCheck;
#else
  const bool overrides =
      definition.flags &
      QgsProcessingFeatureSourceDefinition::Flag::FlagOverrideDefaultGeometryCheck;
#endif
  return overrides ? std::optional(definition.geometryCheck) : std::nullopt;
}

QString sourceFilter(const QgsProcessingFeatureSourceDefinition& definition) {
#if _QGIS_VERSION_INT >= 33200
  return definition.filterExpression;
#else
  Q_UNUSED(definition)
  return QString();
#endif
}

std::unique_ptr<QgsProcessingFeatureSource> processingSource(QgsFeatureSource& source,
                                                             const QgsProcessingContext& context,
                                                             long long featureLimit,
                                                             const QString& filter) {
#if _QGIS_VERSION_INT >= 33200
  return std::make_unique<QgsProcessingFeatureSource>(&source, context, false, featureLimit,
                                                      filter);
#else
  Q_UNUSED(filter)  // no version before 3.32 gives one
  return std::make_unique<QgsProcessingFeatureSource>(&source, context, false, featureLimit);
#endif
}

}  // namespace cp::qgis
