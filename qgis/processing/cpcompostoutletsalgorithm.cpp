#include "cpcompostoutletsalgorithm.h"

#include <qgsdistancearea.h>
#include <qgsprocessingoutputs.h>
#include <qgsprocessingparameters.h>

#include <numeric>

#include "layers/place_geometry.h"
#include "qgis/cplayerreaders.h"
#include "qgis/cpqgisapi.h"
#include "qgis/cpresultstyles.h"

namespace {

const QString kSites = QStringLiteral("SITES");
const QString kFarmland = QStringLiteral("FARMLAND");

// Windrow composting loses about half to two thirds of the feedstock's mass as
// water and CO2; 0.4 t of compost per tonne in is the planner's default, to be
// replaced by the site's own figure.
constexpr double kDefaultYield = 0.4;

std::vector<double> areasHa(const QgsFeatureSource& parcels,
                            const QgsCoordinateTransformContext& transforms) {
  QgsDistanceArea measure;
  measure.setSourceCrs(parcels.sourceCrs(), transforms);
  measure.setEllipsoid(QStringLiteral("EPSG:7030"));  // WGS 84
  std::vector<double> out;
  QgsFeature f;
  for (QgsFeatureIterator it = parcels.getFeatures(); it.nextFeature(f);) {
    // Measured on the outline the parcel is placed by: a bow-tie's two lobes
    // would otherwise cancel (its repair is listed when the parcels are read).
    const std::unique_ptr<OGRGeometry> given = cp::qgis::toOgr(f.geometry());
    cp::layers::PolygonRepairs repairs;
    const std::unique_ptr<OGRGeometry> area =
        given ? cp::layers::repairedGeometry(*given, repairs) : nullptr;
    out.push_back(area ? measure.measureArea(cp::qgis::fromOgr(*area)) / 10000.0 : 0.0);
  }
  return out;
}

}  // namespace

// What the run computes, for the writers.
struct CpCompostOutletsAlgorithm::Outlets {
  cp::layers::PointData sites;
  cp::layers::PointData parcels;
  cp::geo::AllocationInput input;  // compost per site to demand per parcel, within the haul
  cp::geo::Allocation allocation;
  std::vector<double> areaHa;
  const cp::layers::WorkingFrame* frame = nullptr;
};

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
  addPlacesParameter(kSites, QStringLiteral("SITE_ID"), QObject::tr("Composting sites"));
  addParameter(new QgsProcessingParameterField(
      QStringLiteral("INTAKE_FIELD"),
      QObject::tr("Composting sites: organic intake in tonnes per year (empty: detect)"),
      QVariant(), kSites, cp::qgis::FieldDataType::Numeric, false, true));
  addParameter(new QgsProcessingParameterNumber(
      QStringLiteral("YIELD"), QObject::tr("Compost yield (t of compost per t of intake)"),
      cp::qgis::NumberType::Double, kDefaultYield, false, 0, 1));
  addParameter(new QgsProcessingParameterFeatureSource(
      kFarmland, QObject::tr("Agricultural land"),
      cp::qgis::sourceTypes(cp::qgis::Source::VectorPolygon)));
  addParameter(new QgsProcessingParameterField(
      QStringLiteral("PARCEL_ID"), QObject::tr("Agricultural land: id field"), QVariant(),
      kFarmland, cp::qgis::FieldDataType::Any, false, true));
  addParameter(new QgsProcessingParameterField(
      QStringLiteral("DEMAND_FIELD"),
      QObject::tr("Agricultural land: compost demand in t/ha/yr (empty: detect)"), QVariant(),
      kFarmland, cp::qgis::FieldDataType::Numeric, false, true));
  addParameter(new QgsProcessingParameterNumber(QStringLiteral("HAUL_KM"),
                                                QObject::tr("Longest haul by road (km)"),
                                                cp::qgis::NumberType::Double, 30, false, 0));
  addSnapParameter(2000);
  addParameter(new QgsProcessingParameterFeatureSink(
      QStringLiteral("OUTPUT"), QObject::tr("Compost deliveries"), cp::qgis::Source::VectorLine));
  addParameter(new QgsProcessingParameterFeatureSink(
      QStringLiteral("PARCELS"), QObject::tr("Farmland supplied"), cp::qgis::Source::VectorPolygon,
      QVariant(), true, true));
  addParameter(new QgsProcessingParameterFeatureSink(
      QStringLiteral("SITE_OUTLETS"), QObject::tr("Compost placed per site"),
      cp::qgis::Source::VectorPoint, QVariant(), true, true));
  for (const auto& [name, title] : {std::pair{"COMPOST_TONNES", "Compost made (t/yr)"},
                                    std::pair{"DEMAND_TONNES", "Farmland demand (t/yr)"},
                                    std::pair{"PLACED_TONNES", "Compost placed (t/yr)"},
                                    std::pair{"UNPLACED_TONNES", "Compost with no outlet (t/yr)"},
                                    std::pair{"TONNE_KM", "Tonne-km"}})
    addOutput(new QgsProcessingOutputNumber(QString::fromLatin1(name), QObject::tr(title)));
}

// A site makes compost from what it receives. Its capacity is only an upper
// bound: a site that receives nothing makes nothing.
void CpCompostOutletsAlgorithm::warnIfIntakeIsCapacity(const QVariantMap& p,
                                                       QgsProcessingContext& context,
                                                       cp::layers::Diagnostics& diagnostics) {
  const auto sites = requireSource(p, kSites, context);
  const QString given = parameterAsString(p, QStringLiteral("INTAKE_FIELD"), context);
  const QString field = given.isEmpty() ? cp::qgis::detectField(*sites, {"tonnes_in"}) : given;
  if (!field.isEmpty() && !field.contains(QLatin1String("capacity"), Qt::CaseInsensitive))
    return;
  diagnostics.warn(inputLabel(kSites).toStdString(), "", field.toStdString(),
                   "compost is made here from each site's capacity, not from what it receives; "
                   "give the allocation's site intake (field tonnes_in) for the compost the "
                   "sites actually make");
}

QVariantMap CpCompostOutletsAlgorithm::processAlgorithm(const QVariantMap& p,
                                                        QgsProcessingContext& context,
                                                        QgsProcessingFeedback* feedback) {
  return guarded(feedback, [&](const cp::geo::Feedback* progress) {
    const PreparedRoads prepared = prepareRoads(p, context, feedback, progress);
    Outlets o;
    o.frame = &*prepared.roads.frame;
    cp::layers::Diagnostics diagnostics = prepared.roads.diagnostics;
    o.sites = readSites(p, kSites, QStringLiteral("SITE_ID"), context, *o.frame, diagnostics);
    o.parcels =
        readPlaces(p, kFarmland, QStringLiteral("PARCEL_ID"), context, *o.frame, diagnostics);
    const double yield = parameterAsDouble(p, QStringLiteral("YIELD"), context);
    warnIfIntakeIsCapacity(p, context, diagnostics);
    for (double intake : readTonnes(p, context, kSites, QStringLiteral("INTAKE_FIELD"),
                                    cp::layers::field_names::kCompostIntake, diagnostics))
      o.input.supply.push_back(intake * yield);
    const std::vector<double> rate =
        readTonnes(p, context, kFarmland, QStringLiteral("DEMAND_FIELD"),
                   cp::layers::field_names::kCompostDemandPerHa, diagnostics);
    o.areaHa = areasHa(*requireSource(p, kFarmland, context), context.transformContext());
    for (std::size_t k = 0; k < rate.size(); ++k)
      o.input.capacity.push_back(rate[k] * o.areaHa[k]);

    const cp::geo::Snapper snapper(prepared.network, snapOptions(p, context));
    const auto from = cp::layers::snapPlaces(snapper, o.sites, diagnostics);
    const auto to = cp::layers::snapPlaces(snapper, o.parcels, diagnostics);
    cpReportDiagnostics(diagnostics, feedback);
    const cp::geo::OdMatrix km =
        cp::geo::odMatrix(prepared.network, from.locations(), to.locations(), {}, progress);
    const double haulKm = parameterAsDouble(p, QStringLiteral("HAUL_KM"), context);
    for (const cp::geo::Cost& c : km.cells)
      o.input.unitCost.push_back(c.distanceM / 1000.0 <= haulKm
                                     ? c.distanceM / 1000.0
                                     : std::numeric_limits<double>::infinity());
    o.allocation = cp::geo::allocate(o.input);

    QVariantMap results{
        {QStringLiteral("OUTPUT"),
         writeTable(p, context, *o.frame,
                    cp::analyses::haulLines("compost_deliveries", {o.sites, from}, {o.parcels, to},
                                            km, o.allocation.flows, "site_id", "parcel_id"),
                    QStringLiteral("OUTPUT"), Output::Required, cp::qgis::styleAllocation)}};
    insertIfWritten(results, QStringLiteral("PARCELS"), writeParcels(p, context, o));
    insertIfWritten(results, QStringLiteral("SITE_OUTLETS"), writeSites(p, context, o));
    const auto sum = [](const std::vector<double>& v) {
      return std::accumulate(v.begin(), v.end(), 0.0);
    };
    const double made = sum(o.input.supply);
    const double unplaced = sum(o.allocation.unallocated);
    results.insert(QStringLiteral("COMPOST_TONNES"), made);
    results.insert(QStringLiteral("DEMAND_TONNES"), sum(o.input.capacity));
    results.insert(QStringLiteral("PLACED_TONNES"), made - unplaced);
    results.insert(QStringLiteral("UNPLACED_TONNES"), unplaced);
    results.insert(QStringLiteral("TONNE_KM"), o.allocation.cost);
    feedback->pushInfo(QObject::tr("%1 t of %2 t compost placed on farmland needing %3 t; "
                                   "%4 tonne-km")
                           .arg(made - unplaced, 0, 'f', 0)
                           .arg(made, 0, 'f', 0)
                           .arg(sum(o.input.capacity), 0, 'f', 0)
                           .arg(o.allocation.cost, 0, 'f', 0));
    return results;
  });
}

QString CpCompostOutletsAlgorithm::writeParcels(const QVariantMap& p, QgsProcessingContext& context,
                                                const Outlets& o) {
  SinkOutput out =
      createOutput(p, context,
                   cpFields({{"parcel_id", QMetaType::QString},
                             {"area_ha", QMetaType::Double},
                             {"demand_t", QMetaType::Double},
                             {"compost_t", QMetaType::Double},
                             {"demand_met_pct", QMetaType::Double}}),
                   *o.frame, QStringLiteral("PARCELS"), cp::qgis::WkbType::MultiPolygon);
  if (!out.sink)
    return {};
  std::vector<double> received(o.parcels.ids.size(), 0.0);
  for (const cp::geo::AllocationFlow& f : o.allocation.flows)
    received[f.site] += f.tonnes;
  const auto parcels = requireSource(p, kFarmland, context);
  const QgsCoordinateTransform toOutput(parcels->sourceCrs(), out.fromWorking.destinationCrs(),
                                        context.transformContext());
  QgsFeatureIterator it = parcels->getFeatures();
  QgsFeature parcel;
  for (std::size_t k = 0; k < o.parcels.ids.size() && it.nextFeature(parcel); ++k) {
    const double demand = o.input.capacity[k];
    QgsFeature f(out.fields);
    f.setAttributes(QgsAttributes()
                    << QString::fromStdString(o.parcels.ids[k]) << o.areaHa[k] << demand
                    << received[k] << (demand > 0 ? 100 * received[k] / demand : QVariant()));
    QgsGeometry g = parcel.geometry();
    g.transform(toOutput);
    g.convertToMultiType();
    f.setGeometry(g);
    if (!out.sink->addFeature(f, QgsFeatureSink::FastInsert))
      throw QgsProcessingException(writeFeatureError(out.sink.get(), p, out.name));
  }
  cp::qgis::styleOnLoad(context, out.destination, cp::qgis::styleDemandMet);
  return out.destination;
}

QString CpCompostOutletsAlgorithm::writeSites(const QVariantMap& p, QgsProcessingContext& context,
                                              const Outlets& o) {
  SinkOutput out = createPointOutput(p, context,
                                     cpFields({{"site_id", QMetaType::QString},
                                               {"compost_t", QMetaType::Double},
                                               {"placed_t", QMetaType::Double},
                                               {"unplaced_t", QMetaType::Double},
                                               {"parcels", QMetaType::Int},
                                               {"mean_haul_km", QMetaType::Double}}),
                                     *o.frame, QStringLiteral("SITE_OUTLETS"));
  if (!out.sink)
    return {};
  std::vector<int> parcels(o.sites.ids.size(), 0);
  std::vector<double> tonneKm(o.sites.ids.size(), 0.0);
  for (const cp::geo::AllocationFlow& f : o.allocation.flows) {
    ++parcels[f.source];
    tonneKm[f.source] += f.tonnes * o.input.unitCost[f.source * o.parcels.ids.size() + f.site];
  }
  for (std::size_t j = 0; j < o.sites.ids.size(); ++j) {
    const double placed = o.input.supply[j] - o.allocation.unallocated[j];
    QgsAttributes attributes;
    attributes << QString::fromStdString(o.sites.ids[j]) << o.input.supply[j] << placed
               << o.allocation.unallocated[j] << parcels[j]
               << (placed > 0 ? tonneKm[j] / placed : QVariant());
    addPoint(out, p, attributes, o.sites.xy[j]);
  }
  cp::qgis::styleOnLoad(context, out.destination, cp::qgis::styleCompostSites);
  return out.destination;
}
