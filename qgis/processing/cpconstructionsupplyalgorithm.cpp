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
      "offered too, first to the district itself. Outputs: the supply lines (zone or district "
      "to district, tonnes, road km, tonne-km, CO2e, primary or secondary), and each district's "
      "demand, what it gets and what is left unmet. With Emission factors that hold embodied.CLASS "
      "and secondary.CLASS rows (minerals, metals, biomass; t CO2e/t), the climate balance of the "
      "supply without and with urban mining: every tonne the districts need is made somewhere - "
      "what the zones supply, and what no supplier here covers (bought elsewhere, its hauls not "
      "known and not counted), at the embodied emissions of primary production, what demolitions "
      "supply at those of making it usable again - and the hauls by the truck's row. Outputs: "
      "t CO2e per scenario and component, and every activity with its factor. With a timber share, "
      "a third scenario: urban mining with that share of the new floor built in timber, at the "
      "coefficients' timber_build.* intensities.");
}

void CpConstructionSupplyAlgorithm::initAlgorithm(const QVariantMap&) {
  addRoadParameters();
  addPlacesParameter(CpKey::Zones, CpKey::ZoneId, QObject::tr("Industrial zones"));
  addParameter(new QgsProcessingParameterFeatureSource(
      CpKey::Products, QObject::tr("Zone products (zone_id, product, material_class, capacity)"),
      cp::qgis::sourceTypes(cp::qgis::Source::Vector)));
  addPlacesParameter(CpKey::Districts, CpKey::DistrictId, QObject::tr("Districts"));
  addCoefficientsParameter();
  addParameter(new QgsProcessingParameterBoolean(
      CpKey::UrbanMining, QObject::tr("Offer the materials demolitions free"), true));
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
      CpKey::Climate, QObject::tr("Climate balance: primary only and urban mining"),
      cp::qgis::Source::Vector, QVariant(), true, true));
  addParameter(new QgsProcessingParameterFeatureSink(
      CpKey::Breakdown, QObject::tr("Climate balance: every activity and its factor"),
      cp::qgis::Source::Vector, QVariant(), true, true));
  addOutput(new QgsProcessingOutputNumber(
      CpKey::EmbodiedCo2e, QObject::tr("The supply's t CO2e per year (materials and hauls)")));
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
    const cp::analyses::ConstructionSupplyInput input{
        prepared.network, zones, products, districts,
        cp::qgis::readFloorAreas(*requireSource(p, CpKey::Districts, context),
                                 inputLabel(CpKey::Districts), {}, diagnostics)};
    cp::analyses::ConstructionSupplyOptions options;
    options.coefficients = readStockCoefficients(p, context, diagnostics);
    options.urbanMining = parameterAsBoolean(p, CpKey::UrbanMining, context);
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
                        {CpKey::DemandTonnes, r.demand},
                        {CpKey::SuppliedTonnes, r.supplied},
                        {CpKey::SecondaryTonnes, r.secondary},
                        {CpKey::UnmetTonnes, r.demand - r.supplied},
                        {CpKey::TonneKm, r.tonneKm}};
    insertIfWritten(results, CpKey::DistrictSupply,
                    writeTable(p, context, frame, r.districts, CpKey::DistrictSupply,
                               Output::Optional, cp::qgis::styleDistrictSupply));
    if (climate)
      writeClimate(p, context, frame, *climate, options.urbanMining, results, feedback);
    feedback->pushInfo(QObject::tr("%1 t of %2 t demand supplied (%3 t from demolition); %4 "
                                   "tonne-km")
                           .arg(r.supplied, 0, 'f', 0)
                           .arg(r.demand, 0, 'f', 0)
                           .arg(r.secondary, 0, 'f', 0)
                           .arg(r.tonneKm, 0, 'f', 0));
    return results;
  });
}

void CpConstructionSupplyAlgorithm::writeClimate(
    const QVariantMap& p, QgsProcessingContext& context, const cp::layers::WorkingFrame& frame,
    const cp::analyses::ConstructionClimateResult& climate, bool urbanMining, QVariantMap& results,
    QgsProcessingFeedback* feedback) {
  const cp::analyses::ClimateBalance& balance = climate.balance;
  insertIfWritten(results, CpKey::Climate,
                  writeTable(p, context, frame,
                             cp::analyses::climateComparisonTable(
                                 balance, cp::analyses::kPrimaryOnly, "construction_climate"),
                             CpKey::Climate, Output::Optional));
  insertIfWritten(
      results, CpKey::Breakdown,
      writeTable(p, context, frame,
                 cp::analyses::climateBreakdownTable(balance, "construction_climate_breakdown"),
                 CpKey::Breakdown, Output::Optional));
  const cp::layers::Range asked = balance.co2e(climate.scenarioAsked(urbanMining));
  results.insert(CpKey::EmbodiedCo2e, asked.central);
  results.insert(CpKey::UrbanMiningCo2e, climate.urbanMiningChange());
  if (const std::optional<double> timber = climate.timberChange())
    results.insert(CpKey::TimberCo2e, *timber);
  feedback->pushInfo(QObject::tr("The supply: %1 t CO2e a year (%2 - %3); urban mining changes "
                                 "it by %4 t CO2e")
                         .arg(asked.central, 0, 'f', 0)
                         .arg(asked.low, 0, 'f', 0)
                         .arg(asked.high, 0, 'f', 0)
                         .arg(climate.urbanMiningChange(), 0, 'f', 0));
}
