#include "allocation_job.h"

#include "layers/flag_reader.h"
#include "layers/point_reader.h"
#include "layers/quantity_reader.h"
#include "layers/road_reader.h"
#include "result_file.h"

namespace cp::layers {
namespace {

// Which candidates are built already: the field given, or the first usual one.
std::vector<bool> readExisting(const AllocationJob& job, std::size_t sites,
                               Diagnostics& diagnostics) {
  const LayerRef ref = LayerRef::parse(job.sites);
  std::string field = job.existingField;
  if (field.empty())
    field = OpenLayer(ref).detectField(field_names::kExistingSite);
  if (field.empty())
    return std::vector<bool>(sites, false);
  return readFlags(ref, field, diagnostics);
}

}  // namespace

AllocationJobResult runAllocationJob(const AllocationJob& job, const geo::Feedback* feedback) {
  AllocationJobResult result;
  const PreparedNetwork prepared = prepareJobNetwork(job.network, result, feedback);

  const LayerRef sourcesRef = LayerRef::parse(job.sources);
  const LayerRef sitesRef = LayerRef::parse(job.sites);
  const PointData sources = readPoints(sourcesRef, job.sourceIdField, prepared.frame);
  const PointData sites = readPoints(sitesRef, job.siteIdField, prepared.frame);
  result.diagnostics.append(sources.diagnostics);
  result.diagnostics.append(sites.diagnostics);
  requireUniqueIds(sites, job.siteIdField);
  // Candidates without a capacity field are unlimited; sites to allocate to need one.
  const std::optional<double> noCapacity =
      job.selection ? std::optional<double>(geo::kInfinity) : std::nullopt;
  const analyses::AllocationInput input{
      prepared.network, sources,
      readQuantities(sourcesRef, job.tonnesField, field_names::kTonnes, result.diagnostics), sites,
      readQuantities(sitesRef, job.capacityField, field_names::kCapacity, result.diagnostics,
                     noCapacity)};

  analyses::AllocationResult allocation;
  std::vector<std::string> status;
  const analyses::TransportFactor factor = transportFactor(job.transport, result.diagnostics);
  if (job.selection) {
    analyses::SiteSelectionOptions options = *job.selection;
    options.kgCo2PerTkm = factor;
    analyses::SiteSelectionResult selected = analyses::selectSites(
        input, readExisting(job, sites.ids.size(), result.diagnostics), options, feedback);
    allocation = std::move(selected.allocation);
    status = std::move(selected.status);
    result.chosen = std::move(selected.chosen);
    result.provenOptimal = selected.provenOptimal;
  } else {
    analyses::AllocationOptions options = job.analysis;
    options.kgCo2PerTkm = factor;
    allocation = analyses::allocateToSites(input, options, feedback);
  }
  result.diagnostics.append(allocation.diagnostics);
  result.totals = allocation.totals;
  result.whole = allocation.whole;

  std::vector<ResultTable> tables;
  tables.push_back(analyses::allocationLines(allocation, sources, sites));
  tables.push_back(analyses::siteIntakeTable(allocation, sites, status));
  tables.push_back(analyses::sourceStatusTable(allocation, sources));
  writeResultFile(job.output, prepared.frame, tables,
                  dataAttribution(job.attribution, {job.network.roads, job.sources, job.sites}),
                  result.diagnostics);
  return result;
}

}  // namespace cp::layers
