#include "cpbuildnetworkalgorithm.h"

#include <qgsprocessingoutputs.h>
#include <qgsprocessingparameters.h>

#include "qgis/cpqgisapi.h"
#include "qgis/cpresultstyles.h"

namespace {

QgsFields outputFields() {
  return cpFields({{"segment", QMetaType::LongLong},
                   {"road_fid", QMetaType::LongLong},
                   {"length_m", QMetaType::Double},
                   {"time_s", QMetaType::Double},
                   {"direction", QMetaType::QString},
                   {"component", QMetaType::Int},
                   {"in_main_network", QMetaType::Bool}});
}

QString directionName(cp::geo::Direction d) {
  switch (d) {
    case cp::geo::Direction::Both:
      return QStringLiteral("both");
    case cp::geo::Direction::Forward:
      return QStringLiteral("forward");
    case cp::geo::Direction::Backward:
      return QStringLiteral("backward");
    case cp::geo::Direction::Closed:
      break;
  }
  return QStringLiteral("closed");
}

}  // namespace

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
  addRoadParameters();
  addParameter(new QgsProcessingParameterFeatureSink(
      QStringLiteral("OUTPUT"), QObject::tr("Network segments"), cp::qgis::Source::VectorLine));
  addOutput(new QgsProcessingOutputNumber(QStringLiteral("NODES"), QObject::tr("Nodes")));
  addOutput(new QgsProcessingOutputNumber(QStringLiteral("SEGMENTS"), QObject::tr("Segments")));
  addOutput(new QgsProcessingOutputNumber(QStringLiteral("COMPONENTS"),
                                          QObject::tr("Connected components")));
  addOutput(new QgsProcessingOutputNumber(QStringLiteral("MAIN_NETWORK_NODES"),
                                          QObject::tr("Nodes in the main network")));
}

QVariantMap CpBuildNetworkAlgorithm::processAlgorithm(const QVariantMap& p,
                                                      QgsProcessingContext& context,
                                                      QgsProcessingFeedback* feedback) {
  return guarded(feedback, [&](const cp::geo::Feedback* progress) {
    const PreparedRoads prepared = prepareRoads(p, context, feedback, progress);
    const cp::geo::Network& net = prepared.network;
    cpReportDiagnostics(prepared.roads.diagnostics, feedback);
    SinkOutput output = createLineOutput(p, context, outputFields(), *prepared.roads.frame);
    for (cp::geo::SegmentId s = 0; s < net.segmentCount(); ++s) {
      const std::uint32_t component = net.nodeComponent[net.segmentFrom[s]];
      QgsAttributes attributes;
      attributes << static_cast<qlonglong>(s)
                 << static_cast<qlonglong>(prepared.roads.lines[net.segmentFeature[s]].featureId)
                 << net.segmentLength[s] << net.segmentTime[s]
                 << directionName(net.segmentDirection[s]) << static_cast<int>(component)
                 << (component == net.largestComponent);
      addPolyline(output, p, attributes, net.segmentShape(s));
      if (feedback->isCanceled())
        break;
    }
    cp::qgis::styleOnLoad(context, output.destination, cp::qgis::styleNetwork);
    const std::uint32_t main = net.largestComponent;
    return QVariantMap{
        {QStringLiteral("OUTPUT"), output.destination},
        {QStringLiteral("NODES"), static_cast<qlonglong>(net.nodeCount())},
        {QStringLiteral("SEGMENTS"), static_cast<qlonglong>(net.segmentCount())},
        {QStringLiteral("COMPONENTS"), static_cast<qlonglong>(net.componentNodeCount.size())},
        {QStringLiteral("MAIN_NETWORK_NODES"),
         static_cast<qlonglong>(main == cp::geo::kNoId ? 0 : net.componentNodeCount[main])}};
  });
}
