#pragma once
// What the material-flow algorithms share: the flow table and its filters
// (material classes, stage, scenario), and the layers whose features the flows
// run between.

#include "cpnetworkalgorithm.h"
#include "layers/analyses/placed_flows.h"
#include "layers/flows.h"

class CpFlowAlgorithm : public CpNetworkAlgorithm {
 public:
  QString group() const override { return QStringLiteral("Material flows"); }
  QString groupId() const override { return QStringLiteral("flows"); }

 protected:
  // FLOWS, MATERIAL_CLASSES, STAGE, SCENARIO.
  void addFlowParameters();
  // PLACES: point or polygon layers whose ids the flows name.
  void addFlowPlacesParameter();
  // The flows the filters keep; every row checked (layers::InputError names
  // it), what the reading found added to `diagnostics`.
  std::vector<cp::layers::Flow> readFlows(const QVariantMap& parameters,
                                          QgsProcessingContext& context,
                                          cp::layers::Diagnostics& diagnostics);

  // The roads, the flows the filters keep, found among the PLACES and joined
  // to the roads; what was found amiss is in `diagnostics`, not yet reported.
  struct FlowsOnRoads {
    PreparedRoads prepared;
    cp::analyses::FlowsOnNetwork flows;
    cp::layers::Diagnostics diagnostics;
    const cp::layers::WorkingFrame& frame() const { return *prepared.roads.frame; }
  };
  FlowsOnRoads readFlowsOnRoads(const QVariantMap& parameters, QgsProcessingContext& context,
                                QgsProcessingFeedback* feedback, const cp::geo::Feedback* progress);
};
