#pragma once
// circularplanner:climatebalance - the greenhouse-gas balance of the
// strategies for organic waste: each scenario of the strategies table routed
// on the roads (composting sites, the planned plant, the landfill) and weighed
// with the emission-factor table, side by side.

#include "cpwastedisposalalgorithm.h"
#include "layers/analyses/organic_strategies.h"
#include "layers/analyses/recycling.h"

class CpClimateBalanceAlgorithm : public CpWasteDisposalAlgorithm {
 public:
  QString name() const override { return QStringLiteral("climatebalance"); }
  QString displayName() const override {
    return QStringLiteral("Climate balance of the organic-waste strategies");
  }
  QString group() const override { return QStringLiteral("Climate"); }
  QString groupId() const override { return QStringLiteral("climate"); }
  QString shortHelpString() const override;
  CpClimateBalanceAlgorithm* createInstance() const override {
    return new CpClimateBalanceAlgorithm();
  }

 protected:
  void initAlgorithm(const QVariantMap& configuration = QVariantMap()) override;
  QVariantMap processAlgorithm(const QVariantMap& parameters, QgsProcessingContext& context,
                               QgsProcessingFeedback* feedback) override;

 private:
  // Today's recycling from FLOWS and COEFFICIENTS, when FLOWS is given.
  std::optional<cp::analyses::RecyclingBalance> readRecycling(
      const QVariantMap& parameters, QgsProcessingContext& context,
      const cp::layers::FactorTable& factors, QgsProcessingFeedback* feedback);
  std::vector<cp::analyses::OrganicStrategy> readStrategies(const QVariantMap& parameters,
                                                            QgsProcessingContext& context,
                                                            const std::string& baseline,
                                                            cp::layers::Diagnostics& diagnostics);
  cp::analyses::OrganicWasteInput readInput(
      const QVariantMap& parameters, QgsProcessingContext& context, const PreparedRoads& prepared,
      const cp::layers::PointData& sources, const cp::layers::PointData& sites,
      const cp::layers::WasteFacilities& facilities, cp::layers::Diagnostics& diagnostics);
};
