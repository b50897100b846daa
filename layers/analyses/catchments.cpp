#include "catchments.h"

#include <algorithm>
#include <sstream>

#include "geo/parallel.h"
#include "geo/routing.h"
#include "layers/place_geometry.h"
#include "layers/snapped_places.h"

namespace cp::analyses {
namespace {

using GeometryPtr = std::unique_ptr<OGRGeometry>;

// The band a cost falls in, as its upper limit (the cutoff for the last).
double bandOf(double cost, const std::vector<double>& bands, double cutoff) {
  const auto it = std::upper_bound(bands.begin(), bands.end(), cost);
  return it == bands.end() ? cutoff : *it;
}

GeometryPtr bandRound(const std::vector<geo::XY>& shape, double radius) {
  OGRLineString line;
  for (const geo::XY& xy : shape)
    line.addPoint(xy.x, xy.y);
  // Simplifying within a twentieth of the width moves the outline by no more than that.
  const GeometryPtr simple(line.SimplifyPreserveTopology(radius / 20));
  return GeometryPtr(simple ? simple->Buffer(radius, 2) : nullptr);
}

// Adds the polygons of a polygon or multi-polygon.
void addPolygons(OGRMultiPolygon& to, GeometryPtr geometry) {
  if (!geometry)
    return;
  if (wkbFlatten(geometry->getGeometryType()) == wkbPolygon) {
    to.addGeometryDirectly(geometry.release());
    return;
  }
  if (const auto* collection = dynamic_cast<const OGRGeometryCollection*>(geometry.get()))
    for (const OGRGeometry* part : *collection)
      if (wkbFlatten(part->getGeometryType()) == wkbPolygon)
        to.addGeometry(part);
}

// The union of many polygons: in chunks on all cores, then the chunks' union.
// GDAL gives each GEOS operation a context of its own, so threads share none.
GeometryPtr unionOf(std::vector<GeometryPtr>& parts, const geo::Feedback* feedback,
                    double progress) {
  constexpr std::size_t kChunk = 4096;  // large enough that the chunks outweigh their merge
  const std::size_t chunks = (parts.size() + kChunk - 1) / kChunk;
  std::vector<GeometryPtr> unions(chunks);
  geo::parallelFor(
      chunks, 0, feedback, [] { return 0; },
      [&](int, std::size_t c) {
        OGRMultiPolygon chunk;
        for (std::size_t i = c * kChunk; i < std::min(parts.size(), (c + 1) * kChunk); ++i)
          chunk.addGeometryDirectly(parts[i].release());
        unions[c].reset(chunk.UnionCascaded());
      },
      progress, progress);
  if (unions.size() == 1)
    return std::move(unions[0]);
  OGRMultiPolygon all;
  for (GeometryPtr& u : unions)
    addPolygons(all, std::move(u));
  return GeometryPtr(all.UnionCascaded());
}

// One polygon per site, a band of `radius` round the pieces it serves. Where
// two sites' bands overlap the earlier site keeps the overlap, so that the
// polygons partition the served area. Piece by piece, then one union per site:
// GEOS is far quicker so than buffering one large multi-line.
// `drawn` holds each piece's shape, in the order of `pieces`.
std::vector<GeometryPtr> catchmentPolygons(const std::vector<geo::CatchmentPiece>& pieces,
                                           const std::vector<BandPiece>& drawn,
                                           std::size_t siteCount, double radius,
                                           const geo::Feedback* feedback) {
  std::vector<GeometryPtr> rounds(pieces.size());
  geo::parallelFor(
      pieces.size(), 0, feedback, [] { return 0; },
      [&](int, std::size_t i) {
        if (drawn[i].shape.size() < 2)
          return;
        GeometryPtr round = bandRound(drawn[i].shape, radius);
        if (round && wkbFlatten(round->getGeometryType()) == wkbPolygon)
          rounds[i] = std::move(round);
      },
      30, 50);
  std::vector<std::vector<GeometryPtr>> bands(siteCount);
  for (std::size_t i = 0; i < pieces.size(); ++i)
    if (rounds[i])
      bands[pieces[i].site].push_back(std::move(rounds[i]));
  std::vector<GeometryPtr> out(siteCount);
  GeometryPtr taken;  // the bands of the sites before this one
  for (std::size_t s = 0; s < siteCount; ++s) {
    geo::throwIfCanceled(feedback);
    if (bands[s].empty())
      continue;
    GeometryPtr band = unionOf(bands[s], feedback,
                               50 + 50 * static_cast<double>(s) / static_cast<double>(siteCount));
    if (!band)
      continue;
    GeometryPtr own(taken ? band->Difference(taken.get()) : band->clone());
    if (own)
      out[s].reset(own->MakeValid());
    taken.reset(taken ? taken->Union(band.get()) : band.release());
  }
  return out;
}

double areaKm2(const OGRGeometry* polygon) {
  return polygon ? layers::polygonalArea(*polygon) / 1e6 : 0;
}

// Which site each source reaches, and the tonnes gathered per site.
void countSources(const CatchmentsInput& in, const geo::Snapper& snapper,
                  const geo::Catchments& catchments, CatchmentsResult& result) {
  if (in.sources == nullptr)
    return;
  const layers::PointData& sources = *in.sources;
  const auto placed = layers::snapPlaces(snapper, sources, result.diagnostics);
  const auto assigned = catchments.atAll(placed.locations());
  for (std::size_t i = 0; i < assigned.size(); ++i) {
    if (assigned[i].site == geo::kNoId) {
      result.diagnostics.warn(sources.layerLabel, sources.ids[i], "", "no site within the cutoff");
      continue;
    }
    result.sites[assigned[i].site].tonnes += in.sourceTonnes[i];
    ++result.sites[assigned[i].site].sources;
  }
}

}  // namespace

CatchmentsResult analyseCatchments(const CatchmentsInput& in, const CatchmentsOptions& options,
                                   const geo::Feedback* feedback) {
  if (in.sources)
    layers::requireOnePerPlace(*in.sources, in.sourceTonnes.size(), "tonnes");
  CatchmentsResult result;
  const geo::Snapper snapper(in.network, options.snap);
  const auto snapped = layers::snapPlaces(snapper, in.sites, result.diagnostics);
  const geo::Catchments catchments(in.network, snapped.locations(), options.search, feedback);
  const std::vector<geo::CatchmentPiece> pieces = catchments.pieces(options.bands);
  if (feedback)
    feedback->setProgress(30);

  for (const std::string& id : in.sites.ids)
    result.sites.push_back({id, 0, 0, 0, 0, nullptr});
  countSources(in, snapper, catchments, result);
  for (const geo::CatchmentPiece& piece : pieces) {
    result.sites[piece.site].networkKm +=
        (piece.f1 - piece.f0) * in.network.segmentLength[piece.segment] / 1000;
    result.network.push_back(
        {in.sites.ids[piece.site],
         bandOf(0.5 * (piece.cost0 + piece.cost1), options.bands, options.search.cutoff),
         piece.cost0, piece.cost1,
         geo::partialShape(in.network, piece.segment, piece.f0, piece.f1)});
  }
  auto polygons =
      catchmentPolygons(pieces, result.network, in.sites.ids.size(), options.radiusM, feedback);
  for (std::size_t s = 0; s < polygons.size(); ++s) {
    result.sites[s].areaKm2 = areaKm2(polygons[s].get());
    result.sites[s].polygon = std::move(polygons[s]);
  }
  if (feedback)
    feedback->setProgress(100);
  return result;
}

layers::ResultTable catchmentsTable(const CatchmentsResult& result) {
  using layers::FieldType;
  layers::ResultTable table{"catchments",
                            layers::ResultGeometry::MultiPolygon,
                            {{"site_id", FieldType::Text},
                             {"area_km2", FieldType::Real},
                             {"network_km", FieldType::Real},
                             {"sources", FieldType::Integer},
                             {"tonnes", FieldType::Real}},
                            {}};
  for (const SiteCatchment& site : result.sites)
    table.add({site.siteId, site.areaKm2, site.networkKm, static_cast<long long>(site.sources),
               site.tonnes},
              site.polygon ? std::unique_ptr<OGRGeometry>(site.polygon->clone()) : nullptr);
  return table;
}

layers::ResultTable bandsTable(const CatchmentsResult& result) {
  using layers::FieldType;
  layers::ResultTable table{"catchment_network",
                            layers::ResultGeometry::LineString,
                            {{"site_id", FieldType::Text},
                             {"band", FieldType::Real},
                             {"cost_from", FieldType::Real},
                             {"cost_to", FieldType::Real}},
                            {}};
  for (const BandPiece& piece : result.network)
    table.add({piece.siteId, piece.band, piece.costFrom, piece.costTo},
              layers::lineAlong(piece.shape));
  return table;
}

std::vector<double> parseBands(const std::string& text, double cutoff) {
  std::vector<double> bands;
  std::istringstream parts(text);
  for (std::string part; std::getline(parts, part, ',');) {
    if (part.find_first_not_of(" \t") == std::string::npos)
      continue;
    std::size_t used = 0;
    double value = 0;
    try {
      value = std::stod(part, &used);
    } catch (const std::exception&) {
      used = 0;
    }
    if (used == 0 || part.find_first_not_of(" \t", used) != std::string::npos || !(value > 0))
      throw layers::OptionError("Bands must be positive numbers separated by commas, not '" + text +
                                "'");
    if (value < cutoff)
      bands.push_back(value);
  }
  std::sort(bands.begin(), bands.end());
  return bands;
}

}  // namespace cp::analyses
