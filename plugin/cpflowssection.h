#pragma once
// The panel's material-flows section: which material classes, which scenario,
// and how to draw the lines; the buttons that draw the flows, load them onto
// the roads, or check their balance.

#include <QWidget>

class QComboBox;
class QgsCheckableComboBox;
class QPushButton;
class QgsVectorLayer;

class CpFlowsSection : public QWidget {
 public:
  explicit CpFlowsSection(QWidget* parent = nullptr);

  // Offers the scenarios the flow table holds.
  void setFlowTable(QgsVectorLayer* table);
  // FLOWS, MATERIAL_CLASSES, SCENARIO and SHAPE for the flow algorithms.
  QVariantMap parameters(const QgsVectorLayer& table) const;
  bool anyClass() const;

  QPushButton* drawButton() const { return mDraw; }
  QPushButton* loadsButton() const { return mLoads; }
  QPushButton* balanceButton() const { return mBalance; }

 private:
  QgsCheckableComboBox* mClasses = nullptr;
  QComboBox* mScenario = nullptr;
  QComboBox* mShape = nullptr;
  QPushButton* mDraw = nullptr;
  QPushButton* mLoads = nullptr;
  QPushButton* mBalance = nullptr;
};
