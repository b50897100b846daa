#include "support/pg_cluster.h"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace cp::test {
namespace {

const char* kBin = CP_PG_BINDIR;

// Runs a command as the user the server must run as.
int runAsServerUser(const std::string& command) {
  const std::string wrapped =
      geteuid() == 0 ? "runuser -u postgres -- sh -c '" + command + "'" : command;
  return std::system(wrapped.c_str());
}

std::string readFile(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// A port nothing listens on: from the process id, in a range PostgreSQL
// clusters seldom use.
int freePort() {
  return 25432 + static_cast<int>(getpid() % 5000);
}

}  // namespace

PgCluster::PgCluster() : port_(freePort()) {
  char pattern[] = "/tmp/cp-pg-XXXXXX";
  if (mkdtemp(pattern) == nullptr)
    throw std::runtime_error("cannot make a folder for the test database");
  dir_ = pattern;
  socketDir_ = dir_ + "/socket";
  std::filesystem::create_directories(socketDir_);
  if (geteuid() == 0 && std::system(("chown -R postgres " + dir_).c_str()) != 0)
    throw std::runtime_error("cannot give the test database folder to postgres");
  const std::string log = dir_ + "/server.log";
  if (runAsServerUser(std::string(kBin) + "initdb -A trust -U postgres -D " + dir_ + "/data > " +
                      log + " 2>&1") != 0)
    throw std::runtime_error("initdb failed: " + readFile(log));
  const std::string options = "-c listen_addresses= -c unix_socket_directories=" + socketDir_ +
                              " -c port=" + std::to_string(port_) + " -c fsync=off";
  if (runAsServerUser(std::string(kBin) + "pg_ctl -w -D " + dir_ + "/data -l " + log + " -o \"" +
                      options + "\" start > /dev/null") != 0)
    throw std::runtime_error("the test database did not start: " + readFile(log));
}

PgCluster::~PgCluster() {
  runAsServerUser(std::string(kBin) + "pg_ctl -w -m immediate -D " + dir_ +
                  "/data stop > /dev/null 2>&1");
  std::error_code ignored;
  std::filesystem::remove_all(dir_, ignored);
}

std::string PgCluster::conninfo() const {
  return "host=" + socketDir_ + " port=" + std::to_string(port_) + " user=postgres dbname=postgres";
}

PgConnection::PgConnection(const std::string& conninfo) : conn(PQconnectdb(conninfo.c_str())) {
  if (PQstatus(conn) != CONNECTION_OK) {
    const std::string message = PQerrorMessage(conn);
    PQfinish(conn);
    throw std::runtime_error("cannot connect to the test database: " + message);
  }
  PQsetNoticeProcessor(
      conn, [](void*, const char*) {}, nullptr);  // NOTICEs are not results
}

PgConnection::~PgConnection() {
  PQfinish(conn);
}

std::unique_ptr<PGresult, void (*)(PGresult*)> PgConnection::exec(const std::string& sql) const {
  std::unique_ptr<PGresult, void (*)(PGresult*)> result(PQexec(conn, sql.c_str()), PQclear);
  const ExecStatusType status = PQresultStatus(result.get());
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
    throw std::runtime_error(sql.substr(0, 80) + ": " + PQerrorMessage(conn));
  return result;
}

void PgConnection::copyIn(const std::string& copySql, const std::string& rows) const {
  PGresult* started = PQexec(conn, copySql.c_str());
  const bool ready = PQresultStatus(started) == PGRES_COPY_IN;
  PQclear(started);
  if (!ready || PQputCopyData(conn, rows.data(), static_cast<int>(rows.size())) != 1 ||
      PQputCopyEnd(conn, nullptr) != 1)
    throw std::runtime_error(copySql + ": " + PQerrorMessage(conn));
  bool ok = true;
  while (PGresult* r = PQgetResult(conn)) {
    ok = ok && PQresultStatus(r) == PGRES_COMMAND_OK;
    PQclear(r);
  }
  if (!ok)
    throw std::runtime_error(copySql + ": " + PQerrorMessage(conn));
}

}  // namespace cp::test
