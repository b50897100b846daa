#pragma once
// Composting-site catchments: in one search from all sites, the nearest site of
// every place on the road network within a cutoff. The served network is cut
// into cost bands; polygons a band's width round each site's roads partition
// the served area; sources are counted, with their tonnes, at the site they
// reach.

#include <memory>
#include <string>
#include <vector>

#include <ogr_geometry.h>

#include "geo/catchments.h"
#include "geo/feedback.h"
#include "geo/snapping.h"
#include "layers/diagnostics.h"
#include "layers/point_reader.h"
#include "layers/result_table.h"

namespace cp::analyses {

struct CatchmentsOptions {
  geo::CatchmentOptions search;  // metric, travel direction, cutoff
  std::vector<double> bands;     // band limits below the cutoff, ascending (parseBands)
  double radiusM = 200;          // polygon width either side of the roads
  geo::SnapOptions snap;
};

struct CatchmentsInput {
  const geo::Network& network;
  const layers::PointData& sites;
  const layers::PointData* sources = nullptr;  // optional
  std::vector<double> sourceTonnes = {};       // per source
};

struct SiteCatchment {
  std::string siteId;
  double areaKm2 = 0;
  double networkKm = 0;
  int sources = 0;
  double tonnes = 0;
  std::unique_ptr<OGRGeometry> polygon;  // working CRS; null when the site serves nothing
};

// A stretch of road served by one site, in the cost band whose upper limit is
// `band` (the cutoff for the last).
struct BandPiece {
  std::string siteId;
  double band = 0;
  double costFrom = 0;
  double costTo = 0;
  std::vector<geo::XY> shape;  // working CRS
};

struct CatchmentsResult {
  std::vector<SiteCatchment> sites;  // in the sites' order
  std::vector<BandPiece> network;
  layers::Diagnostics diagnostics;  // places not joined, sources beyond the cutoff
};

// Throws geo::Canceled when canceled; nothing is returned then.
CatchmentsResult analyseCatchments(const CatchmentsInput& input, const CatchmentsOptions& options,
                                   const geo::Feedback* feedback = nullptr);

// The result tables: "catchments", a polygon per site with its area, served
// road length, sources and tonnes; "catchment_network", the served roads in
// cost bands.
layers::ResultTable catchmentsTable(const CatchmentsResult& result);
layers::ResultTable bandsTable(const CatchmentsResult& result);

// Band limits from text such as "5000,10000", ascending, those at or beyond
// the cutoff left out. Throws OptionError for anything but positive numbers.
std::vector<double> parseBands(const std::string& text, double cutoff);

}  // namespace cp::analyses
