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

}  // namespace

std::vector<bool> readLandfilled(const std::string& sources, const std::string& field,
                                 Diagnostics& diagnostics) {
  const LayerRef ref = LayerRef::parse(sources);
  const std::string name =
      field.empty() ? OpenLayer(ref).detectField(field_names::kLandfilled) : field;
  return name.empty() ? std::vector<bool>() : readFlags(ref, name, diagnostics);
}

WasteFacilities readWasteFacilities(const std::string& layer, const std::string& idField,
                                    const std::string& kindField, const std::string& capacityField,
                                    const WorkingFrame& frame, Diagnostics& diagnostics) {
  const LayerRef ref = LayerRef::parse(layer);
  const OpenLayer open(ref);
  WasteFacilities out{readPoints(ref, idField, frame), {}, {}, {}};
  diagnostics.append(out.places.diagnostics);
  requireUniqueIds(out.places, idField);
  const std::string kind =
      kindField.empty() ? open.detectField(field_names::kFacilityKind) : kindField;
  if (kind.empty())
    failInput(open.label(), "", "", analyses::kNoKindFieldMessage);
  out.kinds = readFacilityKinds(ref, kind, diagnostics);
  const double unlimited = geo::kInfinity;
  out.capacity = readQuantities(ref, capacityField, field_names::kCapacity, diagnostics, unlimited,
                                "t", unlimited);
  out.registeredIntake = open.detectField(field_names::kRegisteredIntake).empty()
                             ? std::vector<double>(out.places.ids.size(), std::nan(""))
                             : readQuantities(ref, "", field_names::kRegisteredIntake, diagnostics,
                                              std::nullopt, "t", std::nan(""));
  return out;
}

WasteDisposalJobResult runWasteDisposalJob(const WasteDisposalJob& job,
                                           const geo::Feedback* feedback) {
  WasteDisposalJobResult result;
  const PreparedNetwork prepared = prepareJobNetwork(job.network, result, feedback);
  Diagnostics& diagnostics = result.diagnostics;

  const LayerRef sourcesRef = LayerRef::parse(job.sources);
  const PointData sources = readPoints(sourcesRef, job.sourceIdField, prepared.frame);
  diagnostics.append(sources.diagnostics);
  const WasteFacilities facilities =
      readWasteFacilities(job.facilities, job.facilityIdField, job.kindField, job.capacityField,
                          prepared.frame, diagnostics);
  const analyses::WasteDisposalInput input{
      prepared.network,
      sources,
      analyses::residualWaste(
          sources, readQuantities(sourcesRef, job.tonnesField, field_names::kTonnes, diagnostics),
          readLandfilled(job.sources, job.landfilledField, diagnostics),
          job.composted.empty() ? std::map<std::string, double>()
                                : readComposted(job.composted, diagnostics),
          job.composted, diagnostics),
      facilities.places,
      facilities.kinds,
      facilities.capacity,
      facilities.registeredIntake};

  analyses::AllocationOptions options = job.analysis;
  options.kgCo2PerTkm = transportFactor(job.transport, diagnostics);
  const analyses::WasteDisposalResult disposal =
      analyses::disposeOfWaste(input, {options, job.toDumpsites}, feedback);
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
