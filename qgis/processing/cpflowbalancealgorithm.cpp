#include "cpflowbalancealgorithm.h"

#include <qgsprocessingoutputs.h>
#include <qgsprocessingparameters.h>
#include "layers/analyses/flow_balance.h"
#include "qgis/cpqgisapi.h"
#include "qgis/processing/cpkeys.h"

QString CpFlowBalanceAlgorithm::shortHelpString() const {
  return QObject::tr(
      "Checks the mass balance of every node of a flow table: what it takes in must equal what "
      "it sends on plus what it adds to its stock (flows into a stock node, e.g. 'stock'). "
      "Flows are balanced within their group (a 'view' or 'group' field, e.g. the report's "
      "city, agri-food, construction and industry views), after the class, stage and scenario "
      "filters. Nodes that only send or only receive are the system's boundary and need not "
      "balance; flows from a node to itself are internal and left out. Every node is listed "
      "with its imbalance; those beyond the tolerance are also reported as warnings.");
}

void CpFlowBalanceAlgorithm::initAlgorithm(const QVariantMap&) {
  addFlowParameters();
  addParameter(new QgsProcessingParameterString(CpKey::StockNodes,
                                                QObject::tr("Stock nodes (comma-separated ids)"),
                                                QStringLiteral("stock")));
  addParameter(new QgsProcessingParameterNumber(
      CpKey::Tolerance, QObject::tr("Tolerance (share of the node's inflow)"),
      cp::qgis::NumberType::Double, 0.01, false, 0));
  addParameter(new QgsProcessingParameterFeatureSink(CpKey::Output, QObject::tr("Node balances"),
                                                     cp::qgis::Source::Vector));
  addOutput(new QgsProcessingOutputNumber(CpKey::Nodes, QObject::tr("Nodes")));
  addOutput(new QgsProcessingOutputNumber(CpKey::Unbalanced, QObject::tr("Nodes out of balance")));
}

QVariantMap CpFlowBalanceAlgorithm::processAlgorithm(const QVariantMap& p,
                                                     QgsProcessingContext& context,
                                                     QgsProcessingFeedback* feedback) {
  return guarded(feedback, [&](const cp::geo::Feedback*) {
    cp::layers::Diagnostics diagnostics;
    const std::vector<cp::layers::Flow> flows = readFlows(p, context, diagnostics);
    cp::analyses::FlowBalanceOptions options;
    options.stockNodes =
        cp::analyses::nodeList(parameterAsString(p, CpKey::StockNodes, context).toStdString());
    options.tolerance = parameterAsDouble(p, CpKey::Tolerance, context);
    const cp::analyses::FlowBalanceResult result =
        cp::analyses::balanceFlows(flows, options, inputLabel(CpKey::Flows).toStdString());
    diagnostics.append(result.diagnostics);
    cpReportDiagnostics(diagnostics, feedback);
    const QString destination =
        writeTable(p, context, cp::layers::WorkingFrame::fromEpsg(4326),  // no geometry: any frame
                   cp::analyses::flowBalanceTable(result), CpKey::Output, Output::Required);
    feedback->pushInfo(
        QObject::tr("%1 nodes, %2 out of balance").arg(result.nodes.size()).arg(result.unbalanced));
    return QVariantMap{{CpKey::Output, destination},
                       {CpKey::Nodes, static_cast<int>(result.nodes.size())},
                       {CpKey::Unbalanced, static_cast<int>(result.unbalanced)}};
  });
}
