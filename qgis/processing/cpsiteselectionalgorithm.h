#pragma once
// circularplanner:siteselection - which candidate composting sites to build,
// besides the existing ones: least tonne-km (p-median) or most tonnes within a
// haul (maximal coverage), with or without capacities; a heuristic for any
// size, an exact branch and bound for small problems, and the gap between them.

#include "cpallocationalgorithm.h"
#include "layers/analyses/site_selection.h"

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
  std::vector<bool> readExisting(const QVariantMap& parameters, QgsProcessingContext& context,
                                 cp::layers::Diagnostics& diagnostics);
  // What the exact method proved and the heuristic's gap, said and as outputs.
  static QVariantMap reportMethods(const cp::analyses::SiteSelectionResult& result,
                                   QgsProcessingFeedback* feedback);
};
