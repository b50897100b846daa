#include "cli_options.h"

#include <functional>
#include <map>
#include <set>
#include <sstream>

namespace cp::runner {
namespace {

double number(const std::string& option, const std::string& value) {
  try {
    std::size_t used = 0;
    const double v = std::stod(value, &used);
    if (used == value.size())
      return v;
  } catch (const std::exception&) {
  }
  throw UsageError(option + " needs a number, not '" + value + "'");
}

int integer(const std::string& option, const std::string& value) {
  const double v = number(option, value);
  if (v != static_cast<int>(v))
    throw UsageError(option + " needs a whole number, not '" + value + "'");
  return static_cast<int>(v);
}

geo::Metric metricOf(const std::string& value) {
  if (value != "distance" && value != "time")
    throw UsageError("--metric is 'distance' or 'time'");
  return value == "time" ? geo::Metric::Time : geo::Metric::Distance;
}

// A job's options: those taking a value, and flags.
template <typename Job>
struct Grammar {
  std::map<std::string, std::function<void(Job&, const std::string&)>> values;
  std::map<std::string, std::function<void(Job&)>> flags;
};

// What every job on a road network takes: the roads or a saved network, the
// road fields, the CRS, snapping, the output and its attribution.
template <typename Job>
Grammar<Job> commonGrammar() {
  using V = const std::string&;
  return {
      {{"--roads", [](Job& j, V v) { j.network.roads = v; }},
       {"--network-cache", [](Job& j, V v) { j.network.saved = v; }},
       {"--class-field", [](Job& j, V v) { j.network.roadOptions.fields.roadClass = v; }},
       {"--oneway-field", [](Job& j, V v) { j.network.roadOptions.fields.oneway = v; }},
       {"--speed-field", [](Job& j, V v) { j.network.roadOptions.fields.speedKmh = v; }},
       {"--source-epsg",
        [](Job& j, V v) { j.network.roadOptions.sourceEpsg = integer("--source-epsg", v); }},
       {"--working-epsg",
        [](Job& j, V v) { j.network.roadOptions.workingEpsg = integer("--working-epsg", v); }},
       {"--tolerance",
        [](Job& j, V v) { j.network.buildOptions.toleranceM = number("--tolerance", v); }},
       {"--max-snap", [](Job& j, V v) { j.analysis.snap.maxDistanceM = number("--max-snap", v); }},
       {"--output", [](Job& j, V v) { j.output = v; }},
       {"--attribution", [](Job& j, V v) { j.attribution = v; }}},
      {{"--all-classes", [](Job& j) { j.network.roadOptions.drivableOnly = false; }},
       {"--all-components", [](Job& j) { j.analysis.snap.minComponentNodes = 1; }}}};
}

void requirePositive(double value, const char* option) {
  if (!(value > 0))
    throw UsageError(std::string(option) + " must be greater than 0");
}

void requireSet(const std::string& value, const char* option) {
  if (value.empty())
    throw UsageError(std::string(option) + " is required");
}

// The arguments by the grammar, on the job's defaults.
template <typename Job>
Job parseArguments(const std::vector<std::string>& args, const Grammar<Job>& grammar, Job job) {
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (const auto flag = grammar.flags.find(arg); flag != grammar.flags.end()) {
      flag->second(job);
      continue;
    }
    const auto it = grammar.values.find(arg);
    if (it == grammar.values.end())
      throw UsageError("unknown option '" + arg + "'");
    if (i + 1 >= args.size())
      throw UsageError(arg + " needs a value");
    it->second(job, args[++i]);
  }
  return job;
}

// The job's own options first, then the common ones, on the job's defaults;
// checks what every job on the network needs.
template <typename Job>
Job parse(const std::vector<std::string>& args, Grammar<Job> grammar, Job defaults = {}) {
  Grammar<Job> common = commonGrammar<Job>();
  grammar.values.merge(common.values);
  grammar.flags.merge(common.flags);
  Job job = parseArguments(args, grammar, std::move(defaults));
  if (job.network.saved.empty())
    requireSet(job.network.roads, "--roads");
  requireSet(job.output, "--output");
  requirePositive(job.analysis.snap.maxDistanceM, "--max-snap");
  if (job.network.buildOptions.toleranceM < 0)
    throw UsageError("--tolerance must be 0 or more metres");
  return job;
}

const char* kCommonUsage = R"(
A LAYER is a file, "file|layername=name", or "PG:... |layername=table".
Options every job on the road network takes:
  --class-field, --oneway-field, --speed-field FIELD   road fields (default: detected)
  --all-classes               keep footways, paths, tracks ... (default: drivable roads only)
  --tolerance M               join road vertices closer than M metres (default 0.01)
  --max-snap M                farthest a place may lie from a road (default 1000)
  --all-components            snap to any part of the network, not only the largest
  --network-cache FILE        load the built network from FILE, or save it there;
                              PG:<connection>|network=NAME keeps it in PostGIS
                              (table circular_planner_networks) for the whole team;
                              with it, --roads may be left out
  --source-epsg N             CRS of layers that have none
  --working-epsg N            metric CRS for computation (default: the local UTM zone)
  --attribution TEXT          data attribution stored with the output (default:
                              the credits the inputs carry, e.g. OpenStreetMap's)
)";

}  // namespace

cp::layers::OdJob parseOdOptions(const std::vector<std::string>& args) {
  using cp::layers::OdGeometry;
  using Job = cp::layers::OdJob;
  using V = const std::string&;
  Job job = parse<Job>(
      args, {{{"--origins", [](Job& j, V v) { j.origins = v; }},
              {"--destinations", [](Job& j, V v) { j.destinations = v; }},
              {"--origin-id", [](Job& j, V v) { j.originIdField = v; }},
              {"--destination-id", [](Job& j, V v) { j.destinationIdField = v; }},
              {"--metric", [](Job& j, V v) { j.analysis.query.metric = metricOf(v); }},
              {"--cutoff", [](Job& j, V v) { j.analysis.query.cutoff = number("--cutoff", v); }},
              {"--threads",
               [](Job& j, V v) {
                 j.analysis.query.threads = static_cast<unsigned>(integer("--threads", v));
               }},
              {"--fallback-detour",
               [](Job& j, V v) {
                 j.analysis.fallback.enabled = true;
                 j.analysis.fallback.detourFactor = number("--fallback-detour", v);
               }},
              {"--fallback-speed",
               [](Job& j, V v) { j.analysis.fallback.speedKmh = number("--fallback-speed", v); }},
              {"--matrix-lines",
               [](Job& j, V v) {
                 static const std::map<std::string, OdGeometry> choices{{"auto", OdGeometry::Auto},
                                                                        {"yes", OdGeometry::Lines},
                                                                        {"no", OdGeometry::None}};
                 const auto choice = choices.find(v);
                 if (choice == choices.end())
                   throw UsageError("--matrix-lines is 'auto', 'yes' or 'no'");
                 j.matrixGeometry = choice->second;
               }}},
             {}});
  requireSet(job.origins, "--origins");
  requirePositive(job.analysis.query.cutoff, "--cutoff");
  requirePositive(job.analysis.fallback.speedKmh, "--fallback-speed");
  if (job.destinationIdField.empty() && job.destinations.empty())
    job.destinationIdField = job.originIdField;
  return job;
}

cp::layers::CatchmentsJob parseCatchmentsOptions(const std::vector<std::string>& args) {
  using Job = cp::layers::CatchmentsJob;
  using V = const std::string&;
  std::string bands = "5000,10000";
  Job defaults;
  defaults.analysis.search.cutoff = 20000;
  const Grammar<Job> grammar{
      {{"--sites", [](Job& j, V v) { j.sites = v; }},
       {"--site-id", [](Job& j, V v) { j.siteIdField = v; }},
       {"--sources", [](Job& j, V v) { j.sources = v; }},
       {"--source-id", [](Job& j, V v) { j.sourceIdField = v; }},
       {"--tonnes-field", [](Job& j, V v) { j.tonnesField = v; }},
       {"--metric", [](Job& j, V v) { j.analysis.search.metric = metricOf(v); }},
       {"--cutoff", [](Job& j, V v) { j.analysis.search.cutoff = number("--cutoff", v); }},
       {"--bands", [&bands](Job&, V v) { bands = v; }},
       {"--radius", [](Job& j, V v) { j.analysis.radiusM = number("--radius", v); }},
       {"--travel",
        [](Job& j, V v) {
          if (v != "to" && v != "from")
            throw UsageError("--travel is 'to' or 'from' (the sites)");
          j.analysis.search.travel = v == "from" ? geo::Travel::FromSite : geo::Travel::ToSite;
        }}},
      {}};
  Job job = parse<Job>(args, grammar, defaults);
  requireSet(job.sites, "--sites");
  requirePositive(job.analysis.search.cutoff, "--cutoff");
  requirePositive(job.analysis.radiusM, "--radius");
  try {
    job.analysis.bands = analyses::parseBands(bands, job.analysis.search.cutoff);
  } catch (const layers::OptionError& e) {
    throw UsageError(std::string("--bands: ") + e.what());
  }
  return job;
}

namespace {

// What every job with transport emissions takes: a number, or a table and a truck.
template <typename Job>
void addTransportOptions(Grammar<Job>& grammar) {
  using V = const std::string&;
  grammar.values.merge(std::map<std::string, std::function<void(Job&, V)>>{
      {"--co2-per-tkm",
       [](Job& j, V v) {
         j.transport.kgCo2PerTkm = number("--co2-per-tkm", v);
         if (*j.transport.kgCo2PerTkm < 0)
           throw UsageError("--co2-per-tkm must be 0 or more");
       }},
      {"--factors", [](Job& j, V v) { j.transport.factors = v; }},
      {"--truck", [](Job& j, V v) { j.transport.truck = v; }}});
}

// What allocation and site selection share: sources, sites, emissions.
using AllocationJob = cp::layers::AllocationJob;

Grammar<AllocationJob> sourcesAndSites() {
  using J = AllocationJob;
  using V = const std::string&;
  return {{{"--sources", [](J& j, V v) { j.sources = v; }},
           {"--source-id", [](J& j, V v) { j.sourceIdField = v; }},
           {"--tonnes-field", [](J& j, V v) { j.tonnesField = v; }},
           {"--sites", [](J& j, V v) { j.sites = v; }},
           {"--site-id", [](J& j, V v) { j.siteIdField = v; }},
           {"--capacity-field", [](J& j, V v) { j.capacityField = v; }}},
          {}};
}

void requireSourcesAndSites(const AllocationJob& job) {
  requireSet(job.sources, "--sources");
  requireSet(job.sites, "--sites");
}

}  // namespace

cp::layers::AllocationJob parseAllocationOptions(const std::vector<std::string>& args) {
  Grammar<AllocationJob> grammar = sourcesAndSites();
  addTransportOptions(grammar);
  grammar.flags.emplace("--keep-whole", [](AllocationJob& j) { j.analysis.keepWhole = true; });
  AllocationJob job = parse<AllocationJob>(args, grammar);
  requireSourcesAndSites(job);
  return job;
}

cp::layers::AllocationJob parseSiteSelectionOptions(const std::vector<std::string>& args) {
  using J = AllocationJob;
  using V = const std::string&;
  using cp::analyses::SelectionMethod;
  Grammar<AllocationJob> grammar = sourcesAndSites();
  addTransportOptions(grammar);
  J defaults;
  defaults.selection.emplace();
  grammar.values.merge(std::map<std::string, std::function<void(J&, V)>>{
      {"--new-sites",
       [](J& j, V v) {
         const int n = integer("--new-sites", v);
         if (n < 0)
           throw UsageError("--new-sites must be 0 or more");
         j.selection->newSites = static_cast<std::size_t>(n);
       }},
      {"--cover-km", [](J& j, V v) { j.selection->coverKm = number("--cover-km", v); }},
      {"--existing-field", [](J& j, V v) { j.existingField = v; }},
      {"--time-limit", [](J& j, V v) { j.selection->timeLimitS = number("--time-limit", v); }},
      {"--method", [](J& j, V v) {
         static const std::map<std::string, SelectionMethod> methods{
             {"heuristic", SelectionMethod::Heuristic},
             {"exact", SelectionMethod::Exact},
             {"both", SelectionMethod::Both}};
         const auto method = methods.find(v);
         if (method == methods.end())
           throw UsageError("--method is 'heuristic', 'exact' or 'both'");
         j.selection->method = method->second;
       }}});
  grammar.flags.emplace("--no-capacity", [](J& j) { j.selection->useCapacity = false; });
  J job = parse<J>(args, grammar, std::move(defaults));
  requireSourcesAndSites(job);
  requirePositive(job.selection->coverKm, "--cover-km");
  requirePositive(job.selection->timeLimitS, "--time-limit");
  job.selection->snap = job.analysis.snap;
  return job;
}

cp::layers::WasteDisposalJob parseWasteDisposalOptions(const std::vector<std::string>& args) {
  using J = cp::layers::WasteDisposalJob;
  using V = const std::string&;
  Grammar<J> grammar{{{"--sources", [](J& j, V v) { j.sources = v; }},
                      {"--source-id", [](J& j, V v) { j.sourceIdField = v; }},
                      {"--tonnes-field", [](J& j, V v) { j.tonnesField = v; }},
                      {"--landfilled-field", [](J& j, V v) { j.landfilledField = v; }},
                      {"--composted", [](J& j, V v) { j.composted = v; }},
                      {"--facilities", [](J& j, V v) { j.facilities = v; }},
                      {"--facility-id", [](J& j, V v) { j.facilityIdField = v; }},
                      {"--kind-field", [](J& j, V v) { j.kindField = v; }},
                      {"--capacity-field", [](J& j, V v) { j.capacityField = v; }}},
                     {{"--dumpsites", [](J& j) { j.toDumpsites = true; }}}};
  addTransportOptions(grammar);
  J job = parse<J>(args, grammar);
  requireSet(job.sources, "--sources");
  requireSet(job.facilities, "--facilities");
  return job;
}

cp::layers::ClimateJob parseClimateOptions(const std::vector<std::string>& args) {
  using J = cp::layers::ClimateJob;
  using V = const std::string&;
  J job = parse<J>(args, {{{"--sources", [](J& j, V v) { j.sources = v; }},
                           {"--source-id", [](J& j, V v) { j.sourceIdField = v; }},
                           {"--tonnes-field", [](J& j, V v) { j.tonnesField = v; }},
                           {"--kind-field", [](J& j, V v) { j.kindField = v; }},
                           {"--sites", [](J& j, V v) { j.sites = v; }},
                           {"--site-id", [](J& j, V v) { j.siteIdField = v; }},
                           {"--facilities", [](J& j, V v) { j.facilities = v; }},
                           {"--facility-id", [](J& j, V v) { j.facilityIdField = v; }},
                           {"--factors", [](J& j, V v) { j.factors = v; }},
                           {"--strategies", [](J& j, V v) { j.strategies = v; }},
                           {"--baseline", [](J& j, V v) { j.baseline = v; }},
                           {"--chart", [](J& j, V v) { j.chart = v; }},
                           {"--flows", [](J& j, V v) { j.flows = v; }},
                           {"--flow-scenario", [](J& j, V v) { j.flowScenario = v; }},
                           {"--recycling-view", [](J& j, V v) { j.recyclingView = v; }},
                           {"--coefficients", [](J& j, V v) { j.coefficients = v; }}},
                          {}});
  for (const auto& [value, option] :
       {std::pair{&job.sources, "--sources"}, std::pair{&job.sites, "--sites"},
        std::pair{&job.facilities, "--facilities"}, std::pair{&job.factors, "--factors"},
        std::pair{&job.strategies, "--strategies"}})
    requireSet(*value, option);
  if (!job.flows.empty() && job.coefficients.empty())
    throw UsageError("--flows needs --coefficients (the recycled materials' shares)");
  return job;
}

cp::layers::NearestJob parseNearestOptions(const std::vector<std::string>& args) {
  using J = cp::layers::NearestJob;
  using V = const std::string&;
  J job = parse<J>(
      args, {{{"--origins", [](J& j, V v) { j.origins = v; }},
              {"--facilities", [](J& j, V v) { j.facilities = v; }},
              {"--origin-id", [](J& j, V v) { j.originIdField = v; }},
              {"--facility-id", [](J& j, V v) { j.facilityIdField = v; }},
              {"--metric", [](J& j, V v) { j.analysis.query.metric = metricOf(v); }},
              {"--cutoff", [](J& j, V v) { j.analysis.query.cutoff = number("--cutoff", v); }},
              {"--k",
               [](J& j, V v) {
                 const int k = integer("--k", v);
                 if (k < 1)
                   throw UsageError("--k must be 1 or more");
                 j.analysis.k = static_cast<std::size_t>(k);
               }}},
             {}});
  requireSet(job.origins, "--origins");
  requireSet(job.facilities, "--facilities");
  requirePositive(job.analysis.query.cutoff, "--cutoff");
  return job;
}

cp::layers::RoutesJob parseRoutesOptions(const std::vector<std::string>& args) {
  using J = cp::layers::RoutesJob;
  using V = const std::string&;
  J job = parse<J>(args, {{{"--origins", [](J& j, V v) { j.origins = v; }},
                           {"--destinations", [](J& j, V v) { j.destinations = v; }},
                           {"--origin-id", [](J& j, V v) { j.originIdField = v; }},
                           {"--destination-id", [](J& j, V v) { j.destinationIdField = v; }},
                           {"--flag-field", [](J& j, V v) { j.flagField = v; }},
                           {"--metric", [](J& j, V v) { j.analysis.metric = metricOf(v); }}},
                          {}});
  requireSet(job.network.roads, "--roads");
  requireSet(job.origins, "--origins");
  if (job.destinationIdField.empty() && job.destinations.empty())
    job.destinationIdField = job.originIdField;
  return job;
}

namespace {

std::set<layers::MaterialClass> materialClasses(const std::string& list) {
  std::set<layers::MaterialClass> classes;
  for (const std::string& name : analyses::nodeList(list)) {
    const auto c = layers::parseMaterialClass(name);
    if (!c)
      throw UsageError("--classes: '" + name + "' is not a material class");
    classes.insert(*c);
  }
  return classes;
}

// The flow table and its filters, for every flow job.
template <typename Job>
Grammar<Job> flowTableGrammar() {
  using V = const std::string&;
  return {{{"--flows", [](Job& j, V v) { j.table.flows = v; }},
           {"--classes", [](Job& j, V v) { j.table.filter.classes = materialClasses(v); }},
           {"--stage", [](Job& j, V v) { j.table.filter.stage = v; }},
           {"--scenario", [](Job& j, V v) { j.table.filter.scenario = v; }}},
          {}};
}

template <typename Job>
void merge(Grammar<Job>& into, Grammar<Job> more) {
  into.values.merge(more.values);
  into.flags.merge(more.flags);
}

using FlowsJob = cp::layers::FlowsOnRoadsJob;

FlowsJob parseFlowsOnRoads(const std::vector<std::string>& args, cp::layers::FlowRoadAnalysis kind,
                           Grammar<FlowsJob> own) {
  using V = const std::string&;
  merge(own, flowTableGrammar<FlowsJob>());
  merge(own, {{{"--places", [](FlowsJob& j, V v) { j.places.push_back(v); }}}, {}});
  FlowsJob defaults;
  defaults.kind = kind;
  FlowsJob job = parse<FlowsJob>(args, std::move(own), std::move(defaults));
  requireSet(job.table.flows, "--flows");
  if (job.places.empty())
    throw UsageError("--places is required (once per layer of places)");
  return job;
}

Grammar<FlowsJob> co2Grammar() {
  Grammar<FlowsJob> grammar;
  addTransportOptions(grammar);
  return grammar;
}

}  // namespace

cp::layers::FlowsOnRoadsJob parseFlowLinesOptions(const std::vector<std::string>& args) {
  using V = const std::string&;
  using cp::analyses::FlowShape;
  Grammar<FlowsJob> own = co2Grammar();
  merge(own, {{{"--shape",
                [](FlowsJob& j, V v) {
                  static const std::map<std::string, FlowShape> shapes{
                      {"straight", FlowShape::Straight},
                      {"curved", FlowShape::Curved},
                      {"routed", FlowShape::Routed}};
                  const auto shape = shapes.find(v);
                  if (shape == shapes.end())
                    throw UsageError("--shape is 'straight', 'curved' or 'routed'");
                  j.analysis.lines.shape = shape->second;
                }}},
              {{"--aggregate", [](FlowsJob& j) { j.analysis.lines.aggregate = true; }}}});
  return parseFlowsOnRoads(args, cp::layers::FlowRoadAnalysis::Lines, std::move(own));
}

cp::layers::FlowsOnRoadsJob parseRoadLoadsOptions(const std::vector<std::string>& args) {
  return parseFlowsOnRoads(args, cp::layers::FlowRoadAnalysis::RoadLoads, {});
}

cp::layers::FlowsOnRoadsJob parseSiteAssessmentOptions(const std::vector<std::string>& args) {
  using V = const std::string&;
  Grammar<FlowsJob> own = co2Grammar();
  merge(own, {{{"--candidates", [](FlowsJob& j, V v) { j.candidates = v; }},
               {"--candidate-id", [](FlowsJob& j, V v) { j.candidateIdField = v; }},
               {"--input-ratio",
                [](FlowsJob& j, V v) {
                  j.analysis.inputRatio = number("--input-ratio", v);
                  if (j.analysis.inputRatio < 0)
                    throw UsageError("--input-ratio must be 0 or more");
                }}},
              {}});
  FlowsJob job =
      parseFlowsOnRoads(args, cp::layers::FlowRoadAnalysis::SiteAssessment, std::move(own));
  requireSet(job.candidates, "--candidates");
  return job;
}

cp::layers::FlowBalanceJob parseFlowBalanceOptions(const std::vector<std::string>& args) {
  using J = cp::layers::FlowBalanceJob;
  using V = const std::string&;
  Grammar<J> grammar = flowTableGrammar<J>();
  merge(grammar,
        {{{"--stock-nodes", [](J& j, V v) { j.analysis.stockNodes = analyses::nodeList(v); }},
          {"--tolerance",
           [](J& j, V v) {
             j.analysis.tolerance = number("--tolerance", v);
             if (j.analysis.tolerance < 0)
               throw UsageError("--tolerance must be a share of 0 or more");
           }},
          {"--output", [](J& j, V v) { j.output = v; }},
          {"--attribution", [](J& j, V v) { j.attribution = v; }}},
         {}});
  J job = parseArguments(args, grammar, J{});
  requireSet(job.table.flows, "--flows");
  requireSet(job.output, "--output");
  return job;
}

cp::layers::SankeyJob parseSankeyOptions(const std::vector<std::string>& args) {
  using J = cp::layers::SankeyJob;
  using V = const std::string&;
  Grammar<J> grammar = flowTableGrammar<J>();
  merge(
      grammar,
      {{{"--group", [](J& j, V v) { j.analysis.group = v; }},
        {"--unit", [](J& j, V v) { j.analysis.unit = v; }},
        {"--title", [](J& j, V v) { j.analysis.drawing.title = v; }},
        {"--names", [](J& j, V v) { j.nameLayers.push_back(v); }},
        {"--split-nodes", [](J& j, V v) { j.analysis.drawing.splitNodes = analyses::nodeList(v); }},
        {"--width", [](J& j, V v) { j.analysis.drawing.width = number("--width", v); }},
        {"--height", [](J& j, V v) { j.analysis.drawing.height = number("--height", v); }},
        {"--output", [](J& j, V v) { j.output = v; }}},
       {}});
  J defaults;
  defaults.analysis.drawing.width = 900;  // as in QGIS
  defaults.analysis.drawing.height = 500;
  J job = parseArguments(args, grammar, std::move(defaults));
  requireSet(job.table.flows, "--flows");
  requireSet(job.output, "--output");
  if (job.analysis.drawing.width < 200 || job.analysis.drawing.height < 100)
    throw UsageError("--width must be at least 200 and --height at least 100 px");
  return job;
}

cp::layers::ConstructionSupplyJob parseConstructionSupplyOptions(
    const std::vector<std::string>& args) {
  using J = cp::layers::ConstructionSupplyJob;
  using V = const std::string&;
  Grammar<J> grammar{
      {{"--zones", [](J& j, V v) { j.zones = v; }},
       {"--zone-id", [](J& j, V v) { j.zoneIdField = v; }},
       {"--planned-field", [](J& j, V v) { j.plannedField = v; }},
       {"--products", [](J& j, V v) { j.products = v; }},
       {"--districts", [](J& j, V v) { j.districts = v; }},
       {"--district-id", [](J& j, V v) { j.districtIdField = v; }},
       {"--depots", [](J& j, V v) { j.depots = v; }},
       {"--depot-id", [](J& j, V v) { j.depotIdField = v; }},
       {"--coefficients", [](J& j, V v) { j.coefficients = v; }},
       {"--timber-share", [](J& j, V v) { j.timberShare = number("--timber-share", v); }},
       {"--zone-share", [](J& j, V v) { j.analysis.zoneShare = number("--zone-share", v); }},
       {"--chart", [](J& j, V v) { j.chart = v; }}},
      {{"--no-urban-mining", [](J& j) { j.analysis.urbanMining = false; }}}};
  addTransportOptions(grammar);
  J job = parse<J>(args, grammar);
  requireSet(job.zones, "--zones");
  requireSet(job.products, "--products");
  requireSet(job.districts, "--districts");
  requireSet(job.coefficients, "--coefficients");
  if (!(job.timberShare >= 0 && job.timberShare <= 1))
    throw UsageError("--timber-share must be a share between 0 and 1");
  if (!(job.analysis.zoneShare >= 0 && job.analysis.zoneShare <= 1))
    throw UsageError("--zone-share must be a share between 0 and 1");
  return job;
}

cp::layers::CompostOutletsJob parseCompostOutletsOptions(const std::vector<std::string>& args) {
  using J = cp::layers::CompostOutletsJob;
  using V = const std::string&;
  J job = parse<J>(args,
                   {{{"--sites", [](J& j, V v) { j.sites = v; }},
                     {"--site-id", [](J& j, V v) { j.siteIdField = v; }},
                     {"--intake-field", [](J& j, V v) { j.intakeField = v; }},
                     {"--farmland", [](J& j, V v) { j.farmland = v; }},
                     {"--parcel-id", [](J& j, V v) { j.parcelIdField = v; }},
                     {"--demand-field", [](J& j, V v) { j.demandField = v; }},
                     {"--yield", [](J& j, V v) { j.yield = number("--yield", v); }},
                     {"--coefficients", [](J& j, V v) { j.coefficients = v; }},
                     {"--haul-km", [](J& j, V v) { j.analysis.haulKm = number("--haul-km", v); }}},
                    {}});
  requireSet(job.sites, "--sites");
  requireSet(job.farmland, "--farmland");
  if (job.yield && !(*job.yield >= 0 && *job.yield <= 1))
    throw UsageError("--yield must be a share between 0 and 1");
  if (!job.yield && job.coefficients.empty())
    throw UsageError("give --yield or --coefficients (a table with the compost_yield row)");
  if (!(job.analysis.haulKm >= 0))
    throw UsageError("--haul-km must be 0 or more");
  return job;
}

cp::layers::BuildingStockJob parseBuildingStockOptions(const std::vector<std::string>& args) {
  using J = cp::layers::BuildingStockJob;
  using V = const std::string&;
  J job = parseArguments<J>(args,
                            {{{"--districts", [](J& j, V v) { j.districts = v; }},
                              {"--district-id", [](J& j, V v) { j.districtIdField = v; }},
                              {"--coefficients", [](J& j, V v) { j.coefficients = v; }},
                              {"--demolition-years",
                               [](J& j, V v) {
                                 j.demolitionYears = number("--demolition-years", v);
                                 requirePositive(*j.demolitionYears, "--demolition-years");
                               }},
                              {"--output", [](J& j, V v) { j.output = v; }},
                              {"--attribution", [](J& j, V v) { j.attribution = v; }}},
                             {}},
                            J{});
  requireSet(job.districts, "--districts");
  requireSet(job.coefficients, "--coefficients");
  requireSet(job.output, "--output");
  return job;
}

std::string odUsage() {
  return R"(usage: circular-planner od --roads LAYER --origins LAYER [--destinations LAYER] --output FILE.gpkg [options]

Computes network distances and travel times between every origin and destination
and writes them to a GeoPackage (layers od_matrix, snapping, connectors).

  --origin-id FIELD, --destination-id FIELD   id fields (default: feature ids)
  --metric distance|time      what routes minimise (default distance); both are reported
  --cutoff X                  ignore routes longer than X metres (or seconds with --metric time)
  --fallback-detour F         for pairs the network cannot serve, use straight line x F
  --fallback-speed KMH        speed for fallback times (default 30)
  --threads N                 worker threads (default: all cores)
  --matrix-lines auto|yes|no  draw each pair as a line from origin to destination;
                              auto (default): only up to )" +
         std::to_string(cp::layers::kOdLinesUpTo) + R"( pairs, above that
                              od_matrix is a table without geometry (ten times
                              faster to write, and a million lines hide each other)
)";
}

std::string nearestUsage() {
  return R"(usage: circular-planner nearest --roads LAYER --origins LAYER --facilities LAYER --output FILE.gpkg [options]

For every origin, the k facilities it reaches first by road, with their rank,
distance and time (layer nearest).

  --origin-id FIELD, --facility-id FIELD   id fields (default: feature ids)
  --k N                       facilities per origin (default 1)
  --metric distance|time      what "nearest" measures (default distance)
  --cutoff X                  search no farther than X metres (or seconds with --metric time)
)";
}

std::string catchmentsUsage() {
  return std::string(
      R"(usage: circular-planner catchments --roads LAYER --sites LAYER --output FILE.gpkg [options]

Finds the nearest site of every place on the road network within a cutoff, in
one search from all sites, and writes a GeoPackage: layer catchments (polygons
that partition the served area, with their area, served road length, and the
sources and tonnes each site gathers) and catchment_network (the served roads
in cost bands).

  --site-id FIELD             site ids (default: feature ids); must be unique
  --sources LAYER             sources to count per catchment (points or areas)
  --source-id FIELD           their ids (default: feature ids)
  --tonnes-field FIELD        their tonnes per year (default: tonnes_per_year,
                              t_per_year or tonnes; without any: 0 t each, said)
  --travel to|from            material travels to the sites (default) or from them
  --metric distance|time      what the cutoff and bands measure (default distance)
  --cutoff X                  metres, or seconds with --metric time (default 20000)
  --bands X,Y,...             cost bands of the served roads (default 5000,10000)
  --radius M                  polygon width either side of the roads (default 200)
)");
}

namespace {

const std::string kTransportUsage =
    R"(  --co2-per-tkm KG            transport emissions, kg CO2e per tonne-km; or
  --factors LAYER             an emission factor table (key, unit, central, ...;
                              see the sample's emission_factors), with
  --truck KEY                 the truck's row in it (default truck_average);
                              with neither, no CO2e is computed (said)
)";

std::string sourcesAndSitesUsage() {
  return std::string(R"(
  --source-id FIELD, --site-id FIELD   ids (default: feature ids); site ids must be unique
  --tonnes-field FIELD        the sources' tonnes per year (default: tonnes_per_year,
                              t_per_year or tonnes)
  --capacity-field FIELD      the sites' capacity in tonnes per year (default:
                              capacity_t_per_year or capacity)
)") + kTransportUsage;
}

}  // namespace

std::string allocationUsage() {
  return std::string(
             R"(usage: circular-planner allocation --roads LAYER --sources LAYER --sites LAYER --output FILE.gpkg [options]

Allocates every source's tonnes per year to sites with limited capacity, least
tonne-km over the roads (exact: a minimum-cost flow), and writes a GeoPackage:
allocation (a line per source and site, tonnes, haul, tonne-km), site_intake
(each site's intake, spare capacity, hauls, tonne-km and CO2e) and
source_status (each source's tonnes allocated and not, and why).
)") + sourcesAndSitesUsage() +
         R"(  --keep-whole                each source to one site or none (not split)
)";
}

std::string wasteDisposalUsage() {
  return std::string(
             R"(usage: circular-planner wastedisposal --roads LAYER --sources LAYER --facilities LAYER --output FILE.gpkg [options]

Where the organic waste that is not composted goes: today each source's waste
to the nearest landfill by road, and with a planned waste-to-energy plant as
much as its capacity takes for the least tonne-km, the rest still disposed of.
Writes a GeoPackage: disposal_today and disposal_with_plant (hauls: tonnes,
haul km, tonne-km, facility kind) and waste_facilities (each facility's organic
intake in both cases against all the waste it is registered to take).

  --source-id FIELD, --facility-id FIELD   ids (default: feature ids); facility ids
                              must be unique
  --tonnes-field FIELD        the sources' tonnes per year (default: tonnes_per_year,
                              t_per_year or tonnes)
  --landfilled-field FIELD    yes where the source's waste is landfilled today
                              (default: landfilled when present, else every source)
  --composted LAYER           the composting allocation's source_status (source_id,
                              allocated_t): what is composted is not disposed of
  --kind-field FIELD          landfill, dumpsite, sorting_plant or waste_to_energy
                              (default: kind, facility_kind or type)
  --capacity-field FIELD      the plant's capacity in t/yr (default: capacity_t_per_year
                              or capacity; none or empty: unlimited)
  --dumpsites                 dumpsites take waste too, beside the landfills
)") + kTransportUsage;
}

std::string climateUsage() {
  return R"(usage: circular-planner climatebalance --roads LAYER --sources LAYER --sites LAYER --facilities LAYER --factors LAYER --strategies LAYER --output FILE.gpkg [options]

The greenhouse-gas balance of the strategies for organic waste: each scenario of
the strategies table (scenario_id; compost and waste_to_energy, yes or no;
truck, a transport factor's key) is routed on the roads - the composting sites
take what their capacities allow, the planned plant what is not composted, the
rest goes to the landfill - and weighed with the emission-factor table (key,
unit, low, central, high, source): landfill methane by kind of waste,
composting's methane and nitrous oxide, the plant's nitrous oxide, the hauls.
Writes a GeoPackage: climate_comparison (t CO2e per scenario and component,
low, central, high, and the change from the baseline), climate_breakdown (every
activity with its factor), strategy_tonnes, and what each strategy changes
against the baseline: strategy_road_changes (road segments whose load grows or
shrinks) and strategy_site_changes (sites and facilities that gain or lose
intake), a row per scenario.

  --source-id FIELD, --site-id FIELD, --facility-id FIELD   ids (default: feature ids)
  --tonnes-field FIELD        the sources' tonnes per year (default: tonnes_per_year,
                              t_per_year or tonnes)
  --kind-field FIELD          the sources' kind of waste, for landfill_ch4.KIND
                              factors (default: kind; none: landfill_ch4 for all)
  --baseline ID               the scenario the others are compared with (default
                              baseline)
  --chart FILE.svg            also draw t CO2e by component per scenario, with the
                              low-high range
  --flows LAYER               also weigh today's recycling: the flows of the stage
                              'recycling' (in climate_breakdown, beneath the strategies)
  --flow-scenario S, --recycling-view V   the flows' scenario and view (needed
                              when the table has several: views overlap)
  --coefficients LAYER        with --flows: the recycled materials' shares
                              (recycled_share.MATERIAL rows)
)";
}

std::string siteSelectionUsage() {
  return std::string(
             R"(usage: circular-planner siteselection --roads LAYER --sources LAYER --sites LAYER --output FILE.gpkg [options]

Chooses which candidate sites to build, besides those already built, so that
the most tonnes are served at the least tonne-km, and allocates the sources to
the sites chosen; writes the allocation's tables, with each candidate's status
(existing, new, not chosen) in site_intake.
)") + sourcesAndSitesUsage() +
         R"(  --new-sites N               candidates to open (default 1)
  --existing-field FIELD      marks candidates already built (default: status or
                              existing): yes, true, 1, built, existing, operating
                              or a number other than 0; other text is listed
  --cover-km X                maximal coverage: only tonnes within X km by road count
                              (default: every tonne counts, the p-median)
  --no-capacity               ignore the candidates' capacities
  --method heuristic|exact|both   exact: GLPK's branch and bound (default heuristic)
  --time-limit S              of the exact method (default 60)
)";
}

std::string routesUsage() {
  return std::string(
             R"(usage: circular-planner routes --roads LAYER --origins LAYER [--destinations LAYER] --output FILE.gpkg [options]

Draws the road route from every origin to every destination (at most )") +
         std::to_string(cp::analyses::kMaxRoutes) + R"( pairs),
with its distance, time, and the metres and share of it on roads whose flag field
says yes (drawn by estimate, not surveyed); writes a GeoPackage (layer routes).

  --origin-id FIELD, --destination-id FIELD   id fields (default: feature ids)
  --flag-field FIELD          the roads' flag (default: schematic, when present);
                              yes, true, 1 ... or no, false, 0 ...; other text is
                              taken as no and listed
  --metric distance|time      what routes minimise (default distance)
)";
}

namespace {

const char* kFlowTableUsage = R"(
  --flows LAYER               the flow table: origin_id, destination_id,
                              tonnes_per_year, material_class (material, stage,
                              scenario, view optional)
  --classes C,...             only these material classes (biomass, minerals, metals,
                              fossil_fuels, water, emissions, mixed)
  --stage S, --scenario S     only flows of this stage or scenario
)";

const char* kFlowPlacesUsage =
    R"(  --places LAYER              places whose ids the flows name (zone_id, district_id,
                              site_id, ...); once per layer; an id in two layers is
                              the first layer's place
)";

}  // namespace

std::string flowLinesUsage() {
  return std::string(
             R"(usage: circular-planner flowlines --roads LAYER --flows LAYER --places LAYER ... --output FILE.gpkg [options]

Draws every flow between its places, with its road distance, tonne-km and
transport CO2e (layer flow_lines); flows naming no place are listed.
)") + kFlowTableUsage +
         kFlowPlacesUsage +
         R"(  --shape straight|curved|routed   lines (default curved: A to B and B to A never overlap)
  --aggregate                 add up flows of the same origin, destination and class
)" + kTransportUsage;
}

std::string roadLoadsUsage() {
  return std::string(
             R"(usage: circular-planner roadloads --roads LAYER --flows LAYER --places LAYER ... --output FILE.gpkg [options]

Routes every flow along its shortest road route and adds its tonnes to each
road segment it uses, in all and per material class (layer road_loads).
)") + kFlowTableUsage +
         kFlowPlacesUsage;
}

std::string siteAssessmentUsage() {
  return std::string(
             R"(usage: circular-planner siteassessment --roads LAYER --flows LAYER --places LAYER ... --candidates LAYER --output FILE.gpkg [options]

Ranks candidate sites for a facility that would deliver the chosen flows to
their destinations in place of their origins (layer site_assessment: baseline
and new tonne-km, the change and its CO2e, the rank).
)") + kFlowTableUsage +
         kFlowPlacesUsage +
         R"(  --candidates LAYER, --candidate-id FIELD   the candidate sites (ids unique)
  --input-ratio R             tonnes the facility receives per tonne it delivers (default 0)
)" + kTransportUsage;
}

std::string flowBalanceUsage() {
  return std::string(
             R"(usage: circular-planner flowbalance --flows LAYER --output FILE.gpkg [options]

Checks the mass balance of every node of the flow table, group (view) by group:
in = out + added to stock; boundary nodes need not balance (layer flow_balance).
)") + kFlowTableUsage +
         R"(  --stock-nodes ID,...        nodes that are stocks (default: stock)
  --tolerance SHARE           of a node's inflow (default 0.01)
  --attribution TEXT          data attribution stored with the output (default:
                              the credits the inputs carry, e.g. OpenStreetMap's)
)";
}

std::string sankeyUsage() {
  return std::string(R"(usage: circular-planner sankey --flows LAYER --output FILE.svg [options]

Draws the flows as a Sankey diagram in SVG, coloured by material class.
)") + kFlowTableUsage +
         R"(  --group G                   only the flows of this group (view)
  --unit U                    the unit of the flows drawn (default t, tonnes of
                              material); flows in other units are listed, not drawn
  --title TEXT                the diagram's title
  --names LAYER               a table naming the flows' nodes (node_id or a place id
                              field, and name); may be repeated, e.g. the flows' node
                              table and the zones; other nodes show their ids made readable
  --split-nodes ID,...        nodes drawn both as source and as sink (default: outside)
  --width PX, --height PX     of the diagram (default 900 x 500)
)";
}

std::string compostOutletsUsage() {
  return R"(usage: circular-planner compostoutlets --roads LAYER --sites LAYER --farmland LAYER --yield SHARE|--coefficients LAYER --output FILE.gpkg [options]

Carries the compost each site makes (its intake times the yield) over the roads
to farmland parcels, each needing its area (on the ellipsoid) times its
application rate, within the haul limit; exact, least tonne-km. Writes
compost_deliveries, farmland_supplied (demand and share met per parcel) and
compost_placed (made, placed and left over per site).

  --site-id FIELD, --parcel-id FIELD   ids (default: feature ids); site ids unique
  --intake-field FIELD        the sites' organic intake, t/yr (default: tonnes_in, else
                              a capacity, which is said: compost comes from what arrives)
  --demand-field FIELD        the parcels' compost demand in t/ha/yr (default:
                              compost_demand_t_per_ha_year or compost_t_per_ha)
  --yield SHARE               t of compost per t of intake; or
  --coefficients LAYER        a coefficient table whose compost_yield row gives it
  --haul-km KM                longest haul by road (default 30)
)";
}

std::string buildingStockUsage() {
  return R"(usage: circular-planner buildingstock --districts LAYER --coefficients LAYER --output FILE.gpkg [options]

For each district: the construction materials standing in its floor area, the
yearly demand of its growth, and what its demolitions free and how much of it
can be used again, in tonnes of minerals, metals and wood (layer building_stock).

  --districts LAYER           with the floor-area fields (see constructionsupply)
  --district-id FIELD         ids (default: feature ids)
  --coefficients LAYER        the materials per m2 of floor, the infrastructure
                              mix, recovery rates and demolition period, each a
                              row (key, unit, central, source; see the sample's
                              coefficients table)
  --demolition-years N        the period demolitions are spread over (default:
                              the table's demolition_years)
  --attribution TEXT          data attribution stored with the output (default:
                              the credits the inputs carry, e.g. OpenStreetMap's)
)";
}

std::string constructionSupplyUsage() {
  return R"(usage: circular-planner constructionsupply --roads LAYER --zones LAYER --products LAYER --districts LAYER --coefficients LAYER --output FILE.gpkg [options]

Assigns the industrial zones' products (and the materials demolitions free) to
the districts' construction demand, class by class, with the least tonne-km by
road; writes construction_supply (supplier to district lines) and
district_supply (each district's demand, supply and what is unmet). With
--factors holding embodied.CLASS and secondary.CLASS rows (minerals, metals,
biomass), also the supply's climate balance (construction_climate,
construction_climate_breakdown, construction_district_changes): the zones'
tonnes and what is bought elsewhere at the embodied emissions of primary
production, the demolitions' at those of making them usable again, the hauls
at the truck's row - and, when the coefficients hold import_haul_km.* and
import_rail_share.*, the hauls of what is bought elsewhere by rail
(rail_freight) and road. Scenarios: every tonne bought elsewhere (with those
rows: nothing from the planned zones), the zones (primary only), urban mining,
and with a timber share.

  --zone-id FIELD, --district-id FIELD   ids (default: feature ids); unique
  --products LAYER            zone_id, material_class, capacity_t_per_year
  --districts LAYER           with residential_floor_m2, nonresidential_floor_m2,
                              growth_residential_m2_per_year, growth_nonresidential_m2_per_year,
                              growth_infrastructure_t_per_year, demolition_floor_m2
  --coefficients LAYER        the building-stock coefficients (see buildingstock)
  --no-urban-mining           offer no materials from demolitions
  --depots LAYER, --depot-id FIELD   where what demolitions free is stored: each
                              district's is hauled to the nearest depot and offered from
                              there (default: at the district, first to itself)
  --planned-field FIELD       marks the zones of the plan (default: planned; without it every
                              zone is); the others (a quarry province) are sources outside it
  --zone-share S              the share S (0-1) of the planned zones' capacity that supplies
                              the districts (default 1)
  --chart FILE.svg            with --factors: also draw t CO2e by component per scenario,
                              with the low-high range
  --timber-share S            with --factors: a third scenario, urban mining with the share
                              S (0-1) of the new floor built in timber, at the coefficients'
                              timber_build.* intensities
)" + kTransportUsage;
}

std::string commonUsage() {
  return kCommonUsage;
}

}  // namespace cp::runner
