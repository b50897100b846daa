#pragma once
// circularplanner:reportmap - a map for a report, from any layers: title,
// legend, scale bar, north arrow, inset, numbers, sources and attribution, as
// PDF, PNG or SVG.

#include "cpalgorithm.h"

class CpReportMapAlgorithm : public CpAlgorithm {
 public:
  QString name() const override { return QStringLiteral("reportmap"); }
  QString displayName() const override { return QStringLiteral("Report map"); }
  QString group() const override { return QStringLiteral("Maps for reports"); }
  QString groupId() const override { return QStringLiteral("maps"); }
  QString shortHelpString() const override;
  // Layouts render the project's layers: on the main thread.
  cp::qgis::AlgorithmFlags flags() const override {
    return QgsProcessingAlgorithm::flags() | cp::qgis::kNoThreading;
  }
  CpReportMapAlgorithm* createInstance() const override { return new CpReportMapAlgorithm(); }

 protected:
  void initAlgorithm(const QVariantMap& configuration = QVariantMap()) override;
  QVariantMap processAlgorithm(const QVariantMap& parameters, QgsProcessingContext& context,
                               QgsProcessingFeedback* feedback) override;
  // Runs on the main thread, drawing the layers themselves: nothing to take before.
  bool prepareAlgorithm(const QVariantMap&, QgsProcessingContext&,
                        QgsProcessingFeedback*) override {
    return true;
  }
};
