#include "waste_disposal_job.h"

#include <cmath>

#include "layers/flag_reader.h"
#include "layers/library_messages.h"
#include "layers/point_reader.h"
#include "layers/quantity_reader.h"
#include "layers/waste_facilities.h"
#include "result_file.h"

namespace cp::layers {
namespace {

// The tonnes composted per source id, ids and tonnes in one pass.
std::map<std::string, double> readComposted(const std::string& table, Diagnostics& diagnostics) {
  LibraryMessages gdal;
  const OpenLayer layer(LayerRef::parse(table));
  const std::string idField = layer.detectField(field_names::kSourceId);
  const std::string tonnesField = layer.detectField(field_names::kComposted);
  if (idField.empty() || tonnesField.empty())
    failInput(layer.label(), "", "", analyses::kCompostedTableNeeds);
  const int idIndex = layer.fieldIndex(idField, true);
  const int tonnesIndex = layer.fieldIndex(tonnesField, true);
  // A source none of whose waste is composted is no news: zeros go unsaid.
  Diagnostics zeros;
  QuantityRows rows(layer.label(), tonnesField, zeros);
  std::vector<std::string> ids;
  layer.layer().ResetReading();
  for (auto& f : layer.layer()) {
    ids.emplace_back(f->GetFieldAsString(idIndex));
    addQuantity(rows, *f, tonnesIndex);
  }
  gdal.reportTo(diagnostics, layer.label(), "reading");
  const std::vector<double> tonnes = rows.finish();
  std::map<std::string, double> composted;
  for (std::size_t i = 0; i < ids.size(); ++i)
    composted[ids[i]] += tonnes[i];
  return composted;
}

std::vector<bool> readLandfilled(const WasteDisposalJob& job, Diagnostics& diagnostics) {
  const LayerRef ref = LayerRef::parse(job.sources);
  std::string field = job.landfilledField;
  if (field.empty())
    field = OpenLayer(ref).detectField(field_names::kLandfilled);
  return field.empty() ? std::vector<bool>() : readFlags(ref, field, diagnostics);
}

std::vector<FacilityKind> readKinds(const WasteDisposalJob& job, Diagnostics& diagnostics) {
  const LayerRef ref = LayerRef::parse(job.facilities);
  std::string field = job.kindField;
  if (field.empty())
    field = OpenLayer(ref).detectField(field_names::kFacilityKind);
  if (field.empty())
    failInput(OpenLayer(ref).label(), "", "", analyses::kNoKindFieldMessage);
  return readFacilityKinds(ref, field, diagnostics);
}

}  // namespace

WasteDisposalJobResult runWasteDisposalJob(const WasteDisposalJob& job,
                                           const geo::Feedback* feedback) {
  WasteDisposalJobResult result;
  const PreparedNetwork prepared = prepareJobNetwork(job.network, result, feedback);
  Diagnostics& diagnostics = result.diagnostics;

  const LayerRef sourcesRef = LayerRef::parse(job.sources);
  const LayerRef facilitiesRef = LayerRef::parse(job.facilities);
  const PointData sources = readPoints(sourcesRef, job.sourceIdField, prepared.frame);
  const PointData facilities = readPoints(facilitiesRef, job.facilityIdField, prepared.frame);
  diagnostics.append(sources.diagnostics);
  diagnostics.append(facilities.diagnostics);
  requireUniqueIds(facilities, job.facilityIdField);
  const double unlimited = geo::kInfinity;
  const analyses::WasteDisposalInput input{
      prepared.network,
      sources,
      analyses::residualWaste(
          sources, readQuantities(sourcesRef, job.tonnesField, field_names::kTonnes, diagnostics),
          readLandfilled(job, diagnostics),
          job.composted.empty() ? std::map<std::string, double>()
                                : readComposted(job.composted, diagnostics),
          job.composted, diagnostics),
      facilities,
      readKinds(job, diagnostics),
      readQuantities(facilitiesRef, job.capacityField, field_names::kCapacity, diagnostics,
                     unlimited, "t", unlimited),
      OpenLayer(facilitiesRef).detectField(field_names::kRegisteredIntake).empty()
          ? std::vector<double>(facilities.ids.size(), std::nan(""))
          : readQuantities(facilitiesRef, "", field_names::kRegisteredIntake, diagnostics,
                           std::nullopt, "t", std::nan(""))};

  const analyses::WasteDisposalResult disposal =
      analyses::disposeOfWaste(input, {job.analysis, job.toDumpsites}, feedback);
  diagnostics.append(disposal.diagnostics);
  result.today = disposal.today.totals;
  if (disposal.toPlants) {
    result.toPlants = disposal.toPlants->totals;
    result.rest = disposal.rest->totals;
  }
  writeResultFile(
      job.output, prepared.frame, analyses::wasteDisposalTables(disposal, input),
      dataAttribution(job.attribution, {job.network.roads, job.sources, job.facilities}),
      diagnostics);
  return result;
}

}  // namespace cp::layers
