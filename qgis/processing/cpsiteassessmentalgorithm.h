#pragma once
// circularplanner:siteassessment - candidate sites for a new facility (a panel
// plant, a secondary-materials yard, a remanufacturing hub) ranked by how much
// it would change the tonne-km and transport CO2e of the chosen flows.

#include "cpflowalgorithm.h"

class CpSiteAssessmentAlgorithm : public CpFlowAlgorithm {
 public:
  QString name() const override { return QStringLiteral("siteassessment"); }
  QString displayName() const override { return QStringLiteral("Site assessment"); }
  QString shortHelpString() const override;
  CpSiteAssessmentAlgorithm* createInstance() const override {
    return new CpSiteAssessmentAlgorithm();
  }

 protected:
  void initAlgorithm(const QVariantMap& configuration = QVariantMap()) override;
  QVariantMap processAlgorithm(const QVariantMap& parameters, QgsProcessingContext& context,
                               QgsProcessingFeedback* feedback) override;
};
