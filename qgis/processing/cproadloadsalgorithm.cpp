#include "cproadloadsalgorithm.h"

#include <qgsprocessingoutputs.h>
#include <qgsprocessingparameters.h>

#include "geo/flows_on_network.h"
#include "qgis/cpqgisapi.h"
#include "qgis/cpresultstyles.h"

QString CpRoadLoadsAlgorithm::shortHelpString() const {
  return QObject::tr(
      "Routes every flow of a flow table along its shortest road route and adds its tonnes to "
      "each road segment it uses: which roads carry the construction traffic, or any other "
      "material. Outputs the loaded segments with their tonnes per year in all and per material "
      "class, and the tonne-km travelled on each; the segments' tonne-km add up to the flows' "
      "routed tonne-km. Flows naming no place, or whose places no road joins, are listed.");
}

void CpRoadLoadsAlgorithm::initAlgorithm(const QVariantMap&) {
  addRoadParameters();
  addFlowParameters();
  addFlowPlacesParameter();
  addSnapParameter(2000);
  addParameter(new QgsProcessingParameterFeatureSink(
      QStringLiteral("OUTPUT"), QObject::tr("Road loads"), cp::qgis::Source::VectorLine));
  addOutput(new QgsProcessingOutputNumber(QStringLiteral("SEGMENTS"),
                                          QObject::tr("Road segments loaded")));
  addOutput(new QgsProcessingOutputNumber(QStringLiteral("TONNE_KM"), QObject::tr("Tonne-km")));
  addOutput(
      new QgsProcessingOutputNumber(QStringLiteral("FLOWS_ROUTED"), QObject::tr("Flows routed")));
}

QVariantMap CpRoadLoadsAlgorithm::processAlgorithm(const QVariantMap& p,
                                                   QgsProcessingContext& context,
                                                   QgsProcessingFeedback* feedback) {
  return guarded(feedback, [&](const cp::geo::Feedback* progress) {
    const FlowsOnRoads flows = readFlowsOnRoads(p, context, feedback, progress);
    cpReportDiagnostics(flows.diagnostics, feedback);
    const PlacedFlows& placed = flows.placed;
    const std::vector<cp::geo::Route> routes = routeFlows(flows, progress);
    std::vector<double> tonnes;
    std::vector<std::size_t> classOf;
    int routed = 0;
    for (std::size_t k = 0; k < placed.flows.size(); ++k) {
      tonnes.push_back(placed.flows[k].tonnes);
      classOf.push_back(static_cast<std::size_t>(placed.flows[k].materialClass));
      routed += routes[k].cost.reachable() ? 1 : 0;
    }
    const auto& classes = cp::layers::allMaterialClasses();
    const std::vector<cp::geo::SegmentLoad> loads =
        cp::geo::roadLoads(routes, tonnes, classOf, classes.size());

    QgsFields fields = cpFields({{"segment", QMetaType::Int},
                                 {"tonnes", QMetaType::Double},
                                 {"tonne_km", QMetaType::Double}});
    for (cp::layers::MaterialClass c : classes)
      fields.append(cp::qgis::makeField(
          QString::fromLatin1(cp::layers::materialClassName(c)) + "_t", QMetaType::Double));
    SinkOutput out = createLineOutput(p, context, fields, flows.frame());
    double tonneKm = 0;
    for (const cp::geo::SegmentLoad& load : loads) {
      QgsAttributes attributes;
      attributes << static_cast<int>(load.segment) << load.total() << load.tonneKm;
      for (double t : load.tonnes)
        attributes << t;
      addPolyline(out, p, attributes, flows.prepared.network.segmentShape(load.segment));
      tonneKm += load.tonneKm;
    }
    cp::qgis::styleOnLoad(context, out.destination, cp::qgis::styleRoadLoads);
    feedback->pushInfo(QObject::tr("%1 of %2 flows routed; %3 road segments loaded; %4 tonne-km")
                           .arg(routed)
                           .arg(placed.flows.size())
                           .arg(loads.size())
                           .arg(tonneKm, 0, 'f', 0));
    return QVariantMap{{QStringLiteral("OUTPUT"), out.destination},
                       {QStringLiteral("SEGMENTS"), static_cast<int>(loads.size())},
                       {QStringLiteral("TONNE_KM"), tonneKm},
                       {QStringLiteral("FLOWS_ROUTED"), routed}};
  });
}
