#include "cpreportmapalgorithm.h"

#include <qgsprintlayout.h>
#include <qgsprocessingparameters.h>
#include <qgsproject.h>
#include <qgsvectorlayer.h>

#include "layers/attribution.h"
#include "qgis/cplayerreaders.h"
#include "qgis/cpqgisapi.h"
#include "qgis/cpreportlayout.h"
#include "qgis/processing/cpkeys.h"

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
      CpKey::Layers, QObject::tr("Layers (the first drawn on top)"), cp::qgis::Source::MapLayer));
  addParameter(new QgsProcessingParameterString(CpKey::Title, QObject::tr("Title")));
  addParameter(new QgsProcessingParameterString(CpKey::Numbers, QObject::tr("Headline numbers"),
                                                QVariant(), true, true));
  addParameter(new QgsProcessingParameterString(CpKey::Sources, QObject::tr("Sources"), QVariant(),
                                                false, true));
  addParameter(new QgsProcessingParameterString(
      CpKey::Attribution, QObject::tr("Attribution (always printed)"),
      QString::fromUtf8(cp::layers::kOsmAttribution), false, true));
  addParameter(
      new QgsProcessingParameterEnum(CpKey::Page, QObject::tr("Page"),
                                     {QObject::tr("A4 landscape"), QObject::tr("A4 portrait"),
                                      QObject::tr("A3 landscape"), QObject::tr("A3 portrait")},
                                     false, 0));
  addParameter(new QgsProcessingParameterNumber(CpKey::Dpi, QObject::tr("Resolution (dpi)"),
                                                cp::qgis::NumberType::Integer, 300, false, 50,
                                                1200));
  addParameter(new QgsProcessingParameterFileDestination(
      CpKey::Output, QObject::tr("Map"), QObject::tr("PDF (*.pdf);;PNG (*.png);;SVG (*.svg)")));
}

QVariantMap CpReportMapAlgorithm::processAlgorithm(const QVariantMap& p,
                                                   QgsProcessingContext& context,
                                                   QgsProcessingFeedback* feedback) {
  return guarded(feedback, [&](const cp::geo::Feedback*) -> QVariantMap {
    cp::qgis::ReportMap spec;
    spec.layers = cpLayerList(*this, p, CpKey::Layers, context);
    if (spec.layers.isEmpty())
      throw QgsProcessingException(QObject::tr("Choose at least one layer to draw"));
    spec.title = parameterAsString(p, CpKey::Title, context);
    spec.numbers = parameterAsString(p, CpKey::Numbers, context);
    spec.sources = parameterAsString(p, CpKey::Sources, context);
    spec.attribution = parameterAsString(p, CpKey::Attribution, context);
    spec.page = static_cast<cp::qgis::ReportMap::Page>(parameterAsEnum(p, CpKey::Page, context));
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
    const QString path = parameterAsFileOutput(p, CpKey::Output, context);
    const QString error =
        cp::qgis::exportReportLayout(*layout, path, parameterAsInt(p, CpKey::Dpi, context));
    if (!error.isEmpty())
      throw QgsProcessingException(error);
    feedback->pushInfo(QObject::tr("Map written to %1").arg(path));
    return {{CpKey::Output, path}};
  });
}
