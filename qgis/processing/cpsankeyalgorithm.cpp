#include "cpsankeyalgorithm.h"

#include <qgsprocessingoutputs.h>
#include <qgsprocessingparameters.h>

#include "layers/analyses/flow_balance.h"
#include "layers/analyses/sankey_diagram.h"
#include "layers/text_file.h"
#include "qgis/cplayerreaders.h"
#include "qgis/cpqgisapi.h"
#include "qgis/processing/cpkeys.h"

QString CpSankeyAlgorithm::shortHelpString() const {
  return QObject::tr(
      "Draws the flows of a flow table as a Sankey diagram in SVG: nodes in columns from sources "
      "to sinks, as tall as the tonnes through them, flows as bands as wide as their tonnes, "
      "coloured by material class with a legend, nodes labelled by name (from the tables of "
      "names given: the flows' node table, the zones, the districts; otherwise by their ids) "
      "and tonnes. A flow back to an earlier node, or within one node, is drawn as a loop "
      "below. Filter by material class, stage, "
      "scenario and group (e.g. the report's 'construction' view) to keep a diagram readable; "
      "flows between the same nodes and of the same class are added together. One diagram shows "
      "one unit (tonnes of material by default): flows in another unit, such as t CH4, "
      "t CO2e or m3, and emissions among materials, are never added to it and are named "
      "under the diagram instead.");
}

void CpSankeyAlgorithm::initAlgorithm(const QVariantMap&) {
  addFlowParameters();
  addParameter(new QgsProcessingParameterString(
      CpKey::Group, QObject::tr("Group (e.g. view) (empty: all)"), QVariant(), false, true));
  addParameter(new QgsProcessingParameterString(
      CpKey::Unit, QObject::tr("Unit of the flows drawn (others are left out and said)"),
      QString::fromStdString(cp::layers::kMassUnit), false, true));
  addParameter(new QgsProcessingParameterString(CpKey::Title, QObject::tr("Title"), QVariant(),
                                                false, true));
  addParameter(new QgsProcessingParameterMultipleLayers(
      CpKey::Names, QObject::tr("Names of the nodes (tables with an id and a name field)"),
      cp::qgis::Source::Vector, QVariant(), true));
  addParameter(new QgsProcessingParameterString(
      CpKey::SplitNodes, QObject::tr("Nodes drawn both as source and as sink (comma-separated)"),
      QStringLiteral("outside"), false, true));
  addParameter(new QgsProcessingParameterNumber(CpKey::Width,
                                                QObject::tr("Width of the diagram (px)"),
                                                cp::qgis::NumberType::Double, 900, false, 200));
  addParameter(new QgsProcessingParameterNumber(CpKey::Height,
                                                QObject::tr("Height of the diagram (px)"),
                                                cp::qgis::NumberType::Double, 500, false, 100));
  addParameter(new QgsProcessingParameterFileDestination(
      CpKey::Output, QObject::tr("Sankey diagram"), QObject::tr("SVG files (*.svg)")));
  addOutput(new QgsProcessingOutputNumber(CpKey::Nodes, QObject::tr("Nodes")));
  addOutput(new QgsProcessingOutputNumber(CpKey::Bands, QObject::tr("Bands")));
}

QVariantMap CpSankeyAlgorithm::processAlgorithm(const QVariantMap& p, QgsProcessingContext& context,
                                                QgsProcessingFeedback* feedback) {
  return guarded(feedback, [&](const cp::geo::Feedback*) {
    cp::layers::Diagnostics diagnostics;
    const std::vector<cp::layers::Flow> flows = readFlows(p, context, diagnostics);
    cp::analyses::SankeyDiagramOptions options;
    options.group = parameterAsString(p, CpKey::Group, context).trimmed().toStdString();
    options.unit = parameterAsString(p, CpKey::Unit, context).toStdString();
    options.drawing.width = parameterAsDouble(p, CpKey::Width, context);
    options.drawing.height = parameterAsDouble(p, CpKey::Height, context);
    options.drawing.title = parameterAsString(p, CpKey::Title, context).toStdString();
    options.drawing.splitNodes =
        cp::analyses::nodeList(parameterAsString(p, CpKey::SplitNodes, context).toStdString());
    for (const Input& names : inputs(CpKey::Names))
      cp::qgis::readNodeNames(*names.snapshot, names.label, options.drawing.names, diagnostics);
    cpReportDiagnostics(diagnostics, feedback);
    const cp::analyses::SankeyDiagram diagram =
        cp::analyses::drawSankey(flows, options, inputLabel(CpKey::Flows).toStdString());
    cpReportDiagnostics(diagram.diagnostics, feedback);
    const QString path = parameterAsFileOutput(p, CpKey::Output, context);
    cp::layers::writeTextFile(path.toStdString(), diagram.svg);
    feedback->pushInfo(QObject::tr("%1 nodes and %2 bands drawn in %3")
                           .arg(diagram.layout.nodes.size())
                           .arg(diagram.layout.links.size())
                           .arg(path));
    return QVariantMap{{CpKey::Output, path},
                       {CpKey::Nodes, static_cast<int>(diagram.layout.nodes.size())},
                       {CpKey::Bands, static_cast<int>(diagram.layout.links.size())}};
  });
}
