#pragma once
// Writes result tables into a shared database (PostGIS, or any OGR source that
// has transactions) all or nothing: every table replaced in one transaction, so
// a team never sees half of a new set of results beside half of the old one.

#include <string>
#include <vector>

namespace cp::layers {

struct DatabaseTarget {
  std::string connection;  // OGR dataset name, e.g. "PG:dbname=planning host=..."
  std::string schema;      // empty: the database's default (PostgreSQL: public)
};

// Copies `tables` from the OGR dataset `from` (e.g. results.gpkg) into the
// target, replacing tables of the same names. Returns the number of features
// written; throws std::runtime_error naming the table and the database's
// message on any failure, after which the target is as it was.
std::size_t exportTables(const std::string& from, const std::vector<std::string>& tables,
                         const DatabaseTarget& target);

// The connection string with any password masked, for messages and logs.
std::string maskedConnection(const std::string& connection);

}  // namespace cp::layers
