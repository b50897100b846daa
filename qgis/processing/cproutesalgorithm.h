#pragma once
// circularplanner:routes - the road route from every origin to every
// destination, drawn along the roads, with its distance, time and the share of
// it that runs on roads flagged as schematic (drawn, not surveyed).

#include "cpnetworkalgorithm.h"

class CpRoutesAlgorithm : public CpNetworkAlgorithm {
 public:
  QString name() const override { return QStringLiteral("routes"); }
  QString displayName() const override { return QStringLiteral("Routes on the road network"); }
  QString shortHelpString() const override;
  CpRoutesAlgorithm* createInstance() const override { return new CpRoutesAlgorithm(); }

 protected:
  void initAlgorithm(const QVariantMap& configuration = QVariantMap()) override;
  QVariantMap processAlgorithm(const QVariantMap& parameters, QgsProcessingContext& context,
                               QgsProcessingFeedback* feedback) override;
};
