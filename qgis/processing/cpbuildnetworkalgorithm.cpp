#include "cpbuildnetworkalgorithm.h"

#include <qgsprocessingoutputs.h>
#include <qgsprocessingparameters.h>

#include "layers/database_export.h"
#include "layers/network_store.h"
#include "layers/prepared_network.h"
#include "qgis/cpqgisapi.h"
#include "qgis/cpresultstyles.h"
#include "qgis/processing/cpkeys.h"

QString CpBuildNetworkAlgorithm::shortHelpString() const {
  return QObject::tr(
      "Builds the routable network from a road layer with the same rules as every transport "
      "analysis (roads join where they share a vertex, drivable classes, one-way and speed "
      "fields) and writes each network segment with its ellipsoidal length (m), travel time (s), "
      "direction of travel relative to its drawing, its connected component and whether it "
      "belongs to the main network. Segments outside the main network are where places cannot "
      "be routed; the log lists every repaired or skipped road.");
}

void CpBuildNetworkAlgorithm::initAlgorithm(const QVariantMap&) {
  addRoadParameters(SavedNetwork::Refused);
  addParameter(new QgsProcessingParameterFeatureSink(CpKey::Output, QObject::tr("Network segments"),
                                                     cp::qgis::Source::VectorLine, QVariant(),
                                                     true));
  addParameter(new QgsProcessingParameterString(
      CpKey::SaveTo,
      QObject::tr("Save the network for later runs (a file, or PG:<connection>|network=<name>)"),
      QVariant(), false, true));
  addOutput(new QgsProcessingOutputNumber(CpKey::Nodes, QObject::tr("Nodes")));
  addOutput(new QgsProcessingOutputNumber(CpKey::Segments, QObject::tr("Segments")));
  addOutput(new QgsProcessingOutputNumber(CpKey::Components, QObject::tr("Connected components")));
  addOutput(new QgsProcessingOutputNumber(CpKey::MainNetworkNodes,
                                          QObject::tr("Nodes in the main network")));
}

QVariantMap CpBuildNetworkAlgorithm::processAlgorithm(const QVariantMap& p,
                                                      QgsProcessingContext& context,
                                                      QgsProcessingFeedback* feedback) {
  return guarded(feedback, [&](const cp::geo::Feedback* progress) {
    PreparedRoads prepared = prepareRoads(p, context, feedback, progress);
    cp::geo::Network& net = prepared.network;
    cpReportDiagnostics(prepared.roads.diagnostics, feedback);
    const std::string saveTo = parameterAsString(p, CpKey::SaveTo, context).toStdString();
    if (!saveTo.empty()) {
      net.crsWkt = prepared.roads.frame->wkt();
      cp::layers::storeNetwork(net, saveTo);
      feedback->pushInfo(QObject::tr("Network saved to %1")
                             .arg(QString::fromStdString(cp::layers::maskedConnection(saveTo))));
    }
    cp::geo::throwIfCanceled(progress);  // no partial network is written
    const QString destination =
        writeTable(p, context, *prepared.roads.frame,
                   cp::layers::networkSegmentsTable(net, prepared.roads.lines), CpKey::Output,
                   Output::Optional, cp::qgis::styleNetwork);
    const std::uint32_t main = net.largestComponent;
    QVariantMap results{
        {CpKey::Nodes, static_cast<qlonglong>(net.nodeCount())},
        {CpKey::Segments, static_cast<qlonglong>(net.segmentCount())},
        {CpKey::Components, static_cast<qlonglong>(net.componentNodeCount.size())},
        {CpKey::MainNetworkNodes,
         static_cast<qlonglong>(main == cp::geo::kNoId ? 0 : net.componentNodeCount[main])}};
    insertIfWritten(results, CpKey::Output, destination);
    return results;
  });
}
