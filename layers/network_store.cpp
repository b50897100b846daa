#include "network_store.h"

#include <ctime>
#include <filesystem>
#include <sstream>
#include <stdexcept>

#include "database_export.h"
#include "geo/network_io.h"
#include "ogr_source.h"

namespace cp::layers {
namespace {

struct DatabasePlace {
  std::string connection;
  std::string name;
  std::string label() const { return maskedConnection(connection) + " network '" + name + "'"; }
};

std::optional<DatabasePlace> databasePlace(const std::string& where) {
  if (where.rfind("PG:", 0) != 0)
    return std::nullopt;
  const std::string key = "|network=";
  const std::size_t at = where.find(key);
  DatabasePlace place{where.substr(0, at), "roads"};
  if (at != std::string::npos)
    place.name = where.substr(at + key.size());
  if (place.name.empty())
    throw std::runtime_error("'" + maskedConnection(where) + "' names no network after |network=");
  return place;
}

[[noreturn]] void fail(const DatabasePlace& place, const std::string& what) {
  const char* why = CPLGetLastErrorMsg();
  throw std::runtime_error(place.label() + ": " + what +
                           (why && *why ? " (" + std::string(why) + ")" : ""));
}

// Read-only for loading: a teammate may only have the right to read.
DatasetPtr connect(const DatabasePlace& place, unsigned access) {
  CPLErrorReset();
  DatasetPtr ds = openVectorDataset(place.connection, access);
  if (!ds)
    fail(place, "cannot connect");
  return ds;
}

std::string filterFor(const DatabasePlace& place) {
  std::string quoted;
  for (char c : place.name)
    quoted += c == '\'' ? std::string("''") : std::string(1, c);
  return "name = '" + quoted + "'";
}

OGRLayer& networkTable(GDALDataset& ds, const DatabasePlace& place) {
  if (OGRLayer* table = ds.GetLayerByName(kNetworkTable))
    return *table;
  OGRLayer* table = ds.CreateLayer(kNetworkTable, nullptr, wkbNone, nullptr);
  if (table == nullptr)
    fail(place, "cannot create the table " + std::string(kNetworkTable));
  const std::pair<const char*, OGRFieldType> fields[] = {
      {"name", OFTString},        {"source_key", OFTString},  {"nodes", OFTInteger64},
      {"segments", OFTInteger64}, {"stored_at", OFTDateTime}, {"network", OFTBinary}};
  for (const auto& [name, type] : fields) {
    OGRFieldDefn field(name, type);
    if (table->CreateField(&field) != OGRERR_NONE)
      fail(place, "cannot create the field " + std::string(name));
  }
  return *table;
}

void setNow(OGRFeature& row, const char* field) {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  constexpr int kUtc = 100;  // OGR's time zone flag for UTC
  row.SetField(row.GetFieldIndex(field), utc.tm_year + 1900, utc.tm_mon + 1, utc.tm_mday,
               utc.tm_hour, utc.tm_min, static_cast<float>(utc.tm_sec), kUtc);
}

std::optional<geo::Network> loadFromDatabase(const DatabasePlace& place) {
  const DatasetPtr ds = connect(place, GDAL_OF_READONLY);
  OGRLayer* table = ds->GetLayerByName(kNetworkTable);
  if (table == nullptr)
    return std::nullopt;
  table->SetAttributeFilter(filterFor(place).c_str());
  std::unique_ptr<OGRFeature> row(table->GetNextFeature());
  if (!row)
    return std::nullopt;
  int size = 0;
  const GByte* bytes = row->GetFieldAsBinary(row->GetFieldIndex("network"), &size);
  std::istringstream in(
      std::string(reinterpret_cast<const char*>(bytes), static_cast<std::size_t>(size)));
  return geo::loadNetwork(in, place.label());
}

void storeInDatabase(const geo::Network& network, const DatabasePlace& place) {
  std::ostringstream out;
  geo::saveNetwork(network, out, place.label());
  const std::string bytes = out.str();
  const DatasetPtr ds = connect(place, GDAL_OF_UPDATE);
  if (ds->StartTransaction() != OGRERR_NONE)
    fail(place, "cannot start a transaction");
  try {
    OGRLayer& table = networkTable(*ds, place);
    table.SetAttributeFilter(filterFor(place).c_str());
    for (auto& old : table)
      if (table.DeleteFeature(old->GetFID()) != OGRERR_NONE)
        fail(place, "cannot replace the stored network");
    table.SetAttributeFilter(nullptr);
    OGRFeature row(table.GetLayerDefn());
    row.SetField("name", place.name.c_str());
    row.SetField("source_key", network.sourceKey.c_str());
    row.SetField("nodes", static_cast<GIntBig>(network.nodeCount()));
    row.SetField("segments", static_cast<GIntBig>(network.segmentCount()));
    setNow(row, "stored_at");
    row.SetField(row.GetFieldIndex("network"), static_cast<int>(bytes.size()),
                 reinterpret_cast<const GByte*>(bytes.data()));
    if (table.CreateFeature(&row) != OGRERR_NONE)
      fail(place, "cannot store the network");
    if (ds->CommitTransaction() != OGRERR_NONE)
      fail(place, "the transaction could not be committed");
  } catch (...) {
    ds->RollbackTransaction();
    throw;
  }
}

}  // namespace

std::optional<geo::Network> loadStoredNetwork(const std::string& where) {
  if (const auto place = databasePlace(where))
    return loadFromDatabase(*place);
  if (!std::filesystem::exists(where))
    return std::nullopt;
  return geo::loadNetwork(where);
}

void storeNetwork(const geo::Network& network, const std::string& where) {
  if (const auto place = databasePlace(where))
    storeInDatabase(network, *place);
  else
    geo::saveNetwork(network, where);
}

}  // namespace cp::layers
