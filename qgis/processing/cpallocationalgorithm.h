#pragma once
// circularplanner:allocation - organic sources (tonnes per year) to composting
// sites (capacity in tonnes per year) over road distances, least tonne-km,
// exact; what no site can take is reported per source.

#include "cpnetworkalgorithm.h"
#include "geo/allocation.h"
#include "geo/routing.h"

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
  // Roads, sources and sites read and joined to the network, with the road
  // distances between them: what allocation and site selection share.
  struct SourcesToSites {
    PreparedRoads prepared;
    cp::layers::PointData sources;
    cp::layers::PointData sites;
    cp::layers::SnappedPlaces from;
    cp::layers::SnappedPlaces to;
    std::vector<double> supply;    // tonnes per source
    std::vector<double> capacity;  // tonnes per site
    cp::geo::OdMatrix km;
    std::vector<double> kmTable() const;  // sources x sites, km; infinity: unreachable
  };
  // ROADS..., SOURCES, SOURCE_ID, TONNES_FIELD, SITES, SITE_ID, CAPACITY_FIELD,
  // MAX_SNAP, CO2_PER_TKM.
  void addSourcesAndSitesParameters(const QString& sitesTitle);
  // Sites without a capacity field get `capacityWithoutField` (none: an error).
  SourcesToSites readSourcesToSites(const QVariantMap& parameters, QgsProcessingContext& context,
                                    QgsProcessingFeedback* feedback,
                                    const cp::geo::Feedback* progress,
                                    std::optional<double> capacityWithoutField);
  // All outputs of an allocation; `siteStatus` (optional) labels each site.
  QVariantMap writeAllocation(const QVariantMap& parameters, QgsProcessingContext& context,
                              QgsProcessingFeedback* feedback, const SourcesToSites& problem,
                              const cp::geo::AllocationInput& input,
                              const cp::geo::Allocation& allocation,
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
  // Sources kept whole; reports the price against the split optimum.
  static cp::geo::Allocation wholeSources(const cp::geo::AllocationInput& input,
                                          const cp::geo::Allocation& split,
                                          QgsProcessingFeedback* feedback);
  static void insertIfWritten(QVariantMap& results, const QString& name,
                              const QString& destination);
  static void insertTotals(QVariantMap& results, const cp::geo::AllocationInput& input,
                           const cp::geo::Allocation& allocation, QgsProcessingFeedback* feedback);
  QString writeSites(const QVariantMap& parameters, QgsProcessingContext& context,
                     const cp::layers::PointData& sites, const std::vector<double>& capacity,
                     const std::vector<cp::geo::SiteIntake>& intakes, const QStringList& status,
                     const cp::layers::WorkingFrame& frame);
  QString writeSources(const QVariantMap& parameters, QgsProcessingContext& context,
                       const cp::layers::PointData& sources, const std::vector<double>& tonnes,
                       const std::vector<double>& unallocated,
                       const cp::layers::SnappedPlaces& snapped,
                       const cp::layers::WorkingFrame& frame);
};
