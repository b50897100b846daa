#include "cpconstructionsupplyalgorithm.h"

#include <qgsprocessingoutputs.h>
#include <qgsprocessingparameters.h>

#include "layers/analyses/construction_climate.h"
#include "layers/analyses/construction_supply.h"
#include "qgis/cplayerreaders.h"
#include "qgis/cpqgisapi.h"
#include "qgis/cpresultstyles.h"
#include "qgis/cpstockreader.h"
#include "qgis/processing/cpkeys.h"

QString CpConstructionSupplyAlgorithm::shortHelpString() const {
  return QObject::tr(
      "Assigns the construction products of the industrial zones (a products table: zone id, "
      "product, material class, capacity in tonnes per year) to the districts' construction "
      "demand (their growth at the coefficient table's intensities, as in Building stock), "
      "material class "
      "by class, with the least tonne-km over the roads - an exact transportation problem. With "
      "urban mining, the materials each district's demolitions free (the recoverable share) are "
      "offered too, first to the district itself - or, with depots, from the depot nearest the "
      "district demolished, where every tonne freed is hauled first. Outputs: the supply lines "
      "(zone or district "
      "to district, tonnes, road km, tonne-km, CO2e, primary or secondary), and each district's "
      "demand, what it gets and what is left unmet. With Emission factors that hold embodied.CLASS "
      "and secondary.CLASS rows (minerals, metals, biomass; t CO2e/t), the climate balance of the "
      "supply: every tonne the districts need is made somewhere - what the zones supply, and what "
      "no supplier here covers (bought elsewhere), at the embodied emissions of primary "
      "production, what demolitions supply at those of making it usable again - and the hauls by "
      "the truck's row. When the coefficients say how far what is bought elsewhere comes and how "
      "much of it by rail (import_haul_km.*, import_rail_share.*), its hauls count too (rail at "
      "the factors' rail_freight row) and a first scenario takes nothing from the planned zones "
      "(a zone whose 'planned' field says no, such as a quarry province, still supplies): the "
      "baseline the zones are weighed against; else those hauls are not counted and the log says "
      "so. Then the zones (the planned ones at the zone share of their capacity), urban mining, "
      "and with a timber "
      "share, urban mining with that share of the new floor built in timber, at the "
      "coefficients' timber_build.* intensities. Outputs: t CO2e per scenario and component, "
      "every activity with its factor, and the districts whose supply or emissions change "
      "against the baseline.");
}

void CpConstructionSupplyAlgorithm::initAlgorithm(const QVariantMap&) {
  addRoadParameters();
  addPlacesParameter(CpKey::Zones, CpKey::ZoneId, QObject::tr("Industrial zones"));
  addParameter(new QgsProcessingParameterField(
      CpKey::PlannedField,
      QObject::tr("Industrial zones: field marking those the plan makes (empty: detect "
                  "'planned'; without it, all)"),
      QVariant(), CpKey::Zones, cp::qgis::FieldDataType::Any, false, true));
  addParameter(new QgsProcessingParameterFeatureSource(
      CpKey::Products, QObject::tr("Zone products (zone_id, product, material_class, capacity)"),
      cp::qgis::sourceTypes(cp::qgis::Source::Vector)));
  addPlacesParameter(CpKey::Districts, CpKey::DistrictId, QObject::tr("Districts"));
  addCoefficientsParameter();
  addParameter(new QgsProcessingParameterBoolean(
      CpKey::UrbanMining, QObject::tr("Offer the materials demolitions free"), true));
  addPlacesParameter(CpKey::Depots, CpKey::DepotId,
                     QObject::tr("Depots storing what demolitions free (none: offered at the "
                                 "district demolished)"),
                     true);
  addParameter(new QgsProcessingParameterNumber(
      CpKey::ZoneShare,
      QObject::tr("Share of the planned zones' capacity that supplies the districts"),
      cp::qgis::NumberType::Double, 1, false, 0, 1));
  addParameter(new QgsProcessingParameterNumber(
      CpKey::TimberShare,
      QObject::tr("Climate balance: share of the new floor built in timber (0: none)"),
      cp::qgis::NumberType::Double, 0, false, 0, 1));
  addSnapParameter(2000);
  addCo2Parameters();
  addParameter(new QgsProcessingParameterFeatureSink(
      CpKey::Output, QObject::tr("Construction supply"), cp::qgis::Source::VectorLine));
  addParameter(new QgsProcessingParameterFeatureSink(
      CpKey::DistrictSupply, QObject::tr("District demand met"), cp::qgis::Source::VectorPoint,
      QVariant(), true, true));
  addParameter(new QgsProcessingParameterFeatureSink(
      CpKey::Climate, QObject::tr("Climate balance: the scenarios by component"),
      cp::qgis::Source::Vector, QVariant(), true, true));
  addParameter(new QgsProcessingParameterFeatureSink(
      CpKey::Breakdown, QObject::tr("Climate balance: every activity and its factor"),
      cp::qgis::Source::Vector, QVariant(), true, true));
  addParameter(new QgsProcessingParameterFeatureSink(
      CpKey::DistrictChanges, QObject::tr("Climate balance: districts against the baseline"),
      cp::qgis::Source::VectorPoint, QVariant(), true, true));
  addParameter(new QgsProcessingParameterFileDestination(
      CpKey::Chart, QObject::tr("Climate balance: chart of t CO2e by component (SVG)"),
      QObject::tr("SVG files (*.svg)"), QVariant(), true, false));
  addOutput(new QgsProcessingOutputNumber(
      CpKey::EmbodiedCo2e, QObject::tr("The supply's t CO2e per year (materials and hauls)")));
  addOutput(new QgsProcessingOutputNumber(
      CpKey::ZonesCo2e,
      QObject::tr("The zones' change against buying elsewhere (t CO2e per year, saved < 0)")));
  addOutput(new QgsProcessingOutputNumber(
      CpKey::UrbanMiningCo2e, QObject::tr("Urban mining's change (t CO2e per year, saved < 0)")));
  addOutput(new QgsProcessingOutputNumber(
      CpKey::TimberCo2e,
      QObject::tr("The timber share's further change (t CO2e per year, saved < 0)")));
  for (const auto& [name, title] :
       {std::pair{"DEMAND_TONNES", "Demand (t per year)"},
        std::pair{"SUPPLIED_TONNES", "Supplied (t per year)"},
        std::pair{"SECONDARY_TONNES", "Of which from demolition"},
        std::pair{"UNMET_TONNES", "Demand unmet (t per year)"}, std::pair{"TONNE_KM", "Tonne-km"}})
    addOutput(new QgsProcessingOutputNumber(QString::fromLatin1(name), QObject::tr(title)));
}

cp::analyses::ZoneProducts CpConstructionSupplyAlgorithm::readProducts(
    const QVariantMap& p, QgsProcessingContext& context, cp::layers::Diagnostics& diagnostics) {
  const auto products = requireSource(p, CpKey::Products, context);
  namespace names = cp::layers::field_names;
  cp::analyses::ZoneProducts out;
  out.table = inputLabel(CpKey::Products).toStdString();
  const QString zoneField = cp::qgis::detectField(*products, names::kProductZone);
  const QString classField = cp::qgis::detectField(*products, names::kMaterialClass);
  const QString capacityField = cp::qgis::detectField(*products, names::kCapacity);
  for (const QString* f : {&zoneField, &classField, &capacityField})
    if (f->isEmpty())
      cp::layers::failInput(out.table, "", "",
                            "needs zone_id, material_class and capacity_t_per_year fields");
  out.zoneField = zoneField.toStdString();
  out.classField = classField.toStdString();
  out.capacity =
      cp::qgis::readQuantities(*products, inputLabel(CpKey::Products), capacityField, diagnostics);
  QgsFeatureIterator it = products->getFeatures();
  for (QgsFeature f; it.nextFeature(f);) {
    out.rows.push_back(std::to_string(f.id()));
    out.zones.push_back(f.attribute(zoneField).toString().trimmed().toStdString());
    out.classes.push_back(f.attribute(classField).toString().trimmed().toStdString());
  }
  return out;
}

std::vector<bool> CpConstructionSupplyAlgorithm::readPlanned(const QVariantMap& p,
                                                             QgsProcessingContext& context,
                                                             cp::layers::Diagnostics& diagnostics) {
  const auto zones = requireSource(p, CpKey::Zones, context);
  QString field = parameterAsString(p, CpKey::PlannedField, context);
  if (field.isEmpty())
    field = cp::qgis::detectField(*zones, cp::layers::field_names::kPlannedZone);
  if (field.isEmpty())
    return {};
  return cp::qgis::readFlags(*zones, inputLabel(CpKey::Zones), field, diagnostics);
}

QVariantMap CpConstructionSupplyAlgorithm::processAlgorithm(const QVariantMap& p,
                                                            QgsProcessingContext& context,
                                                            QgsProcessingFeedback* feedback) {
  return guarded(feedback, [&](const cp::geo::Feedback* progress) {
    const PreparedRoads prepared = prepareRoads(p, context, feedback, progress);
    const cp::layers::WorkingFrame& frame = *prepared.roads.frame;
    cp::layers::Diagnostics diagnostics = prepared.roads.diagnostics;
    const cp::layers::PointData zones =
        readSites(p, CpKey::Zones, CpKey::ZoneId, context, frame, diagnostics);
    const cp::layers::PointData districts =
        readSites(p, CpKey::Districts, CpKey::DistrictId, context, frame, diagnostics);
    const cp::analyses::ZoneProducts products = readProducts(p, context, diagnostics);
    std::optional<cp::layers::PointData> depots;
    if (optionalSource(p, CpKey::Depots, context))
      depots = readSites(p, CpKey::Depots, CpKey::DepotId, context, frame, diagnostics);
    const cp::analyses::ConstructionSupplyInput input{
        prepared.network,
        zones,
        products,
        districts,
        cp::qgis::readFloorAreas(*requireSource(p, CpKey::Districts, context),
                                 inputLabel(CpKey::Districts), {}, diagnostics),
        readPlanned(p, context, diagnostics),
        depots ? &*depots : nullptr};
    cp::analyses::ConstructionSupplyOptions options;
    options.coefficients = readStockCoefficients(p, context, diagnostics);
    options.urbanMining = parameterAsBoolean(p, CpKey::UrbanMining, context);
    options.zoneShare = parameterAsDouble(p, CpKey::ZoneShare, context);
    const std::optional<cp::layers::FactorTable> factors =
        readOptionalFactorTable(p, CpKey::Factors, context, diagnostics);
    options.kgCo2PerTkm = transportFactor(p, context, factors ? &*factors : nullptr, feedback);
    options.snap = snapOptions(p, context);
    const std::optional<cp::analyses::ConstructionClimateResult> climate =
        cp::analyses::climateOfSupply(input, options, factors ? &*factors : nullptr,
                                      parameterAsString(p, CpKey::Truck, context).toStdString(),
                                      parameterAsDouble(p, CpKey::TimberShare, context),
                                      diagnostics, progress);
    std::optional<cp::analyses::ConstructionSupplyResult> plain;
    if (!climate)
      plain = cp::analyses::supplyConstruction(input, options, progress);
    const cp::analyses::ConstructionSupplyResult& r =
        climate ? climate->supply(options.urbanMining) : *plain;
    diagnostics.append(r.diagnostics);
    cpReportDiagnostics(diagnostics, feedback);
    QVariantMap results{{CpKey::Output, writeTable(p, context, frame, r.lines, CpKey::Output,
                                                   Output::Required, cp::qgis::styleFlowLines)},
                        {CpKey::DemandTonnes, r.total.demand()},
                        {CpKey::SuppliedTonnes, r.total.supplied()},
                        {CpKey::SecondaryTonnes, r.total.secondary()},
                        {CpKey::UnmetTonnes, r.total.demand() - r.total.supplied()},
                        {CpKey::TonneKm, r.total.tonneKm}};
    insertIfWritten(results, CpKey::DistrictSupply,
                    writeTable(p, context, frame, r.districts, CpKey::DistrictSupply,
                               Output::Optional, cp::qgis::styleDistrictSupply));
    if (climate)
      writeClimate(p, context, frame, *climate, options.urbanMining, results, feedback);
    feedback->pushInfo(QObject::tr("%1 t of %2 t demand supplied (%3 t from demolition); %4 "
                                   "tonne-km")
                           .arg(r.total.supplied(), 0, 'f', 0)
                           .arg(r.total.demand(), 0, 'f', 0)
                           .arg(r.total.secondary(), 0, 'f', 0)
                           .arg(r.total.tonneKm, 0, 'f', 0));
    return results;
  });
}

void CpConstructionSupplyAlgorithm::writeClimate(
    const QVariantMap& p, QgsProcessingContext& context, const cp::layers::WorkingFrame& frame,
    const cp::analyses::ConstructionClimateResult& climate, bool urbanMining, QVariantMap& results,
    QgsProcessingFeedback* feedback) {
  const cp::analyses::ClimateBalance& balance = climate.balance;
  insertIfWritten(
      results, CpKey::Climate,
      writeTable(p, context, frame,
                 cp::analyses::climateComparisonTable(balance, climate.baseline(),
                                                      cp::analyses::kConstructionComparisonTable),
                 CpKey::Climate, Output::Optional));
  insertIfWritten(results, CpKey::Breakdown,
                  writeTable(p, context, frame,
                             cp::analyses::climateBreakdownTable(
                                 balance, cp::analyses::kConstructionBreakdownTable),
                             CpKey::Breakdown, Output::Optional));
  insertIfWritten(results, CpKey::DistrictChanges,
                  writeTable(p, context, frame, climate.districtChanges, CpKey::DistrictChanges,
                             Output::Optional, cp::qgis::styleDistrictChanges));
  writeChart(p, context,
             cp::analyses::climateChart(balance, cp::analyses::kConstructionChartTitle,
                                        cp::analyses::kConstructionBreakdownTable),
             results);
  const cp::layers::Range asked = balance.co2e(climate.scenarioAsked(urbanMining));
  results.insert(CpKey::EmbodiedCo2e, asked.central);
  if (const std::optional<double> zones = climate.zonesChange())
    results.insert(CpKey::ZonesCo2e, *zones);
  results.insert(CpKey::UrbanMiningCo2e, climate.urbanMiningChange());
  if (const std::optional<double> timber = climate.timberChange())
    results.insert(CpKey::TimberCo2e, *timber);
  feedback->pushInfo(QObject::tr("The supply: %1 t CO2e a year (%2 - %3); urban mining changes "
                                 "it by %4 t CO2e")
                         .arg(asked.central, 0, 'f', 0)
                         .arg(asked.low, 0, 'f', 0)
                         .arg(asked.high, 0, 'f', 0)
                         .arg(climate.urbanMiningChange(), 0, 'f', 0));
  if (const std::optional<double> zones = climate.zonesChange())
    feedback->pushInfo(QObject::tr("The planned zones change it by %1 t CO2e against buying "
                                   "elsewhere")
                           .arg(*zones, 0, 'f', 0));
}
