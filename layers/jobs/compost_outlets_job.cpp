#include "compost_outlets_job.h"

#include "layers/area_reader.h"
#include "layers/point_reader.h"
#include "layers/quantity_reader.h"
#include "layers/road_reader.h"
#include "result_file.h"

namespace cp::layers {

CompostOutletsJobResult runCompostOutletsJob(const CompostOutletsJob& job,
                                             const geo::Feedback* feedback) {
  CompostOutletsJobResult result;
  const PreparedNetwork prepared = prepareJobNetwork(job.network, result, feedback);
  const LayerRef sitesRef = LayerRef::parse(job.sites);
  const LayerRef farmlandRef = LayerRef::parse(job.farmland);
  const PointData sites = readPoints(sitesRef, job.siteIdField, prepared.frame);
  const PointData parcels = readPoints(farmlandRef, job.parcelIdField, prepared.frame);
  result.diagnostics.append(sites.diagnostics);
  result.diagnostics.append(parcels.diagnostics);
  requireUniqueIds(sites, job.siteIdField);
  const std::string intakeField = job.intakeField.empty()
                                      ? OpenLayer(sitesRef).detectField(field_names::kCompostIntake)
                                      : job.intakeField;
  if (const std::string problem = analyses::capacityAsIntakeProblem(intakeField); !problem.empty())
    result.diagnostics.warn(sitesRef.label(), "", intakeField, problem);
  const AreaShapes areas = readAreas(farmlandRef, prepared.frame, result.diagnostics);
  const analyses::CompostOutletsInput input{
      prepared.network,
      sites,
      readQuantities(sitesRef, intakeField, field_names::kCompostIntake, result.diagnostics),
      parcels,
      readQuantities(farmlandRef, job.demandField, field_names::kCompostDemandPerHa,
                     result.diagnostics),
      areas};
  analyses::CompostOutletsOptions options = job.analysis;
  const std::optional<FactorTable> coefficients =
      readOptionalFactorTable(job.coefficients, result.diagnostics);
  options.yield = analyses::compostYield(job.yield, coefficients ? &*coefficients : nullptr);
  analyses::CompostOutletsResult compost = analyses::placeCompost(input, options, feedback);
  result.diagnostics.append(compost.diagnostics);
  result.made = compost.made;
  result.demand = compost.demand;
  result.placed = compost.placed;
  result.unplaced = compost.unplaced;
  result.tonneKm = compost.tonneKm;
  std::vector<ResultTable> tables;
  tables.push_back(std::move(compost.deliveries));
  tables.push_back(std::move(compost.parcels));
  tables.push_back(std::move(compost.sites));
  writeResultFile(job.output, prepared.frame, tables,
                  dataAttribution(job.attribution, {job.network.roads, job.sites, job.farmland}),
                  result.diagnostics);
  return result;
}

}  // namespace cp::layers
