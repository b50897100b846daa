#include "cpclimatebalancealgorithm.h"

#include <qgsprocessingoutputs.h>
#include <qgsprocessingparameters.h>

#include "layers/analyses/recycling.h"
#include "qgis/cpflowreader.h"
#include "qgis/cplayerreaders.h"
#include "qgis/cpqgisapi.h"
#include "qgis/processing/cpkeys.h"

namespace names = cp::layers::field_names;

QString CpClimateBalanceAlgorithm::shortHelpString() const {
  return QObject::tr(
      "The greenhouse-gas balance of the strategies for organic waste, side by side. Each "
      "scenario of the Strategies table (scenario_id; compost and waste_to_energy, yes or no; "
      "truck, a transport factor's key) is routed on the roads: the composting sites take what "
      "their capacities allow (least tonne-km), the planned waste-to-energy plant what is not "
      "composted, the rest goes to the landfill; sources whose 'landfilled' flag says no send "
      "nothing there. Each is weighed with the Emission factors table (key, unit, low, central, "
      "high, source): landfill methane by kind of waste (landfill_ch4.KIND, else landfill_ch4), "
      "composting's methane and nitrous oxide, the plant's nitrous oxide (the carbon of organic "
      "waste is biogenic; the plant's power is not credited), the hauls; methane and nitrous "
      "oxide count as CO2e by the table's gwp_ch4 and gwp_n2o. Outputs: t CO2e per scenario and "
      "component (low, central, high) with the change from the baseline, every activity with "
      "its factor, each scenario's tonnes and tonne-km, and the maps of what each strategy changes "
      "against the baseline: the road segments whose load grows or shrinks, and the sites and "
      "facilities that gain or lose intake (a row per scenario: filter by 'scenario'). With "
      "Material flows and "
      "Coefficients, today's recycling too: the flows of the stage 'recycling' (one scenario and "
      "view: views overlap) split by the coefficients' recycled_share.MATERIAL rows, each "
      "avoiding its recycling_avoided.MATERIAL factor; in the breakdown beneath the strategies.");
}

void CpClimateBalanceAlgorithm::initAlgorithm(const QVariantMap&) {
  addOrganicSourcesParameters();
  addParameter(new QgsProcessingParameterField(
      CpKey::WasteKindField,
      QObject::tr(
          "Sources: kind of waste (empty: 'kind' when present; none: landfill_ch4 for all)"),
      QVariant(), CpKey::Sources, cp::qgis::FieldDataType::String, false, true));
  addPlacesParameter(CpKey::Sites, CpKey::SiteId, QObject::tr("Composting sites"));
  addParameter(new QgsProcessingParameterField(
      CpKey::SiteCapacityField, QObject::tr("Sites: capacity in tonnes per year (empty: detect)"),
      QVariant(), CpKey::Sites, cp::qgis::FieldDataType::Numeric, false, true));
  addFacilityParameters();
  addFactorTableParameter(CpKey::Factors,
                          QObject::tr("Emission factors (key, unit, low, central, high, source)"));
  addParameter(new QgsProcessingParameterFeatureSource(
      CpKey::Strategies, QObject::tr("Strategies (scenario_id, compost, waste_to_energy, truck)"),
      cp::qgis::sourceTypes(cp::qgis::Source::Vector)));
  addParameter(new QgsProcessingParameterString(
      CpKey::Baseline, QObject::tr("The scenario the others are compared with"),
      QStringLiteral("baseline")));
  addSnapParameter(1000);
  addParameter(new QgsProcessingParameterFeatureSink(
      CpKey::Output, QObject::tr("Climate comparison"), cp::qgis::Source::Vector));
  addParameter(
      new QgsProcessingParameterFeatureSink(CpKey::Breakdown, QObject::tr("Climate breakdown"),
                                            cp::qgis::Source::Vector, QVariant(), true, true));
  addParameter(new QgsProcessingParameterFeatureSink(
      CpKey::StrategyTonnes, QObject::tr("Tonnes per strategy"), cp::qgis::Source::Vector,
      QVariant(), true, true));
  addParameter(new QgsProcessingParameterFeatureSink(
      CpKey::RoadChanges, QObject::tr("Roads whose load the strategies change (t/yr)"),
      cp::qgis::Source::VectorLine, QVariant(), true, true));
  addParameter(new QgsProcessingParameterFeatureSink(
      CpKey::SiteChanges, QObject::tr("Sites and facilities whose intake the strategies change"),
      cp::qgis::Source::VectorPoint, QVariant(), true, true));
  addParameter(new QgsProcessingParameterFileDestination(
      CpKey::Chart, QObject::tr("Chart of t CO2e by component (SVG)"),
      QObject::tr("SVG files (*.svg)"), QVariant(), true, false));
  // Today's recycling, beside the strategies.
  addParameter(new QgsProcessingParameterFeatureSource(
      CpKey::Flows, QObject::tr("Material flows, for today's recycling (stage 'recycling')"),
      cp::qgis::sourceTypes(cp::qgis::Source::Vector), QVariant(), true));
  addParameter(new QgsProcessingParameterString(
      CpKey::FlowScenario, QObject::tr("Flows: scenario (empty: the only one)"), QVariant(), false,
      true));
  addParameter(new QgsProcessingParameterString(
      CpKey::RecyclingView, QObject::tr("Flows: view of the recycling (empty: the only one)"),
      QVariant(), false, true));
  addParameter(new QgsProcessingParameterFeatureSource(
      CpKey::Coefficients, QObject::tr("Coefficients with the recycled materials' shares"),
      cp::qgis::sourceTypes(cp::qgis::Source::Vector), QVariant(), true));
  addOutput(new QgsProcessingOutputNumber(
      CpKey::RecyclingAvoided, QObject::tr("Today's recycling (t CO2e per year, avoided < 0)")));
  addOutput(new QgsProcessingOutputNumber(CpKey::BaselineCo2e,
                                          QObject::tr("Baseline (t CO2e per year)")));
  addOutput(new QgsProcessingOutputNumber(
      CpKey::BaselineMethane, QObject::tr("Baseline landfill methane (t CH4 per year)")));
}

std::optional<cp::analyses::RecyclingBalance> CpClimateBalanceAlgorithm::readRecycling(
    const QVariantMap& p, QgsProcessingContext& context, const cp::layers::FactorTable& factors,
    QgsProcessingFeedback* feedback) {
  const auto flows = optionalSource(p, CpKey::Flows, context);
  if (!flows)
    return std::nullopt;
  if (!optionalSource(p, CpKey::Coefficients, context))
    throw QgsProcessingException(
        QObject::tr("Today's recycling needs the coefficients (the recycled materials' shares)"));
  cp::layers::Diagnostics diagnostics;
  const QString label = inputLabel(CpKey::Flows);
  cp::analyses::RecyclingBalance r = cp::analyses::recyclingBalance(
      cp::qgis::readFlows(*flows, label, diagnostics), label.toStdString(),
      parameterAsString(p, CpKey::FlowScenario, context).toStdString(),
      parameterAsString(p, CpKey::RecyclingView, context).toStdString(),
      readFactorTable(p, CpKey::Coefficients, context, diagnostics), factors);
  cpReportDiagnostics(diagnostics, feedback);
  feedback->pushInfo(QObject::tr("Recycling today: %1 t avoid %2 t CO2e a year (%3 - %4)")
                         .arg(r.tonnes, 0, 'f', 0)
                         .arg(-r.avoided().central, 0, 'f', 0)
                         .arg(-r.avoided().high, 0, 'f', 0)
                         .arg(-r.avoided().low, 0, 'f', 0));
  return r;
}

std::vector<cp::analyses::OrganicStrategy> CpClimateBalanceAlgorithm::readStrategies(
    const QVariantMap& p, QgsProcessingContext& context, const std::string& baseline,
    cp::layers::Diagnostics& diagnostics) {
  const auto source = requireSource(p, CpKey::Strategies, context);
  const QString label = inputLabel(CpKey::Strategies);
  const QString sites = QStringLiteral("compost_sites");
  return cp::analyses::strategiesFrom(
      label.toStdString(), cp::qgis::readTexts(*source, label, QStringLiteral("scenario_id")),
      cp::qgis::readShares(*source, label, QStringLiteral("compost"), diagnostics),
      cp::qgis::readFlags(*source, label, QStringLiteral("waste_to_energy"), diagnostics),
      cp::qgis::readTexts(*source, label, QStringLiteral("truck")),
      source->fields().lookupField(sites) >= 0 ? cp::qgis::readTexts(*source, label, sites)
                                               : std::vector<std::string>(),
      baseline);
}

cp::analyses::OrganicWasteInput CpClimateBalanceAlgorithm::readInput(
    const QVariantMap& p, QgsProcessingContext& context, const PreparedRoads& prepared,
    const cp::layers::PointData& sources, const cp::layers::PointData& sites,
    const cp::layers::WasteFacilities& facilities, cp::layers::Diagnostics& diagnostics) {
  const auto source = requireSource(p, CpKey::Sources, context);
  const QString label = inputLabel(CpKey::Sources);
  QString kindField = parameterAsString(p, CpKey::WasteKindField, context);
  if (kindField.isEmpty())
    kindField = cp::qgis::detectField(*source, names::kWasteKind);
  return {
      prepared.network,
      sources,
      readTonnes(p, context, CpKey::Sources, CpKey::TonnesField, names::kTonnes, diagnostics),
      kindField.isEmpty() ? std::vector<std::string>(sources.ids.size())
                          : cp::qgis::readTexts(*source, label, kindField),
      readLandfilled(p, context, diagnostics),
      sites,
      readTonnes(p, context, CpKey::Sites, CpKey::SiteCapacityField, names::kCapacity, diagnostics),
      facilities.places,
      facilities.kinds,
      facilities.capacity,
      facilities.registeredIntake};
}

QVariantMap CpClimateBalanceAlgorithm::processAlgorithm(const QVariantMap& p,
                                                        QgsProcessingContext& context,
                                                        QgsProcessingFeedback* feedback) {
  return guarded(feedback, [&](const cp::geo::Feedback* progress) {
    const PreparedRoads prepared = prepareRoads(p, context, feedback, progress);
    const cp::layers::WorkingFrame& frame = *prepared.roads.frame;
    cp::layers::Diagnostics diagnostics = prepared.roads.diagnostics;
    const cp::layers::FactorTable factors =
        readFactorTable(p, CpKey::Factors, context, diagnostics);
    const std::string baseline = parameterAsString(p, CpKey::Baseline, context).toStdString();
    const auto strategies = readStrategies(p, context, baseline, diagnostics);
    const cp::layers::PointData sources =
        readPlaces(p, CpKey::Sources, CpKey::SourceId, context, frame, diagnostics);
    const cp::layers::PointData sites =
        readSites(p, CpKey::Sites, CpKey::SiteId, context, frame, diagnostics);
    const cp::layers::WasteFacilities facilities =
        readWasteFacilities(p, context, frame, diagnostics);
    cpReportDiagnostics(diagnostics, feedback);
    cp::analyses::AllocationOptions options;
    options.snap = snapOptions(p, context);
    const cp::analyses::OrganicWasteInput input =
        readInput(p, context, prepared, sources, sites, facilities, diagnostics);
    const cp::analyses::OrganicStrategiesResult r =
        cp::analyses::runOrganicStrategies(input, strategies, factors, options, progress);
    cpReportDiagnostics(r.diagnostics, feedback);
    const cp::analyses::ClimateBalance balance =
        cp::analyses::balanceOf(cp::analyses::allActivities(r), factors);
    QVariantMap results{
        {CpKey::Output,
         writeTable(p, context, frame, cp::analyses::climateComparisonTable(balance, baseline),
                    CpKey::Output, Output::Required)},
        {CpKey::BaselineCo2e, balance.co2e(baseline).central},
        {CpKey::BaselineMethane,
         balance.gas(baseline, cp::layers::Gas::CH4, "landfill methane").central}};
    cp::analyses::ClimateBalance breakdown = balance;
    if (const auto recycling = readRecycling(p, context, factors, feedback)) {
      results.insert(CpKey::RecyclingAvoided, recycling->avoided().central);
      breakdown = cp::analyses::withRecycling(balance, *recycling);
    }
    insertIfWritten(results, CpKey::Breakdown,
                    writeTable(p, context, frame, cp::analyses::climateBreakdownTable(breakdown),
                               CpKey::Breakdown, Output::Optional));
    insertIfWritten(results, CpKey::StrategyTonnes,
                    writeTable(p, context, frame, cp::analyses::strategyTonnesTable(r),
                               CpKey::StrategyTonnes, Output::Optional));
    const cp::analyses::StrategyChanges changes = cp::analyses::strategyChanges(r, input, baseline);
    insertIfWritten(results, CpKey::RoadChanges,
                    writeTable(p, context, frame, changes.roads, CpKey::RoadChanges,
                               Output::Optional, cp::qgis::styleLoadChanges));
    insertIfWritten(results, CpKey::SiteChanges,
                    writeTable(p, context, frame, changes.sites, CpKey::SiteChanges,
                               Output::Optional, cp::qgis::styleIntakeChanges));
    writeChart(p, context,
               cp::analyses::climateChart(balance, cp::analyses::kOrganicStrategiesChartTitle),
               results);
    for (const std::string& s : balance.scenarios) {
      const cp::layers::Range t = balance.co2e(s);
      feedback->pushInfo(QObject::tr("%1: %2 t CO2e a year (%3 - %4)")
                             .arg(QString::fromStdString(s))
                             .arg(t.central, 0, 'f', 0)
                             .arg(t.low, 0, 'f', 0)
                             .arg(t.high, 0, 'f', 0));
    }
    return results;
  });
}
