#pragma once
// Saves a built network to a binary file and loads it back, so a planner builds
// once and queries often. The format is versioned and checked on load.

#include <string>

#include "network.h"

namespace cp::geo {

// Both throw std::runtime_error naming the file on any I/O or format problem.
void saveNetwork(const Network& network, const std::string& path);
Network loadNetwork(const std::string& path);

}  // namespace cp::geo
