#pragma once
// The waste-disposal job of the command-line runner: roads (or a saved
// network), organic waste sources, what the composting allocation composts of
// them, and the waste facilities from any OGR source -> where the rest goes
// today and with the planned plant -> GeoPackage (disposal_today,
// disposal_with_plant, waste_facilities).

#include <optional>
#include <string>

#include "job_report.h"
#include "layers/analyses/waste_disposal.h"
#include "transport_emissions.h"

namespace cp::layers {

struct WasteDisposalJob {
  NetworkSource network;
  std::string sources;  // layer reference (see LayerRef)
  std::string sourceIdField;
  std::string tonnesField;      // empty: the first usual one
  std::string landfilledField;  // empty: 'landfilled' when present, else all are
  std::string composted;        // optional: the composting allocation's source_status
  std::string facilities;
  std::string facilityIdField;
  std::string kindField;      // empty: the first usual one
  std::string capacityField;  // empty: the first usual one; none or NULL: unlimited
  std::string output;         // GeoPackage path
  std::string attribution;
  TransportEmissions transport;
  analyses::AllocationOptions analysis;  // its kgCo2PerTkm from `transport`
  bool toDumpsites = false;
};

struct WasteDisposalJobResult : JobReport {
  analyses::AllocationTotals today;
  // With the plant: what it takes, and what is still disposed of; unset
  // without a plant among the facilities.
  std::optional<analyses::AllocationTotals> toPlants, rest;
};

// The facilities: kinds from the field given or the first usual one.
WasteFacilities readWasteFacilities(const std::string& layer, const std::string& idField,
                                    const std::string& kindField, const std::string& capacityField,
                                    const WorkingFrame& frame, Diagnostics& diagnostics);

// Whether each source's waste is landfilled today, from `field` or the usual
// one; empty (all are) when the layer has none.
std::vector<bool> readLandfilled(const std::string& sources, const std::string& field,
                                 Diagnostics& diagnostics);

// Throws InputError for unusable input, OptionError with nowhere to dispose
// of the waste, std::runtime_error for I/O failures and geo::Canceled when
// canceled; the output file exists only after success.
WasteDisposalJobResult runWasteDisposalJob(const WasteDisposalJob& job,
                                           const geo::Feedback* feedback = nullptr);

}  // namespace cp::layers
