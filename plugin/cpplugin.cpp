#include "cpplugin.h"

#include <QAction>

#include <qgisinterface.h>
#include <qgsapplication.h>
#include <qgsmessagebar.h>
#include <qgsmessagelog.h>
#include <qgsprocessingregistry.h>
#include <qgspythonrunner.h>

#include "cpdockwidget.h"
#include "qgis/processing/cpprocessingprovider.h"

namespace {

const QString kMenu = QStringLiteral("&Circular Planner");
CpProcessingProvider* sProvider = nullptr;  // owned by the Processing registry

}  // namespace

bool cpRegisterProvider() {
  if (sProvider)
    return true;
  auto* provider = new CpProcessingProvider();
  if (!QgsApplication::processingRegistry()->addProvider(provider))
    return false;  // the registry deleted it
  sProvider = provider;
  return true;
}

void cpUnregisterProvider() {
  if (!sProvider)
    return;
  QgsApplication::processingRegistry()->removeProvider(sProvider);
  sProvider = nullptr;
}

CpPlugin::CpPlugin(QgisInterface* iface)
    : QgisPlugin(QStringLiteral("Circular Planner"),
                 QStringLiteral("Material flows, transport distances and composting catchments for "
                                "circular-economy planning"),
                 QStringLiteral("Analysis"), QStringLiteral("0.1.0"), QgisPlugin::UI),
      mIface(iface) {}

void CpPlugin::initGui() {
  if (!cpRegisterProvider())
    QgsMessageLog::logMessage(
        QObject::tr("The circularplanner Processing provider could not be registered"),
        QStringLiteral("Circular Planner"), Qgis::MessageLevel::Critical);
  const QList<QPair<QString, QString>> dialogs{
      {QStringLiteral("buildnetwork"), QObject::tr("Build the road network…")},
      {QStringLiteral("odmatrix"), QObject::tr("OD matrix on the road network…")},
      {QStringLiteral("routes"), QObject::tr("Routes on the road network…")},
      {QStringLiteral("nearestfacilities"), QObject::tr("Nearest facilities…")}};
  for (const auto& [id, title] : dialogs) {
    auto* action = new QAction(title, this);
    QObject::connect(action, &QAction::triggered, this,
                     [this, id = id] { openAlgorithmDialog(id); });
    mActions << action;
    mIface->addPluginToMenu(kMenu, action);
  }
  mDock = new CpDockWidget(mIface, mIface->mainWindow());
  mIface->addDockWidget(Qt::RightDockWidgetArea, mDock);
  QAction* panel = mDock->toggleViewAction();
  panel->setText(QObject::tr("Circular Planner panel"));
  panel->setIcon(QgsApplication::getThemeIcon(QStringLiteral("/mActionCalculateField.svg")));
  mIface->addPluginToMenu(kMenu, panel);
  mIface->addToolBarIcon(panel);
}

void CpPlugin::openAlgorithmDialog(const QString& id) {
  // The Processing dialog gives parameters, progress, cancel and a log for free;
  // its C++ class needs a header Debian does not ship, so it is opened as the
  // toolbox opens it.
  const bool ok = QgsPythonRunner::isValid() &&
                  QgsPythonRunner::run(QStringLiteral("import processing\n"
                                                      "processing.execAlgorithmDialog("
                                                      "'circularplanner:%1')")
                                           .arg(id));
  if (!ok)
    mIface->messageBar()->pushCritical(
        QStringLiteral("Circular Planner"),
        QObject::tr("The algorithm dialogs need QGIS's Python support"));
}

void CpPlugin::unload() {
  for (QAction* action : mActions) {
    mIface->removePluginMenu(kMenu, action);
    delete action;
  }
  mActions.clear();
  if (mDock) {
    mIface->removePluginMenu(kMenu, mDock->toggleViewAction());
    mIface->removeToolBarIcon(mDock->toggleViewAction());
    mIface->removeDockWidget(mDock);
    delete mDock;
    mDock = nullptr;
  }
  cpUnregisterProvider();
}

// Entry points QGIS 3.22 looks up (qgisplugin.h).
static const QString sName = QStringLiteral("Circular Planner");
static const QString sDescription = QStringLiteral(
    "Circular-economy planning: material flows, transport distances, composting catchments");
static const QString sCategory = QStringLiteral("Plugins");
static const QString sVersion = QStringLiteral("0.1.0");
static const QString sIcon = QStringLiteral(":/images/themes/default/mActionCalculateField.svg");

QGISEXTERN QgisPlugin* classFactory(QgisInterface* iface) {
  return new CpPlugin(iface);
}
QGISEXTERN const QString* name() {
  return &sName;
}
QGISEXTERN const QString* description() {
  return &sDescription;
}
QGISEXTERN const QString* category() {
  return &sCategory;
}
QGISEXTERN int type() {
  return QgisPlugin::UI;
}
QGISEXTERN const QString* version() {
  return &sVersion;
}
QGISEXTERN const QString* icon() {
  return &sIcon;
}
QGISEXTERN void unload(QgisPlugin* plugin) {
  delete plugin;
}

// For the Python plugin that QGIS's Plugin Manager installs from a ZIP (QGIS
// installs only Python plugins that way) and that qgis_process loads (it loads
// only Python plugins): the provider alone, or the whole desktop plugin.
QGISEXTERN int cp_register_provider() {
  return cpRegisterProvider() ? 1 : 0;
}
QGISEXTERN void cp_unregister_provider() {
  cpUnregisterProvider();
}

namespace {
CpPlugin* sStartedFromPython = nullptr;
}

QGISEXTERN void cp_start_desktop(QgisInterface* iface) {
  if (sStartedFromPython)
    return;
  sStartedFromPython = new CpPlugin(iface);
  sStartedFromPython->initGui();
}
QGISEXTERN void cp_stop_desktop() {
  if (!sStartedFromPython)
    return;
  sStartedFromPython->unload();
  delete sStartedFromPython;
  sStartedFromPython = nullptr;
}
