#pragma once
// A throwaway PostgreSQL server with PostGIS and pgRouting, for tests and
// benchmarks that need a real database: its own data folder and socket, on a
// free port, stopped and removed at the end. As root the server runs as the
// `postgres` user, as PostgreSQL requires.

#include <libpq-fe.h>

#include <memory>
#include <string>

namespace cp::test {

class PgCluster {
 public:
  // Throws std::runtime_error (with the server's log) when it cannot start.
  PgCluster();
  ~PgCluster();
  PgCluster(const PgCluster&) = delete;
  PgCluster& operator=(const PgCluster&) = delete;

  // A libpq connection string to the `postgres` database.
  std::string conninfo() const;

 private:
  std::string dir_;
  std::string socketDir_;
  int port_ = 0;
};

// A connection; throws std::runtime_error when it fails.
struct PgConnection {
  explicit PgConnection(const std::string& conninfo);
  ~PgConnection();
  PgConnection(const PgConnection&) = delete;
  PgConnection& operator=(const PgConnection&) = delete;

  // Runs SQL; throws with the server's message on failure.
  std::unique_ptr<PGresult, void (*)(PGresult*)> exec(const std::string& sql) const;
  // COPY ... FROM STDIN with tab-separated rows.
  void copyIn(const std::string& copySql, const std::string& rows) const;

  PGconn* conn;
};

}  // namespace cp::test
