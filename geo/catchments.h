#pragma once
// Catchments: one multi-source search from every site gives each place on the
// network its nearest site and the cost between them, within a cutoff; the
// network is then cut into pieces, each served by one site, with cost bands.

#include <optional>
#include <vector>

#include "dijkstra.h"
#include "feedback.h"
#include "snapping.h"

namespace cp::geo {

enum class Travel {
  ToSite,   // material is carried from the place to the site (costs on the reversed network)
  FromSite  // from the site out to the place
};

struct CatchmentOptions {
  Metric metric = Metric::Distance;
  Travel travel = Travel::ToSite;
  double cutoff = kInfinity;  // in the minimised measure: metres or seconds
};

// A place's nearest site; site is kNoId when none is within the cutoff.
struct Assignment {
  std::uint32_t site = kNoId;
  Cost cost;
};

// A stretch of one segment, from fraction f0 to f1 (f0 < f1), served by one site,
// with the minimised cost at either end and linear in between.
struct CatchmentPiece {
  SegmentId segment = kNoId;
  double f0 = 0;
  double f1 = 0;
  std::uint32_t site = kNoId;
  double cost0 = 0;
  double cost1 = 0;
};

class Catchments {
 public:
  // Sites that did not join the network (nullopt) serve nothing. Throws
  // Canceled when `feedback` is canceled.
  Catchments(const Network& network, const std::vector<std::optional<Location>>& sites,
             const CatchmentOptions& options, const Feedback* feedback = nullptr);

  // The nearest site of a place (ties: the lower site index).
  Assignment at(const Location& place) const;
  std::vector<Assignment> atAll(const std::vector<std::optional<Location>>& places) const;

  // The served network cut into pieces: each within the cutoff, served by one
  // site, and split where the cost crosses any of `bands` (ascending).
  std::vector<CatchmentPiece> pieces(const std::vector<double>& bands = {}) const;

  const Network& network() const { return network_; }

 private:
  struct Candidate;  // a site reaching along part of a segment, cost linear in the fraction
  std::vector<Candidate> candidates(SegmentId s) const;
  const Network& searched() const { return reversed_ ? *reversed_ : network_; }

  const Network& network_;
  std::optional<Network> reversed_;  // set for Travel::ToSite
  CatchmentOptions options_;
  std::vector<std::optional<Location>> sites_;
  std::vector<std::uint32_t> nodeSite_;  // kNoId: not reached within the cutoff
  std::vector<Cost> nodeCost_;
  std::vector<std::vector<std::uint32_t>> sitesOnSegment_;
};

}  // namespace cp::geo
