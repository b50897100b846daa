#pragma once
// circularplanner:wastedisposal - the organic waste not composted: today to
// the landfill and dumpsites (each source to the nearest by road), and what a
// planned waste-to-energy plant would take of it within its capacity.

#include "cpnetworkalgorithm.h"
#include "layers/analyses/waste_disposal.h"

class CpWasteDisposalAlgorithm : public CpNetworkAlgorithm {
 public:
  QString name() const override { return QStringLiteral("wastedisposal"); }
  QString displayName() const override {
    return QStringLiteral("Waste not composted: landfill or the planned plant");
  }
  QString group() const override { return QStringLiteral("Catchments and allocation"); }
  QString groupId() const override { return QStringLiteral("catchments"); }
  QString shortHelpString() const override;
  CpWasteDisposalAlgorithm* createInstance() const override {
    return new CpWasteDisposalAlgorithm();
  }

 protected:
  void initAlgorithm(const QVariantMap& configuration = QVariantMap()) override;
  QVariantMap processAlgorithm(const QVariantMap& parameters, QgsProcessingContext& context,
                               QgsProcessingFeedback* feedback) override;

 protected:
  // The roads, the organic waste sources, their ids and tonnes.
  void addOrganicSourcesParameters();
  void addFacilityParameters();
  // Whether each source's waste is landfilled today (LANDFILLED_FIELD, or the
  // usual field); empty (all are) without one.
  std::vector<bool> readLandfilled(const QVariantMap& parameters, QgsProcessingContext& context,
                                   cp::layers::Diagnostics& diagnostics);
  // The waste facilities (FACILITIES, FACILITY_ID, KIND_FIELD, CAPACITY_FIELD).
  cp::layers::WasteFacilities readWasteFacilities(const QVariantMap& parameters,
                                                  QgsProcessingContext& context,
                                                  const cp::layers::WorkingFrame& frame,
                                                  cp::layers::Diagnostics& diagnostics);

 private:
  // Each source's waste to dispose of: its tonnes, less what COMPOSTED says
  // it sends to composting, none where LANDFILLED_FIELD says no.
  std::vector<double> readResidual(const QVariantMap& parameters, QgsProcessingContext& context,
                                   const cp::layers::PointData& sources,
                                   cp::layers::Diagnostics& diagnostics);
  QVariantMap writeResults(const QVariantMap& parameters, QgsProcessingContext& context,
                           QgsProcessingFeedback* feedback, const cp::layers::WorkingFrame& frame,
                           const cp::analyses::WasteDisposalResult& result,
                           const cp::analyses::WasteDisposalInput& input);
  // Tonnes per source id from the composting allocation's sources.
  std::map<std::string, double> readComposted(const QVariantMap& parameters,
                                              QgsProcessingContext& context);
};
