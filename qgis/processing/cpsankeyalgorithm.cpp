#include "cpsankeyalgorithm.h"

#include <QFile>

#include <qgsprocessingoutputs.h>
#include <qgsprocessingparameters.h>

#include "layers/sankey.h"
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
    const std::string group =
        parameterAsString(p, QStringLiteral("GROUP"), context).trimmed().toStdString();
    std::vector<cp::layers::Flow> flows;
    for (cp::layers::Flow& f : readFlows(p, context))
      if (group.empty() || f.group == group)
        flows.push_back(std::move(f));
    if (flows.empty())
      throw QgsProcessingException(QObject::tr("No flow passes the filters: nothing to draw"));
    cp::layers::SankeyOptions options;
    options.width = parameterAsDouble(p, QStringLiteral("WIDTH"), context);
    options.height = parameterAsDouble(p, QStringLiteral("HEIGHT"), context);
    options.title = parameterAsString(p, QStringLiteral("TITLE"), context).toStdString();
    options.splitNodes.clear();
    for (const QString& id : parameterAsString(p, QStringLiteral("SPLIT_NODES"), context)
                                 .split(',', Qt::SkipEmptyParts))
      options.splitNodes.insert(id.trimmed().toStdString());
    const cp::layers::SankeyLayout layout = cp::layers::layoutSankey(flows, options);
    const QString path = parameterAsFileOutput(p, QStringLiteral("OUTPUT"), context);
    QFile file(path);
    const std::string svg = cp::layers::sankeySvg(layout, options);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        file.write(svg.data(), static_cast<qint64>(svg.size())) != static_cast<qint64>(svg.size()))
      throw QgsProcessingException(
          QObject::tr("Cannot write %1: %2").arg(path, file.errorString()));
    feedback->pushInfo(QObject::tr("%1 nodes and %2 bands drawn in %3")
                           .arg(layout.nodes.size())
                           .arg(layout.links.size())
                           .arg(path));
    return QVariantMap{{QStringLiteral("OUTPUT"), path},
                       {QStringLiteral("NODES"), static_cast<int>(layout.nodes.size())},
                       {QStringLiteral("BANDS"), static_cast<int>(layout.links.size())}};
  });
}
