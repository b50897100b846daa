#pragma once
// Data files broken the way real ones are, for tests of what readers say.

#include <cstdint>
#include <string>
#include <vector>

namespace cp::test {

// ogr2ogr: `from` written to `to` with the given options (e.g. "-f", "GPKG").
void translate(const std::string& from, const std::string& to, std::vector<const char*> args);

// Cuts a Shapefile's .dbf down to its first `records` records, as a broken
// export or a partly copied file leaves it: the .shp keeps every shape.
void shortenDbf(const std::string& shp, std::uint32_t records);

}  // namespace cp::test
