#pragma once
// Contraction hierarchies (Geisberger et al. 2008) with bucket-based
// many-to-many queries (Knopp et al. 2007): nodes are contracted in order of
// importance, shortcuts keep shortest paths, and an OD matrix needs only small
// upward searches from each origin and destination. Costs are compared
// lexicographically (minimised measure, then the other), exactly as Dijkstra.

#include <optional>
#include <vector>

#include "feedback.h"
#include "routing.h"

namespace cp::geo {

class ContractionHierarchy {
 public:
  // Contracts the whole network for one metric; throws Canceled when canceled.
  static ContractionHierarchy build(const Network& network, Metric metric,
                                    const Feedback* feedback = nullptr);

  OdMatrix manyToMany(const std::vector<std::optional<Location>>& origins,
                      const std::vector<std::optional<Location>>& destinations,
                      unsigned threads = 0, const Feedback* feedback = nullptr) const;

  Metric metric() const { return metric_; }
  std::size_t shortcutCount() const { return shortcuts_; }

 private:
  struct UpArc {
    Cost cost;
    NodeId head;  // a node contracted later (higher in the hierarchy)
  };

  ContractionHierarchy(const Network& network, Metric metric)
      : network_(&network), metric_(metric) {}
  class Contractor;
  class UpwardSearch;

  const Network* network_;
  Metric metric_;
  std::size_t shortcuts_ = 0;
  std::vector<ArcId> upBegin_;  // node v: up_[upBegin_[v] .. upBegin_[v+1]), v -> head
  std::vector<UpArc> up_;
  std::vector<ArcId> downBegin_;  // node v: down_[...], head -> v (searched backwards)
  std::vector<UpArc> down_;
};

}  // namespace cp::geo
