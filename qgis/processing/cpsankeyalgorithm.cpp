#include "cpsankeyalgorithm.h"

#include <qgsprocessingoutputs.h>
#include <qgsprocessingparameters.h>

#include "layers/analyses/flow_balance.h"
#include "layers/analyses/sankey_diagram.h"
#include "layers/text_file.h"
#include "qgis/cpqgisapi.h"

QString CpSankeyAlgorithm::shortHelpString() const {
  return QObject::tr(
      "Draws the flows of a flow table as a Sankey diagram in SVG: nodes in columns from sources "
      "to sinks, as tall as the tonnes through them, flows as bands as wide as their tonnes, "
      "coloured by material class, labelled with tonnes. Filter by material class, stage, "
      "scenario and group (e.g. the report's 'construction' view) to keep a diagram readable; "
      "flows between the same nodes and of the same class are added together.");
}

void CpSankeyAlgorithm::initAlgorithm(const QVariantMap&) {
  addFlowParameters();
  addParameter(new QgsProcessingParameterString(QStringLiteral("GROUP"),
                                                QObject::tr("Group (e.g. view) (empty: all)"),
                                                QVariant(), false, true));
  addParameter(new QgsProcessingParameterString(QStringLiteral("TITLE"), QObject::tr("Title"),
                                                QVariant(), false, true));
  addParameter(new QgsProcessingParameterString(
      QStringLiteral("SPLIT_NODES"),
      QObject::tr("Nodes drawn both as source and as sink (comma-separated)"),
      QStringLiteral("outside"), false, true));
  addParameter(new QgsProcessingParameterNumber(QStringLiteral("WIDTH"),
                                                QObject::tr("Width of the diagram (px)"),
                                                cp::qgis::NumberType::Double, 900, false, 200));
  addParameter(new QgsProcessingParameterNumber(QStringLiteral("HEIGHT"),
                                                QObject::tr("Height of the diagram (px)"),
                                                cp::qgis::NumberType::Double, 500, false, 100));
  addParameter(new QgsProcessingParameterFileDestination(
      QStringLiteral("OUTPUT"), QObject::tr("Sankey diagram"), QObject::tr("SVG files (*.svg)")));
  addOutput(new QgsProcessingOutputNumber(QStringLiteral("NODES"), QObject::tr("Nodes")));
  addOutput(new QgsProcessingOutputNumber(QStringLiteral("BANDS"), QObject::tr("Bands")));
}

QVariantMap CpSankeyAlgorithm::processAlgorithm(const QVariantMap& p, QgsProcessingContext& context,
                                                QgsProcessingFeedback* feedback) {
  return guarded(feedback, [&](const cp::geo::Feedback*) {
    cp::layers::Diagnostics diagnostics;
    const std::vector<cp::layers::Flow> flows = readFlows(p, context, diagnostics);
    cpReportDiagnostics(diagnostics, feedback);
    cp::analyses::SankeyDiagramOptions options;
    options.group = parameterAsString(p, QStringLiteral("GROUP"), context).trimmed().toStdString();
    options.drawing.width = parameterAsDouble(p, QStringLiteral("WIDTH"), context);
    options.drawing.height = parameterAsDouble(p, QStringLiteral("HEIGHT"), context);
    options.drawing.title = parameterAsString(p, QStringLiteral("TITLE"), context).toStdString();
    options.drawing.splitNodes = cp::analyses::nodeList(
        parameterAsString(p, QStringLiteral("SPLIT_NODES"), context).toStdString());
    const cp::analyses::SankeyDiagram diagram = cp::analyses::drawSankey(flows, options);
    const QString path = parameterAsFileOutput(p, QStringLiteral("OUTPUT"), context);
    cp::layers::writeTextFile(path.toStdString(), diagram.svg);
    feedback->pushInfo(QObject::tr("%1 nodes and %2 bands drawn in %3")
                           .arg(diagram.layout.nodes.size())
                           .arg(diagram.layout.links.size())
                           .arg(path));
    return QVariantMap{{QStringLiteral("OUTPUT"), path},
                       {QStringLiteral("NODES"), static_cast<int>(diagram.layout.nodes.size())},
                       {QStringLiteral("BANDS"), static_cast<int>(diagram.layout.links.size())}};
  });
}
