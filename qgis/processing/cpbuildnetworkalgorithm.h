#pragma once
// circularplanner:buildnetwork - the routable network as the engine sees it:
// every segment with its length, time, direction and component, so that
// planners can check the roads before trusting distances on them.

#include "cpnetworkalgorithm.h"

class CpBuildNetworkAlgorithm : public CpNetworkAlgorithm {
 public:
  QString name() const override { return QStringLiteral("buildnetwork"); }
  QString displayName() const override { return QStringLiteral("Build the road network"); }
  QString shortHelpString() const override;
  CpBuildNetworkAlgorithm* createInstance() const override { return new CpBuildNetworkAlgorithm(); }

 protected:
  void initAlgorithm(const QVariantMap& configuration = QVariantMap()) override;
  QVariantMap processAlgorithm(const QVariantMap& parameters, QgsProcessingContext& context,
                               QgsProcessingFeedback* feedback) override;
};
