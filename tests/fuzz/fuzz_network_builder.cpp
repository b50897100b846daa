// Fuzzes the network builder and the searches on what it builds: road lines
// with any coordinates (NaN, infinite, repeated, huge), directions, speeds and
// road lengths.

#include <stdexcept>

#include "fuzz_input.h"
#include "geo/network_builder.h"
#include "geo/routing.h"
#include "geo/snapping.h"

namespace {

std::vector<cp::geo::RoadLine> readLines(cp::fuzz::Input& in) {
  std::vector<cp::geo::RoadLine> lines;
  while (!in.empty() && lines.size() < 64) {
    cp::geo::RoadLine line;
    line.featureId = lines.size();
    const auto flags = in.next<std::uint8_t>();
    line.direction = static_cast<cp::geo::Direction>(flags % 3);
    line.speedKmh = static_cast<double>(in.next<float>());
    if (flags >= 128)  // a schematic line with a real road length
      line.roadLengthM = static_cast<double>(in.next<float>());
    const unsigned vertices = in.next<std::uint8_t>() % 16;
    for (unsigned v = 0; v < vertices; ++v) {
      const auto x = static_cast<double>(in.next<float>());
      const auto y = static_cast<double>(in.next<float>());
      line.xy.push_back({x, y});
      line.lonLat.push_back({76.9 + x * 1e-5, 43.2 + y * 1e-5});
    }
    lines.push_back(std::move(line));
  }
  return lines;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  cp::fuzz::Input in(data, size);
  cp::geo::BuildOptions options;
  options.toleranceM = static_cast<double>(in.next<std::uint8_t>()) / 16;
  options.measure = in.next<std::uint8_t>() % 2 ? cp::geo::LengthMeasure::Planar
                                                : cp::geo::LengthMeasure::Ellipsoidal;
  const std::vector<cp::geo::RoadLine> lines = readLines(in);
  cp::geo::Network network;
  try {
    network = cp::geo::buildNetwork(lines, options);
  } catch (const std::invalid_argument&) {
    return 0;  // refused with a message: fine
  }
  if (network.segmentCount() == 0 || lines.empty() || lines[0].xy.empty())
    return 0;
  const cp::geo::Snapper snapper(network, {1e9, 0});
  std::vector<std::optional<cp::geo::Location>> places;
  for (const auto& line : lines)
    if (!line.xy.empty())
      if (const auto snapped = snapper.snap(line.xy.back()); snapped.location)
        places.push_back(*snapped.location);
  if (places.empty())
    return 0;
  cp::geo::routesFrom(network, *places[0], places, cp::geo::Metric::Distance);
  cp::geo::QueryOptions query;
  query.threads = 1;
  cp::geo::odMatrix(network, places, places, query);
  return 0;
}
