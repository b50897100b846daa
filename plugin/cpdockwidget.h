#pragma once
// The Circular Planner panel: which layer plays which role (and which of its
// fields mean what), the Almaty sample data in one click, and the transport
// analyses (OD matrix, routes, nearest facilities) between any two place roles,
// run in the background with results written to a GeoPackage and styled. The
// choices are kept in the QGIS project.

#include <memory>

#include <QList>
#include <QMap>
#include <QPair>
#include <QPointer>

#include <qgsdockwidget.h>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QSpinBox;
class QgisInterface;
class QgsFileWidget;
class QgsMapLayer;
class QgsProcessingAlgorithm;
class QgsProcessingContext;
class QgsProcessingFeedback;
class QgsTask;
class QgsVectorLayer;
class CpFlowsSection;
class CpRoleRow;
struct CpAnalysis;

class CpDockWidget : public QgsDockWidget {
 public:
  explicit CpDockWidget(QgisInterface* iface, QWidget* parent = nullptr);
  ~CpDockWidget() override;  // cancels a running analysis and waits for it

 private:
  QWidget* buildLayers();
  QWidget* buildAnalysis();
  QWidget* buildFlows();
  void runFlows(const CpAnalysis& analysis);
  QVariantMap roadParameters() const;  // ROADS and the road fields the roles name
  void loadSampleData();
  void runAnalysis();
  QVariantMap parameters(const CpAnalysis& analysis) const;
  void addOtherRoles(const QgsProcessingAlgorithm& algorithm, QVariantMap& parameters) const;
  QString missingChoice() const;
  // Points an analysis on the roads at the network the panel's runs share;
  // returns the task that must build it first, or none when the one saved is
  // current (same roads layer and fields, not edited since).
  QgsTask* shareNetwork(const QgsProcessingAlgorithm& algorithm, QVariantMap& parameters,
                        QgsProcessingContext& context, QgsProcessingFeedback* feedback);
  void forgetNetwork();
  // Runs the analysis in the background; `label` names the run in the layer tree.
  void startTask(const CpAnalysis& analysis, const QVariantMap& parameters, const QString& label);
  // Adds the results; `warnings` (what the run said about the data) are shown
  // with them.
  void finished(const CpAnalysis& analysis, const QString& label, const QString& gpkg,
                QgsProcessingContext& context, const QVariantMap& results,
                const QStringList& warnings);
  void failed(const CpAnalysis& analysis, const QString& error);
  // Writes the task's results into the GeoPackage; returns an error or "".
  QString saveResults(const CpAnalysis& analysis, const QString& gpkg,
                      QgsProcessingContext& context, const QVariantMap& results);
  QList<QgsMapLayer*> addResults(const CpAnalysis& analysis, const QString& label,
                                 const QString& gpkg);
  void zoomTo(const QList<QgsMapLayer*>& layers, double margin);
  QString resultsFolder() const;
  void setRunning(bool running);
  void saveChoices() const;
  void restoreChoices();
  const CpAnalysis& currentAnalysis() const;
  void showOptions();  // the count and levers as the current analysis takes them
  // The lever boxes and the parameters they set.
  QList<QPair<QDoubleSpinBox*, QString>> levers() const;

  QgisInterface* mIface = nullptr;
  QMap<QString, CpRoleRow*> mRows;
  QComboBox* mAnalysis = nullptr;
  QComboBox* mFrom = nullptr;
  QComboBox* mTo = nullptr;
  QComboBox* mMetric = nullptr;
  QSpinBox* mK = nullptr;
  QLabel* mCountLabel = nullptr;
  QDoubleSpinBox* mZoneShare = nullptr;
  QDoubleSpinBox* mTimberShare = nullptr;
  QgsFileWidget* mFolder = nullptr;
  QPushButton* mRun = nullptr;
  QPushButton* mCancel = nullptr;
  QLabel* mStatus = nullptr;
  CpFlowsSection* mFlows = nullptr;
  QPointer<QgsTask> mTask;
  struct SharedNetwork;
  std::unique_ptr<SharedNetwork> mNetwork;
};
