#pragma once
// The district atlas of a report: a page per district with what its growth
// needs in construction materials, where they come from, and its numbers.

#include <memory>

#include <QString>

#include <qgsrectangle.h>

class QgsVectorLayer;

namespace cp::qgis {

// The construction supply's results the pages are made of.
struct DistrictAtlasResults {
  const QgsVectorLayer& stock;     // building stock: a district's polygon, demand and stock
  const QgsVectorLayer& supplied;  // district supply: supplied_t, secondary_t, unmet_t
  const QgsVectorLayer& lines;     // supply lines: supplier_id, district_id, tonnes
  // The climate balance's districts (scenario, district_id, co2e_t, change_t)
  // and the scenario the supply lines are; none: the pages leave the climate out.
  const QgsVectorLayer* changes = nullptr;
  QString scenario;
  // The report's frame (WGS 84): suppliers outside it are named on the page,
  // not framed, so that a far quarry does not shrink the district to a dot.
  QgsRectangle frame;
};

// One feature per district: its geometry is what its page frames (the
// district and its suppliers), its fields the numbers the page prints
// (district_id, demand_t, minerals_t, metals_t, biomass_t, zones_t,
// demolition_t, elsewhere_t, stock_t, co2e_t, change_t, off_map).
std::unique_ptr<QgsVectorLayer> districtAtlasPages(const DistrictAtlasResults& results);

// The page's numbers, a text over those fields.
QString districtAtlasNumbers(bool withClimate);

}  // namespace cp::qgis
