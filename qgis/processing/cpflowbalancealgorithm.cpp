#include "cpflowbalancealgorithm.h"

#include <cmath>
#include <set>

#include <qgsprocessingoutputs.h>
#include <qgsprocessingparameters.h>
#include "qgis/cpqgisapi.h"

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
  addParameter(new QgsProcessingParameterString(QStringLiteral("STOCK_NODES"),
                                                QObject::tr("Stock nodes (comma-separated ids)"),
                                                QStringLiteral("stock")));
  addParameter(new QgsProcessingParameterNumber(
      QStringLiteral("TOLERANCE"), QObject::tr("Tolerance (share of the node's inflow)"),
      cp::qgis::NumberType::Double, 0.01, false, 0));
  addParameter(new QgsProcessingParameterFeatureSink(
      QStringLiteral("OUTPUT"), QObject::tr("Node balances"), cp::qgis::Source::Vector));
  addOutput(new QgsProcessingOutputNumber(QStringLiteral("NODES"), QObject::tr("Nodes")));
  addOutput(new QgsProcessingOutputNumber(QStringLiteral("UNBALANCED"),
                                          QObject::tr("Nodes out of balance")));
}

QVariantMap CpFlowBalanceAlgorithm::processAlgorithm(const QVariantMap& p,
                                                     QgsProcessingContext& context,
                                                     QgsProcessingFeedback* feedback) {
  return guarded(feedback, [&](const cp::geo::Feedback*) {
    std::set<std::string> stockNodes;
    for (const QString& id : parameterAsString(p, QStringLiteral("STOCK_NODES"), context)
                                 .split(',', Qt::SkipEmptyParts))
      stockNodes.insert(id.trimmed().toStdString());
    const std::vector<cp::layers::NodeBalance> nodes =
        cp::layers::balances(readFlows(p, context), stockNodes);
    const double tolerance = parameterAsDouble(p, QStringLiteral("TOLERANCE"), context);
    const QgsFields fields = cpFields({{"flow_group", QMetaType::QString},
                                       {"node", QMetaType::QString},
                                       {"in_t", QMetaType::Double},
                                       {"out_t", QMetaType::Double},
                                       {"stock_change_t", QMetaType::Double},
                                       {"imbalance_t", QMetaType::Double},
                                       {"boundary", QMetaType::Bool},
                                       {"balanced", QMetaType::Bool}});
    QString destination;
    std::unique_ptr<QgsFeatureSink> sink(parameterAsSink(
        p, QStringLiteral("OUTPUT"), context, destination, fields, cp::qgis::WkbType::NoGeometry));
    if (!sink)
      throw QgsProcessingException(invalidSinkError(p, QStringLiteral("OUTPUT")));
    int unbalanced = 0;
    for (const cp::layers::NodeBalance& b : nodes) {
      const bool balanced =
          b.boundary || std::abs(b.imbalance()) <= tolerance * std::max(b.in, 1.0);
      QgsFeature f(fields);
      f.setAttributes(QgsAttributes()
                      << QString::fromStdString(b.group) << QString::fromStdString(b.node) << b.in
                      << b.out << b.stockChange << (b.boundary ? 0.0 : b.imbalance()) << b.boundary
                      << balanced);
      if (!sink->addFeature(f, QgsFeatureSink::FastInsert))
        throw QgsProcessingException(writeFeatureError(sink.get(), p, QStringLiteral("OUTPUT")));
      if (balanced)
        continue;
      ++unbalanced;
      feedback->pushWarning(
          QObject::tr("%1 '%2': %3 t in, %4 t out, %5 t to stock: %6 t unaccounted for")
              .arg(b.group.empty() ? QObject::tr("node")
                                   : QString::fromStdString(b.group) + QObject::tr(" node"))
              .arg(QString::fromStdString(b.node))
              .arg(b.in, 0, 'f', 0)
              .arg(b.out, 0, 'f', 0)
              .arg(b.stockChange, 0, 'f', 0)
              .arg(b.imbalance(), 0, 'f', 0));
    }
    feedback->pushInfo(
        QObject::tr("%1 nodes, %2 out of balance").arg(nodes.size()).arg(unbalanced));
    return QVariantMap{{QStringLiteral("OUTPUT"), destination},
                       {QStringLiteral("NODES"), static_cast<int>(nodes.size())},
                       {QStringLiteral("UNBALANCED"), unbalanced}};
  });
}
