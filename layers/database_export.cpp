#include "database_export.h"

#include <algorithm>
#include <cctype>
#include <stdexcept>

#include "ogr_source.h"

namespace cp::layers {
namespace {

// Replaces tables in the target inside one transaction. Keeps the first error
// GDAL reports: after one failed statement PostgreSQL only says that the
// transaction is aborted, so the first message is the cause.
class Export {
 public:
  explicit Export(const DatabaseTarget& target) : target_(target) {
    CPLPushErrorHandlerEx(&Export::keepFirstError, this);
  }
  ~Export() { CPLPopErrorHandler(); }
  Export(const Export&) = delete;
  Export& operator=(const Export&) = delete;

  [[noreturn]] void fail(const std::string& what) const {
    throw std::runtime_error("writing the results to " + maskedConnection(target_.connection) +
                             ": " + what + (firstError_.empty() ? "" : " (" + firstError_ + ")"));
  }

  void createSchema(GDALDataset& database) {
    if (target_.schema.empty())
      return;
    const std::string sql = "CREATE SCHEMA IF NOT EXISTS \"" + target_.schema + "\"";
    database.ReleaseResultSet(database.ExecuteSQL(sql.c_str(), nullptr, nullptr));
    if (!firstError_.empty())
      fail("cannot create the schema " + target_.schema);
  }

  std::size_t copy(OGRLayer& from, GDALDataset& database) {
    OGRLayer& to = createLike(from, database);
    std::size_t written = 0;
    from.ResetReading();
    for (auto& feature : from) {
      std::unique_ptr<OGRFeature> row(OGRFeature::CreateFeature(to.GetLayerDefn()));
      row->SetFrom(feature.get(), TRUE);
      row->SetFID(feature->GetFID());
      if (to.CreateFeature(row.get()) != OGRERR_NONE || !firstError_.empty())
        fail("cannot write feature " + std::to_string(feature->GetFID()) + " of " + from.GetName());
      ++written;
    }
    return written;
  }

 private:
  OGRLayer& createLike(OGRLayer& from, GDALDataset& database) {
    const std::string name = from.GetName();
    CPLStringList options;
    options.SetNameValue("OVERWRITE", "YES");
    options.SetNameValue("GEOMETRY_NAME", "geom");
    options.SetNameValue("FID", "fid");
    if (!target_.schema.empty())
      options.SetNameValue("SCHEMA", target_.schema.c_str());
    OGRLayer* layer = database.CreateLayer(name.c_str(), from.GetSpatialRef(), from.GetGeomType(),
                                           options.List());
    if (layer == nullptr || !firstError_.empty())
      fail("cannot create the table " + name);
    OGRFeatureDefn* fields = from.GetLayerDefn();
    for (int i = 0; i < fields->GetFieldCount(); ++i)
      if (layer->CreateField(fields->GetFieldDefn(i)) != OGRERR_NONE)
        fail("cannot create the field " + std::string(fields->GetFieldDefn(i)->GetNameRef()) +
             " of " + name);
    return *layer;
  }

  static void CPL_STDCALL keepFirstError(CPLErr level, CPLErrorNum, const char* text) {
    auto* self = static_cast<Export*>(CPLGetErrorHandlerUserData());
    if (level >= CE_Failure && self->firstError_.empty() && text != nullptr)
      self->firstError_ = text;
  }

  const DatabaseTarget& target_;
  std::string firstError_;
};

void checkSchemaName(const std::string& schema) {
  const auto letter = [](char c) {
    return std::isalpha(static_cast<unsigned char>(c)) || c == '_';
  };
  const auto ok = [&letter](char c) {
    return letter(c) || std::isdigit(static_cast<unsigned char>(c));
  };
  if (!schema.empty() && (!letter(schema[0]) || !std::all_of(schema.begin(), schema.end(), ok)))
    throw std::runtime_error("the schema name '" + schema +
                             "' must be letters, digits and underscores");
}

}  // namespace

// libpq's keywords are lower case; a quoted value may hold spaces.
std::string maskedConnection(const std::string& connection) {
  std::string out = connection;
  for (std::size_t at = out.find("password"); at != std::string::npos;
       at = out.find("password", at + 1)) {
    std::size_t value = out.find_first_not_of(' ', at + 8);
    if (value == std::string::npos || out[value] != '=')
      continue;
    value = out.find_first_not_of(' ', value + 1);
    if (value == std::string::npos)
      break;
    const bool quoted = out[value] == '\'';
    std::size_t end = out.find(quoted ? '\'' : ' ', value + 1);
    end = end == std::string::npos ? out.size() : end + (quoted ? 1 : 0);
    out.replace(value, end - value, "***");
  }
  return out;
}

std::size_t exportTables(const std::string& from, const std::vector<std::string>& tables,
                         const DatabaseTarget& target) {
  checkSchemaName(target.schema);
  const DatasetPtr source = openVectorDataset(from, GDAL_OF_READONLY);
  if (!source)
    throw std::runtime_error("cannot open the results " + from);
  Export job(target);
  const DatasetPtr database = openVectorDataset(target.connection, GDAL_OF_UPDATE);
  if (!database)
    job.fail("cannot connect");
  if (!database->TestCapability(ODsCTransactions) || database->StartTransaction() != OGRERR_NONE)
    job.fail("the database cannot write the results in one transaction");
  std::size_t written = 0;
  try {
    job.createSchema(*database);
    for (const std::string& table : tables) {
      OGRLayer* layer = source->GetLayerByName(table.c_str());
      if (layer == nullptr)
        throw std::runtime_error("the results have no table " + table);
      written += job.copy(*layer, *database);
    }
    if (database->CommitTransaction() != OGRERR_NONE)
      job.fail("the transaction could not be committed");
  } catch (...) {
    database->RollbackTransaction();
    throw;
  }
  return written;
}

}  // namespace cp::layers
