#include "catchments_job.h"

#include "layers/gpkg_writer.h"
#include "layers/library_messages.h"
#include "layers/point_reader.h"
#include "layers/quantity_reader.h"

namespace cp::layers {
namespace {

void writeCatchments(GpkgWriter& gpkg, const analyses::CatchmentsResult& result) {
  OGRLayer& layer = gpkg.createLayer("catchments", wkbMultiPolygon);
  gpkg.addField(layer, "site_id", OFTString);
  gpkg.addField(layer, "area_km2", OFTReal);
  gpkg.addField(layer, "network_km", OFTReal);
  gpkg.addField(layer, "sources", OFTInteger);
  gpkg.addField(layer, "tonnes", OFTReal);
  for (const analyses::SiteCatchment& site : result.sites) {
    OGRFeature f(layer.GetLayerDefn());
    f.SetField("site_id", site.siteId.c_str());
    f.SetField("area_km2", site.areaKm2);
    f.SetField("network_km", site.networkKm);
    f.SetField("sources", site.sources);
    f.SetField("tonnes", site.tonnes);
    if (site.polygon && !site.polygon->IsEmpty())
      f.SetGeometryDirectly(OGRGeometryFactory::forceToMultiPolygon(site.polygon->clone()));
    gpkg.addFeature(layer, f);
  }
}

void writeBands(GpkgWriter& gpkg, const analyses::CatchmentsResult& result) {
  OGRLayer& layer = gpkg.createLayer("catchment_network", wkbLineString);
  gpkg.addField(layer, "site_id", OFTString);
  gpkg.addField(layer, "band", OFTReal);
  gpkg.addField(layer, "cost_from", OFTReal);
  gpkg.addField(layer, "cost_to", OFTReal);
  for (const analyses::BandPiece& piece : result.network) {
    OGRFeature f(layer.GetLayerDefn());
    f.SetField("site_id", piece.siteId.c_str());
    f.SetField("band", piece.band);
    f.SetField("cost_from", piece.costFrom);
    f.SetField("cost_to", piece.costTo);
    if (piece.shape.size() >= 2) {
      auto line = std::make_unique<OGRLineString>();
      for (const geo::XY& xy : piece.shape)
        line->addPoint(xy.x, xy.y);
      f.SetGeometryDirectly(line.release());
    }
    gpkg.addFeature(layer, f);
  }
}

}  // namespace

CatchmentsJobResult runCatchmentsJob(const CatchmentsJob& job, const geo::Feedback* feedback) {
  CatchmentsJobResult result;
  PreparedNetwork prepared = prepareNetwork(job.network, feedback);
  result.networkFromSaved = prepared.fromSaved;
  result.buildReport = std::move(prepared.buildReport);
  result.diagnostics = std::move(prepared.diagnostics);

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

  LibraryMessages gdal;  // what the writer's GDAL says, with the output named
  GpkgWriter gpkg(job.output, prepared.frame.srs());
  writeCatchments(gpkg, catchments);
  writeBands(gpkg, catchments);
  if (!job.attribution.empty())
    gpkg.setMetadata("ATTRIBUTION", job.attribution);
  gpkg.commit();
  gdal.reportTo(result.diagnostics, job.output, "writing");
  return result;
}

}  // namespace cp::layers
