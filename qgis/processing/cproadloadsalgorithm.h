#pragma once
// circularplanner:roadloads - flows routed on the roads (shortest paths,
// all-or-nothing) and the tonnes each road segment carries, per material class.

#include "cpflowalgorithm.h"

class CpRoadLoadsAlgorithm : public CpFlowAlgorithm {
 public:
  QString name() const override { return QStringLiteral("roadloads"); }
  QString displayName() const override { return QStringLiteral("Road loads"); }
  QString shortHelpString() const override;
  CpRoadLoadsAlgorithm* createInstance() const override { return new CpRoadLoadsAlgorithm(); }

 protected:
  void initAlgorithm(const QVariantMap& configuration = QVariantMap()) override;
  QVariantMap processAlgorithm(const QVariantMap& parameters, QgsProcessingContext& context,
                               QgsProcessingFeedback* feedback) override;
};
