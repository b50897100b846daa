#pragma once
// circularplanner:compostoutlets - the compost that sites make, carried over
// the roads to the farmland that needs it, within a haul limit: how much each
// site places, and how far each parcel's demand is met.

#include "cpallocationalgorithm.h"

class CpCompostOutletsAlgorithm : public CpAllocationAlgorithm {
 public:
  QString name() const override { return QStringLiteral("compostoutlets"); }
  QString displayName() const override { return QStringLiteral("Compost outlets on farmland"); }
  QString shortHelpString() const override;
  CpCompostOutletsAlgorithm* createInstance() const override {
    return new CpCompostOutletsAlgorithm();
  }

 protected:
  void initAlgorithm(const QVariantMap& configuration = QVariantMap()) override;
  QVariantMap processAlgorithm(const QVariantMap& parameters, QgsProcessingContext& context,
                               QgsProcessingFeedback* feedback) override;

 private:
  void warnIfIntakeIsCapacity(const QVariantMap& parameters, QgsProcessingContext& context,
                              cp::layers::Diagnostics& diagnostics);
};
