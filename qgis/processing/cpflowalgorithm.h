#pragma once
// What the material-flow algorithms share: the flow table and its filters
// (material classes, stage, scenario), and for those on the roads the layers
// whose features the flows run between.

#include "cpnetworkalgorithm.h"
#include "layers/analyses/placed_flows.h"
#include "layers/flows.h"

// The flow table's parameters on any algorithm base: with roads or without.
template <typename Base>
class CpFlowTable : public Base {
 public:
  QString group() const override { return QStringLiteral("Material flows"); }
  QString groupId() const override { return QStringLiteral("flows"); }

 protected:
  // FLOWS, MATERIAL_CLASSES, STAGE, SCENARIO.
  void addFlowParameters();
  // The flows the filters keep; every row checked (layers::InputError names
  // it), what the reading found added to `diagnostics`.
  std::vector<cp::layers::Flow> readFlows(const QVariantMap& parameters,
                                          QgsProcessingContext& context,
                                          cp::layers::Diagnostics& diagnostics);
};

extern template class CpFlowTable<CpAlgorithm>;
extern template class CpFlowTable<CpNetworkAlgorithm>;

// Algorithms on a flow table alone (the balance, Sankey diagrams).
using CpFlowTableAlgorithm = CpFlowTable<CpAlgorithm>;

// Algorithms that carry flows over the roads between the places they name.
class CpFlowAlgorithm : public CpFlowTable<CpNetworkAlgorithm> {
 protected:
  // PLACES: point or polygon layers whose ids the flows name.
  void addFlowPlacesParameter();

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
