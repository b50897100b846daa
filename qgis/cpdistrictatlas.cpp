#include "cpdistrictatlas.h"

#include "cpqgisapi.h"

#include <map>

#include <QLocale>
#include <QObject>

#include <qgscoordinatetransform.h>
#include <qgsfeatureiterator.h>
#include <qgsgeometry.h>
#include <qgsvectorlayer.h>

namespace cp::qgis {
namespace {

struct Page {
  QgsRectangle frame;  // the district and its suppliers, in the results' CRS
  QgsAttributes numbers;
  std::map<QString, double> offMap;  // tonnes by supplier outside the report's frame
};

const QStringList kNumberFields{QStringLiteral("demand_t"),    QStringLiteral("minerals_t"),
                                QStringLiteral("metals_t"),    QStringLiteral("biomass_t"),
                                QStringLiteral("zones_t"),     QStringLiteral("demolition_t"),
                                QStringLiteral("elsewhere_t"), QStringLiteral("stock_t"),
                                QStringLiteral("co2e_t"),      QStringLiteral("change_t")};

double value(const QgsFeature& f, const char* field) {
  return f.attribute(QString::fromLatin1(field)).toDouble();
}

QString districtOf(const QgsFeature& f) {
  return f.attribute(QStringLiteral("district_id")).toString();
}

void set(Page& page, const char* field, double v) {
  page.numbers[kNumberFields.indexOf(QString::fromLatin1(field))] = v;
}

// The pages in the stock's order, framed on the districts.
std::vector<std::pair<QString, Page>> pagesOfStock(const QgsVectorLayer& stock) {
  std::vector<std::pair<QString, Page>> pages;
  QgsFeatureIterator it = stock.getFeatures();
  for (QgsFeature f; it.nextFeature(f);) {
    Page page{f.geometry().boundingBox(), QgsAttributes(kNumberFields.size()), {}};
    set(page, "demand_t", value(f, "demand_t"));
    set(page, "minerals_t", value(f, "demand_minerals_t"));
    set(page, "metals_t", value(f, "demand_metals_t"));
    set(page, "biomass_t", value(f, "demand_biomass_t"));
    set(page, "stock_t", value(f, "stock_t"));
    pages.emplace_back(districtOf(f), page);
  }
  return pages;
}

Page* find(std::vector<std::pair<QString, Page>>& pages, const QString& district) {
  for (auto& [id, page] : pages)
    if (id == district)
      return &page;
  return nullptr;
}

// Each supplier's point (where its lines start) is framed when it lies in the
// report's frame, and named as off the map when it does not.
void addSuppliers(std::vector<std::pair<QString, Page>>& pages, const DistrictAtlasResults& r) {
  QgsCoordinateTransform toLonLat(r.lines.crs(),
                                  QgsCoordinateReferenceSystem(QStringLiteral("EPSG:4326")),
                                  QgsCoordinateTransformContext());
  toLonLat.setBallparkTransformsAreAppropriate(true);
  QgsFeatureIterator it = r.lines.getFeatures();
  for (QgsFeature f; it.nextFeature(f);) {
    Page* page = find(pages, districtOf(f));
    if (page == nullptr || f.geometry().isEmpty())
      continue;
    const QgsPointXY supplier(f.geometry().vertexAt(0));
    if (r.frame.isEmpty() || r.frame.contains(toLonLat.transform(supplier)))
      page->frame.combineExtentWith(supplier.x(), supplier.y());
    else
      page->offMap[f.attribute(QStringLiteral("supplier_id")).toString()] += value(f, "tonnes");
  }
}

QString offMapText(const Page& page) {
  QStringList suppliers;
  for (const auto& [supplier, tonnes] : page.offMap)
    suppliers << QObject::tr("%1 %2 t/yr").arg(supplier, QLocale().toString(tonnes, 'f', 0));
  return suppliers.isEmpty()
             ? QString()
             : QObject::tr("Off the map: %1").arg(suppliers.join(QStringLiteral(", ")));
}

}  // namespace

std::unique_ptr<QgsVectorLayer> districtAtlasPages(const DistrictAtlasResults& r) {
  std::vector<std::pair<QString, Page>> pages = pagesOfStock(r.stock);
  QgsFeatureIterator supplied = r.supplied.getFeatures();
  for (QgsFeature f; supplied.nextFeature(f);)
    if (Page* page = find(pages, districtOf(f))) {
      set(*page, "zones_t", value(f, "supplied_t") - value(f, "secondary_t"));
      set(*page, "demolition_t", value(f, "secondary_t"));
      set(*page, "elsewhere_t", value(f, "unmet_t"));
    }
  if (r.changes != nullptr) {
    QgsFeatureIterator changes = r.changes->getFeatures();
    for (QgsFeature f; changes.nextFeature(f);)
      if (Page* page = find(pages, districtOf(f));
          page && f.attribute(QStringLiteral("scenario")).toString() == r.scenario) {
        set(*page, "co2e_t", value(f, "co2e_t"));
        set(*page, "change_t", value(f, "change_t"));
      }
  }
  addSuppliers(pages, r);

  auto layer = std::make_unique<QgsVectorLayer>(
      QStringLiteral("Polygon"), QObject::tr("District pages"), QStringLiteral("memory"));
  layer->setCrs(r.stock.crs());
  QList<QgsField> fields{makeField(QStringLiteral("district_id"), QMetaType::QString)};
  for (const QString& name : kNumberFields)
    fields << makeField(name, QMetaType::Double);
  fields << makeField(QStringLiteral("off_map"), QMetaType::QString);
  layer->dataProvider()->addAttributes(fields);
  layer->updateFields();
  QgsFeatureList features;
  for (const auto& [district, page] : pages) {
    QgsFeature f(layer->fields());
    f.setAttribute(0, district);
    for (int i = 0; i < kNumberFields.size(); ++i)
      f.setAttribute(i + 1, page.numbers.at(i));
    f.setAttribute(static_cast<int>(kNumberFields.size()) + 1, offMapText(page));
    f.setGeometry(QgsGeometry::fromRect(page.frame));
    features << f;
  }
  layer->dataProvider()->addFeatures(features);
  layer->updateExtents();
  return layer;
}

QString districtAtlasNumbers(bool withClimate) {
  const auto t = [](const char* field) {
    return QStringLiteral("[% format_number(\"%1\", 0) %]").arg(QString::fromLatin1(field));
  };
  QStringList lines{QObject::tr("Demand: %1 t/yr, of which").arg(t("demand_t")),
                    QObject::tr("  minerals %1, metals %2").arg(t("minerals_t"), t("metals_t")),
                    QObject::tr("  biomass %1").arg(t("biomass_t")),
                    QObject::tr("From the zones: %1 t/yr").arg(t("zones_t")),
                    QObject::tr("From demolitions: %1 t/yr").arg(t("demolition_t")),
                    QObject::tr("Bought elsewhere: %1 t/yr").arg(t("elsewhere_t")),
                    QObject::tr("Building stock: %1 t").arg(t("stock_t"))};
  if (withClimate)
    lines << QObject::tr("Its supply: %1 t CO2e/yr").arg(t("co2e_t"))
          << QObject::tr("  [% if(\"change_t\" > 0, '+', '') %]%1 against buying all elsewhere")
                 .arg(t("change_t"));
  lines << QStringLiteral("[% \"off_map\" %]");
  return lines.join('\n');
}

}  // namespace cp::qgis
