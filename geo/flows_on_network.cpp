#include "flows_on_network.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>

#include "parallel.h"

namespace cp::geo {

std::vector<Route> routePairs(const Network& network,
                              const std::vector<std::optional<Location>>& places,
                              const std::vector<std::pair<std::size_t, std::size_t>>& pairs,
                              Metric metric, unsigned threads, const Feedback* feedback) {
  // The pairs of each origin, so that one search serves them all.
  std::map<std::size_t, std::vector<std::size_t>> byOrigin;
  for (std::size_t k = 0; k < pairs.size(); ++k)
    if (places[pairs[k].first] && places[pairs[k].second])
      byOrigin[pairs[k].first].push_back(k);
  const std::vector<std::pair<std::size_t, std::vector<std::size_t>>> origins(byOrigin.begin(),
                                                                              byOrigin.end());
  std::vector<Route> routes(pairs.size());
  parallelFor(
      origins.size(), threads, feedback, [] { return 0; },
      [&](int, std::size_t o) {
        const auto& [origin, flows] = origins[o];
        std::vector<std::optional<Location>> targets;
        for (std::size_t k : flows)
          targets.push_back(places[pairs[k].second]);
        std::vector<Route> found = routesFrom(network, *places[origin], targets, metric);
        for (std::size_t t = 0; t < flows.size(); ++t)
          routes[flows[t]] = std::move(found[t]);
      });
  return routes;
}

double SegmentLoad::total() const {
  return std::accumulate(tonnes.begin(), tonnes.end(), 0.0);
}

std::vector<SegmentLoad> roadLoads(const std::vector<Route>& routes,
                                   const std::vector<double>& tonnes,
                                   const std::vector<std::size_t>& classOf, std::size_t classes) {
  std::map<SegmentId, SegmentLoad> loads;
  for (std::size_t k = 0; k < routes.size(); ++k) {
    const Route& r = routes[k];
    if (!r.cost.reachable())
      continue;
    for (std::size_t i = 0; i < r.segments.size(); ++i) {
      SegmentLoad& load = loads[r.segments[i]];
      if (load.tonnes.empty()) {
        load.segment = r.segments[i];
        load.tonnes.assign(classes, 0.0);
      }
      load.tonnes[classOf[k]] += tonnes[k];
      load.tonneKm += tonnes[k] * r.segmentMetres[i] / 1000;
    }
  }
  std::vector<SegmentLoad> out;
  out.reserve(loads.size());
  for (auto& [segment, load] : loads)
    out.push_back(std::move(load));
  return out;
}

std::vector<XY> curvedFlowLine(XY from, XY to, double bulge, int pieces) {
  // A quadratic Bezier curve whose control point stands off the chord's middle
  // to the right: twice the bulge, since the curve reaches half way to it.
  const XY mid{(from.x + to.x) / 2, (from.y + to.y) / 2};
  const XY right{to.y - from.y, from.x - to.x};  // the chord turned clockwise
  const XY control{mid.x + 2 * bulge * right.x, mid.y + 2 * bulge * right.y};
  std::vector<XY> line;
  for (int i = 0; i <= pieces; ++i) {
    const double t = static_cast<double>(i) / pieces;
    const double a = (1 - t) * (1 - t), b = 2 * (1 - t) * t, c = t * t;
    line.push_back({a * from.x + b * control.x + c * to.x, a * from.y + b * control.y + c * to.y});
  }
  return line;
}

XY flowSplitPoint(XY origin, const std::vector<XY>& destinations,
                  const std::vector<double>& tonnes) {
  XY centre;
  double total = 0;
  for (std::size_t i = 0; i < destinations.size(); ++i) {
    centre.x += tonnes[i] * destinations[i].x;
    centre.y += tonnes[i] * destinations[i].y;
    total += tonnes[i];
  }
  if (!(total > 0))
    return origin;
  centre = {centre.x / total, centre.y / total};
  double fan = 0;
  for (const XY& d : destinations)
    fan = std::max(fan, std::hypot(d.x - centre.x, d.y - centre.y));
  fan *= 1.2;
  const double away = std::hypot(origin.x - centre.x, origin.y - centre.y);
  if (away <= fan)
    return origin;
  const double share = fan / away;
  return {centre.x + share * (origin.x - centre.x), centre.y + share * (origin.y - centre.y)};
}

}  // namespace cp::geo
