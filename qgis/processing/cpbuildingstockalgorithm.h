#pragma once
// circularplanner:buildingstock - per district, the materials standing in its
// buildings, the yearly demand of its growth, and the secondary materials its
// demolitions release (urban mining).

#include "cpnetworkalgorithm.h"

class CpBuildingStockAlgorithm : public CpNetworkAlgorithm {
 public:
  QString name() const override { return QStringLiteral("buildingstock"); }
  QString displayName() const override { return QStringLiteral("Building stock"); }
  QString group() const override { return QStringLiteral("Building stock and construction"); }
  QString groupId() const override { return QStringLiteral("construction"); }
  QString shortHelpString() const override;
  CpBuildingStockAlgorithm* createInstance() const override {
    return new CpBuildingStockAlgorithm();
  }

 protected:
  void initAlgorithm(const QVariantMap& configuration = QVariantMap()) override;
  QVariantMap processAlgorithm(const QVariantMap& parameters, QgsProcessingContext& context,
                               QgsProcessingFeedback* feedback) override;

 private:
  std::vector<std::string> districtIds(const QVariantMap& parameters, QgsProcessingContext& context,
                                       const QgsFeatureSource& districts);
};
