#pragma once
// Saves a built network to a binary file and loads it back, so a planner builds
// once and queries often. The format is versioned and checked on load.

#include <iosfwd>
#include <string>

#include "network.h"

namespace cp::geo {

// Both throw std::runtime_error naming the file on any I/O or format problem.
void saveNetwork(const Network& network, const std::string& path);
Network loadNetwork(const std::string& path);

// The same format on any stream (e.g. a database column); `label` names it in messages.
void saveNetwork(const Network& network, std::ostream& out, const std::string& label);
Network loadNetwork(std::istream& in, const std::string& label);

}  // namespace cp::geo
