#pragma once
// The desktop plugin: the "Circular Planner" menu and toolbar, and the
// Processing provider. A C++ plugin runs inside the user's QGIS: nothing here
// may throw into Qt's event loop.

#include <QList>
#include <QObject>

#include <qgisplugin.h>

class QAction;
class QgisInterface;
class CpDockWidget;

class CpPlugin : public QObject, public QgisPlugin {
 public:
  explicit CpPlugin(QgisInterface* iface);
  void initGui() override;
  void unload() override;

 private:
  void openAlgorithmDialog(const QString& id);

  QgisInterface* mIface = nullptr;
  QList<QAction*> mActions;
  CpDockWidget* mDock = nullptr;
};

// The provider is registered once, by the desktop plugin or by the Python shim
// that qgis_process loads; both share these two functions.
bool cpRegisterProvider();
void cpUnregisterProvider();
