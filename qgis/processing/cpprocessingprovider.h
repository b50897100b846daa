#pragma once
// The "circularplanner" Processing provider: every analysis as an algorithm for
// the toolbox, batch runs, the Graphical Modeler and qgis_process.

#include <qgsprocessingprovider.h>

class CpProcessingProvider : public QgsProcessingProvider {
 public:
  QString id() const override { return QStringLiteral("circularplanner"); }
  QString name() const override { return QStringLiteral("Circular Planner"); }
  QString longName() const override {
    return QStringLiteral("Circular Planner: circular-economy planning");
  }
  QIcon icon() const override;

 protected:
  void loadAlgorithms() override;
};
