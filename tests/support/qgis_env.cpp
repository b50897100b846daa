#include "support/qgis_env.h"

namespace cp::test {

QgisSession::QgisSession(int& argc, char** argv) {
  if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
    qputenv("QT_QPA_PLATFORM", "offscreen");
  app_ = std::make_unique<QgsApplication>(argc, argv, false, profile_.path());
  QgsApplication::setPrefixPath(qEnvironmentVariable("QGIS_PREFIX_PATH", "/usr"), true);
  QgsApplication::initQgis();
}

QgisSession::~QgisSession() {
  QgsApplication::exitQgis();
}

}  // namespace cp::test
