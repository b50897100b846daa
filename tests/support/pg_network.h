#pragma once
// A network as pgRouting reads it: table `edges` (id, source, target, cost,
// reverse_cost) with the segments' lengths, -1 where one-way rules forbid.

#include "geo/network.h"
#include "support/pg_cluster.h"

namespace cp::test {

void loadPgRoutingEdges(const PgConnection& db, const geo::Network& net);

// The SQL pgRouting functions take for those edges.
constexpr const char* kPgRoutingEdgesSql =
    "SELECT id, source, target, cost, reverse_cost FROM edges";

}  // namespace cp::test
