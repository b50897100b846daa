#pragma once
// The Circular Planner panel: pick the layer for each role, load the Almaty
// sample data in one click, and run the OD analysis in the background. The
// choices are kept in the QGIS project.

#include <qgsdockwidget.h>

class QLabel;
class QPushButton;
class QgisInterface;
class QgsFieldComboBox;
class QgsMapLayerComboBox;

class CpDockWidget : public QgsDockWidget {
 public:
  explicit CpDockWidget(QgisInterface* iface, QWidget* parent = nullptr);

 private:
  QWidget* buildRoles();
  void loadSampleData();
  void runOdMatrix();
  void showResult(bool ok, const QVariantMap& results);
  void saveChoices();
  void restoreChoices();

  QgisInterface* mIface = nullptr;
  QgsMapLayerComboBox* mRoads = nullptr;
  QgsMapLayerComboBox* mOrigins = nullptr;
  QgsMapLayerComboBox* mDestinations = nullptr;
  QgsFieldComboBox* mOriginId = nullptr;
  QgsFieldComboBox* mDestinationId = nullptr;
  QPushButton* mRun = nullptr;
  QLabel* mStatus = nullptr;
};
