#pragma once
// What the material-flow algorithms share: the flow table and its filters
// (material classes, stage, scenario), and the layers whose features the flows
// run between.

#include "cpnetworkalgorithm.h"
#include "geo/routing.h"
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
  // The flows the filters keep; every row checked (layers::InputError names it).
  std::vector<cp::layers::Flow> readFlows(const QVariantMap& parameters,
                                          QgsProcessingContext& context);

  struct PlacedFlows {
    cp::layers::PointData places;                           // of every PLACES layer
    std::vector<cp::layers::Flow> flows;                    // those with both ends among the places
    std::vector<std::pair<std::size_t, std::size_t>> ends;  // their places
    std::size_t unplaced = 0;
    double unplacedTonnes = 0;
  };
  // Flows whose origin or destination is no place are listed in `diagnostics`
  // by row and left out. An id found in two layers is the first layer's place.
  PlacedFlows placeFlows(QgsProcessingContext& context, const cp::layers::WorkingFrame& frame,
                         std::vector<cp::layers::Flow> flows, cp::layers::Diagnostics& diagnostics);

  // The roads, the flows the filters keep with their places, and where those
  // places join the roads; what was found amiss is in `diagnostics`, not yet
  // reported.
  struct FlowsOnRoads {
    PreparedRoads prepared;
    PlacedFlows placed;
    cp::layers::SnappedPlaces snapped;
    cp::layers::Diagnostics diagnostics;
    const cp::layers::WorkingFrame& frame() const { return *prepared.roads.frame; }
  };
  FlowsOnRoads readFlowsOnRoads(const QVariantMap& parameters, QgsProcessingContext& context,
                                QgsProcessingFeedback* feedback, const cp::geo::Feedback* progress);
  // Each placed flow's shortest road route (by distance).
  static std::vector<cp::geo::Route> routeFlows(const FlowsOnRoads& flows,
                                                const cp::geo::Feedback* progress);
};
