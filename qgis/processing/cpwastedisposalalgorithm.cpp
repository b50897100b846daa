#include "cpwastedisposalalgorithm.h"

#include <cmath>
#include <limits>

#include <qgsprocessingoutputs.h>
#include <qgsprocessingparameters.h>

#include "layers/analyses/waste_disposal.h"
#include "qgis/cplayerreaders.h"
#include "qgis/cpqgisapi.h"
#include "qgis/cpresultstyles.h"
#include "qgis/processing/cpkeys.h"

namespace names = cp::layers::field_names;

QString CpWasteDisposalAlgorithm::shortHelpString() const {
  return QObject::tr(
      "Where the organic waste that is not composted goes, and what a planned waste-to-energy "
      "plant would change. Each source's waste (tonnes per year, less what the composting "
      "allocation sends to composting: give its sources table as Composted; sources whose "
      "'landfilled' flag says no, such as firms that manage their own residues, send nothing) "
      "goes today to the nearest landfill by road (and dumpsites, when asked: they are seldom "
      "mapped or measured); with the plant, the plant takes "
      "as much as its capacity allows for the least tonne-km and the rest still goes to "
      "disposal. The facilities' kind field says which is which (landfill, dumpsite, "
      "sorting_plant, waste_to_energy); a capacity left empty is unlimited. Each facility's "
      "organic intake is set against all the waste it is registered to take "
      "(intake_t_per_year), and said when it exceeds it. Outputs: the hauls today and with "
      "the plant (tonnes, haul km, tonne-km) and each facility's organic intake in both cases.");
}

void CpWasteDisposalAlgorithm::initAlgorithm(const QVariantMap&) {
  addOrganicSourcesParameters();
  addParameter(new QgsProcessingParameterField(
      CpKey::LandfilledField,
      QObject::tr("Sources: landfilled today, yes or no (empty: detect 'landfilled'; none: all)"),
      QVariant(), CpKey::Sources, cp::qgis::FieldDataType::Any, false, true));
  addParameter(new QgsProcessingParameterFeatureSource(
      CpKey::Composted,
      QObject::tr("Composted: the composting allocation's sources (source_id, allocated_t)"),
      cp::qgis::sourceTypes(cp::qgis::Source::Vector), QVariant(), true));
  addFacilityParameters();
  addParameter(new QgsProcessingParameterBoolean(
      CpKey::Dumpsites, QObject::tr("Dumpsites take waste too (beside the landfills)"), false));
  addSnapParameter(1000);
  addCo2Parameters();
  addParameter(new QgsProcessingParameterFeatureSink(CpKey::Output, QObject::tr("Disposal today"),
                                                     cp::qgis::Source::VectorLine));
  addParameter(new QgsProcessingParameterFeatureSink(
      CpKey::WithPlant, QObject::tr("Disposal with the planned plant"),
      cp::qgis::Source::VectorLine, QVariant(), true, true));
  addParameter(new QgsProcessingParameterFeatureSink(
      CpKey::FacilityIntake, QObject::tr("Organic waste per facility"),
      cp::qgis::Source::VectorPoint, QVariant(), true, true));
  for (const auto& [key, title] :
       {std::pair{CpKey::ResidualTonnes, "Waste not composted (t/yr)"},
        std::pair{CpKey::TonneKm, "Tonne-km to disposal today"},
        std::pair{CpKey::PlantTonnes, "Tonnes the planned plant takes"},
        std::pair{CpKey::DisposedWithPlant, "Tonnes still disposed of with the plant"},
        std::pair{CpKey::PlantTonneKm, "Tonne-km with the plant"}})
    addOutput(new QgsProcessingOutputNumber(key, QObject::tr(title)));
}

void CpWasteDisposalAlgorithm::addOrganicSourcesParameters() {
  addRoadParameters();
  addPlacesParameter(CpKey::Sources, CpKey::SourceId, QObject::tr("Organic waste sources"));
  addParameter(new QgsProcessingParameterField(
      CpKey::TonnesField, QObject::tr("Sources: tonnes per year (empty: detect)"), QVariant(),
      CpKey::Sources, cp::qgis::FieldDataType::Numeric, false, true));
}

void CpWasteDisposalAlgorithm::addFacilityParameters() {
  addPlacesParameter(CpKey::Facilities, CpKey::FacilityId, QObject::tr("Waste facilities"));
  addParameter(new QgsProcessingParameterField(
      CpKey::KindField, QObject::tr("Facilities: kind (empty: detect)"), QVariant(),
      CpKey::Facilities, cp::qgis::FieldDataType::String, false, true));
  addParameter(new QgsProcessingParameterField(
      CpKey::CapacityField,
      QObject::tr("Facilities: capacity in tonnes per year (empty: detect; NULL: unlimited)"),
      QVariant(), CpKey::Facilities, cp::qgis::FieldDataType::Numeric, false, true));
}

cp::layers::WasteFacilities CpWasteDisposalAlgorithm::readWasteFacilities(
    const QVariantMap& p, QgsProcessingContext& context, const cp::layers::WorkingFrame& frame,
    cp::layers::Diagnostics& diagnostics) {
  cp::layers::WasteFacilities out;
  out.places = readSites(p, CpKey::Facilities, CpKey::FacilityId, context, frame, diagnostics);
  const auto source = requireSource(p, CpKey::Facilities, context);
  const QString label = inputLabel(CpKey::Facilities);
  QString kindField = parameterAsString(p, CpKey::KindField, context);
  if (kindField.isEmpty())
    kindField = cp::qgis::detectField(*source, names::kFacilityKind);
  if (kindField.isEmpty())
    cp::layers::failInput(label.toStdString(), "", "", cp::analyses::kNoKindFieldMessage);
  out.kinds = cp::qgis::readFacilityKinds(*source, label, kindField, diagnostics);
  const double unlimited = std::numeric_limits<double>::infinity();
  out.capacity = readTonnes(p, context, CpKey::Facilities, CpKey::CapacityField, names::kCapacity,
                            diagnostics, unlimited, unlimited);
  const QString intakeField = cp::qgis::detectField(*source, names::kRegisteredIntake);
  out.registeredIntake =
      intakeField.isEmpty()
          ? std::vector<double>(out.places.ids.size(), std::nan(""))
          : cp::qgis::readQuantities(*source, label, intakeField, diagnostics, "t", std::nan(""));
  return out;
}

std::map<std::string, double> CpWasteDisposalAlgorithm::readComposted(
    const QVariantMap& p, QgsProcessingContext& context) {
  const auto table = optionalSource(p, CpKey::Composted, context);
  if (!table)
    return {};
  const QString label = inputLabel(CpKey::Composted);
  const QString idField = cp::qgis::detectField(*table, names::kSourceId);
  const QString tonnesField = cp::qgis::detectField(*table, names::kComposted);
  if (idField.isEmpty() || tonnesField.isEmpty())
    cp::layers::failInput(label.toStdString(), "", "", cp::analyses::kCompostedTableNeeds);
  // A source none of whose waste is composted is no news: zeros go unsaid
  // (unusable values are errors all the same).
  // Ids and tonnes in one pass, so that each tonnage stays with its source.
  cp::layers::Diagnostics zeros;
  cp::layers::QuantityRows rows(label.toStdString(), tonnesField.toStdString(), zeros);
  std::vector<std::string> ids;
  const int tonnesIndex = table->fields().lookupField(tonnesField);
  QgsFeatureIterator it = table->getFeatures();
  for (QgsFeature f; it.nextFeature(f);) {
    ids.push_back(f.attribute(idField).toString().toStdString());
    cp::qgis::addQuantity(rows, f, tonnesIndex);
  }
  const std::vector<double> tonnes = rows.finish();
  std::map<std::string, double> composted;
  for (std::size_t i = 0; i < ids.size(); ++i)
    composted[ids[i]] += tonnes[i];
  return composted;
}

std::vector<double> CpWasteDisposalAlgorithm::readResidual(const QVariantMap& p,
                                                           QgsProcessingContext& context,
                                                           const cp::layers::PointData& sources,
                                                           cp::layers::Diagnostics& diagnostics) {
  const std::vector<double> tonnes =
      readTonnes(p, context, CpKey::Sources, CpKey::TonnesField, names::kTonnes, diagnostics);
  return cp::analyses::residualWaste(sources, tonnes, readLandfilled(p, context, diagnostics),
                                     readComposted(p, context),
                                     inputLabel(CpKey::Composted).toStdString(), diagnostics);
}

std::vector<bool> CpWasteDisposalAlgorithm::readLandfilled(const QVariantMap& p,
                                                           QgsProcessingContext& context,
                                                           cp::layers::Diagnostics& diagnostics) {
  const auto source = requireSource(p, CpKey::Sources, context);
  QString field = parameterAsString(p, CpKey::LandfilledField, context);
  if (field.isEmpty())
    field = cp::qgis::detectField(*source, names::kLandfilled);
  return field.isEmpty()
             ? std::vector<bool>()
             : cp::qgis::readFlags(*source, inputLabel(CpKey::Sources), field, diagnostics);
}

QVariantMap CpWasteDisposalAlgorithm::processAlgorithm(const QVariantMap& p,
                                                       QgsProcessingContext& context,
                                                       QgsProcessingFeedback* feedback) {
  return guarded(feedback, [&](const cp::geo::Feedback* progress) {
    const PreparedRoads prepared = prepareRoads(p, context, feedback, progress);
    const cp::layers::WorkingFrame& frame = *prepared.roads.frame;
    cp::layers::Diagnostics diagnostics = prepared.roads.diagnostics;
    const cp::layers::PointData sources =
        readPlaces(p, CpKey::Sources, CpKey::SourceId, context, frame, diagnostics);
    const cp::layers::WasteFacilities facilities =
        readWasteFacilities(p, context, frame, diagnostics);
    const cp::analyses::WasteDisposalInput input{prepared.network,
                                                 sources,
                                                 readResidual(p, context, sources, diagnostics),
                                                 facilities.places,
                                                 facilities.kinds,
                                                 facilities.capacity,
                                                 facilities.registeredIntake};
    cpReportDiagnostics(diagnostics, feedback);
    cp::analyses::WasteDisposalOptions options;
    options.allocation.snap = snapOptions(p, context);
    options.allocation.kgCo2PerTkm = transportFactor(p, context, feedback);
    options.toDumpsites = parameterAsBoolean(p, CpKey::Dumpsites, context);
    const cp::analyses::WasteDisposalResult result =
        cp::analyses::disposeOfWaste(input, options, progress);
    cpReportDiagnostics(result.diagnostics, feedback);
    return writeResults(p, context, feedback, frame, result, input);
  });
}

QVariantMap CpWasteDisposalAlgorithm::writeResults(const QVariantMap& p,
                                                   QgsProcessingContext& context,
                                                   QgsProcessingFeedback* feedback,
                                                   const cp::layers::WorkingFrame& frame,
                                                   const cp::analyses::WasteDisposalResult& r,
                                                   const cp::analyses::WasteDisposalInput& input) {
  std::vector<cp::layers::ResultTable> tables = cp::analyses::wasteDisposalTables(r, input);
  QVariantMap results{{CpKey::Output, writeTable(p, context, frame, tables.front(), CpKey::Output,
                                                 Output::Required, cp::qgis::styleAllocation)}};
  if (r.toPlants)
    insertIfWritten(results, CpKey::WithPlant,
                    writeTable(p, context, frame, tables[1], CpKey::WithPlant, Output::Optional,
                               cp::qgis::styleAllocation));
  insertIfWritten(results, CpKey::FacilityIntake,
                  writeTable(p, context, frame, tables.back(), CpKey::FacilityIntake,
                             Output::Optional, cp::qgis::styleFacilityIntake));
  const cp::analyses::AllocationTotals& today = r.today.totals;
  results.insert(CpKey::ResidualTonnes, today.tonnes);
  results.insert(CpKey::TonneKm, today.tonneKm);
  feedback->pushInfo(QObject::tr("Today: %1 t not composted to disposal, %2 tonne-km")
                         .arg(today.tonnes, 0, 'f', 0)
                         .arg(today.tonneKm, 0, 'f', 0));
  if (r.toPlants) {
    const double tonneKm = r.toPlants->totals.tonneKm + r.rest->totals.tonneKm;
    results.insert(CpKey::PlantTonnes, r.toPlants->totals.allocated);
    results.insert(CpKey::DisposedWithPlant, r.rest->totals.allocated);
    results.insert(CpKey::PlantTonneKm, tonneKm);
    feedback->pushInfo(
        QObject::tr("With the plant: %1 t to the plant, %2 t still disposed of, %3 tonne-km")
            .arg(r.toPlants->totals.allocated, 0, 'f', 0)
            .arg(r.rest->totals.allocated, 0, 'f', 0)
            .arg(tonneKm, 0, 'f', 0));
  }
  return results;
}
