#pragma once
// circularplanner:catchments - which part of the road network, and of the
// land round it, each site serves: nearest site within a cutoff (travel to or
// from the sites), as polygons that partition the served area and as network
// pieces in cost bands, with the tonnes of sources each site gathers.

#include "cpnetworkalgorithm.h"
#include "layers/analyses/catchments.h"

class CpCatchmentsAlgorithm : public CpNetworkAlgorithm {
 public:
  QString name() const override { return QStringLiteral("catchments"); }
  QString displayName() const override { return QStringLiteral("Site catchments"); }
  QString group() const override { return QStringLiteral("Catchments and allocation"); }
  QString groupId() const override { return QStringLiteral("catchments"); }
  QString shortHelpString() const override;
  CpCatchmentsAlgorithm* createInstance() const override { return new CpCatchmentsAlgorithm(); }

 protected:
  void initAlgorithm(const QVariantMap& configuration = QVariantMap()) override;
  QVariantMap processAlgorithm(const QVariantMap& parameters, QgsProcessingContext& context,
                               QgsProcessingFeedback* feedback) override;
};
