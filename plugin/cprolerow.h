#pragma once
// One role a layer plays in the planner's analyses (roads, districts, composting
// sites, ...): a layer chooser and the fields the role needs, each detected from
// the names such fields usually have. Choices are kept in the QGIS project.

#include <QMap>
#include <QObject>

#include <qgsmaplayerproxymodel.h>
#include "qgis/cpqgisapi.h"

class QFormLayout;
class QgsFieldComboBox;
class QgsMapLayerComboBox;
class QgsVectorLayer;

struct CpRoleField {
  QString key;    // parameter-like name, e.g. "id", "class"
  QString title;  // shown in the panel
  QStringList usualNames;
};

struct CpRole {
  QString key;  // stored in the project
  QString title;
  cp::qgis::LayerFilters filters;
  QList<CpRoleField> fields;
  bool isPlace = false;  // can be the origin or destination of a transport analysis
};

// The roles, in the order the panel shows them.
const QList<CpRole>& cpRoles();

// Adds its rows to a form shared by all roles, so that the columns line up.
class CpRoleRow : public QObject {
 public:
  CpRoleRow(const CpRole& role, QFormLayout* form, QObject* parent);

  const CpRole& role() const { return mRole; }
  QgsVectorLayer* layer() const;
  void setLayer(QgsVectorLayer* layer);
  QString field(const QString& key) const;
  QgsMapLayerComboBox* layerCombo() const { return mLayer; }

  // Kept in the project on every change; restore() reads them back.
  void save() const;
  void restore();

 private:
  void detectFields();

  CpRole mRole;
  QgsMapLayerComboBox* mLayer = nullptr;
  QMap<QString, QgsFieldComboBox*> mFields;
  bool mRestoring = false;
};
