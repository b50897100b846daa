#pragma once
// circularplanner:flowbalance - the mass balance of every node of a flow table
// (in = out + stock change), with the imbalances listed, not hidden.

#include "cpflowalgorithm.h"

class CpFlowBalanceAlgorithm : public CpFlowTableAlgorithm {
 public:
  QString name() const override { return QStringLiteral("flowbalance"); }
  QString displayName() const override { return QStringLiteral("Flow balance check"); }
  QString shortHelpString() const override;
  CpFlowBalanceAlgorithm* createInstance() const override { return new CpFlowBalanceAlgorithm(); }

 protected:
  void initAlgorithm(const QVariantMap& configuration = QVariantMap()) override;
  QVariantMap processAlgorithm(const QVariantMap& parameters, QgsProcessingContext& context,
                               QgsProcessingFeedback* feedback) override;
};
