#pragma once
// circularplanner:nearestfacilities - for each origin, its k nearest facilities
// over the road network, ranked.

#include "cpnetworkalgorithm.h"

class CpNearestFacilitiesAlgorithm : public CpNetworkAlgorithm {
 public:
  QString name() const override { return QStringLiteral("nearestfacilities"); }
  QString displayName() const override {
    return QStringLiteral("Nearest facilities on the road network");
  }
  QString shortHelpString() const override;
  CpNearestFacilitiesAlgorithm* createInstance() const override {
    return new CpNearestFacilitiesAlgorithm();
  }

 protected:
  void initAlgorithm(const QVariantMap& configuration = QVariantMap()) override;
  QVariantMap processAlgorithm(const QVariantMap& parameters, QgsProcessingContext& context,
                               QgsProcessingFeedback* feedback) override;
};
