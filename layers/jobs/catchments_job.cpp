#include "catchments_job.h"

#include "layers/point_reader.h"
#include "layers/quantity_reader.h"
#include "result_file.h"

namespace cp::layers {

CatchmentsJobResult runCatchmentsJob(const CatchmentsJob& job, const geo::Feedback* feedback) {
  CatchmentsJobResult result;
  const PreparedNetwork prepared = prepareJobNetwork(job.network, result, feedback);

  const PointData sites = readPoints(LayerRef::parse(job.sites), job.siteIdField, prepared.frame);
  result.diagnostics.append(sites.diagnostics);
  requireUniqueIds(sites, job.siteIdField);
  std::optional<PointData> sources;
  std::vector<double> tonnes;
  if (!job.sources.empty()) {
    const LayerRef ref = LayerRef::parse(job.sources);
    sources = readPoints(ref, job.sourceIdField, prepared.frame);
    result.diagnostics.append(sources->diagnostics);
    tonnes = readQuantities(ref, job.tonnesField, field_names::kTonnes, result.diagnostics, 0.0);
  }
  const analyses::CatchmentsResult catchments = analyses::analyseCatchments(
      {prepared.network, sites, sources ? &*sources : nullptr, tonnes}, job.analysis, feedback);
  result.diagnostics.append(catchments.diagnostics);
  for (const analyses::SiteCatchment& site : catchments.sites) {
    if (site.polygon && !site.polygon->IsEmpty())
      ++result.sitesServing;
    result.sources += static_cast<std::size_t>(site.sources);
    result.tonnesReached += site.tonnes;
  }

  std::vector<ResultTable> tables;
  tables.push_back(analyses::catchmentsTable(catchments));
  tables.push_back(analyses::bandsTable(catchments));
  writeResultFile(job.output, prepared.frame, tables,
                  dataAttribution(job.attribution, {job.network.roads, job.sites, job.sources}),
                  result.diagnostics);
  return result;
}

}  // namespace cp::layers
