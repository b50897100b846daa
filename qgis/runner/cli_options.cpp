#include "cli_options.h"

#include <functional>
#include <map>

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

using Setter = std::function<void(cp::layers::OdJob&, const std::string&)>;

const std::map<std::string, Setter>& valueOptions() {
  using cp::layers::OdJob;
  static const std::map<std::string, Setter> options{
      {"--roads", [](OdJob& j, const std::string& v) { j.network.roads = v; }},
      {"--origins", [](OdJob& j, const std::string& v) { j.origins = v; }},
      {"--destinations", [](OdJob& j, const std::string& v) { j.destinations = v; }},
      {"--origin-id", [](OdJob& j, const std::string& v) { j.originIdField = v; }},
      {"--destination-id", [](OdJob& j, const std::string& v) { j.destinationIdField = v; }},
      {"--output", [](OdJob& j, const std::string& v) { j.output = v; }},
      {"--network-cache", [](OdJob& j, const std::string& v) { j.network.saved = v; }},
      {"--attribution", [](OdJob& j, const std::string& v) { j.attribution = v; }},
      {"--class-field", [](OdJob& j, const std::string& v) { j.network.roadOptions.fields.roadClass = v; }},
      {"--oneway-field", [](OdJob& j, const std::string& v) { j.network.roadOptions.fields.oneway = v; }},
      {"--speed-field", [](OdJob& j, const std::string& v) { j.network.roadOptions.fields.speedKmh = v; }},
      {"--source-epsg",
       [](OdJob& j, const std::string& v) {
         j.network.roadOptions.sourceEpsg = integer("--source-epsg", v);
       }},
      {"--working-epsg",
       [](OdJob& j, const std::string& v) {
         j.network.roadOptions.workingEpsg = integer("--working-epsg", v);
       }},
      {"--tolerance",
       [](OdJob& j, const std::string& v) {
         j.network.buildOptions.toleranceM = number("--tolerance", v);
       }},
      {"--max-snap",
       [](OdJob& j, const std::string& v) {
         j.analysis.snap.maxDistanceM = number("--max-snap", v);
       }},
      {"--cutoff",
       [](OdJob& j, const std::string& v) { j.analysis.query.cutoff = number("--cutoff", v); }},
      {"--threads",
       [](OdJob& j, const std::string& v) {
         j.analysis.query.threads = static_cast<unsigned>(integer("--threads", v));
       }},
      {"--metric",
       [](OdJob& j, const std::string& v) {
         if (v != "distance" && v != "time")
           throw UsageError("--metric is 'distance' or 'time'");
         j.analysis.query.metric = v == "time" ? cp::geo::Metric::Time : cp::geo::Metric::Distance;
       }},
      {"--fallback-detour",
       [](OdJob& j, const std::string& v) {
         j.analysis.fallback.enabled = true;
         j.analysis.fallback.detourFactor = number("--fallback-detour", v);
       }},
      {"--matrix-lines",
       [](OdJob& j, const std::string& v) {
         static const std::map<std::string, cp::layers::OdGeometry> choices{
             {"auto", cp::layers::OdGeometry::Auto},
             {"yes", cp::layers::OdGeometry::Lines},
             {"no", cp::layers::OdGeometry::None}};
         const auto choice = choices.find(v);
         if (choice == choices.end())
           throw UsageError("--matrix-lines is 'auto', 'yes' or 'no'");
         j.matrixGeometry = choice->second;
       }},
      {"--fallback-speed",
       [](OdJob& j, const std::string& v) { j.analysis.fallback.speedKmh = number("--fallback-speed", v); }},
  };
  return options;
}

void requirePositive(double value, const char* option) {
  if (!(value > 0))
    throw UsageError(std::string(option) + " must be greater than 0");
}

void requireSet(const std::string& value, const char* option) {
  if (value.empty())
    throw UsageError(std::string(option) + " is required");
}

}  // namespace

cp::layers::OdJob parseOdOptions(const std::vector<std::string>& args) {
  cp::layers::OdJob job;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "--all-classes") {
      job.network.roadOptions.drivableOnly = false;
      continue;
    }
    if (arg == "--all-components") {
      job.analysis.snap.minComponentNodes = 1;
      continue;
    }
    const auto it = valueOptions().find(arg);
    if (it == valueOptions().end())
      throw UsageError("unknown option '" + arg + "'");
    if (i + 1 >= args.size())
      throw UsageError(arg + " needs a value");
    it->second(job, args[++i]);
  }
  if (job.network.saved.empty())
    requireSet(job.network.roads, "--roads");
  requireSet(job.origins, "--origins");
  requireSet(job.output, "--output");
  requirePositive(job.analysis.snap.maxDistanceM, "--max-snap");
  requirePositive(job.analysis.query.cutoff, "--cutoff");
  requirePositive(job.analysis.fallback.speedKmh, "--fallback-speed");
  if (job.network.buildOptions.toleranceM < 0)
    throw UsageError("--tolerance must be 0 or more metres");
  if (job.destinationIdField.empty() && job.destinations.empty())
    job.destinationIdField = job.originIdField;
  return job;
}

std::string odUsage() {
  return R"(usage: circular-planner od --roads LAYER --origins LAYER [--destinations LAYER] --output FILE.gpkg [options]

Computes network distances and travel times between every origin and destination
and writes them to a GeoPackage (layers od_matrix, snapping, connectors).
A LAYER is a file, "file|layername=name", or "PG:... |layername=table".

  --origin-id FIELD, --destination-id FIELD   id fields (default: feature ids)
  --metric distance|time      what routes minimise (default distance); both are reported
  --cutoff X                  ignore routes longer than X metres (or seconds with --metric time)
  --class-field, --oneway-field, --speed-field FIELD   road fields (default: detected)
  --all-classes               keep footways, paths, tracks ... (default: drivable roads only)
  --tolerance M               join road vertices closer than M metres (default 0.01)
  --max-snap M                farthest a point may lie from a road (default 1000)
  --all-components            snap to any part of the network, not only the largest
  --fallback-detour F         for pairs the network cannot serve, use straight line x F
  --fallback-speed KMH        speed for fallback times (default 30)
  --network-cache FILE        load the built network from FILE, or save it there;
                              PG:<connection>|network=NAME keeps it in PostGIS
                              (table circular_planner_networks) for the whole team
  --source-epsg N             CRS of layers that have none
  --working-epsg N            metric CRS for computation (default: the local UTM zone)
  --threads N                 worker threads (default: all cores)
  --attribution TEXT          data attribution stored with the output
  --matrix-lines auto|yes|no  draw each pair as a line from origin to destination;
                              auto (default): only up to )" +
         std::to_string(cp::layers::kOdLinesUpTo) + R"( pairs, above that
                              od_matrix is a table without geometry (ten times
                              faster to write, and a million lines hide each other)
)";
}

}  // namespace cp::runner
