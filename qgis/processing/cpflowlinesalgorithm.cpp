#include "cpflowlinesalgorithm.h"

#include <map>
#include <tuple>

#include <qgsprocessingoutputs.h>
#include <qgsprocessingparameters.h>

#include "geo/flows_on_network.h"
#include "qgis/cpqgisapi.h"
#include "qgis/cpresultstyles.h"

namespace {

enum Shape { kStraight, kCurved, kRouted };

// Flows with the same origin, destination and material class, added together.
void aggregate(std::vector<cp::layers::Flow>& flows,
               std::vector<std::pair<std::size_t, std::size_t>>& ends) {
  std::map<std::tuple<std::size_t, std::size_t, cp::layers::MaterialClass>, std::size_t> first;
  std::vector<cp::layers::Flow> summed;
  std::vector<std::pair<std::size_t, std::size_t>> summedEnds;
  for (std::size_t k = 0; k < flows.size(); ++k) {
    const auto key = std::make_tuple(ends[k].first, ends[k].second, flows[k].materialClass);
    const auto [it, fresh] = first.emplace(key, summed.size());
    if (fresh) {
      summed.push_back(flows[k]);
      summedEnds.push_back(ends[k]);
      continue;
    }
    cp::layers::Flow& into = summed[it->second];
    into.tonnes += flows[k].tonnes;
    into.id += "," + flows[k].id;
    for (std::string cp::layers::Flow::*part :
         {&cp::layers::Flow::material, &cp::layers::Flow::stage, &cp::layers::Flow::scenario})
      if (into.*part != flows[k].*part)
        into.*part = "(several)";
  }
  flows = std::move(summed);
  ends = std::move(summedEnds);
}

}  // namespace

QString CpFlowLinesAlgorithm::shortHelpString() const {
  return QObject::tr(
      "Draws the flows of a flow table (origin, destination, tonnes per year, material class; "
      "optionally id, material, stage, scenario) between the places they name, found by id in "
      "the given layers (zone_id, district_id, site_id, ...). Lines are straight, curved (the "
      "flows A to B and B to A bend to opposite sides and never overlap) or follow the road "
      "route. Every flow gets its road distance, tonne-km and transport CO2e. Flows can be "
      "filtered by material class, stage and scenario, and added together per origin, "
      "destination and class. Rows naming an unknown place are listed by row and left out.");
}

void CpFlowLinesAlgorithm::initAlgorithm(const QVariantMap&) {
  addRoadParameters();
  addFlowParameters();
  addFlowPlacesParameter();
  addParameter(new QgsProcessingParameterEnum(
      QStringLiteral("SHAPE"), QObject::tr("Lines"),
      {QObject::tr("straight"), QObject::tr("curved"), QObject::tr("along the road route")}, false,
      kCurved));
  addParameter(new QgsProcessingParameterBoolean(
      QStringLiteral("AGGREGATE"),
      QObject::tr("Add up flows with the same origin, destination and class"), false));
  addSnapParameter(2000);
  addCo2Parameter();
  addParameter(new QgsProcessingParameterFeatureSink(
      QStringLiteral("OUTPUT"), QObject::tr("Flow lines"), cp::qgis::Source::VectorLine));
  for (const auto& [name, title] :
       {std::pair{"FLOWS_DRAWN", "Flows drawn"},
        std::pair{"FLOWS_UNPLACED", "Flows naming no place"}, std::pair{"TONNES", "Tonnes drawn"},
        std::pair{"TONNE_KM", "Tonne-km by road"}})
    addOutput(new QgsProcessingOutputNumber(QString::fromLatin1(name), QObject::tr(title)));
}

QVariantMap CpFlowLinesAlgorithm::processAlgorithm(const QVariantMap& p,
                                                   QgsProcessingContext& context,
                                                   QgsProcessingFeedback* feedback) {
  return guarded(feedback, [&](const cp::geo::Feedback* progress) {
    FlowsOnRoads flows = readFlowsOnRoads(p, context, feedback, progress);
    cpReportDiagnostics(flows.diagnostics, feedback);
    PlacedFlows& placed = flows.placed;
    if (parameterAsBoolean(p, QStringLiteral("AGGREGATE"), context))
      aggregate(placed.flows, placed.ends);
    const std::vector<cp::geo::Route> routes = routeFlows(flows, progress);
    const cp::layers::WorkingFrame& frame = flows.frame();

    SinkOutput out = createLineOutput(p, context,
                                      cpFields({{"flow_id", QMetaType::QString},
                                                {"origin_id", QMetaType::QString},
                                                {"destination_id", QMetaType::QString},
                                                {"material_class", QMetaType::QString},
                                                {"material", QMetaType::QString},
                                                {"stage", QMetaType::QString},
                                                {"scenario", QMetaType::QString},
                                                {"tonnes", QMetaType::Double},
                                                {"road_km", QMetaType::Double},
                                                {"tonne_km", QMetaType::Double},
                                                {"co2_t", QMetaType::Double}}),
                                      frame);
    const int shape = parameterAsEnum(p, QStringLiteral("SHAPE"), context);
    const double kg = parameterAsDouble(p, QStringLiteral("CO2_PER_TKM"), context);
    double tonnes = 0, tonneKm = 0;
    for (std::size_t k = 0; k < placed.flows.size(); ++k) {
      const cp::layers::Flow& f = placed.flows[k];
      const cp::geo::Route& route = routes[k];
      const cp::geo::XY a = placed.places.xy[placed.ends[k].first];
      const cp::geo::XY b = placed.places.xy[placed.ends[k].second];
      const bool routed = route.cost.reachable();
      const double km = routed ? route.cost.distanceM / 1000 : 0;
      QgsAttributes attributes;
      attributes << QString::fromStdString(f.id) << QString::fromStdString(f.origin)
                 << QString::fromStdString(f.destination)
                 << QString::fromLatin1(cp::layers::materialClassName(f.materialClass))
                 << QString::fromStdString(f.material) << QString::fromStdString(f.stage)
                 << QString::fromStdString(f.scenario) << f.tonnes
                 << (routed ? QVariant(km) : QVariant()) << f.tonnes * km
                 << f.tonnes * km * kg / 1000;
      addPolyline(out, p, attributes,
                  shape == kRouted && routed ? route.geometry
                  : shape == kStraight       ? std::vector<cp::geo::XY>{a, b}
                                             : cp::geo::curvedFlowLine(a, b));
      tonnes += f.tonnes;
      tonneKm += f.tonnes * km;
    }
    cp::qgis::styleOnLoad(context, out.destination, cp::qgis::styleFlowLines);
    feedback->pushInfo(QObject::tr("%1 flows drawn (%2 t, %3 tonne-km by road); %4 flows (%5 t) "
                                   "name no place")
                           .arg(placed.flows.size())
                           .arg(tonnes, 0, 'f', 0)
                           .arg(tonneKm, 0, 'f', 0)
                           .arg(placed.unplaced)
                           .arg(placed.unplacedTonnes, 0, 'f', 0));
    return QVariantMap{{QStringLiteral("OUTPUT"), out.destination},
                       {QStringLiteral("FLOWS_DRAWN"), static_cast<int>(placed.flows.size())},
                       {QStringLiteral("FLOWS_UNPLACED"), static_cast<int>(placed.unplaced)},
                       {QStringLiteral("TONNES"), tonnes},
                       {QStringLiteral("TONNE_KM"), tonneKm}};
  });
}
