#pragma once
// circularplanner:siteselection - which candidate composting sites to build,
// besides the existing ones: least tonne-km (p-median) or most tonnes within a
// haul (maximal coverage), with or without capacities; a heuristic for any
// size, an exact branch and bound for small problems, and the gap between them.

#include "cpallocationalgorithm.h"
#include "geo/site_selection.h"

class CpSiteSelectionAlgorithm : public CpAllocationAlgorithm {
 public:
  QString name() const override { return QStringLiteral("siteselection"); }
  QString displayName() const override { return QStringLiteral("Site selection"); }
  QString shortHelpString() const override;
  CpSiteSelectionAlgorithm* createInstance() const override {
    return new CpSiteSelectionAlgorithm();
  }

 protected:
  void initAlgorithm(const QVariantMap& configuration = QVariantMap()) override;
  QVariantMap processAlgorithm(const QVariantMap& parameters, QgsProcessingContext& context,
                               QgsProcessingFeedback* feedback) override;

 private:
  std::vector<bool> readExisting(const QVariantMap& parameters, QgsProcessingContext& context);
  // The heuristic's, the exact method's, or the better of both, with what the
  // exact method proved and the gap in `results`.
  cp::geo::SiteSelection select(const QVariantMap& parameters, QgsProcessingContext& context,
                                QgsProcessingFeedback* feedback, const cp::geo::Feedback* progress,
                                const cp::geo::SiteSelectionInput& input, QVariantMap& results);
};
