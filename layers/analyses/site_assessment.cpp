#include "site_assessment.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace cp::analyses {
namespace {

layers::ResultTable rankingTable(const SiteAssessmentResult& r, const layers::PointData& candidates,
                                 const TransportFactor& kgCo2PerTkm) {
  using layers::FieldType;
  using layers::finiteOrNull;
  layers::ResultTable table{"site_assessment",
                            layers::ResultGeometry::Point,
                            {{"candidate_id", FieldType::Text},
                             {"rank", FieldType::Integer},
                             {"baseline_tkm", FieldType::Real},
                             {"new_tkm", FieldType::Real},
                             {"change_tkm", FieldType::Real},
                             {"change_pct", FieldType::Real},
                             {"change_co2_t", FieldType::Real}},
                            {}};
  const double baseline = r.baselineTonneKm;
  for (std::size_t place = 0; place < r.ranking.size(); ++place) {
    const std::size_t c = r.ranking[place];
    const double change = r.newTonneKm[c] - baseline;
    table.add({candidates.ids[c], static_cast<long long>(place + 1), baseline,
               finiteOrNull(r.newTonneKm[c]), finiteOrNull(change),
               finiteOrNull(baseline > 0 ? 100 * change / baseline : 0),
               transportCo2(change, kgCo2PerTkm)},
              layers::pointAt(candidates.xy[c]));
  }
  return table;
}

}  // namespace

SiteAssessmentResult assessSites(const geo::Network& network, const FlowsOnNetwork& flows,
                                 const layers::PointData& candidates,
                                 const SiteAssessmentOptions& options,
                                 const geo::Feedback* feedback) {
  const PlacedFlows& placed = flows.placed;
  if (placed.flows.empty())
    throw layers::OptionError("no flow passes the filters and names two places");
  if (candidates.ids.empty())
    layers::failInput(candidates.layerLabel, "", "", "no candidate sites to assess");
  if (!(options.inputRatio >= 0))
    throw layers::OptionError("the input ratio must be 0 or more tonnes per tonne");
  SiteAssessmentResult r;
  const geo::Snapper snapper(network, options.snap);
  const layers::SnappedPlaces sites = layers::snapPlaces(snapper, candidates, r.diagnostics);
  const auto& places = flows.snapped;
  // Candidates to places (deliveries), places to candidates (inputs), and today's routes.
  const geo::OdMatrix out =
      geo::odMatrix(network, sites.locations(), places.locations(), {}, feedback);
  const geo::OdMatrix in =
      geo::odMatrix(network, places.locations(), sites.locations(), {}, feedback);
  const geo::OdMatrix direct =
      geo::odMatrix(network, places.locations(), places.locations(), {}, feedback);

  // Flows the roads cannot carry today cannot be compared: left out, and said so.
  std::vector<std::size_t> compared;
  for (std::size_t k = 0; k < placed.flows.size(); ++k) {
    const double km = direct.at(placed.ends[k].first, placed.ends[k].second).distanceM / 1000;
    if (!std::isfinite(km))
      continue;
    r.baselineTonneKm += placed.flows[k].tonnes * km;
    compared.push_back(k);
  }
  r.compared = compared.size();
  if (r.compared < placed.flows.size())
    r.diagnostics.warn(placed.places.layerLabel, "", "",
                       std::to_string(placed.flows.size() - r.compared) + " of " +
                           std::to_string(placed.flows.size()) +
                           " flows have no road route between their places and are left out of "
                           "the comparison");
  r.newTonneKm.assign(candidates.ids.size(), 0.0);
  for (std::size_t c = 0; c < candidates.ids.size(); ++c)
    for (const std::size_t k : compared) {
      const auto [origin, destination] = placed.ends[k];
      const double t = placed.flows[k].tonnes;
      r.newTonneKm[c] += t * out.at(c, destination).distanceM / 1000;
      if (options.inputRatio > 0)  // else a candidate no origin reaches would be 0 x infinity
        r.newTonneKm[c] += options.inputRatio * t * in.at(origin, c).distanceM / 1000;
    }
  r.ranking.resize(r.newTonneKm.size());
  std::iota(r.ranking.begin(), r.ranking.end(), 0);
  std::stable_sort(r.ranking.begin(), r.ranking.end(), [&r](std::size_t a, std::size_t b) {
    return r.newTonneKm[a] < r.newTonneKm[b];
  });
  r.candidates = rankingTable(r, candidates, options.kgCo2PerTkm);
  return r;
}

}  // namespace cp::analyses
