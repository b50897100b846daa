#pragma once
// Where a prepared network is kept so that it is built once and queried often:
// a file, or - for a team - a row of the table circular_planner_networks in a
// PostGIS database: "PG:<connection>|network=<name>".

#include <optional>
#include <string>

#include "geo/network.h"

namespace cp::layers {

inline constexpr const char* kNetworkTable = "circular_planner_networks";

// nullopt when nothing is stored there yet; std::runtime_error naming the place
// when what is there cannot be read.
std::optional<geo::Network> loadStoredNetwork(const std::string& where);

// Replaces what is stored there, in one transaction for a database.
void storeNetwork(const geo::Network& network, const std::string& where);

}  // namespace cp::layers
