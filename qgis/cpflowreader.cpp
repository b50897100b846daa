#include "cpflowreader.h"

#include <qgsfeatureiterator.h>

#include "cplayerreaders.h"
#include "qgis/cpqgisapi.h"

namespace cp::qgis {

std::vector<layers::Flow> readFlows(const QgsFeatureSource& table, const QString& label,
                                    layers::Diagnostics& diagnostics) {
  const QgsFields fields = table.fields();
  layers::FlowRows rows(
      label.toStdString(),
      layers::detectFlowFields([&table](const layers::field_names::Names& usual) {
        return detectField(table, usual).toStdString();
      }),
      [&fields](const std::string& field) {
        return fields.lookupField(QString::fromStdString(field)) >= 0;
      },
      diagnostics);
  const QString tonnesField = QString::fromStdString(rows.fields().tonnes);
  QgsFeatureRequest request;
  request.setFlags(cp::qgis::RequestFlag::NoGeometry);
  QgsFeatureIterator it = table.getFeatures(request);
  for (QgsFeature f; it.nextFeature(f);) {
    const auto text = [&f](const std::string& field) {
      const QVariant v = f.attribute(QString::fromStdString(field));
      return v.isNull() ? std::string() : v.toString().trimmed().toStdString();
    };
    const QVariant tonnes = f.attribute(tonnesField);
    layers::FlowRows::Tonnes t;
    bool number = false;
    t.value = tonnes.toDouble(&number);
    t.isNumber = !tonnes.isNull() && number;
    t.isNull = tonnes.isNull();
    t.shown = tonnes.toString().toStdString();
    rows.add(std::to_string(f.id()), text, t);
  }
  return rows.finish();
}

}  // namespace cp::qgis
