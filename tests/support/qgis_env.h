#pragma once
// A headless QGIS application for tests and benchmarks: offscreen platform, a
// throw-away profile, Debian's prefix so providers and srs.db are found.

#include <QTemporaryDir>
#include <memory>

#include <qgsapplication.h>

namespace cp::test {

class QgisSession {
 public:
  QgisSession(int& argc, char** argv);
  ~QgisSession();

 private:
  QTemporaryDir profile_;
  std::unique_ptr<QgsApplication> app_;
};

}  // namespace cp::test
