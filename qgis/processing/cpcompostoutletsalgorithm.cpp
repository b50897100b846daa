#include "cpcompostoutletsalgorithm.h"

#include <qgsprocessingoutputs.h>
#include <qgsprocessingparameters.h>

#include "layers/analyses/compost_outlets.h"
#include "qgis/cplayerreaders.h"
#include "qgis/cpqgisapi.h"
#include "qgis/cpresultstyles.h"
#include "qgis/processing/cpkeys.h"

QString CpCompostOutletsAlgorithm::shortHelpString() const {
  return QObject::tr(
      "Carries the compost each site makes (its organic intake in tonnes per year times the "
      "compost yield) over the roads to agricultural parcels, each needing its area times the "
      "application rate (t/ha/yr), no farther than the haul limit. The distribution is exact: "
      "as much compost as the parcels within reach can take is placed, with the least "
      "tonne-km. Parcels join the roads at a point inside them. Outputs: the deliveries, each "
      "parcel with its demand, the compost it receives and the share of its demand met, and "
      "each site with its compost placed and left over.");
}

void CpCompostOutletsAlgorithm::initAlgorithm(const QVariantMap&) {
  addRoadParameters();
  addPlacesParameter(CpKey::Sites, CpKey::SiteId, QObject::tr("Composting sites"));
  addParameter(new QgsProcessingParameterField(
      CpKey::IntakeField,
      QObject::tr("Composting sites: organic intake in tonnes per year (empty: detect)"),
      QVariant(), CpKey::Sites, cp::qgis::FieldDataType::Numeric, false, true));
  addParameter(new QgsProcessingParameterNumber(
      CpKey::Yield,
      QObject::tr("Compost yield (t of compost per t of intake; empty: the coefficients')"),
      cp::qgis::NumberType::Double, QVariant(), true, 0, 1));
  addParameter(new QgsProcessingParameterFeatureSource(
      CpKey::Coefficients, QObject::tr("Coefficients with the compost_yield row"),
      cp::qgis::sourceTypes(cp::qgis::Source::Vector), QVariant(), true));
  addParameter(new QgsProcessingParameterFeatureSource(
      CpKey::Farmland, QObject::tr("Agricultural land"),
      cp::qgis::sourceTypes(cp::qgis::Source::VectorPolygon)));
  addParameter(new QgsProcessingParameterField(
      CpKey::ParcelId, QObject::tr("Agricultural land: id field"), QVariant(), CpKey::Farmland,
      cp::qgis::FieldDataType::Any, false, true));
  addParameter(new QgsProcessingParameterField(
      CpKey::DemandField,
      QObject::tr("Agricultural land: compost demand in t/ha/yr (empty: detect)"), QVariant(),
      CpKey::Farmland, cp::qgis::FieldDataType::Numeric, false, true));
  addParameter(new QgsProcessingParameterNumber(CpKey::HaulKm,
                                                QObject::tr("Longest haul by road (km)"),
                                                cp::qgis::NumberType::Double, 30, false, 0));
  addSnapParameter(2000);
  addParameter(new QgsProcessingParameterFeatureSink(
      CpKey::Output, QObject::tr("Compost deliveries"), cp::qgis::Source::VectorLine));
  addParameter(new QgsProcessingParameterFeatureSink(
      CpKey::Parcels, QObject::tr("Farmland supplied"), cp::qgis::Source::VectorPolygon, QVariant(),
      true, true));
  addParameter(new QgsProcessingParameterFeatureSink(
      CpKey::SiteOutlets, QObject::tr("Compost placed per site"), cp::qgis::Source::VectorPoint,
      QVariant(), true, true));
  for (const auto& [name, title] : {std::pair{"COMPOST_TONNES", "Compost made (t/yr)"},
                                    std::pair{"DEMAND_TONNES", "Farmland demand (t/yr)"},
                                    std::pair{"PLACED_TONNES", "Compost placed (t/yr)"},
                                    std::pair{"UNPLACED_TONNES", "Compost with no outlet (t/yr)"},
                                    std::pair{"TONNE_KM", "Tonne-km"}})
    addOutput(new QgsProcessingOutputNumber(QString::fromLatin1(name), QObject::tr(title)));
}

// Compost made from capacities would be too much: said when the intake field names one.
void CpCompostOutletsAlgorithm::warnIfIntakeIsCapacity(const QVariantMap& p,
                                                       QgsProcessingContext& context,
                                                       cp::layers::Diagnostics& diagnostics) {
  const auto sites = requireSource(p, CpKey::Sites, context);
  const QString given = parameterAsString(p, CpKey::IntakeField, context);
  const std::string field =
      (given.isEmpty() ? cp::qgis::detectField(*sites, cp::layers::field_names::kCompostIntake)
                       : given)
          .toStdString();
  const std::string problem = cp::analyses::capacityAsIntakeProblem(field);
  if (!problem.empty())
    diagnostics.warn(inputLabel(CpKey::Sites).toStdString(), "", field, problem);
}

QVariantMap CpCompostOutletsAlgorithm::processAlgorithm(const QVariantMap& p,
                                                        QgsProcessingContext& context,
                                                        QgsProcessingFeedback* feedback) {
  return guarded(feedback, [&](const cp::geo::Feedback* progress) {
    const PreparedRoads prepared = prepareRoads(p, context, feedback, progress);
    const cp::layers::WorkingFrame& frame = *prepared.roads.frame;
    cp::layers::Diagnostics diagnostics = prepared.roads.diagnostics;
    const cp::layers::PointData sites =
        readSites(p, CpKey::Sites, CpKey::SiteId, context, frame, diagnostics);
    const cp::layers::PointData parcels =
        readPlaces(p, CpKey::Farmland, CpKey::ParcelId, context, frame, diagnostics);
    warnIfIntakeIsCapacity(p, context, diagnostics);
    const cp::layers::AreaShapes areas = cp::qgis::readAreas(
        *requireSource(p, CpKey::Farmland, context), inputLabel(CpKey::Farmland), frame,
        context.transformContext(), diagnostics);
    const cp::analyses::CompostOutletsInput input{
        prepared.network,
        sites,
        readTonnes(p, context, CpKey::Sites, CpKey::IntakeField,
                   cp::layers::field_names::kCompostIntake, diagnostics),
        parcels,
        readTonnes(p, context, CpKey::Farmland, CpKey::DemandField,
                   cp::layers::field_names::kCompostDemandPerHa, diagnostics),
        areas};
    cp::analyses::CompostOutletsOptions options;
    const std::optional<cp::layers::FactorTable> coefficients =
        readOptionalFactorTable(p, CpKey::Coefficients, context, diagnostics);
    options.yield = cp::analyses::compostYield(optionalNumber(p, CpKey::Yield, context),
                                               coefficients ? &*coefficients : nullptr);
    options.haulKm = parameterAsDouble(p, CpKey::HaulKm, context);
    options.snap = snapOptions(p, context);
    const cp::analyses::CompostOutletsResult r =
        cp::analyses::placeCompost(input, options, progress);
    diagnostics.append(r.diagnostics);
    cpReportDiagnostics(diagnostics, feedback);
    QVariantMap results{{CpKey::Output, writeTable(p, context, frame, r.deliveries, CpKey::Output,
                                                   Output::Required, cp::qgis::styleAllocation)},
                        {CpKey::CompostTonnes, r.made},
                        {CpKey::DemandTonnes, r.demand},
                        {CpKey::PlacedTonnes, r.placed},
                        {CpKey::UnplacedTonnes, r.unplaced},
                        {CpKey::TonneKm, r.tonneKm}};
    insertIfWritten(results, CpKey::Parcels,
                    writeTable(p, context, frame, r.parcels, CpKey::Parcels, Output::Optional,
                               cp::qgis::styleDemandMet));
    insertIfWritten(results, CpKey::SiteOutlets,
                    writeTable(p, context, frame, r.sites, CpKey::SiteOutlets, Output::Optional,
                               cp::qgis::styleCompostSites));
    feedback->pushInfo(QObject::tr("%1 t of %2 t compost placed on farmland needing %3 t; "
                                   "%4 tonne-km")
                           .arg(r.placed, 0, 'f', 0)
                           .arg(r.made, 0, 'f', 0)
                           .arg(r.demand, 0, 'f', 0)
                           .arg(r.tonneKm, 0, 'f', 0));
    return results;
  });
}
