// Fuzzes loading a saved network (a file, or a PostGIS column): whatever the
// bytes, loading either fails with a message or gives a network that searches
// can run on without reading out of bounds.

#include <sstream>
#include <stdexcept>

#include "geo/network_io.h"
#include "geo/routing.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  cp::geo::Network network;
  try {
    network = cp::geo::loadNetwork(in, "fuzz");
  } catch (const std::runtime_error&) {
    return 0;
  }
  if (network.segmentCount() == 0)
    return 0;
  const cp::geo::Location start{0, 0.5, {}};
  std::vector<std::optional<cp::geo::Location>> targets;
  for (cp::geo::SegmentId s = 0; s < network.segmentCount() && s < 8; ++s)
    targets.push_back(cp::geo::Location{s, 0.25, {}});
  cp::geo::routesFrom(network, start, targets, cp::geo::Metric::Time);
  cp::geo::reversed(network);
  return 0;
}
