#include "cpbuildingstockalgorithm.h"

#include <qgsprocessingoutputs.h>
#include <qgsprocessingparameters.h>

#include "layers/analyses/building_stock.h"
#include "qgis/cplayerreaders.h"
#include "qgis/cpqgisapi.h"
#include "qgis/cpresultstyles.h"
#include "qgis/cpstockreader.h"
#include "qgis/processing/cpkeys.h"

QString CpBuildingStockAlgorithm::shortHelpString() const {
  return QObject::tr(
      "For each district: the construction materials standing in its floor area, the yearly "
      "demand of its growth (residential and non-residential m² of floor, and tonnes built into "
      "infrastructure per year), and the materials its demolitions release each year and how "
      "much of them can be used again (urban mining) - in tonnes of wood (biomass), minerals and "
      "metals. The intensities (t per m² of new, standing and demolished floor), the mix of "
      "infrastructure tonnes, the recoverable shares and the demolition period are rows of the "
      "coefficient table (key, unit, central, source): the sample's calibrates new buildings on "
      "the report (the 56 % of its 286 kt wood, 1,456 kt minerals and 80 kt metals a year that go "
      "into buildings, for 2 million m² of floor) and states its estimates; edit it to use your "
      "own. A demolition period given here replaces the table's.");
}

void CpBuildingStockAlgorithm::initAlgorithm(const QVariantMap&) {
  addParameter(new QgsProcessingParameterFeatureSource(
      CpKey::Districts, QObject::tr("Districts"),
      cp::qgis::sourceTypes(cp::qgis::Source::VectorPolygon)));
  addParameter(new QgsProcessingParameterField(
      CpKey::DistrictId, QObject::tr("Districts: id field"), QVariant(), CpKey::Districts,
      cp::qgis::FieldDataType::Any, false, true));
  for (const cp::layers::FloorField& f : cp::layers::floorFields())
    addParameter(new QgsProcessingParameterField(
        QString::fromLatin1(f.key),
        QObject::tr("%1 (empty: %2)").arg(QObject::tr(f.title), QString::fromLatin1(f.usual)),
        QVariant(), CpKey::Districts, cp::qgis::FieldDataType::Numeric, false, true));
  addCoefficientsParameter();
  addParameter(new QgsProcessingParameterNumber(
      CpKey::DemolitionYears, QObject::tr("Demolition period (years; empty: the table's)"),
      cp::qgis::NumberType::Double, QVariant(), true, 0.1));
  addParameter(new QgsProcessingParameterFeatureSink(
      CpKey::Output, QObject::tr("District building stock"), cp::qgis::Source::VectorPolygon));
  for (const auto& [name, title] :
       {std::pair{"STOCK_TONNES", "Tonnes standing"},
        std::pair{"DEMAND_TONNES", "Demand (t per year)"},
        std::pair{"RECOVERABLE_TONNES", "Recoverable from demolition (t per year)"}})
    addOutput(new QgsProcessingOutputNumber(QString::fromLatin1(name), QObject::tr(title)));
}

QVariantMap CpBuildingStockAlgorithm::processAlgorithm(const QVariantMap& p,
                                                       QgsProcessingContext& context,
                                                       QgsProcessingFeedback* feedback) {
  return guarded(feedback, [&](const cp::geo::Feedback*) {
    const auto districts = requireSource(p, CpKey::Districts, context);
    const QString label = inputLabel(CpKey::Districts);
    cp::layers::Diagnostics diagnostics;
    QVariantMap names;
    for (const cp::layers::FloorField& f : cp::layers::floorFields())
      names.insert(QString::fromLatin1(f.key),
                   parameterAsString(p, QString::fromLatin1(f.key), context));
    const QString misplaced = cp::qgis::coordinatesProblem(*districts);  // the maps, not the sums
    if (!misplaced.isEmpty())
      diagnostics.warn(label.toStdString(), "", "", misplaced.toStdString());
    const cp::layers::WorkingFrame frame =
        cp::qgis::frameFor(*districts, context.transformContext(), label);
    const cp::layers::AreaShapes areas =
        cp::qgis::readAreas(*districts, label, frame, context.transformContext(), diagnostics);
    const std::vector<std::string> ids = districtIds(p, context, *districts);
    cp::layers::StockCoefficients coefficients = readStockCoefficients(p, context, diagnostics);
    coefficients.demolitionYears =
        optionalNumber(p, CpKey::DemolitionYears, context).value_or(coefficients.demolitionYears);
    const cp::analyses::BuildingStockResult r = cp::analyses::buildingStock(
        {ids, cp::qgis::readFloorAreas(*districts, label, names, diagnostics), areas},
        coefficients);
    cpReportDiagnostics(diagnostics, feedback);
    const QString destination = writeTable(p, context, frame, r.table, CpKey::Output,
                                           Output::Required, cp::qgis::styleStockDemand);
    feedback->pushInfo(QObject::tr("Stock %1 t; demand %2 t a year (minerals %3, metals %4, wood "
                                   "%5); recoverable from demolition %6 t a year")
                           .arg(r.stock.total(), 0, 'f', 0)
                           .arg(r.demand.total(), 0, 'f', 0)
                           .arg(r.demand.minerals, 0, 'f', 0)
                           .arg(r.demand.metals, 0, 'f', 0)
                           .arg(r.demand.biomass, 0, 'f', 0)
                           .arg(r.recoverable.total(), 0, 'f', 0));
    return QVariantMap{{CpKey::Output, destination},
                       {CpKey::StockTonnes, r.stock.total()},
                       {CpKey::DemandTonnes, r.demand.total()},
                       {CpKey::RecoverableTonnes, r.recoverable.total()}};
  });
}

QgsCoordinateReferenceSystem CpBuildingStockAlgorithm::fallbackOutputCrs(
    const QVariantMap& p, QgsProcessingContext& context, const cp::layers::WorkingFrame&) const {
  return requireSource(p, CpKey::Districts, context)->sourceCrs();
}

// The DISTRICT_ID field's values, or the feature ids.
std::vector<std::string> CpBuildingStockAlgorithm::districtIds(const QVariantMap& p,
                                                               QgsProcessingContext& context,
                                                               const QgsFeatureSource& districts) {
  const QString idField = parameterAsString(p, CpKey::DistrictId, context);
  QgsFeatureRequest request;
  request.setFlags(cp::qgis::RequestFlag::NoGeometry);
  std::vector<std::string> ids;
  QgsFeatureIterator it = districts.getFeatures(request);
  for (QgsFeature f; it.nextFeature(f);)
    ids.push_back(idField.isEmpty() ? std::to_string(f.id())
                                    : f.attribute(idField).toString().toStdString());
  return ids;
}
