#include "cpreportmapalgorithm.h"

#include <qgsprintlayout.h>
#include <qgsprocessingparameters.h>
#include <qgsproject.h>
#include <qgsvectorlayer.h>

#include "cpnetworkalgorithm.h"
#include "layers/attribution.h"
#include "qgis/cplayerreaders.h"
#include "qgis/cpqgisapi.h"
#include "qgis/cpreportlayout.h"

QString CpReportMapAlgorithm::shortHelpString() const {
  return QObject::tr(
      "Makes a map a planner can put on a page: the layers in their styles (the first on top), "
      "a title, a legend of what the map shows, a scale bar in kilometres, a north arrow, an "
      "inset of the whole area, the headline numbers, and a footer with the sources, the "
      "layers' own attribution (e.g. © OpenStreetMap contributors) and the date. A4 or A3, "
      "landscape or portrait; written as PDF, PNG or SVG at the chosen resolution.");
}

void CpReportMapAlgorithm::initAlgorithm(const QVariantMap&) {
  addParameter(new QgsProcessingParameterMultipleLayers(
      QStringLiteral("LAYERS"), QObject::tr("Layers (the first drawn on top)"),
      cp::qgis::Source::MapLayer));
  addParameter(new QgsProcessingParameterString(QStringLiteral("TITLE"), QObject::tr("Title")));
  addParameter(new QgsProcessingParameterString(
      QStringLiteral("NUMBERS"), QObject::tr("Headline numbers"), QVariant(), true, true));
  addParameter(new QgsProcessingParameterString(QStringLiteral("SOURCES"), QObject::tr("Sources"),
                                                QVariant(), false, true));
  addParameter(new QgsProcessingParameterString(
      QStringLiteral("ATTRIBUTION"), QObject::tr("Attribution (always printed)"),
      QString::fromUtf8(cp::layers::kOsmAttribution), false, true));
  addParameter(
      new QgsProcessingParameterEnum(QStringLiteral("PAGE"), QObject::tr("Page"),
                                     {QObject::tr("A4 landscape"), QObject::tr("A4 portrait"),
                                      QObject::tr("A3 landscape"), QObject::tr("A3 portrait")},
                                     false, 0));
  addParameter(
      new QgsProcessingParameterNumber(QStringLiteral("DPI"), QObject::tr("Resolution (dpi)"),
                                       cp::qgis::NumberType::Integer, 300, false, 50, 1200));
  addParameter(new QgsProcessingParameterFileDestination(
      QStringLiteral("OUTPUT"), QObject::tr("Map"),
      QObject::tr("PDF (*.pdf);;PNG (*.png);;SVG (*.svg)")));
}

QVariantMap CpReportMapAlgorithm::processAlgorithm(const QVariantMap& p,
                                                   QgsProcessingContext& context,
                                                   QgsProcessingFeedback* feedback) {
  cp::qgis::ReportMap spec;
  spec.layers = cpLayerList(*this, p, QStringLiteral("LAYERS"), context);
  if (spec.layers.isEmpty())
    throw QgsProcessingException(QObject::tr("Choose at least one layer to draw"));
  spec.title = parameterAsString(p, QStringLiteral("TITLE"), context);
  spec.numbers = parameterAsString(p, QStringLiteral("NUMBERS"), context);
  spec.sources = parameterAsString(p, QStringLiteral("SOURCES"), context);
  spec.attribution = parameterAsString(p, QStringLiteral("ATTRIBUTION"), context);
  spec.page =
      static_cast<cp::qgis::ReportMap::Page>(parameterAsEnum(p, QStringLiteral("PAGE"), context));
  // Layers loaded from paths live in the context's store, not in a project:
  // the layout gets a project of its own that holds them.
  QgsProject project;
  project.setTransformContext(context.transformContext());
  QList<QgsMapLayer*> copies;
  for (QgsMapLayer* layer : spec.layers) {
    if (auto* vector = qobject_cast<QgsVectorLayer*>(layer)) {
      const QString problem = cp::qgis::coordinatesProblem(*vector);
      if (!problem.isEmpty())
        feedback->pushWarning(QStringLiteral("%1: %2").arg(layer->name(), problem));
    }
    copies << layer->clone();  // with its style
    project.addMapLayer(copies.back(), false);
  }
  spec.layers = copies;
  const std::unique_ptr<QgsPrintLayout> layout = cp::qgis::buildReportLayout(project, spec);
  const QString path = parameterAsFileOutput(p, QStringLiteral("OUTPUT"), context);
  const QString error = cp::qgis::exportReportLayout(
      *layout, path, parameterAsInt(p, QStringLiteral("DPI"), context));
  if (!error.isEmpty())
    throw QgsProcessingException(error);
  feedback->pushInfo(QObject::tr("Map written to %1").arg(path));
  return {{QStringLiteral("OUTPUT"), path}};
}
