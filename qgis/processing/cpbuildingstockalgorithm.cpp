#include "cpbuildingstockalgorithm.h"

#include <qgsprocessingoutputs.h>
#include <qgsprocessingparameters.h>

#include "layers/building_stock.h"
#include "qgis/cplayerreaders.h"
#include "qgis/cpqgisapi.h"
#include "qgis/cpresultstyles.h"
#include "qgis/cpstockreader.h"

namespace {

const QString kDistricts = QStringLiteral("DISTRICTS");

}  // namespace

QString CpBuildingStockAlgorithm::shortHelpString() const {
  return QObject::tr(
      "For each district: the construction materials standing in its floor area, the yearly "
      "demand of its growth (residential, non-residential and infrastructure m² per year), and "
      "the materials its demolitions release each year and how much of them can be used again "
      "(urban mining) - in tonnes of wood (biomass), minerals and metals. Intensities: new build "
      "0.143 t/m² wood, 0.728 t/m² minerals, 0.040 t/m² metals, from the report's 286 kt, 1,456 "
      "kt and 80 kt a year for 2 million m² of growth; standing stock as new build (a lower "
      "bound, the report gives none); 1950-60 houses to demolish 0.1 / 1.0 / 0.02 t/m² with 30 / "
      "80 / 95 % recoverable (estimates); demolitions spread over the demolition period.");
}

void CpBuildingStockAlgorithm::initAlgorithm(const QVariantMap&) {
  addParameter(new QgsProcessingParameterFeatureSource(
      kDistricts, QObject::tr("Districts"),
      cp::qgis::sourceTypes(cp::qgis::Source::VectorPolygon)));
  addParameter(new QgsProcessingParameterField(
      QStringLiteral("DISTRICT_ID"), QObject::tr("Districts: id field"), QVariant(), kDistricts,
      cp::qgis::FieldDataType::Any, false, true));
  for (const cp::layers::FloorField& f : cp::layers::floorFields())
    addParameter(new QgsProcessingParameterField(
        QString::fromLatin1(f.key),
        QObject::tr("%1 (empty: %2)").arg(QObject::tr(f.title), QString::fromLatin1(f.usual)),
        QVariant(), kDistricts, cp::qgis::FieldDataType::Numeric, false, true));
  addParameter(new QgsProcessingParameterNumber(
      QStringLiteral("DEMOLITION_YEARS"), QObject::tr("Demolition period (years)"),
      cp::qgis::NumberType::Double, cp::layers::almatyCoefficients().demolitionYears, false, 0.1));
  addParameter(new QgsProcessingParameterFeatureSink(QStringLiteral("OUTPUT"),
                                                     QObject::tr("District building stock"),
                                                     cp::qgis::Source::VectorPolygon));
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
    const auto districts = requireSource(p, kDistricts, context);
    const QString label = inputLabel(kDistricts);
    cp::layers::Diagnostics diagnostics;
    QVariantMap names;
    for (const cp::layers::FloorField& f : cp::layers::floorFields())
      names.insert(QString::fromLatin1(f.key),
                   parameterAsString(p, QString::fromLatin1(f.key), context));
    const std::vector<cp::layers::DistrictFloorArea> floors =
        cp::qgis::readFloorAreas(*districts, label, names, diagnostics);
    const QString misplaced = cp::qgis::coordinatesProblem(*districts);  // the maps, not the sums
    if (!misplaced.isEmpty())
      diagnostics.warn(label.toStdString(), "", "", misplaced.toStdString());
    cp::layers::StockCoefficients coefficients = cp::layers::almatyCoefficients();
    coefficients.demolitionYears =
        parameterAsDouble(p, QStringLiteral("DEMOLITION_YEARS"), context);

    QgsFields fields = cpFields({{"district_id", QMetaType::QString},
                                 {"floor_m2", QMetaType::Double},
                                 {"stock_t", QMetaType::Double},
                                 {"stock_minerals_t", QMetaType::Double},
                                 {"stock_metals_t", QMetaType::Double},
                                 {"stock_biomass_t", QMetaType::Double},
                                 {"demand_t", QMetaType::Double},
                                 {"demand_minerals_t", QMetaType::Double},
                                 {"demand_metals_t", QMetaType::Double},
                                 {"demand_biomass_t", QMetaType::Double},
                                 {"demolition_t", QMetaType::Double},
                                 {"recoverable_t", QMetaType::Double},
                                 {"recoverable_minerals_t", QMetaType::Double},
                                 {"recoverable_metals_t", QMetaType::Double},
                                 {"recoverable_biomass_t", QMetaType::Double}});
    QString destination;
    std::unique_ptr<QgsFeatureSink> sink(
        parameterAsSink(p, QStringLiteral("OUTPUT"), context, destination, fields,
                        cp::qgis::WkbType::MultiPolygon, districts->sourceCrs()));
    if (!sink)
      throw QgsProcessingException(invalidSinkError(p, QStringLiteral("OUTPUT")));
    const QString idField = parameterAsString(p, QStringLiteral("DISTRICT_ID"), context);
    cp::layers::ConstructionMaterials stock, demand, recoverable;
    QgsFeatureIterator it = districts->getFeatures();
    QgsFeature district;
    for (std::size_t i = 0; i < floors.size() && it.nextFeature(district); ++i) {
      const cp::layers::DistrictStock s = cp::layers::districtStock(floors[i], coefficients);
      QgsFeature f(fields);
      QgsAttributes a;
      a << (idField.isEmpty() ? QString::number(district.id())
                              : district.attribute(idField).toString())
        << floors[i].residential + floors[i].nonResidential;
      for (const cp::layers::ConstructionMaterials* m : {&s.stock, &s.demand})
        a << m->total() << m->minerals << m->metals << m->biomass;
      a << s.demolition.total() << s.recoverable.total() << s.recoverable.minerals
        << s.recoverable.metals << s.recoverable.biomass;
      f.setAttributes(a);
      QgsGeometry g = district.geometry();
      g.convertToMultiType();
      f.setGeometry(g);
      if (!sink->addFeature(f, QgsFeatureSink::FastInsert))
        throw QgsProcessingException(writeFeatureError(sink.get(), p, QStringLiteral("OUTPUT")));
      stock += s.stock;
      demand += s.demand;
      recoverable += s.recoverable;
    }
    cpReportDiagnostics(diagnostics, feedback);
    cp::qgis::styleOnLoad(context, destination, cp::qgis::styleStockDemand);
    feedback->pushInfo(QObject::tr("Stock %1 t; demand %2 t a year (minerals %3, metals %4, wood "
                                   "%5); recoverable from demolition %6 t a year")
                           .arg(stock.total(), 0, 'f', 0)
                           .arg(demand.total(), 0, 'f', 0)
                           .arg(demand.minerals, 0, 'f', 0)
                           .arg(demand.metals, 0, 'f', 0)
                           .arg(demand.biomass, 0, 'f', 0)
                           .arg(recoverable.total(), 0, 'f', 0));
    return QVariantMap{{QStringLiteral("OUTPUT"), destination},
                       {QStringLiteral("STOCK_TONNES"), stock.total()},
                       {QStringLiteral("DEMAND_TONNES"), demand.total()},
                       {QStringLiteral("RECOVERABLE_TONNES"), recoverable.total()}};
  });
}
