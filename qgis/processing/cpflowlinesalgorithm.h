#pragma once
// circularplanner:flowlines - material flows drawn between the places they
// connect: straight, curved (opposite flows apart) or along their road route;
// with road distance, tonne-km and transport CO2e per flow.

#include "cpflowalgorithm.h"

class CpFlowLinesAlgorithm : public CpFlowAlgorithm {
 public:
  QString name() const override { return QStringLiteral("flowlines"); }
  QString displayName() const override { return QStringLiteral("Flow lines"); }
  QString shortHelpString() const override;
  CpFlowLinesAlgorithm* createInstance() const override { return new CpFlowLinesAlgorithm(); }

 protected:
  void initAlgorithm(const QVariantMap& configuration = QVariantMap()) override;
  QVariantMap processAlgorithm(const QVariantMap& parameters, QgsProcessingContext& context,
                               QgsProcessingFeedback* feedback) override;
};
