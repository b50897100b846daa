#pragma once
// circularplanner:buildingstock - per district, the materials standing in its
// buildings, the yearly demand of its growth, and the secondary materials its
// demolitions release (urban mining).

#include "cpalgorithm.h"

class CpBuildingStockAlgorithm : public CpAlgorithm {
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

 protected:
  // The districts' CRS when no project gives one.
  QgsCoordinateReferenceSystem fallbackOutputCrs(
      const QVariantMap& parameters, QgsProcessingContext& context,
      const cp::layers::WorkingFrame& frame) const override;

 private:
  std::vector<std::string> districtIds(const QVariantMap& parameters, QgsProcessingContext& context,
                                       const QgsFeatureSource& districts);
};
