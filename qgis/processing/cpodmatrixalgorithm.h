#pragma once
// circularplanner:odmatrix - road distances and travel times between every
// origin and destination, as lines with costs and the method that found them.

#include "cpnetworkalgorithm.h"

class CpOdMatrixAlgorithm : public CpNetworkAlgorithm {
 public:
  QString name() const override { return QStringLiteral("odmatrix"); }
  QString displayName() const override { return QStringLiteral("OD matrix on the road network"); }
  QString shortHelpString() const override;
  CpOdMatrixAlgorithm* createInstance() const override { return new CpOdMatrixAlgorithm(); }

 protected:
  void initAlgorithm(const QVariantMap& configuration = QVariantMap()) override;
  QVariantMap processAlgorithm(const QVariantMap& parameters, QgsProcessingContext& context,
                               QgsProcessingFeedback* feedback) override;
};
