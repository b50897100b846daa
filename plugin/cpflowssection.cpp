#include "cpflowssection.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QPushButton>

#include <qgscheckablecombobox.h>
#include <qgsvectorlayer.h>

#include "layers/flows.h"
#include "qgis/processing/cpkeys.h"

CpFlowsSection::CpFlowsSection(QWidget* parent) : QWidget(parent) {
  auto* form = new QFormLayout(this);
  form->setContentsMargins(0, 0, 0, 0);
  mClasses = new QgsCheckableComboBox();
  mClasses->setObjectName(QStringLiteral("MaterialClassesCombo"));
  mClasses->setDefaultText(tr("none"));
  for (cp::layers::MaterialClass c : cp::layers::allMaterialClasses()) {
    const QString name = QString::fromLatin1(cp::layers::materialClassName(c));
    mClasses->addItemWithCheckState(QString(name).replace('_', ' '), Qt::Checked, name);
  }
  mScenario = new QComboBox();
  mScenario->setObjectName(QStringLiteral("ScenarioCombo"));
  mShape = new QComboBox();
  mShape->setObjectName(QStringLiteral("FlowShapeCombo"));
  mShape->addItems({tr("straight"), tr("curved"), tr("along the road route")});
  mShape->setCurrentIndex(1);
  mDraw = new QPushButton(tr("Draw flows"));
  mDraw->setObjectName(QStringLiteral("DrawFlowsButton"));
  mLoads = new QPushButton(tr("Road loads"));
  mLoads->setObjectName(QStringLiteral("RoadLoadsButton"));
  mBalance = new QPushButton(tr("Check balance"));
  mBalance->setObjectName(QStringLiteral("BalanceButton"));
  auto* buttons = new QWidget();
  auto* row = new QHBoxLayout(buttons);
  row->setContentsMargins(0, 0, 0, 0);
  for (QPushButton* b : {mDraw, mLoads, mBalance})
    row->addWidget(b);
  form->addRow(tr("Materials"), mClasses);
  form->addRow(tr("Scenario"), mScenario);
  form->addRow(tr("Lines"), mShape);
  form->addRow(buttons);
}

void CpFlowsSection::setFlowTable(QgsVectorLayer* table) {
  const QString current = mScenario->currentData().toString();
  mScenario->clear();
  mScenario->addItem(tr("all"), QString());
  const int field = table ? table->fields().lookupField(QStringLiteral("scenario")) : -1;
  if (field >= 0) {
    QStringList scenarios;
    for (const QVariant& v : table->uniqueValues(field))
      if (!v.isNull() && !v.toString().isEmpty())
        scenarios << v.toString();
    scenarios.sort();
    for (const QString& s : scenarios)
      mScenario->addItem(s, s);
  }
  mScenario->setCurrentIndex(std::max(0, mScenario->findData(current)));
}

bool CpFlowsSection::anyClass() const {
  return !mClasses->checkedItems().isEmpty();
}

QVariantMap CpFlowsSection::parameters(const QgsVectorLayer& table) const {
  QVariantList classes;
  for (int i = 0; i < mClasses->count(); ++i)
    if (mClasses->itemCheckState(i) == Qt::Checked)
      classes << i;
  if (classes.size() == mClasses->count())
    classes.clear();  // all
  return {{CpKey::Flows, table.id()},
          {CpKey::MaterialClasses, classes},
          {CpKey::Scenario, mScenario->currentData().toString()},
          {CpKey::Shape, mShape->currentIndex()}};
}
