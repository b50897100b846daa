#include "flow_lines.h"

#include "geo/flows_on_network.h"

namespace cp::analyses {
namespace {

layers::ResultTable flowLineTable() {
  using layers::FieldType;
  return {"flow_lines",
          layers::ResultGeometry::LineString,
          {{"flow_id", FieldType::Text},
           {"origin_id", FieldType::Text},
           {"destination_id", FieldType::Text},
           {"material_class", FieldType::Text},
           {"material", FieldType::Text},
           {"stage", FieldType::Text},
           {"scenario", FieldType::Text},
           {"tonnes", FieldType::Real},
           {"road_km", FieldType::Real},
           {"tonne_km", FieldType::Real},
           {"co2_t", FieldType::Real}},
          {}};
}

}  // namespace

FlowLinesResult flowLines(const geo::Network& network, FlowsOnNetwork flows,
                          const FlowLinesOptions& options, const geo::Feedback* feedback) {
  PlacedFlows& placed = flows.placed;
  if (options.aggregate)
    aggregateFlows(placed);
  const std::vector<geo::Route> routes = routeFlows(network, flows, feedback);
  FlowLinesResult result{flowLineTable(), placed.flows.size(), 0, 0};
  for (std::size_t k = 0; k < placed.flows.size(); ++k) {
    const layers::Flow& f = placed.flows[k];
    const geo::Route& route = routes[k];
    const geo::XY a = placed.places.xy[placed.ends[k].first];
    const geo::XY b = placed.places.xy[placed.ends[k].second];
    const bool routed = route.cost.reachable();
    const double km = routed ? route.cost.distanceM / 1000 : 0;
    const std::vector<geo::XY> shape = options.shape == FlowShape::Routed && routed ? route.geometry
                                       : options.shape == FlowShape::Straight
                                           ? std::vector<geo::XY>{a, b}
                                           : geo::curvedFlowLine(a, b);
    result.lines.add(
        {f.id, f.origin, f.destination, layers::materialClassName(f.materialClass), f.material,
         f.stage, f.scenario, f.tonnes, routed ? layers::ResultValue(km) : layers::ResultValue(),
         f.tonnes * km, transportCo2(f.tonnes * km, options.kgCo2PerTkm)},
        layers::lineAlong(shape));
    result.tonnes += f.tonnes;
    result.tonneKm += f.tonnes * km;
  }
  return result;
}

}  // namespace cp::analyses
