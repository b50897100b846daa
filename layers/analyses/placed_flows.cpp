#include "placed_flows.h"

#include <cmath>
#include <map>
#include <tuple>

#include "geo/flows_on_network.h"
#include "layers/field_names.h"

namespace cp::analyses {
namespace {

// The places of every layer, each id once; `index` finds them.
void gatherPlaces(const std::vector<FlowPlaceLayer>& layers, PlacedFlows& out,
                  std::map<std::string, std::size_t>& index, layers::Diagnostics& diagnostics) {
  std::vector<const FlowPlaceLayer*> layerOf;  // per place
  for (const FlowPlaceLayer& layer : layers) {
    const layers::PointData& places = layer.places;
    out.places.layerLabel += (out.places.layerLabel.empty() ? "" : ", ") + places.layerLabel;
    for (std::size_t i = 0; i < places.ids.size(); ++i) {
      const auto [it, fresh] = index.emplace(places.ids[i], out.places.ids.size());
      if (!fresh) {  // e.g. a district and its centre: the first layer given stands for it
        const std::string& first = layerOf[it->second]->places.layerLabel;
        diagnostics.warnOnce(first + "|" + places.layerLabel, places.layerLabel, "", layer.idField,
                             "ids such as '" + places.ids[i] + "' are also places in '" + first +
                                 "'; flows use the places in '" + first + "'");
        continue;
      }
      layerOf.push_back(&layer);
      out.places.ids.push_back(places.ids[i]);
      out.places.xy.push_back(places.xy[i]);
      out.places.lonLat.push_back(places.lonLat[i]);
    }
  }
}

}  // namespace

std::string noPlaceIdMessage() {
  std::string usual;
  for (const std::string& name : layers::field_names::kPlaceId)
    usual += (usual.empty() ? "" : ", ") + name;
  return "no id field to match the flows' origins and destinations (one of " + usual + ")";
}

PlacedFlows placeFlows(const std::vector<FlowPlaceLayer>& layers, std::vector<layers::Flow> flows,
                       const std::string& flowTable, layers::Diagnostics& diagnostics) {
  PlacedFlows out;
  std::map<std::string, std::size_t> index;
  gatherPlaces(layers, out, index, diagnostics);
  struct Unknown {
    std::vector<std::string> flows;
    double tonnes = 0;
  };
  std::map<std::string, Unknown> unknown;  // by the place id the flows name
  // Only material travels by road: methane or CO2e are left out, and said,
  // before anything adds their amounts.
  for (layers::Flow& f :
       layers::flowsInUnit(std::move(flows), layers::kMassUnit, flowTable,
                           "not material in tonnes, so not carried on roads", diagnostics)) {
    const auto from = index.find(f.origin);
    const auto to = index.find(f.destination);
    for (const auto& [end, id] : {std::pair{from, &f.origin}, std::pair{to, &f.destination}})
      if (end == index.end()) {
        unknown[*id].flows.push_back(f.id);
        unknown[*id].tonnes += f.tonnes;
      }
    if (from == index.end() || to == index.end()) {
      ++out.unplaced;
      out.unplacedTonnes += f.tonnes;
      continue;
    }
    out.ends.push_back({from->second, to->second});
    out.flows.push_back(std::move(f));
  }
  if (unknown.empty())
    return out;
  std::string places;  // every one of them: each needs mending in the data
  for (const auto& [id, use] : unknown)
    places += (places.empty() ? "'" : ", '") + id + "' (flows " + layers::listed(use.flows) + "; " +
              std::to_string(std::llround(use.tonnes)) + " t)";
  diagnostics.warn(flowTable, "", "",
                   std::to_string(out.unplaced) +
                       " flows name places in none of the given layers and are left out; "
                       "the places: " +
                       places);
  return out;
}

void aggregateFlows(PlacedFlows& placed) {
  std::map<std::tuple<std::size_t, std::size_t, layers::MaterialClass>, std::size_t> first;
  std::vector<layers::Flow> summed;
  std::vector<std::pair<std::size_t, std::size_t>> summedEnds;
  for (std::size_t k = 0; k < placed.flows.size(); ++k) {
    const layers::Flow& flow = placed.flows[k];
    const auto key =
        std::make_tuple(placed.ends[k].first, placed.ends[k].second, flow.materialClass);
    const auto [it, fresh] = first.emplace(key, summed.size());
    if (fresh) {
      summed.push_back(flow);
      summedEnds.push_back(placed.ends[k]);
      continue;
    }
    layers::Flow& into = summed[it->second];
    into.tonnes += flow.tonnes;
    into.id += "," + flow.id;
    for (std::string layers::Flow::*part :
         {&layers::Flow::material, &layers::Flow::stage, &layers::Flow::scenario})
      if (into.*part != flow.*part)
        into.*part = "(several)";
  }
  placed.flows = std::move(summed);
  placed.ends = std::move(summedEnds);
}

FlowsOnNetwork joinFlows(const geo::Network& network, PlacedFlows placed,
                         const geo::SnapOptions& snap, layers::Diagnostics& diagnostics) {
  const geo::Snapper snapper(network, snap);
  FlowsOnNetwork out{std::move(placed), {}};
  out.snapped = layers::snapPlaces(snapper, out.placed.places, diagnostics);
  return out;
}

std::vector<geo::Route> routeFlows(const geo::Network& network, const FlowsOnNetwork& flows,
                                   const geo::Feedback* feedback) {
  return geo::routePairs(network, flows.snapped.locations(), flows.placed.ends,
                         geo::Metric::Distance, 0, feedback);
}

}  // namespace cp::analyses
