#pragma once
// circularplanner:odmatrix - road distances and travel times between every
// origin and destination, as lines with costs and the method that found them.

#include "cpnetworkalgorithm.h"
#include "geo/od_table.h"

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

 private:
  // The optional MATRIX table: a row per origin, a column per destination, in
  // km (distance) or minutes (time); "" when not asked for.
  QString writeMatrix(const QVariantMap& parameters, QgsProcessingContext& context,
                      const std::vector<std::string>& originIds,
                      const std::vector<std::string>& destinationIds,
                      const std::vector<cp::geo::OdRow>& rows, cp::geo::Metric metric);
};
