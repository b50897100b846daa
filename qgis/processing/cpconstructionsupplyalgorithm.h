#pragma once
// circularplanner:constructionsupply - the industrial zones' product
// capacities, and the materials demolitions free in the districts, assigned
// to the districts' construction demand with the least tonne-km by road.

#include "cpnetworkalgorithm.h"
#include "layers/analyses/construction_climate.h"

class CpConstructionSupplyAlgorithm : public CpNetworkAlgorithm {
 public:
  QString name() const override { return QStringLiteral("constructionsupply"); }
  QString displayName() const override { return QStringLiteral("Construction supply"); }
  QString group() const override { return QStringLiteral("Building stock and construction"); }
  QString groupId() const override { return QStringLiteral("construction"); }
  QString shortHelpString() const override;
  CpConstructionSupplyAlgorithm* createInstance() const override {
    return new CpConstructionSupplyAlgorithm();
  }

 protected:
  void initAlgorithm(const QVariantMap& configuration = QVariantMap()) override;
  QVariantMap processAlgorithm(const QVariantMap& parameters, QgsProcessingContext& context,
                               QgsProcessingFeedback* feedback) override;

 private:
  // The products table's zones, material classes and capacities.
  cp::analyses::ZoneProducts readProducts(const QVariantMap& parameters,
                                          QgsProcessingContext& context,
                                          cp::layers::Diagnostics& diagnostics);
  // Per zone, whether the plan makes it; empty: all.
  std::vector<bool> readPlanned(const QVariantMap& parameters, QgsProcessingContext& context,
                                cp::layers::Diagnostics& diagnostics);
  // The climate balance's tables and numbers.
  void writeClimate(const QVariantMap& parameters, QgsProcessingContext& context,
                    const cp::layers::WorkingFrame& frame,
                    const cp::analyses::ConstructionClimateResult& climate, bool urbanMining,
                    QVariantMap& results, QgsProcessingFeedback* feedback);
};
