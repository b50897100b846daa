#include "organic_strategies.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <optional>
#include <stdexcept>

namespace cp::analyses {
namespace {

// Which of the composting sites a strategy uses: their indices among the
// sites; an InputError names a site that is not among them.
std::vector<std::size_t> sitesOf(const OrganicStrategy& s, const layers::PointData& sites) {
  std::vector<std::size_t> out;
  for (std::size_t j = 0; j < sites.ids.size(); ++j)
    if (s.compostSites.empty() || std::find(s.compostSites.begin(), s.compostSites.end(),
                                            sites.ids[j]) != s.compostSites.end())
      out.push_back(j);
  for (const std::string& id : s.compostSites)
    if (std::find(sites.ids.begin(), sites.ids.end(), id) == sites.ids.end())
      layers::failInput(
          sites.layerLabel, id, "",
          "the strategy '" + s.id + "' composts at '" + id + "', which is not among these sites");
  return out;
}

// Where the waste goes with and without composting, for each share and set
// of sites: computed once each, whichever strategies ask for it.
class Routing {
 public:
  Routing(const OrganicWasteInput& in, const AllocationOptions& options,
          layers::Diagnostics& diagnostics, const geo::Feedback* feedback)
      : in_(in), options_(options), diagnostics_(diagnostics), feedback_(feedback) {}

  // The composting allocation of the strategy's share to its sites, with the
  // indices of those sites.
  struct Composting {
    AllocationResult allocation;
    std::vector<std::size_t> sites;
  };
  const Composting& composting(const OrganicStrategy& s) {
    std::optional<Composting>& cached = composting_[key(s)];
    if (!cached) {
      layers::PointData sites{in_.sites.layerLabel, {}, {}, {}, {}};
      std::vector<double> capacity;
      const std::vector<std::size_t> used = sitesOf(s, in_.sites);
      for (std::size_t j : used) {
        sites.ids.push_back(in_.sites.ids[j]);
        sites.xy.push_back(in_.sites.xy[j]);
        sites.lonLat.push_back(in_.sites.lonLat[j]);
        capacity.push_back(in_.capacity[j]);
      }
      std::vector<double> offered = in_.tonnes;
      for (double& t : offered)
        t *= s.compost;
      cached = Composting{allocateToSites({in_.network, in_.sources, offered, sites, capacity},
                                          options_, feedback_),
                          used};
      diagnostics_.append(cached->allocation.diagnostics);
    }
    return *cached;
  }

  const WasteDisposalResult& disposal(const OrganicStrategy& s) {
    std::optional<WasteDisposalResult>& cached = disposal_[key(s)];
    if (!cached) {
      std::map<std::string, double> composted;
      if (s.compost > 0)
        for (std::size_t i = 0; i < in_.sources.ids.size(); ++i)
          composted[in_.sources.ids[i]] += composting(s).allocation.sources[i].allocated;
      const WasteDisposalInput input{
          in_.network,
          in_.sources,
          residualWaste(in_.sources, in_.tonnes, in_.landfilled, composted,
                        "the composting allocation", diagnostics_),
          in_.facilities,
          in_.facilityKinds,
          in_.facilityCapacity,
          in_.registeredIntake};
      cached = disposeOfWaste(input, {options_, false}, feedback_);
      diagnostics_.append(cached->diagnostics);
    }
    return *cached;
  }

  // Adds the tonnes the allocation's hauls put on each road segment (routed
  // once, whichever strategies share it).
  void addLoads(const AllocationResult& allocation, std::map<geo::SegmentId, double>& tonnes) {
    auto [at, added] = loads_.try_emplace(&allocation);
    if (added)
      at->second = haulLoads(in_.network, allocation, feedback_);
    for (const geo::SegmentLoad& load : at->second)
      tonnes[load.segment] += load.total();
  }

 private:
  const OrganicWasteInput& in_;
  const AllocationOptions& options_;
  layers::Diagnostics& diagnostics_;
  const geo::Feedback* feedback_;
  // A strategy's share and sites, which set where its waste goes.
  static std::string key(const OrganicStrategy& s) {
    std::string k = s.compost > 0 ? std::to_string(s.compost) : "none";
    for (const std::string& site : s.compostSites)
      k += "|" + site;
    return k;
  }
  std::map<std::string, std::optional<Composting>> composting_;
  std::map<std::string, std::optional<WasteDisposalResult>> disposal_;
  std::map<const AllocationResult*, std::vector<geo::SegmentLoad>> loads_;
};

// Adds what each facility of the group received in the allocation.
void addIntakes(const FacilityGroup& group, const AllocationResult& allocation,
                std::vector<double>& intake) {
  for (std::size_t k = 0; k < group.index.size(); ++k)
    intake[group.index[k]] += allocation.intakes[k].tonnes;
}

std::vector<double> allocatedPerSource(const AllocationResult& r) {
  std::vector<double> out;
  for (const SourceStatus& s : r.sources)
    out.push_back(s.allocated);
  return out;
}

// The activities of one strategy: what is landfilled by kind, composted,
// burned, and driven.
class Activities {
 public:
  Activities(StrategyOutcome& out, const layers::FactorTable& factors)
      : out_(out), factors_(factors) {}

  void add(const char* component, std::string what, double amount, const char* per,
           std::string factor) {
    if (amount > 0)
      out_.activities.push_back(
          {out_.strategy, component, std::move(what), amount, per, std::move(factor)});
  }
  void landfilled(const OrganicWasteInput& in, const std::vector<double>& tonnes) {
    std::map<std::string, double> byKind;
    for (std::size_t i = 0; i < tonnes.size(); ++i)
      byKind[in.kinds[i]] += tonnes[i];
    for (const auto& [kind, t] : byKind)
      add("landfill methane", kind + " waste landfilled", t, "t",
          landfillFactorKey(factors_, kind));
    out_.landfilled = std::accumulate(tonnes.begin(), tonnes.end(), 0.0);
  }
  void composted(double tonnes) {
    add("composting", "organic waste composted (methane)", tonnes, "t", "composting_ch4");
    add("composting", "organic waste composted (nitrous oxide)", tonnes, "t", "composting_n2o");
    out_.composted = tonnes;
  }
  void burned(double tonnes) {
    add("waste to energy", "organic waste burned (nitrous oxide)", tonnes, "t", "incineration_n2o");
    out_.toPlant = tonnes;
  }
  void hauled(const std::string& where, double tonneKm, const std::string& truck) {
    add("transport", "hauls " + where, tonneKm, "tkm", truck);
    out_.tonneKm += tonneKm;
  }

 private:
  StrategyOutcome& out_;
  const layers::FactorTable& factors_;
};

StrategyOutcome outcomeOf(const OrganicStrategy& s, const OrganicWasteInput& in, Routing& routing,
                          const layers::FactorTable& factors) {
  StrategyOutcome out;
  out.strategy = s.id;
  out.siteIntake.assign(in.sites.ids.size(), 0.0);
  out.facilityIntake.assign(in.facilities.ids.size(), 0.0);
  Activities activities(out, factors);
  const auto haul = [&](const char* where, const AllocationResult& allocation) {
    activities.hauled(where, allocation.totals.tonneKm, s.truckFactor);
    routing.addLoads(allocation, out.roadTonnes);
  };
  if (s.compost > 0) {
    const Routing::Composting& composting = routing.composting(s);
    activities.composted(composting.allocation.totals.allocated);
    haul("to the composting sites", composting.allocation);
    for (std::size_t k = 0; k < composting.sites.size(); ++k)
      out.siteIntake[composting.sites[k]] = composting.allocation.intakes[k].tonnes;
  }
  const WasteDisposalResult& disposal = routing.disposal(s);
  if (!s.wasteToEnergy) {
    activities.landfilled(in, allocatedPerSource(disposal.today));
    haul("to the landfill", disposal.today);
    addIntakes(disposal.disposal, disposal.today, out.facilityIntake);
    return out;
  }
  if (!disposal.toPlants)
    throw layers::OptionError("the strategy '" + s.id +
                              "' sends waste to a waste-to-energy plant, but there is none among "
                              "the facilities of '" +
                              in.facilities.layerLabel + "'");
  activities.burned(disposal.toPlants->totals.allocated);
  haul("to the plant", *disposal.toPlants);
  addIntakes(disposal.plants, *disposal.toPlants, out.facilityIntake);
  activities.landfilled(in, allocatedPerSource(*disposal.rest));
  haul("to the landfill", *disposal.rest);
  addIntakes(disposal.disposal, *disposal.rest, out.facilityIntake);
  return out;
}

}  // namespace

namespace {

// "A; B, C" as its ids.
std::vector<std::string> listedIds(const std::string& text) {
  std::vector<std::string> out;
  std::string id;
  for (char c : text + ";") {
    if (c != ';' && c != ',') {
      id += c;
      continue;
    }
    if (!layers::trimmed(id).empty())
      out.push_back(layers::trimmed(id));
    id.clear();
  }
  return out;
}

}  // namespace

std::vector<OrganicStrategy> strategiesFrom(const std::string& table,
                                            const std::vector<std::string>& ids,
                                            const std::vector<double>& compost,
                                            const std::vector<bool>& wasteToEnergy,
                                            const std::vector<std::string>& trucks,
                                            const std::vector<std::string>& compostSites,
                                            const std::string& baseline) {
  std::vector<OrganicStrategy> out;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    const std::string id = layers::trimmed(ids[i]), truck = layers::trimmed(trucks.at(i));
    if (id.empty() || truck.empty())
      layers::failInput(table, std::to_string(i + 1), id.empty() ? "scenario_id" : "truck",
                        "every scenario needs an id and a truck (a transport factor's key)");
    for (const OrganicStrategy& s : out)
      if (s.id == id)
        layers::failInput(table, id, "scenario_id", "the scenario is named twice");
    out.push_back({id, compost.at(i),
                   compostSites.empty() ? std::vector<std::string>() : listedIds(compostSites[i]),
                   wasteToEnergy.at(i), truck});
  }
  if (std::none_of(out.begin(), out.end(),
                   [&baseline](const OrganicStrategy& s) { return s.id == baseline; }))
    layers::failInput(table, "", "scenario_id",
                      "no scenario '" + baseline + "' to compare the others with");
  return out;
}

std::vector<Activity> allActivities(const OrganicStrategiesResult& result) {
  std::vector<Activity> all;
  for (const StrategyOutcome& o : result.outcomes)
    all.insert(all.end(), o.activities.begin(), o.activities.end());
  return all;
}

layers::ResultTable strategyTonnesTable(const OrganicStrategiesResult& result) {
  using layers::FieldType;
  layers::ResultTable table{"strategy_tonnes",
                            layers::ResultGeometry::None,
                            {{"scenario", FieldType::Text},
                             {"composted_t", FieldType::Real},
                             {"landfilled_t", FieldType::Real},
                             {"to_plant_t", FieldType::Real},
                             {"tonne_km", FieldType::Real}},
                            {}};
  for (const StrategyOutcome& o : result.outcomes)
    table.add({o.strategy, o.composted, o.landfilled, o.toPlant, o.tonneKm});
  return table;
}

namespace {

const StrategyOutcome& outcomeNamed(const OrganicStrategiesResult& result, const std::string& id) {
  for (const StrategyOutcome& o : result.outcomes)
    if (o.strategy == id)
      return o;
  throw std::invalid_argument("no strategy '" + id + "' among the outcomes");
}

// Loads below a kilogram a year are the rounding of shared routes, not a change.
constexpr double kNoChangeT = 1e-3;

layers::ResultTable roadChanges(const OrganicStrategiesResult& result, const geo::Network& network,
                                const StrategyOutcome& baseline) {
  using layers::FieldType;
  layers::ResultTable table{"strategy_road_changes",
                            layers::ResultGeometry::LineString,
                            {{"scenario", FieldType::Text},
                             {"segment", FieldType::Integer},
                             {"tonnes", FieldType::Real},
                             {"baseline_t", FieldType::Real},
                             {"change_t", FieldType::Real}},
                            {}};
  for (const StrategyOutcome& o : result.outcomes) {
    if (&o == &baseline)
      continue;
    std::map<geo::SegmentId, std::pair<double, double>> both;  // scenario's, baseline's
    for (const auto& [segment, t] : o.roadTonnes)
      both[segment].first = t;
    for (const auto& [segment, t] : baseline.roadTonnes)
      both[segment].second = t;
    for (const auto& [segment, t] : both)
      if (std::abs(t.first - t.second) > kNoChangeT)
        table.add(
            {o.strategy, static_cast<long long>(segment), t.first, t.second, t.first - t.second},
            layers::lineAlong(network.segmentShape(segment)));
  }
  return table;
}

layers::ResultTable siteChanges(const OrganicStrategiesResult& result, const OrganicWasteInput& in,
                                const StrategyOutcome& baseline) {
  using layers::FieldType;
  layers::ResultTable table{"strategy_site_changes",
                            layers::ResultGeometry::Point,
                            {{"scenario", FieldType::Text},
                             {"place_id", FieldType::Text},
                             {"place_kind", FieldType::Text},
                             {"intake_t", FieldType::Real},
                             {"baseline_t", FieldType::Real},
                             {"change_t", FieldType::Real}},
                            {}};
  const auto add = [&table](const std::string& scenario, const layers::PointData& places,
                            std::size_t i, const char* kind, double t, double before) {
    if (t > kNoChangeT || before > kNoChangeT)
      table.add({scenario, places.ids[i], kind, t, before, t - before},
                layers::pointAt(places.xy[i]));
  };
  for (const StrategyOutcome& o : result.outcomes) {
    if (&o == &baseline)
      continue;
    for (std::size_t j = 0; j < in.sites.ids.size(); ++j)
      add(o.strategy, in.sites, j, "composting_site", o.siteIntake[j], baseline.siteIntake[j]);
    for (std::size_t f = 0; f < in.facilities.ids.size(); ++f)
      add(o.strategy, in.facilities, f, layers::facilityKindName(in.facilityKinds[f]),
          o.facilityIntake[f], baseline.facilityIntake[f]);
  }
  return table;
}

}  // namespace

StrategyChanges strategyChanges(const OrganicStrategiesResult& result,
                                const OrganicWasteInput& input, const std::string& baseline) {
  const StrategyOutcome& base = outcomeNamed(result, baseline);
  return {roadChanges(result, input.network, base), siteChanges(result, input, base)};
}

std::string landfillFactorKey(const layers::FactorTable& factors, const std::string& kind) {
  const std::string own = "landfill_ch4." + kind;
  return factors.find(own) ? own : "landfill_ch4";
}

OrganicStrategiesResult runOrganicStrategies(const OrganicWasteInput& input,
                                             const std::vector<OrganicStrategy>& strategies,
                                             const layers::FactorTable& factors,
                                             const AllocationOptions& options,
                                             const geo::Feedback* feedback) {
  layers::requireOnePerPlace(input.sources, input.kinds.size(), "kinds of waste");
  OrganicStrategiesResult result;
  Routing routing(input, options, result.diagnostics, feedback);
  for (const OrganicStrategy& s : strategies)
    result.outcomes.push_back(outcomeOf(s, input, routing, factors));
  return result;
}

}  // namespace cp::analyses
