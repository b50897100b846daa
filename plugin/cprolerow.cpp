#include "cprolerow.h"

#include <QFormLayout>

#include <qgsfieldcombobox.h>
#include <qgsmaplayercombobox.h>
#include <qgsproject.h>
#include <qgsvectorlayer.h>

#include "qgis/cplayerreaders.h"
#include "qgis/cpqgisapi.h"

namespace {

const QString kScope = QStringLiteral("CircularPlanner");

namespace names = cp::layers::field_names;

CpRoleField idField(const names::Names& usual) {
  return {QStringLiteral("id"), QObject::tr("id field"), cp::qgis::usualNames(usual)};
}

CpRoleField quantityField(const names::Names& usual,
                          const QString& unit = QObject::tr("tonnes per year")) {
  return {QStringLiteral("quantity"), unit, cp::qgis::usualNames(usual)};
}

QList<CpRole> makeRoles() {
  const auto places = cp::qgis::LayerFilter::PointLayer | cp::qgis::LayerFilter::PolygonLayer;
  return {
      {QStringLiteral("roads"),
       QObject::tr("Roads"),
       cp::qgis::LayerFilter::LineLayer,
       {{QStringLiteral("class"), QObject::tr("road class"),
         cp::qgis::usualNames(names::kRoadClass)},
        {QStringLiteral("oneway"), QObject::tr("one-way"), cp::qgis::usualNames(names::kOneway)},
        {QStringLiteral("speed"), QObject::tr("speed (km/h)"),
         cp::qgis::usualNames(names::kSpeed)}},
       false},
      {QStringLiteral("districts"),
       QObject::tr("Districts"),
       places,
       {idField(names::kDistrictId)},
       true},
      {QStringLiteral("centres"),
       QObject::tr("District centres"),
       places,
       {idField(names::kCentreId)},
       true},
      {QStringLiteral("zones"),
       QObject::tr("Industrial zones"),
       places,
       {idField(names::kZoneId)},
       true},
      {QStringLiteral("farmland"),
       QObject::tr("Agricultural land"),
       places,
       {idField(names::kParcelId), quantityField(names::kCompostDemandPerHa,
                                                 QObject::tr("compost demand, t per ha per year"))},
       true},
      {QStringLiteral("organic"),
       QObject::tr("Organic sources"),
       places,
       {idField(names::kSourceId), quantityField(names::kTonnes)},
       true},
      {QStringLiteral("compost"),
       QObject::tr("Composting sites"),
       places,
       {idField(names::kSiteId), quantityField(names::kCapacity)},
       true},
      {QStringLiteral("waste"),
       QObject::tr("Waste facilities"),
       places,
       {idField(names::kFacilityId), quantityField(names::kCapacity)},
       true},
      {QStringLiteral("flows"),
       QObject::tr("Material flows"),
       cp::qgis::LayerFilter::VectorLayer,
       {idField(names::kFlowId), quantityField(names::kTonnes)},
       false},
      // Without it, the analyses leave transport CO2e empty and say so.
      {QStringLiteral("factors"),
       QObject::tr("Emission factors"),
       cp::qgis::LayerFilter::VectorLayer,
       {},
       false},
      // What each industrial zone makes, in tonnes a year by material class.
      {QStringLiteral("products"),
       QObject::tr("Zone products"),
       cp::qgis::LayerFilter::VectorLayer,
       {},
       false},
      // The compost yield (and building-stock coefficients), each row sourced.
      {QStringLiteral("coefficients"),
       QObject::tr("Coefficients"),
       cp::qgis::LayerFilter::VectorLayer,
       {},
       false},
      // The climate balance's scenarios: which levers each pulls.
      {QStringLiteral("strategies"),
       QObject::tr("Strategies"),
       cp::qgis::LayerFilter::VectorLayer,
       {},
       false},
  };
}

// The first usual name the layer has (any case), or "".
QString detect(const QgsVectorLayer* layer, const QStringList& usual) {
  if (!layer)
    return {};
  for (const QString& name : usual) {
    const int index = layer->fields().lookupField(name);
    if (index >= 0)
      return layer->fields().at(index).name();
  }
  return {};
}

QString entry(const QString& role, const QString& key) {
  return QStringLiteral("%1/%2").arg(role, key);
}

}  // namespace

const QList<CpRole>& cpRoles() {
  static const QList<CpRole> roles = makeRoles();
  return roles;
}

CpRoleRow::CpRoleRow(const CpRole& role, QFormLayout* form, QObject* parent)
    : QObject(parent), mRole(role) {
  mLayer = new QgsMapLayerComboBox();
  mLayer->setFilters(role.filters);
  mLayer->setAllowEmptyLayer(true);
  mLayer->setLayer(nullptr);
  mLayer->setObjectName(role.key + QStringLiteral("Layer"));
  form->addRow(role.title, mLayer);
  for (const CpRoleField& field : role.fields) {
    auto* combo = new QgsFieldComboBox();
    combo->setAllowEmptyFieldName(true);
    combo->setObjectName(role.key + QStringLiteral("_") + field.key);
    form->addRow(QStringLiteral("    ") + field.title, combo);
    mFields.insert(field.key, combo);
  }
  connect(mLayer, &QgsMapLayerComboBox::layerChanged, this, [this] {
    detectFields();
    save();
  });
  for (QgsFieldComboBox* combo : mFields)
    connect(combo, &QgsFieldComboBox::fieldChanged, this, [this] { save(); });
}

QgsVectorLayer* CpRoleRow::layer() const {
  return qobject_cast<QgsVectorLayer*>(mLayer->currentLayer());
}

void CpRoleRow::setLayer(QgsVectorLayer* layer) {
  mLayer->setLayer(layer);
}

QString CpRoleRow::field(const QString& key) const {
  const QgsFieldComboBox* combo = mFields.value(key);
  return combo ? combo->currentField() : QString();
}

void CpRoleRow::detectFields() {
  for (const CpRoleField& field : mRole.fields) {
    QgsFieldComboBox* combo = mFields.value(field.key);
    combo->setLayer(layer());
    combo->setField(detect(layer(), field.usualNames));
  }
}

void CpRoleRow::save() const {
  if (mRestoring)
    return;
  QgsProject* project = QgsProject::instance();
  project->writeEntry(kScope, entry(mRole.key, QStringLiteral("layer")),
                      layer() ? layer()->id() : QString());
  for (auto it = mFields.cbegin(); it != mFields.cend(); ++it)
    project->writeEntry(kScope, entry(mRole.key, it.key()), it.value()->currentField());
}

void CpRoleRow::restore() {
  QgsProject* project = QgsProject::instance();
  const QString layerId = project->readEntry(kScope, entry(mRole.key, QStringLiteral("layer")));
  QMap<QString, QString> stored;
  for (auto it = mFields.cbegin(); it != mFields.cend(); ++it) {
    bool found = false;
    const QString name = project->readEntry(kScope, entry(mRole.key, it.key()), QString(), &found);
    if (found)
      stored.insert(it.key(), name);
  }
  mRestoring = true;
  setLayer(qobject_cast<QgsVectorLayer*>(project->mapLayer(layerId)));
  for (auto it = stored.cbegin(); it != stored.cend(); ++it)
    mFields.value(it.key())->setField(it.value());
  mRestoring = false;
}
