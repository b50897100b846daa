#pragma once
// circularplanner:sankey - a Sankey diagram of a flow table as SVG, for reports.

#include "cpflowalgorithm.h"

class CpSankeyAlgorithm : public CpFlowTableAlgorithm {
 public:
  QString name() const override { return QStringLiteral("sankey"); }
  QString displayName() const override { return QStringLiteral("Sankey diagram (SVG)"); }
  QString shortHelpString() const override;
  CpSankeyAlgorithm* createInstance() const override { return new CpSankeyAlgorithm(); }

 protected:
  void initAlgorithm(const QVariantMap& configuration = QVariantMap()) override;
  QVariantMap processAlgorithm(const QVariantMap& parameters, QgsProcessingContext& context,
                               QgsProcessingFeedback* feedback) override;
};
