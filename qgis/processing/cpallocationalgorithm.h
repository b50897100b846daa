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
                              const QStringList& siteStatus = {});
  // The allocation lines, site intakes, source status and the totals.
  void addAllocationOutputs();
  struct Ends {
    const cp::layers::PointData& places;
    const cp::layers::SnappedPlaces& snapped;
  };
  QString writeLines(const QVariantMap& parameters, QgsProcessingContext& context, const Ends& from,
                     const Ends& to, const cp::geo::OdMatrix& km,
                     const std::vector<cp::geo::AllocationFlow>& flows,
                     const cp::layers::WorkingFrame& frame, const char* fromField = "source_id",
                     const char* toField = "site_id");
  // What keeping sources whole cost against the split optimum.
  static void reportWholeSources(const cp::analyses::WholeAgainstSplit& whole,
                                 QgsProcessingFeedback* feedback);
  static void insertIfWritten(QVariantMap& results, const QString& name,
                              const QString& destination);
  static void insertTotals(QVariantMap& results, const cp::analyses::AllocationTotals& totals,
                           QgsProcessingFeedback* feedback);
  QString writeSites(const QVariantMap& parameters, QgsProcessingContext& context,
                     const cp::layers::PointData& sites, const std::vector<double>& capacity,
                     const std::vector<cp::geo::SiteIntake>& intakes, const QStringList& status,
                     const cp::layers::WorkingFrame& frame);
  QString writeSources(const QVariantMap& parameters, QgsProcessingContext& context,
                       const cp::layers::PointData& sources,
                       const std::vector<cp::analyses::SourceStatus>& status,
                       const cp::layers::WorkingFrame& frame);
};
