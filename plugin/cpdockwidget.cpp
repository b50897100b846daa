#include "cpdockwidget.h"

#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

#include <qgisinterface.h>
#include <qgsapplication.h>
#include <qgsfieldcombobox.h>
#include <qgslayertree.h>
#include <qgsmapcanvas.h>
#include <qgsmaplayercombobox.h>
#include <qgsmessagebar.h>
#include <qgsprocessingalgrunnertask.h>
#include <qgsprocessingregistry.h>
#include <qgsproject.h>
#include <qgstaskmanager.h>
#include <qgsvectorlayer.h>

#include "qgis/cpresultstyles.h"

namespace {

const QString kScope = QStringLiteral("CircularPlanner");
const QString kResultsGroup = QStringLiteral("Circular Planner results");
const QString kSampleGroup = QStringLiteral("Almaty sample data");
// Drawn bottom to top: context first, places last.
const QStringList kSampleLayers{
    QStringLiteral("agricultural_land"), QStringLiteral("boundaries"),
    QStringLiteral("districts"),         QStringLiteral("roads"),
    QStringLiteral("industrial_zones"),  QStringLiteral("settlements"),
    QStringLiteral("organic_sources"),   QStringLiteral("composting_sites"),
    QStringLiteral("waste_facilities"),  QStringLiteral("district_centres")};

QString sampleGeoPackage() {
  const QString fromEnv = qEnvironmentVariable("CIRCULAR_PLANNER_SAMPLE_DATA");
  return fromEnv.isEmpty() ? QStringLiteral(CP_SAMPLE_GPKG) : fromEnv;
}

QgsLayerTreeGroup* group(const QString& name) {
  QgsLayerTree* root = QgsProject::instance()->layerTreeRoot();
  QgsLayerTreeGroup* g = root->findGroup(name);
  return g ? g : root->insertGroup(0, name);
}

QgsMapLayerComboBox* layerCombo(QgsMapLayerProxyModel::Filters filters, const QString& objectName) {
  auto* combo = new QgsMapLayerComboBox();
  combo->setFilters(filters);
  combo->setAllowEmptyLayer(true);
  combo->setObjectName(objectName);
  return combo;
}

QgsFieldComboBox* idCombo(QgsMapLayerComboBox* layers, const QString& objectName) {
  auto* combo = new QgsFieldComboBox();
  combo->setAllowEmptyFieldName(true);
  combo->setObjectName(objectName);
  QObject::connect(layers, &QgsMapLayerComboBox::layerChanged, combo, &QgsFieldComboBox::setLayer);
  return combo;
}

}  // namespace

CpDockWidget::CpDockWidget(QgisInterface* iface, QWidget* parent)
    : QgsDockWidget(QStringLiteral("Circular Planner"), parent), mIface(iface) {
  setObjectName(QStringLiteral("CircularPlannerDock"));
  auto* body = new QWidget();
  auto* layout = new QVBoxLayout(body);
  auto* sample = new QPushButton(tr("Load the Almaty sample data"));
  sample->setObjectName(QStringLiteral("LoadSampleButton"));
  layout->addWidget(sample);
  layout->addWidget(buildRoles());
  mRun = new QPushButton(tr("Run OD matrix"));
  mRun->setObjectName(QStringLiteral("RunOdButton"));
  layout->addWidget(mRun);
  mStatus = new QLabel();
  mStatus->setObjectName(QStringLiteral("StatusLabel"));
  mStatus->setWordWrap(true);
  layout->addWidget(mStatus);
  layout->addStretch();
  setWidget(body);

  connect(sample, &QPushButton::clicked, this, [this] { loadSampleData(); });
  connect(mRun, &QPushButton::clicked, this, [this] { runOdMatrix(); });
  for (QgsMapLayerComboBox* combo : {mRoads, mOrigins, mDestinations})
    connect(combo, &QgsMapLayerComboBox::layerChanged, this, [this] { saveChoices(); });
  for (QgsFieldComboBox* combo : {mOriginId, mDestinationId})
    connect(combo, &QgsFieldComboBox::fieldChanged, this, [this] { saveChoices(); });
  connect(QgsProject::instance(), &QgsProject::readProject, this, [this] { restoreChoices(); });
  restoreChoices();
}

QWidget* CpDockWidget::buildRoles() {
  auto* roles = new QWidget();
  auto* form = new QFormLayout(roles);
  const auto places = QgsMapLayerProxyModel::PointLayer | QgsMapLayerProxyModel::PolygonLayer;
  mRoads = layerCombo(QgsMapLayerProxyModel::LineLayer, QStringLiteral("RoadsCombo"));
  mOrigins = layerCombo(places, QStringLiteral("OriginsCombo"));
  mDestinations = layerCombo(places, QStringLiteral("DestinationsCombo"));
  mOriginId = idCombo(mOrigins, QStringLiteral("OriginIdCombo"));
  mDestinationId = idCombo(mDestinations, QStringLiteral("DestinationIdCombo"));
  form->addRow(tr("Roads"), mRoads);
  form->addRow(tr("Origins"), mOrigins);
  form->addRow(tr("  id field"), mOriginId);
  form->addRow(tr("Destinations"), mDestinations);
  form->addRow(tr("  id field"), mDestinationId);
  return roles;
}

void CpDockWidget::loadSampleData() {
  const QString gpkg = sampleGeoPackage();
  if (!QFileInfo::exists(gpkg)) {
    mIface->messageBar()->pushCritical(windowTitle(), tr("The sample data is not at %1").arg(gpkg));
    return;
  }
  QgsLayerTreeGroup* target = group(kSampleGroup);
  QMap<QString, QgsVectorLayer*> loaded;
  for (const QString& name : kSampleLayers) {
    auto* layer = new QgsVectorLayer(QStringLiteral("%1|layername=%2").arg(gpkg, name), name,
                                     QStringLiteral("ogr"));
    if (!layer->isValid()) {
      delete layer;
      mIface->messageBar()->pushWarning(
          windowTitle(), tr("Layer %1 of the sample data could not be read").arg(name));
      continue;
    }
    QgsProject::instance()->addMapLayer(layer, false);
    target->insertLayer(0, layer);
    loaded[name] = layer;
  }
  mRoads->setLayer(loaded.value(QStringLiteral("roads")));
  mOrigins->setLayer(loaded.value(QStringLiteral("industrial_zones")));
  mOriginId->setField(QStringLiteral("zone_id"));
  mDestinations->setLayer(loaded.value(QStringLiteral("district_centres")));
  mDestinationId->setField(QStringLiteral("name"));
  if (QgsVectorLayer* districts = loaded.value(QStringLiteral("districts"))) {
    mIface->mapCanvas()->setExtent(districts->extent().buffered(districts->extent().width() * 0.8));
  }
  mIface->mapCanvas()->refresh();
  mStatus->setText(
      tr("Sample data loaded: © OpenStreetMap contributors; estimates as documented."));
}

void CpDockWidget::runOdMatrix() {
  if (!mRoads->currentLayer() || !mOrigins->currentLayer() || !mDestinations->currentLayer()) {
    mIface->messageBar()->pushWarning(windowTitle(),
                                      tr("Choose the roads, origins and destinations first"));
    return;
  }
  const QgsProcessingAlgorithm* alg = QgsApplication::processingRegistry()->algorithmById(
      QStringLiteral("circularplanner:odmatrix"));
  if (!alg) {
    mIface->messageBar()->pushCritical(windowTitle(),
                                       tr("The OD matrix algorithm is not registered"));
    return;
  }
  const QVariantMap parameters{
      {QStringLiteral("ROADS"), mRoads->currentLayer()->id()},
      {QStringLiteral("ORIGINS"), mOrigins->currentLayer()->id()},
      {QStringLiteral("ORIGIN_ID"), mOriginId->currentField()},
      {QStringLiteral("DESTINATIONS"), mDestinations->currentLayer()->id()},
      {QStringLiteral("DESTINATION_ID"), mDestinationId->currentField()},
      {QStringLiteral("OUTPUT"), QgsProcessing::TEMPORARY_OUTPUT}};
  // The context and feedback live until the task reports back.
  auto context = std::make_shared<QgsProcessingContext>();
  context->setProject(QgsProject::instance());
  auto feedback = std::make_shared<QgsProcessingFeedback>();
  auto* task = new QgsProcessingAlgRunnerTask(alg, parameters, *context, feedback.get());
  connect(task, &QgsProcessingAlgRunnerTask::executed, this,
          [this, context, feedback](bool ok, const QVariantMap& results) {
            if (ok) {
              QgsMapLayer* layer =
                  context->takeResultLayer(results.value(QStringLiteral("OUTPUT")).toString());
              if (auto* od = qobject_cast<QgsVectorLayer*>(layer)) {
                od->setName(tr("OD matrix"));
                cp::qgis::styleOdLines(*od);
                QgsProject::instance()->addMapLayer(od, false);
                group(kResultsGroup)->insertLayer(0, od);
              }
            }
            showResult(ok, results);
          });
  mRun->setEnabled(false);
  mStatus->setText(tr("Computing the OD matrix… (Task Manager shows progress and can cancel)"));
  QgsApplication::taskManager()->addTask(task);
}

void CpDockWidget::showResult(bool ok, const QVariantMap&) {
  mRun->setEnabled(true);
  mStatus->setText(ok ? tr("OD matrix added to '%1'.").arg(kResultsGroup)
                      : tr("The OD matrix failed or was canceled; the Processing log says why."));
  if (!ok)
    mIface->messageBar()->pushWarning(windowTitle(), mStatus->text());
}

void CpDockWidget::saveChoices() {
  QgsProject* project = QgsProject::instance();
  const auto id = [](QgsMapLayerComboBox* c) {
    return c->currentLayer() ? c->currentLayer()->id() : QString();
  };
  project->writeEntry(kScope, QStringLiteral("roads"), id(mRoads));
  project->writeEntry(kScope, QStringLiteral("origins"), id(mOrigins));
  project->writeEntry(kScope, QStringLiteral("destinations"), id(mDestinations));
  project->writeEntry(kScope, QStringLiteral("origin_id"), mOriginId->currentField());
  project->writeEntry(kScope, QStringLiteral("destination_id"), mDestinationId->currentField());
}

void CpDockWidget::restoreChoices() {
  QgsProject* project = QgsProject::instance();
  const auto layer = [project](const QString& key) {
    return project->mapLayer(project->readEntry(kScope, key));
  };
  const QString originId = project->readEntry(kScope, QStringLiteral("origin_id"));
  const QString destinationId = project->readEntry(kScope, QStringLiteral("destination_id"));
  if (QgsMapLayer* l = layer(QStringLiteral("roads")))
    mRoads->setLayer(l);
  if (QgsMapLayer* l = layer(QStringLiteral("origins")))
    mOrigins->setLayer(l);
  if (QgsMapLayer* l = layer(QStringLiteral("destinations")))
    mDestinations->setLayer(l);
  if (!originId.isEmpty())
    mOriginId->setField(originId);
  if (!destinationId.isEmpty())
    mDestinationId->setField(destinationId);
}
