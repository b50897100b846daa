#include "pg_network.h"

#include <cstdio>
#include <string>

namespace cp::test {

void loadPgRoutingEdges(const PgConnection& db, const geo::Network& net) {
  std::string rows;
  for (geo::SegmentId s = 0; s < net.segmentCount(); ++s) {
    const geo::Direction d = net.segmentDirection[s];
    const double length = net.segmentLength[s];
    const double forward = geo::allowsForward(d) ? length : -1;
    const double backward = geo::allowsBackward(d) ? length : -1;
    char line[160];
    std::snprintf(line, sizeof line, "%u\t%u\t%u\t%.17g\t%.17g\n", s, net.segmentFrom[s],
                  net.segmentTo[s], forward, backward);
    rows += line;
  }
  db.exec(
      "CREATE TABLE edges (id bigint, source bigint, target bigint, cost float8, "
      "reverse_cost float8)");
  db.copyIn("COPY edges FROM STDIN", rows);
}

}  // namespace cp::test
