#pragma once
// circularplanner:allocation - organic sources (tonnes per year) to composting
// sites (capacity in tonnes per year) over road distances, least tonne-km,
// exact; what no site can take is reported per source.

#include "cpnetworkalgorithm.h"
#include "geo/routing.h"
#include "layers/analyses/allocation.h"

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

 protected:
  // Roads, sources and sites read, with their tonnes and capacities: what
  // allocation and site selection share.
  struct SourcesAndSites {
    PreparedRoads prepared;
    cp::layers::PointData sources;
    cp::layers::PointData sites;
    std::vector<double> supply;    // tonnes per source
    std::vector<double> capacity;  // tonnes per site
    cp::analyses::AllocationInput input() const;
  };
  // ROADS..., SOURCES, SOURCE_ID, TONNES_FIELD, SITES, SITE_ID, CAPACITY_FIELD,
  // MAX_SNAP, CO2_PER_TKM.
  void addSourcesAndSitesParameters(const QString& sitesTitle);
  // Sites without a capacity field get `capacityWithoutField` (none: an error).
  SourcesAndSites readSourcesAndSites(const QVariantMap& parameters, QgsProcessingContext& context,
                                      QgsProcessingFeedback* feedback,
                                      const cp::geo::Feedback* progress,
                                      std::optional<double> capacityWithoutField);
  // All outputs of an allocation; `siteStatus` (optional) labels each site.
  QVariantMap writeAllocation(const QVariantMap& parameters, QgsProcessingContext& context,
                              QgsProcessingFeedback* feedback, const SourcesAndSites& read,
                              const cp::analyses::AllocationResult& result,
                              const std::vector<std::string>& siteStatus = {});
  // The allocation lines, site intakes, source status and the totals.
  void addAllocationOutputs();
  // What keeping sources whole cost against the split optimum.
  static void reportWholeSources(const cp::analyses::WholeAgainstSplit& whole,
                                 QgsProcessingFeedback* feedback);
  static void insertTotals(QVariantMap& results, const cp::analyses::AllocationTotals& totals,
                           QgsProcessingFeedback* feedback);
};
