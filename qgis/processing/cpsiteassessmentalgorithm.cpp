#include "cpsiteassessmentalgorithm.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include <qgsprocessingoutputs.h>
#include <qgsprocessingparameters.h>

#include "geo/routing.h"
#include "qgis/cpqgisapi.h"
#include "qgis/cpresultstyles.h"

namespace {

const QString kCandidates = QStringLiteral("CANDIDATES");

}  // namespace

QString CpSiteAssessmentAlgorithm::shortHelpString() const {
  return QObject::tr(
      "Ranks candidate sites for a new facility by the change it brings to the transport of "
      "the chosen flows (filter the flow table, e.g. to one product or material class). At a "
      "candidate, the facility delivers those flows' tonnes to their destinations in place of "
      "their origins, and receives its inputs (input ratio tonnes per tonne delivered) from "
      "the original origins. Baseline: every flow by road from its origin. Outputs each "
      "candidate with the baseline and new tonne-km, the change (negative is a saving), the "
      "transport CO2e change and its rank.");
}

void CpSiteAssessmentAlgorithm::initAlgorithm(const QVariantMap&) {
  addRoadParameters();
  addFlowParameters();
  addFlowPlacesParameter();
  addPlacesParameter(kCandidates, QStringLiteral("CANDIDATE_ID"), QObject::tr("Candidate sites"));
  addParameter(new QgsProcessingParameterNumber(
      QStringLiteral("INPUT_RATIO"),
      QObject::tr("Inputs the facility receives per tonne it delivers (t/t)"),
      cp::qgis::NumberType::Double, 0, false, 0));
  addSnapParameter(2000);
  addCo2Parameter();
  addParameter(new QgsProcessingParameterFeatureSink(
      QStringLiteral("OUTPUT"), QObject::tr("Candidates ranked"), cp::qgis::Source::VectorPoint));
  addOutput(new QgsProcessingOutputNumber(QStringLiteral("BASELINE_TONNE_KM"),
                                          QObject::tr("Baseline tonne-km")));
  addOutput(new QgsProcessingOutputString(QStringLiteral("BEST"), QObject::tr("Best candidate")));
}

QVariantMap CpSiteAssessmentAlgorithm::processAlgorithm(const QVariantMap& p,
                                                        QgsProcessingContext& context,
                                                        QgsProcessingFeedback* feedback) {
  return guarded(feedback, [&](const cp::geo::Feedback* progress) {
    FlowsOnRoads flows = readFlowsOnRoads(p, context, feedback, progress);
    const PlacedFlows& placed = flows.placed;
    if (placed.flows.empty())
      throw QgsProcessingException(QObject::tr("No flow passes the filters and names two places"));
    const cp::layers::WorkingFrame& frame = flows.frame();
    const cp::geo::Network& network = flows.prepared.network;
    const cp::layers::PointData candidates = readSites(
        p, kCandidates, QStringLiteral("CANDIDATE_ID"), context, frame, flows.diagnostics);
    const cp::geo::Snapper snapper(network, snapOptions(p, context));
    const auto sites = cp::layers::snapPlaces(snapper, candidates, flows.diagnostics);
    const auto& places = flows.snapped;
    cpReportDiagnostics(flows.diagnostics, feedback);
    // Candidates to places (deliveries) and places to candidates (inputs).
    const cp::geo::OdMatrix out =
        cp::geo::odMatrix(network, sites.locations(), places.locations(), {}, progress);
    const cp::geo::OdMatrix in =
        cp::geo::odMatrix(network, places.locations(), sites.locations(), {}, progress);
    const cp::geo::OdMatrix direct =
        cp::geo::odMatrix(network, places.locations(), places.locations(), {}, progress);
    const double ratio = parameterAsDouble(p, QStringLiteral("INPUT_RATIO"), context);
    const double kg = parameterAsDouble(p, QStringLiteral("CO2_PER_TKM"), context);

    // Flows the roads cannot carry today cannot be compared: they are left out, and said so.
    std::vector<std::size_t> compared;
    double baseline = 0;
    for (std::size_t k = 0; k < placed.flows.size(); ++k) {
      const double km = direct.at(placed.ends[k].first, placed.ends[k].second).distanceM / 1000;
      if (!std::isfinite(km))
        continue;
      baseline += placed.flows[k].tonnes * km;
      compared.push_back(k);
    }
    if (compared.size() < placed.flows.size())
      feedback->pushWarning(QObject::tr("%1 of %2 flows have no road route between their places "
                                        "and are left out of the comparison")
                                .arg(placed.flows.size() - compared.size())
                                .arg(placed.flows.size()));
    std::vector<double> after(candidates.ids.size(), 0.0);
    for (std::size_t c = 0; c < candidates.ids.size(); ++c)
      for (const std::size_t k : compared) {
        const auto [origin, destination] = placed.ends[k];
        const double t = placed.flows[k].tonnes;
        after[c] += t * out.at(c, destination).distanceM / 1000 +
                    ratio * t * in.at(origin, c).distanceM / 1000;
      }
    std::vector<std::size_t> rank(after.size());
    std::iota(rank.begin(), rank.end(), 0);
    std::stable_sort(rank.begin(), rank.end(),
                     [&after](std::size_t a, std::size_t b) { return after[a] < after[b]; });

    SinkOutput sink = createPointOutput(p, context,
                                        cpFields({{"candidate_id", QMetaType::QString},
                                                  {"rank", QMetaType::Int},
                                                  {"baseline_tkm", QMetaType::Double},
                                                  {"new_tkm", QMetaType::Double},
                                                  {"change_tkm", QMetaType::Double},
                                                  {"change_pct", QMetaType::Double},
                                                  {"change_co2_t", QMetaType::Double}}),
                                        frame, QStringLiteral("OUTPUT"));
    if (!sink.sink)
      throw QgsProcessingException(invalidSinkError(p, QStringLiteral("OUTPUT")));
    for (std::size_t r = 0; r < rank.size(); ++r) {
      const std::size_t c = rank[r];
      const double change = after[c] - baseline;
      QgsAttributes a;
      a << QString::fromStdString(candidates.ids[c]) << static_cast<int>(r + 1) << baseline
        << cpNumber(after[c]) << cpNumber(change)
        << cpNumber(baseline > 0 ? 100 * change / baseline : 0) << cpNumber(change * kg / 1000);
      addPoint(sink, p, a, candidates.xy[c]);
    }
    cp::qgis::styleOnLoad(context, sink.destination, cp::qgis::styleSiteRanking);
    const QString best = QString::fromStdString(candidates.ids[rank.front()]);
    feedback->pushInfo(QObject::tr("Baseline %1 tonne-km; best candidate %2: %3 tonne-km")
                           .arg(baseline, 0, 'f', 0)
                           .arg(best)
                           .arg(after[rank.front()], 0, 'f', 0));
    return QVariantMap{{QStringLiteral("OUTPUT"), sink.destination},
                       {QStringLiteral("BASELINE_TONNE_KM"), baseline},
                       {QStringLiteral("BEST"), best}};
  });
}
