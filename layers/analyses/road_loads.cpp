#include "road_loads.h"

#include "geo/flows_on_network.h"

namespace cp::analyses {

RoadLoadsResult roadLoads(const geo::Network& network, const FlowsOnNetwork& flows,
                          const geo::Feedback* feedback) {
  const PlacedFlows& placed = flows.placed;
  const std::vector<geo::Route> routes = routeFlows(network, flows, feedback);
  std::vector<double> tonnes;
  std::vector<std::size_t> classOf;
  RoadLoadsResult result;
  for (std::size_t k = 0; k < placed.flows.size(); ++k) {
    tonnes.push_back(placed.flows[k].tonnes);
    classOf.push_back(static_cast<std::size_t>(placed.flows[k].materialClass));
    result.routed += routes[k].cost.reachable() ? 1U : 0U;
  }
  const auto& classes = layers::allMaterialClasses();
  using layers::FieldType;
  result.segments = {
      "road_loads",
      layers::ResultGeometry::LineString,
      {{"segment", FieldType::Integer}, {"tonnes", FieldType::Real}, {"tonne_km", FieldType::Real}},
      {}};
  for (layers::MaterialClass c : classes)
    result.segments.fields.push_back(
        {std::string(layers::materialClassName(c)) + "_t", FieldType::Real});
  for (const geo::SegmentLoad& load : geo::roadLoads(routes, tonnes, classOf, classes.size())) {
    std::vector<layers::ResultValue> values{static_cast<long long>(load.segment), load.total(),
                                            load.tonneKm};
    values.insert(values.end(), load.tonnes.begin(), load.tonnes.end());
    result.segments.add(std::move(values), layers::lineAlong(network.segmentShape(load.segment)));
    result.tonneKm += load.tonneKm;
  }
  return result;
}

}  // namespace cp::analyses
