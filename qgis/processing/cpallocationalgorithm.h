#pragma once
// circularplanner:allocation - organic sources (tonnes per year) to composting
// sites (capacity in tonnes per year) over road distances, least tonne-km,
// exact; what no site can take is reported per source.

#include "cpnetworkalgorithm.h"
#include "geo/allocation.h"

class CpAllocationAlgorithm : public CpNetworkAlgorithm {
 public:
  QString name() const override { return QStringLiteral("allocation"); }
  QString displayName() const override {
    return QStringLiteral("Capacity-limited allocation to sites");
  }
  QString group() const override { return QStringLiteral("Catchments and allocation"); }
  QString groupId() const override { return QStringLiteral("catchments"); }
  QString shortHelpString() const override;
  CpAllocationAlgorithm* createInstance() const override { return new CpAllocationAlgorithm(); }

 protected:
  void initAlgorithm(const QVariantMap& configuration = QVariantMap()) override;
  QVariantMap processAlgorithm(const QVariantMap& parameters, QgsProcessingContext& context,
                               QgsProcessingFeedback* feedback) override;

 private:
  QString writeSites(const QVariantMap& parameters, QgsProcessingContext& context,
                     const cp::layers::PointData& sites, const std::vector<double>& capacity,
                     const std::vector<cp::geo::SiteIntake>& intakes,
                     const cp::layers::WorkingFrame& frame);
  QString writeSources(const QVariantMap& parameters, QgsProcessingContext& context,
                       const cp::layers::PointData& sources, const std::vector<double>& tonnes,
                       const std::vector<double>& unallocated,
                       const cp::layers::SnappedPlaces& snapped,
                       const cp::layers::WorkingFrame& frame);
};
