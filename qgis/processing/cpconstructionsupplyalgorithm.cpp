#include "cpconstructionsupplyalgorithm.h"

#include <map>
#include <numeric>
#include <set>

#include <qgsprocessingoutputs.h>
#include <qgsprocessingparameters.h>

#include "geo/allocation.h"
#include "layers/building_stock.h"
#include "layers/flows.h"
#include "qgis/cplayerreaders.h"
#include "qgis/cpqgisapi.h"
#include "qgis/cpresultstyles.h"
#include "qgis/cpstockreader.h"

namespace {

const QString kZones = QStringLiteral("ZONES");
const QString kProducts = QStringLiteral("PRODUCTS");
const QString kDistricts = QStringLiteral("DISTRICTS");

// The construction classes, in the order of the plan's tables.
const cp::layers::MaterialClass kClasses[] = {cp::layers::MaterialClass::Minerals,
                                              cp::layers::MaterialClass::Metals,
                                              cp::layers::MaterialClass::Biomass};
constexpr std::size_t kClassCount = 3;

double ofClass(const cp::layers::ConstructionMaterials& m, std::size_t c) {
  return c == 0 ? m.minerals : c == 1 ? m.metals : m.biomass;
}

}  // namespace

// One allocation per material class: suppliers are the zones, then the
// districts (their demolitions); receivers are the districts.
struct CpConstructionSupplyAlgorithm::Plan {
  cp::layers::PointData zones;
  cp::layers::PointData districts;
  std::vector<cp::layers::DistrictStock> stock;  // per district
  std::vector<cp::geo::AllocationInput> inputs;  // per class
  std::vector<cp::geo::Allocation> allocations;  // per class
  const cp::layers::WorkingFrame* frame = nullptr;
  bool secondary(std::size_t i) const { return i >= zones.ids.size(); }
};

QString CpConstructionSupplyAlgorithm::shortHelpString() const {
  return QObject::tr(
      "Assigns the construction products of the industrial zones (a products table: zone id, "
      "product, material class, capacity in tonnes per year) to the districts' construction "
      "demand (their growth at the report's intensities, as in Building stock), material class "
      "by class, with the least tonne-km over the roads - an exact transportation problem. With "
      "urban mining, the materials each district's demolitions free (the recoverable share) are "
      "offered too, first to the district itself. Outputs: the supply lines (zone or district "
      "to district, tonnes, road km, tonne-km, CO2e, primary or secondary), and each district's "
      "demand, what it gets and what is left unmet.");
}

void CpConstructionSupplyAlgorithm::initAlgorithm(const QVariantMap&) {
  addRoadParameters();
  addPlacesParameter(kZones, QStringLiteral("ZONE_ID"), QObject::tr("Industrial zones"));
  addParameter(new QgsProcessingParameterFeatureSource(
      kProducts, QObject::tr("Zone products (zone_id, product, material_class, capacity)"),
      cp::qgis::sourceTypes(cp::qgis::Source::Vector)));
  addPlacesParameter(kDistricts, QStringLiteral("DISTRICT_ID"), QObject::tr("Districts"));
  addParameter(new QgsProcessingParameterBoolean(
      QStringLiteral("URBAN_MINING"), QObject::tr("Offer the materials demolitions free"), true));
  addSnapParameter(2000);
  addCo2Parameter();
  addParameter(new QgsProcessingParameterFeatureSink(
      QStringLiteral("OUTPUT"), QObject::tr("Construction supply"), cp::qgis::Source::VectorLine));
  addParameter(new QgsProcessingParameterFeatureSink(
      QStringLiteral("DISTRICT_SUPPLY"), QObject::tr("District demand met"),
      cp::qgis::Source::VectorPoint, QVariant(), true, true));
  for (const auto& [name, title] :
       {std::pair{"DEMAND_TONNES", "Demand (t per year)"},
        std::pair{"SUPPLIED_TONNES", "Supplied (t per year)"},
        std::pair{"SECONDARY_TONNES", "Of which from demolition"},
        std::pair{"UNMET_TONNES", "Demand unmet (t per year)"}, std::pair{"TONNE_KM", "Tonne-km"}})
    addOutput(new QgsProcessingOutputNumber(QString::fromLatin1(name), QObject::tr(title)));
}

std::vector<std::vector<double>> CpConstructionSupplyAlgorithm::zoneCapacities(
    const QVariantMap& p, QgsProcessingContext& context, const cp::layers::PointData& zones) {
  std::map<std::string, std::size_t> index;
  for (std::size_t z = 0; z < zones.ids.size(); ++z)
    index.emplace(zones.ids[z], z);
  const auto products = requireSource(p, kProducts, context);
  const std::string label = inputLabel(kProducts).toStdString();
  namespace names = cp::layers::field_names;
  const QString zoneField = cp::qgis::detectField(*products, names::kProductZone);
  const QString classField = cp::qgis::detectField(*products, names::kMaterialClass);
  const QString capacityField = cp::qgis::detectField(*products, names::kCapacity);
  for (const QString* f : {&zoneField, &classField, &capacityField})
    if (f->isEmpty())
      cp::layers::failInput(label, "", "",
                            "needs zone_id, material_class and capacity_t_per_year fields");
  cp::layers::Diagnostics ignored;
  const std::vector<double> capacity =
      cp::qgis::readQuantities(*products, QString::fromStdString(label), capacityField, ignored);
  std::vector<std::vector<double>> out(kClassCount, std::vector<double>(zones.ids.size(), 0.0));
  std::set<std::string> unknownZones;
  QgsFeatureIterator it = products->getFeatures();
  QgsFeature f;
  for (std::size_t row = 0; it.nextFeature(f); ++row) {
    const std::string zone = f.attribute(zoneField).toString().toStdString();
    const std::string fid = "row " + std::to_string(f.id());
    const auto z = index.find(zone);
    if (z == index.end()) {
      unknownZones.insert("'" + zone + "'");
      continue;
    }
    const auto c = cp::layers::parseMaterialClass(f.attribute(classField).toString().toStdString());
    if (!c)
      cp::layers::failInput(
          label, fid, classField.toStdString(),
          "'" + f.attribute(classField).toString().toStdString() + "' is not a material class");
    for (std::size_t k = 0; k < kClassCount; ++k)
      if (kClasses[k] == *c)
        out[k][z->second] += capacity[row];
  }
  if (!unknownZones.empty()) {
    std::string listed;
    for (const std::string& zone : unknownZones)
      listed += (listed.empty() ? "" : ", ") + zone;
    cp::layers::failInput(label, "", zoneField.toStdString(),
                          "zones not in the zones layer: " + listed);
  }
  return out;
}

QVariantMap CpConstructionSupplyAlgorithm::processAlgorithm(const QVariantMap& p,
                                                            QgsProcessingContext& context,
                                                            QgsProcessingFeedback* feedback) {
  return guarded(feedback, [&](const cp::geo::Feedback* progress) {
    const PreparedRoads prepared = prepareRoads(p, context, feedback, progress);
    Plan plan;
    plan.frame = &*prepared.roads.frame;
    cp::layers::Diagnostics diagnostics = prepared.roads.diagnostics;
    plan.zones = readSites(p, kZones, QStringLiteral("ZONE_ID"), context, *plan.frame, diagnostics);
    plan.districts =
        readSites(p, kDistricts, QStringLiteral("DISTRICT_ID"), context, *plan.frame, diagnostics);
    const auto source = requireSource(p, kDistricts, context);
    for (const cp::layers::DistrictFloorArea& floor :
         cp::qgis::readFloorAreas(*source, inputLabel(kDistricts), {}, diagnostics))
      plan.stock.push_back(cp::layers::districtStock(floor, cp::layers::almatyCoefficients()));
    const auto capacities = zoneCapacities(p, context, plan.zones);
    const bool mining = parameterAsBoolean(p, QStringLiteral("URBAN_MINING"), context);

    const cp::geo::Snapper snapper(prepared.network, snapOptions(p, context));
    cp::layers::PointData suppliers = plan.zones;
    suppliers.ids.insert(suppliers.ids.end(), plan.districts.ids.begin(), plan.districts.ids.end());
    suppliers.xy.insert(suppliers.xy.end(), plan.districts.xy.begin(), plan.districts.xy.end());
    suppliers.lonLat.insert(suppliers.lonLat.end(), plan.districts.lonLat.begin(),
                            plan.districts.lonLat.end());
    const auto from = cp::layers::snapPlaces(snapper, suppliers, diagnostics);
    const auto to = cp::layers::snapPlaces(snapper, plan.districts, diagnostics);
    cpReportDiagnostics(diagnostics, feedback);
    const cp::geo::OdMatrix km =
        cp::geo::odMatrix(prepared.network, from.locations(), to.locations(), {}, progress);
    for (std::size_t c = 0; c < kClassCount; ++c) {
      cp::geo::AllocationInput in;
      in.supply = capacities[c];
      for (const cp::layers::DistrictStock& s : plan.stock) {
        in.supply.push_back(mining ? ofClass(s.recoverable, c) : 0.0);
        in.capacity.push_back(ofClass(s.demand, c));
      }
      for (const cp::geo::Cost& cost : km.cells)
        in.unitCost.push_back(cost.distanceM / 1000);
      plan.allocations.push_back(cp::geo::allocate(in));
      plan.inputs.push_back(std::move(in));
    }
    return writePlan(p, context, feedback, plan, suppliers, km);
  });
}

QVariantMap CpConstructionSupplyAlgorithm::writePlan(
    const QVariantMap& p, QgsProcessingContext& context, QgsProcessingFeedback* feedback,
    const Plan& plan, const cp::layers::PointData& suppliers, const cp::geo::OdMatrix& km) {
  SinkOutput lines = createLineOutput(p, context,
                                      cpFields({{"supplier_id", QMetaType::QString},
                                                {"district_id", QMetaType::QString},
                                                {"material_class", QMetaType::QString},
                                                {"origin", QMetaType::QString},
                                                {"tonnes", QMetaType::Double},
                                                {"road_km", QMetaType::Double},
                                                {"tonne_km", QMetaType::Double},
                                                {"co2_t", QMetaType::Double}}),
                                      *plan.frame);
  const double kg = parameterAsDouble(p, QStringLiteral("CO2_PER_TKM"), context);
  double demand = 0, supplied = 0, secondary = 0, tonneKm = 0;
  for (std::size_t c = 0; c < kClassCount; ++c) {
    demand += std::accumulate(plan.inputs[c].capacity.begin(), plan.inputs[c].capacity.end(), 0.0);
    for (const cp::geo::AllocationFlow& f : plan.allocations[c].flows) {
      const double road = km.at(f.source, f.site).distanceM / 1000;
      const bool mined = plan.secondary(f.source);
      QgsAttributes a;
      a << QString::fromStdString(suppliers.ids[f.source])
        << QString::fromStdString(plan.districts.ids[f.site])
        << QString::fromLatin1(cp::layers::materialClassName(kClasses[c]))
        << (mined ? QStringLiteral("demolition") : QStringLiteral("industrial zone")) << f.tonnes
        << road << f.tonnes * road << f.tonnes * road * kg / 1000;
      addLine(lines, p, a, suppliers.xy[f.source], plan.districts.xy[f.site]);
      supplied += f.tonnes;
      secondary += mined ? f.tonnes : 0;
      tonneKm += f.tonnes * road;
    }
  }
  cp::qgis::styleOnLoad(context, lines.destination, cp::qgis::styleFlowLines);
  QVariantMap results{{QStringLiteral("OUTPUT"), lines.destination},
                      {QStringLiteral("DEMAND_TONNES"), demand},
                      {QStringLiteral("SUPPLIED_TONNES"), supplied},
                      {QStringLiteral("SECONDARY_TONNES"), secondary},
                      {QStringLiteral("UNMET_TONNES"), demand - supplied},
                      {QStringLiteral("TONNE_KM"), tonneKm}};
  const QString districts = writeDistricts(p, context, plan);
  if (!districts.isEmpty())
    results.insert(QStringLiteral("DISTRICT_SUPPLY"), districts);
  feedback->pushInfo(QObject::tr("%1 t of %2 t demand supplied (%3 t from demolition); %4 "
                                 "tonne-km")
                         .arg(supplied, 0, 'f', 0)
                         .arg(demand, 0, 'f', 0)
                         .arg(secondary, 0, 'f', 0)
                         .arg(tonneKm, 0, 'f', 0));
  return results;
}

QString CpConstructionSupplyAlgorithm::writeDistricts(const QVariantMap& p,
                                                      QgsProcessingContext& context,
                                                      const Plan& plan) {
  SinkOutput out = createPointOutput(p, context,
                                     cpFields({{"district_id", QMetaType::QString},
                                               {"demand_t", QMetaType::Double},
                                               {"supplied_t", QMetaType::Double},
                                               {"secondary_t", QMetaType::Double},
                                               {"unmet_t", QMetaType::Double}}),
                                     *plan.frame, QStringLiteral("DISTRICT_SUPPLY"));
  if (!out.sink)
    return {};
  const std::size_t n = plan.districts.ids.size();
  std::vector<double> demand(n, 0.0), supplied(n, 0.0), secondary(n, 0.0);
  for (std::size_t c = 0; c < kClassCount; ++c) {
    for (std::size_t d = 0; d < n; ++d)
      demand[d] += plan.inputs[c].capacity[d];
    for (const cp::geo::AllocationFlow& f : plan.allocations[c].flows) {
      supplied[f.site] += f.tonnes;
      secondary[f.site] += plan.secondary(f.source) ? f.tonnes : 0;
    }
  }
  for (std::size_t d = 0; d < n; ++d) {
    QgsAttributes a;
    a << QString::fromStdString(plan.districts.ids[d]) << demand[d] << supplied[d] << secondary[d]
      << demand[d] - supplied[d];
    addPoint(out, p, a, plan.districts.xy[d]);
  }
  cp::qgis::styleOnLoad(context, out.destination, cp::qgis::styleDistrictSupply);
  return out.destination;
}
