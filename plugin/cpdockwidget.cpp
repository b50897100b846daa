#include "cpdockwidget.h"

#include <dlfcn.h>

#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFile>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QVBoxLayout>

#include <qgisinterface.h>
#include <qgsapplication.h>
#include <qgscollapsiblegroupbox.h>
#include <qgsfilewidget.h>
#include <qgslayertree.h>
#include <qgsmapcanvas.h>
#include <qgsmaplayercombobox.h>
#include <qgsmessagebar.h>
#include <qgsprocessingalgrunnertask.h>
#include <qgsprocessingregistry.h>
#include <qgsproject.h>
#include <qgstaskmanager.h>
#include <qgsvectorfilewriter.h>
#include <qgsvectorlayer.h>

#include "cpflowssection.h"
#include "cprolerow.h"
#include "qgis/cpresultstyles.h"
#include "qgis/processing/cpkeys.h"

// One result layer of an analysis: its output parameter, its table in the
// results GeoPackage, its name in the project and its style.
struct CpResult {
  QString parameter;
  QString table;
  QString title;
  void (*style)(QgsVectorLayer&);
};

// An analysis the panel offers between the "From" and "To" roles: which
// parameters take the two layers (and their id and tonnes fields), and the
// results it draws, bottom first.
struct CpAnalysis {
  QString key;
  QString title;
  QString algorithm;
  QStringList fromParameters;  // layer, id field, tonnes field ("" where there is none)
  QStringList toParameters;
  QString countParameter;  // the analysis's count ("" where it has none) ...
  QString countLabel;      // ... and what it counts
  QList<CpResult> results;
};

namespace {

const QString kScope = QStringLiteral("CircularPlanner");
const QString kSampleGroup = QStringLiteral("Almaty sample data");

QStringList params(const char* layer, const char* id, const char* tonnes = "") {
  return {QString::fromLatin1(layer), QString::fromLatin1(id), QString::fromLatin1(tonnes)};
}

CpResult placesResult() {
  return {CpKey::Places, QStringLiteral("places"), QObject::tr("Places"), cp::qgis::stylePlaces};
}

void noStyle(QgsVectorLayer&) {}

QList<CpResult> allocationResults() {
  return {{CpKey::Output, QStringLiteral("allocation"), QObject::tr("Allocation"),
           cp::qgis::styleAllocation},
          {CpKey::SourceStatus, QStringLiteral("sources"), QObject::tr("Sources"),
           cp::qgis::styleSourceStatus},
          {CpKey::SiteIntake, QStringLiteral("sites"), QObject::tr("Site intake"),
           cp::qgis::styleSiteIntake}};
}

const QList<CpAnalysis>& analyses() {
  static const QList<CpAnalysis> list{
      {QStringLiteral("od_matrix"),
       QObject::tr("OD matrix"),
       QStringLiteral("circularplanner:odmatrix"),
       params("ORIGINS", "ORIGIN_ID"),
       params("DESTINATIONS", "DESTINATION_ID"),
       {},
       {},
       {placesResult(),
        {CpKey::Output, QStringLiteral("od_matrix"), QObject::tr("OD matrix"),
         cp::qgis::styleOdLines}}},
      {QStringLiteral("routes"),
       QObject::tr("Routes"),
       QStringLiteral("circularplanner:routes"),
       params("ORIGINS", "ORIGIN_ID"),
       params("DESTINATIONS", "DESTINATION_ID"),
       {},
       {},
       {placesResult(),
        {CpKey::Output, QStringLiteral("routes"), QObject::tr("Routes"), cp::qgis::styleRoutes}}},
      {QStringLiteral("nearest"),
       QObject::tr("Nearest facilities"),
       QStringLiteral("circularplanner:nearestfacilities"),
       params("ORIGINS", "ORIGIN_ID"),
       params("FACILITIES", "FACILITY_ID"),
       CpKey::K,
       QObject::tr("Facilities per origin"),
       {{CpKey::Output, QStringLiteral("nearest"), QObject::tr("Nearest facilities"),
         cp::qgis::styleOdLines}}},
      {QStringLiteral("catchments"),
       QObject::tr("Catchments of the 'To' sites"),
       QStringLiteral("circularplanner:catchments"),
       params("SOURCES", "", "TONNES_FIELD"),
       params("SITES", "SITE_ID"),
       {},
       {},
       {{CpKey::Output, QStringLiteral("catchments"), QObject::tr("Catchments"),
         cp::qgis::styleCatchments}}},
      {QStringLiteral("allocation"),
       QObject::tr("Allocation to the 'To' sites' capacity"),
       QStringLiteral("circularplanner:allocation"),
       params("SOURCES", "SOURCE_ID", "TONNES_FIELD"),
       params("SITES", "SITE_ID", "CAPACITY_FIELD"),
       {},
       {},
       allocationResults()},
      {QStringLiteral("site_selection"), QObject::tr("Site selection among the 'To' candidates"),
       QStringLiteral("circularplanner:siteselection"),
       params("SOURCES", "SOURCE_ID", "TONNES_FIELD"), params("SITES", "SITE_ID", "CAPACITY_FIELD"),
       CpKey::NewSites, QObject::tr("New sites to build"), allocationResults()},
      {QStringLiteral("compost_outlets"),
       QObject::tr("Compost from the 'From' sites to the 'To' farmland"),
       QStringLiteral("circularplanner:compostoutlets"),
       params("SITES", "SITE_ID", "INTAKE_FIELD"),
       params("FARMLAND", "PARCEL_ID", "DEMAND_FIELD"),
       {},
       {},
       {{CpKey::Parcels, QStringLiteral("farmland_supplied"), QObject::tr("Farmland supplied"),
         cp::qgis::styleDemandMet},
        {CpKey::Output, QStringLiteral("deliveries"), QObject::tr("Compost deliveries"),
         cp::qgis::styleAllocation},
        {CpKey::SiteOutlets, QStringLiteral("compost_sites"), QObject::tr("Compost placed"),
         cp::qgis::styleCompostSites}}},
      {QStringLiteral("waste_disposal"),
       QObject::tr("Waste from the 'From' sources: landfill or the planned plant"),
       QStringLiteral("circularplanner:wastedisposal"),
       params("SOURCES", "SOURCE_ID", "TONNES_FIELD"),
       params("FACILITIES", "FACILITY_ID", "CAPACITY_FIELD"),
       {},
       {},
       {{CpKey::Output, QStringLiteral("disposal_today"), QObject::tr("Disposal today"),
         cp::qgis::styleAllocation},
        {CpKey::WithPlant, QStringLiteral("disposal_with_plant"),
         QObject::tr("Disposal with the planned plant"), cp::qgis::styleAllocation},
        {CpKey::FacilityIntake, QStringLiteral("waste_facilities"),
         QObject::tr("Organic waste per facility"), cp::qgis::styleFacilityIntake}}},
      // The waste facilities, emission factors and strategies from their rows.
      {QStringLiteral("climate_balance"),
       QObject::tr("Climate balance of the strategies: 'From' sources, 'To' composting sites"),
       QStringLiteral("circularplanner:climatebalance"),
       params("SOURCES", "SOURCE_ID", "TONNES_FIELD"),
       params("SITES", "SITE_ID", "SITE_CAPACITY_FIELD"),
       {},
       {},
       {{CpKey::RoadChanges, QStringLiteral("strategy_road_changes"),
         QObject::tr("Road loads against the baseline (filter by scenario)"),
         cp::qgis::styleLoadChanges},
        {CpKey::SiteChanges, QStringLiteral("strategy_site_changes"),
         QObject::tr("Intake against the baseline (filter by scenario)"),
         cp::qgis::styleIntakeChanges},
        {CpKey::StrategyTonnes, QStringLiteral("strategy_tonnes"),
         QObject::tr("Tonnes per strategy"), noStyle},
        {CpKey::Breakdown, QStringLiteral("climate_breakdown"), QObject::tr("Climate breakdown"),
         noStyle},
        {CpKey::Output, QStringLiteral("climate_comparison"), QObject::tr("Climate comparison"),
         noStyle}}},
      // The products, coefficients and emission factors from their rows.
      {QStringLiteral("construction_supply"),
       QObject::tr("Construction supply: 'From' zones to 'To' districts, and its climate balance"),
       QStringLiteral("circularplanner:constructionsupply"),
       params("ZONES", "ZONE_ID"),
       params("DISTRICTS", "DISTRICT_ID"),
       {},
       {},
       {{CpKey::DistrictChanges, QStringLiteral("construction_district_changes"),
         QObject::tr("Districts' t CO2e against the baseline (filter by scenario)"),
         cp::qgis::styleDistrictChanges},
        {CpKey::Output, QStringLiteral("construction_supply"),
         QObject::tr("Construction supply (t/yr)"), cp::qgis::styleFlowLines},
        {CpKey::DistrictSupply, QStringLiteral("district_supply"),
         QObject::tr("District demand met"), cp::qgis::styleDistrictSupply},
        {CpKey::Breakdown, QStringLiteral("construction_climate_breakdown"),
         QObject::tr("Construction climate breakdown"), noStyle},
        {CpKey::Climate, QStringLiteral("construction_climate"),
         QObject::tr("Construction climate comparison"), noStyle}}}};
  return list;
}

// The flows section's analyses: drawn lines, road loads, the balance table.
const QList<CpAnalysis>& flowAnalyses() {
  static const QList<CpAnalysis> list{
      {QStringLiteral("flow_lines"),
       QObject::tr("Material flows"),
       QStringLiteral("circularplanner:flowlines"),
       {},
       {},
       {},
       {},
       {{CpKey::Output, QStringLiteral("flow_lines"), QObject::tr("Flow lines"),
         cp::qgis::styleFlowLines}}},
      {QStringLiteral("road_loads"),
       QObject::tr("Road loads"),
       QStringLiteral("circularplanner:roadloads"),
       {},
       {},
       {},
       {},
       {{CpKey::Output, QStringLiteral("road_loads"), QObject::tr("Road loads"),
         cp::qgis::styleRoadLoads}}},
      {QStringLiteral("flow_balance"),
       QObject::tr("Flow balance"),
       QStringLiteral("circularplanner:flowbalance"),
       {},
       {},
       {},
       {},
       {{CpKey::Output, QStringLiteral("flow_balance"), QObject::tr("Node balances"), noStyle}}}};
  return list;
}

// Sample layers, drawn bottom to top, and the role each one fills.
const QList<QPair<QString, QString>>& sampleLayers() {
  static const QList<QPair<QString, QString>> layers{
      {QStringLiteral("agricultural_land"), QStringLiteral("farmland")},
      {QStringLiteral("boundaries"), QString()},
      {QStringLiteral("districts"), QStringLiteral("districts")},
      {QStringLiteral("roads"), QStringLiteral("roads")},
      {QStringLiteral("industrial_zones"), QStringLiteral("zones")},
      {QStringLiteral("settlements"), QString()},
      {QStringLiteral("organic_sources"), QStringLiteral("organic")},
      {QStringLiteral("composting_sites"), QStringLiteral("compost")},
      {QStringLiteral("waste_facilities"), QStringLiteral("waste")},
      {QStringLiteral("district_centres"), QStringLiteral("centres")},
      {QStringLiteral("material_flows"), QStringLiteral("flows")},
      {QStringLiteral("emission_factors"), QStringLiteral("factors")},
      {QStringLiteral("zone_products"), QStringLiteral("products")},
      {QStringLiteral("coefficients"), QStringLiteral("coefficients")},
      {QStringLiteral("organic_strategies"), QStringLiteral("strategies")}};
  return layers;
}

// The folder this plugin's library was loaded from.
QString pluginFolder() {
  static const int anchor = 0;  // any address inside the library
  Dl_info info;
  if (dladdr(&anchor, &info) == 0 || info.dli_fname == nullptr)
    return QString();
  return QFileInfo(QString::fromLocal8Bit(info.dli_fname)).absolutePath();
}

// The sample as shipped: where CIRCULAR_PLANNER_SAMPLE_DATA says, else in the
// plugin's own folder (as the Plugin Manager's ZIP ships it), else where
// `cmake --install` puts it for the installed plugin, else in the build tree.
QString shippedSample() {
  const QString fromEnv = qEnvironmentVariable("CIRCULAR_PLANNER_SAMPLE_DATA");
  if (!fromEnv.isEmpty())
    return fromEnv;
  const QDir folder(pluginFolder());
  for (const QString& relative :
       {QStringLiteral("sample_data/almaty.gpkg"), QStringLiteral(CP_PLUGIN_TO_SAMPLE)}) {
    const QString shipped = QDir::cleanPath(folder.filePath(relative));
    if (QFileInfo::exists(shipped))
      return shipped;
  }
  return QStringLiteral(CP_SAMPLE_GPKG);
}

// The planner works on a copy in the QGIS profile: QGIS opens a GeoPackage for
// update, and the shipped one must stay as shipped. A newer shipped sample (an
// upgrade) replaces the copy. Returns the copy, or "" with `error` set.
QString sampleWorkingCopy(const QString& shipped, QString& error) {
  const QString folder =
      QDir(QgsApplication::qgisSettingsDirPath()).filePath(QStringLiteral("circular-planner"));
  const QString copy = QDir(folder).filePath(QStringLiteral("almaty.gpkg"));
  const QFileInfo from(shipped), to(copy);
  if (to.exists() && to.lastModified() >= from.lastModified())
    return copy;
  QDir().mkpath(folder);
  QFile::remove(copy);
  if (!QFile::copy(shipped, copy)) {
    error = QObject::tr("The sample data could not be copied from %1 to %2").arg(shipped, copy);
    return QString();
  }
  QFile::setPermissions(copy, QFile::permissions(copy) | QFileDevice::WriteOwner);
  return copy;
}

QgsLayerTreeGroup* group(QgsLayerTreeGroup* parent, const QString& name) {
  QgsLayerTreeGroup* g = parent->findGroup(name);
  return g ? g : parent->insertGroup(0, name);
}

// Keeps the messages of a background run, to show the planner why it failed.
// Keeps what a run said about the data, for the panel to show when it ends.
class RunFeedback : public QgsProcessingFeedback {
 public:
  void reportError(const QString& error, bool fatal) override {
    errors << error;
    QgsProcessingFeedback::reportError(error, fatal);
  }
  void pushWarning(const QString& warning) override {
    warnings << warning;
    QgsProcessingFeedback::pushWarning(warning);
  }
  QStringList errors;
  QStringList warnings;
};

QGroupBox* section(const QString& title, QWidget* content) {
  auto* box = new QgsCollapsibleGroupBox(title);
  auto* layout = new QVBoxLayout(box);
  layout->addWidget(content);
  return box;
}

}  // namespace

CpDockWidget::CpDockWidget(QgisInterface* iface, QWidget* parent)
    : QgsDockWidget(QStringLiteral("Circular Planner"), parent),
      mIface(iface),
      mNetwork(std::make_unique<SharedNetwork>()) {
  setObjectName(QStringLiteral("CircularPlannerDock"));
  auto* body = new QWidget();
  auto* layout = new QVBoxLayout(body);
  auto* sample = new QPushButton(tr("Load the Almaty sample data"));
  sample->setObjectName(QStringLiteral("LoadSampleButton"));
  layout->addWidget(sample);
  layout->addWidget(section(tr("Layers and their fields"), buildLayers()));
  layout->addWidget(section(tr("Transport distances"), buildAnalysis()));
  layout->addWidget(section(tr("Material flows"), buildFlows()));
  mStatus = new QLabel();
  mStatus->setObjectName(QStringLiteral("StatusLabel"));
  mStatus->setWordWrap(true);
  layout->addWidget(mStatus);
  layout->addStretch();
  auto* scroll = new QScrollArea();
  scroll->setWidgetResizable(true);
  scroll->setWidget(body);
  setWidget(scroll);

  connect(sample, &QPushButton::clicked, this, [this] { loadSampleData(); });
  connect(QgsProject::instance(), &QgsProject::readProject, this, [this] { restoreChoices(); });
  restoreChoices();
}

// The network the panel's runs share: saved in a folder of its own (removed
// with the panel), with the road parameters it was built from. An edit of the
// roads, or a new filter on them, makes it stale.
struct CpDockWidget::SharedNetwork {
  QTemporaryDir folder{QDir::temp().filePath(QStringLiteral("circular-planner-networks-XXXXXX"))};
  QVariantMap roads;  // empty: no network is current
  QString path;
  int generation = 0;  // grows whenever the network goes stale
  QMetaObject::Connection edited, committed, filtered;
};

CpDockWidget::~CpDockWidget() {
  if (QgsTask* task = mTask.data()) {
    task->cancel();
    task->waitForFinished(30000);
  }
  forgetNetwork();
}

void CpDockWidget::forgetNetwork() {
  ++mNetwork->generation;
  mNetwork->roads.clear();
  for (const QMetaObject::Connection& c :
       {mNetwork->edited, mNetwork->committed, mNetwork->filtered})
    QObject::disconnect(c);
}

QgsTask* CpDockWidget::shareNetwork(const QgsProcessingAlgorithm& algorithm, QVariantMap& p,
                                    QgsProcessingContext& context,
                                    QgsProcessingFeedback* feedback) {
  if (!algorithm.parameterDefinition(CpKey::SavedNetwork) || !p.contains(CpKey::Roads) ||
      !mNetwork->folder.isValid())
    return nullptr;
  const QVariantMap roads = roadParameters();
  if (!mNetwork->roads.isEmpty() && mNetwork->roads == roads) {
    p.insert(CpKey::SavedNetwork, mNetwork->path);
    return nullptr;
  }
  forgetNetwork();
  auto* layer = qobject_cast<QgsVectorLayer*>(
      QgsProject::instance()->mapLayer(roads.value(CpKey::Roads).toString()));
  if (!layer || layer->isModified())  // roads being edited are read afresh each run
    return nullptr;
  // Stale from the first edit on, even one made while the network is built.
  mNetwork->edited =
      connect(layer, &QgsVectorLayer::layerModified, this, [this] { forgetNetwork(); });
  mNetwork->committed =
      connect(layer, &QgsVectorLayer::afterCommitChanges, this, [this] { forgetNetwork(); });
  mNetwork->filtered =
      connect(layer, &QgsVectorLayer::subsetStringChanged, this, [this] { forgetNetwork(); });
  const QString path =
      mNetwork->folder.filePath(QStringLiteral("network-%1.cpnet").arg(mNetwork->generation));
  QVariantMap build = roads;
  build.insert(CpKey::SaveTo, path);
  auto* task = new QgsProcessingAlgRunnerTask(QgsApplication::processingRegistry()->algorithmById(
                                                  QStringLiteral("circularplanner:buildnetwork")),
                                              build, context, feedback);
  if (task->status() == QgsTask::Terminated) {  // the analysis reads the roads itself, and says why
    delete task;
    return nullptr;
  }
  const int generation = mNetwork->generation;
  connect(task, &QgsProcessingAlgRunnerTask::executed, this,
          [this, roads, path, generation](bool ok, const QVariantMap&) {
            if (ok && generation == mNetwork->generation) {
              mNetwork->roads = roads;
              mNetwork->path = path;
            }
          });
  p.insert(CpKey::SavedNetwork, path);
  return task;
}

QWidget* CpDockWidget::buildLayers() {
  auto* box = new QWidget();
  auto* form = new QFormLayout(box);
  form->setContentsMargins(0, 0, 0, 0);
  for (const CpRole& role : cpRoles())
    mRows.insert(role.key, new CpRoleRow(role, form, this));
  return box;
}

QWidget* CpDockWidget::buildAnalysis() {
  auto* box = new QWidget();
  auto* form = new QFormLayout(box);
  form->setContentsMargins(0, 0, 0, 0);
  const auto combo = [](const QString& name) {
    auto* c = new QComboBox();
    c->setObjectName(name);
    return c;
  };
  mAnalysis = combo(QStringLiteral("AnalysisCombo"));
  for (const CpAnalysis& a : analyses())
    mAnalysis->addItem(a.title, a.key);
  mFrom = combo(QStringLiteral("FromRoleCombo"));
  mTo = combo(QStringLiteral("ToRoleCombo"));
  for (const CpRole& role : cpRoles()) {
    if (!role.isPlace)
      continue;
    mFrom->addItem(role.title, role.key);
    mTo->addItem(role.title, role.key);
  }
  mMetric = combo(QStringLiteral("MetricCombo"));
  mMetric->addItems({tr("shortest distance"), tr("shortest travel time")});
  mK = new QSpinBox();
  mK->setObjectName(QStringLiteral("NearestCount"));
  mK->setRange(1, 100);
  const auto share = [](const QString& name, double value, const QString& tip) {
    auto* spin = new QDoubleSpinBox();
    spin->setObjectName(name);
    spin->setRange(0, 1);
    spin->setSingleStep(0.05);
    spin->setValue(value);
    spin->setToolTip(tip);
    return spin;
  };
  mZoneShare = share(QStringLiteral("ZoneShare"), 1,
                     tr("The share of the planned zones' capacity that supplies the districts"));
  mTimberShare = share(QStringLiteral("TimberShare"), 0,
                       tr("The share of the new floor built in timber, weighed in the climate "
                          "balance (0: no timber scenario)"));
  mFolder = new QgsFileWidget();
  mFolder->setObjectName(QStringLiteral("ResultsFolder"));
  mFolder->setStorageMode(QgsFileWidget::GetDirectory);
  mFolder->setToolTip(tr("Empty: a folder beside the project file, or in your home folder"));
  mRun = new QPushButton(tr("Run"));
  mRun->setObjectName(QStringLiteral("RunAnalysisButton"));
  mCancel = new QPushButton(tr("Cancel"));
  mCancel->setObjectName(QStringLiteral("CancelAnalysisButton"));
  mCancel->setEnabled(false);
  form->addRow(tr("Analysis"), mAnalysis);
  form->addRow(tr("From"), mFrom);
  form->addRow(tr("To"), mTo);
  form->addRow(tr("Minimise"), mMetric);
  mCountLabel = new QLabel();
  form->addRow(mCountLabel, mK);
  form->addRow(tr("Planned zones' share"), mZoneShare);
  form->addRow(tr("Timber share of new floor"), mTimberShare);
  form->addRow(tr("Save results in"), mFolder);
  form->addRow(mRun, mCancel);

  connect(mAnalysis, qOverload<int>(&QComboBox::currentIndexChanged), this, [this] {
    showOptions();
    saveChoices();
  });
  for (QComboBox* c : {mFrom, mTo, mMetric})
    connect(c, qOverload<int>(&QComboBox::currentIndexChanged), this, [this] { saveChoices(); });
  connect(mRun, &QPushButton::clicked, this, [this] { runAnalysis(); });
  connect(mCancel, &QPushButton::clicked, this, [this] {
    if (QgsTask* task = mTask.data())
      task->cancel();
  });
  showOptions();
  return box;
}

void CpDockWidget::showOptions() {
  const CpAnalysis& analysis = currentAnalysis();
  mK->setEnabled(!analysis.countParameter.isEmpty());
  mCountLabel->setText(analysis.countParameter.isEmpty() ? tr("Count") : analysis.countLabel);
  mK->setMinimum(analysis.countParameter == QLatin1String("K") ? 1 : 0);
  const QgsProcessingAlgorithm* alg =
      QgsApplication::processingRegistry()->algorithmById(analysis.algorithm);
  for (const auto& [box, parameter] : levers())
    box->setEnabled(alg && alg->parameterDefinition(parameter));
}

QList<QPair<QDoubleSpinBox*, QString>> CpDockWidget::levers() const {
  return {{mZoneShare, CpKey::ZoneShare}, {mTimberShare, CpKey::TimberShare}};
}

QWidget* CpDockWidget::buildFlows() {
  mFlows = new CpFlowsSection();
  const QList<QPair<QPushButton*, int>> buttons{
      {mFlows->drawButton(), 0}, {mFlows->loadsButton(), 1}, {mFlows->balanceButton(), 2}};
  for (const auto& [button, index] : buttons)
    connect(button, &QPushButton::clicked, this,
            [this, i = index] { runFlows(flowAnalyses()[i]); });
  CpRoleRow* flows = mRows.value(QStringLiteral("flows"));
  connect(
      flows->layerCombo(), &QgsMapLayerComboBox::layerChanged, this,
      [this](QgsMapLayer* layer) { mFlows->setFlowTable(qobject_cast<QgsVectorLayer*>(layer)); });
  mFlows->setFlowTable(flows->layer());
  return mFlows;
}

void CpDockWidget::runFlows(const CpAnalysis& analysis) {
  QgsVectorLayer* table = mRows.value(QStringLiteral("flows"))->layer();
  const bool needsRoads = analysis.key != QLatin1String("flow_balance");
  QString missing;
  if (!table)
    missing =
        tr("Choose a layer for %1 first").arg(mRows.value(QStringLiteral("flows"))->role().title);
  else if (needsRoads && !mRows.value(QStringLiteral("roads"))->layer())
    missing =
        tr("Choose a layer for %1 first").arg(mRows.value(QStringLiteral("roads"))->role().title);
  else if (!mFlows->anyClass())
    missing = tr("Choose at least one material class");
  if (!missing.isEmpty()) {
    mIface->messageBar()->pushWarning(windowTitle(), missing);
    return;
  }
  QVariantMap p = mFlows->parameters(*table);
  if (needsRoads) {
    p.insert(roadParameters());
    QStringList places;
    for (const CpRole& role : cpRoles())
      if (role.isPlace)
        if (QgsVectorLayer* layer = mRows.value(role.key)->layer())
          places << layer->id();
    p.insert(CpKey::Places, places);
  }
  const QString scenario = p.value(CpKey::Scenario).toString();
  startTask(analysis, p, scenario.isEmpty() ? table->name() : scenario);
}

const CpAnalysis& CpDockWidget::currentAnalysis() const {
  return analyses().at(std::max(0, mAnalysis->currentIndex()));
}

void CpDockWidget::loadSampleData() {
  const QString shipped = shippedSample();
  if (!QFileInfo::exists(shipped)) {
    mIface->messageBar()->pushCritical(windowTitle(),
                                       tr("The sample data is not at %1").arg(shipped));
    return;
  }
  QString error;
  const QString gpkg = sampleWorkingCopy(shipped, error);
  if (gpkg.isEmpty()) {
    mIface->messageBar()->pushCritical(windowTitle(), error);
    return;
  }
  QgsLayerTreeGroup* target = group(QgsProject::instance()->layerTreeRoot(), kSampleGroup);
  for (const auto& [name, role] : sampleLayers()) {
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
    if (!role.isEmpty())
      mRows.value(role)->setLayer(layer);
  }
  zoomTo(QgsProject::instance()->mapLayersByName(QStringLiteral("districts")), 0.8);
  mFrom->setCurrentIndex(mFrom->findData(QStringLiteral("zones")));
  // District polygons reach into the mountains; their centres are where trips go.
  mTo->setCurrentIndex(mTo->findData(QStringLiteral("centres")));
  mIface->mapCanvas()->refresh();
  mStatus->setText(
      tr("Sample data loaded from %1 (a copy: %2): roads © OpenStreetMap contributors (ODbL); "
         "other values are official statistics, report figures or documented estimates.")
          .arg(shipped, gpkg));
}

QString CpDockWidget::missingChoice() const {
  const QString from = mFrom->currentData().toString();
  const QString to = mTo->currentData().toString();
  for (const QString& role : {QStringLiteral("roads"), from, to})
    if (!mRows.value(role)->layer())
      return tr("Choose a layer for %1 first").arg(mRows.value(role)->role().title);
  return {};
}

namespace {

// The layer of a role and its id and tonnes fields, under the analysis's names.
void addRole(QVariantMap& p, const QStringList& names, const CpRoleRow& row) {
  p.insert(names[0], row.layer()->id());
  if (!names[1].isEmpty())
    p.insert(names[1], row.field(QStringLiteral("id")));
  if (!names[2].isEmpty())
    p.insert(names[2], row.field(QStringLiteral("quantity")));
}

}  // namespace

// The layers of the roles besides 'From' and 'To' that the analysis takes:
// the tables of factors and products, and the waste facilities where they
// are not its 'To'; and the levers it has.
void CpDockWidget::addOtherRoles(const QgsProcessingAlgorithm& algorithm, QVariantMap& p) const {
  const std::pair<const char*, QStringList> others[] = {
      {"factors", params("FACTORS", "")},
      {"coefficients", params("COEFFICIENTS", "")},
      {"products", params("PRODUCTS", "")},
      {"strategies", params("STRATEGIES", "")},
      {"waste", params("FACILITIES", "FACILITY_ID")}};
  for (const auto& [role, names] : others) {
    const CpRoleRow& row = *mRows.value(QString::fromLatin1(role));
    if (row.layer() && algorithm.parameterDefinition(names[0]) && !p.contains(names[0]))
      addRole(p, names, row);
  }
  for (const auto& [box, parameter] : levers())
    if (algorithm.parameterDefinition(parameter))
      p.insert(parameter, box->value());
}

QVariantMap CpDockWidget::roadParameters() const {
  const CpRoleRow* roads = mRows.value(QStringLiteral("roads"));
  return {{CpKey::Roads, roads->layer()->id()},
          {CpKey::ClassField, roads->field(QStringLiteral("class"))},
          {CpKey::OnewayField, roads->field(QStringLiteral("oneway"))},
          {CpKey::SpeedField, roads->field(QStringLiteral("speed"))}};
}

QVariantMap CpDockWidget::parameters(const CpAnalysis& analysis) const {
  QVariantMap p = roadParameters();
  p.insert(CpKey::Metric, mMetric->currentIndex());
  addRole(p, analysis.fromParameters, *mRows.value(mFrom->currentData().toString()));
  addRole(p, analysis.toParameters, *mRows.value(mTo->currentData().toString()));
  if (!analysis.countParameter.isEmpty())
    p.insert(analysis.countParameter, mK->value());
  return p;
}

QString CpDockWidget::resultsFolder() const {
  if (!mFolder->filePath().isEmpty())
    return mFolder->filePath();
  const QString project = QgsProject::instance()->fileName();
  return project.isEmpty()
             ? QDir::home().filePath(QStringLiteral("Circular Planner results"))
             : QFileInfo(project).dir().filePath(QStringLiteral("circular_planner_results"));
}

void CpDockWidget::runAnalysis() {
  const QString missing = missingChoice();
  if (!missing.isEmpty()) {
    mIface->messageBar()->pushWarning(windowTitle(), missing);
    return;
  }
  startTask(currentAnalysis(), parameters(currentAnalysis()),
            QStringLiteral("%1 → %2").arg(mFrom->currentText(), mTo->currentText()));
}

void CpDockWidget::startTask(const CpAnalysis& analysis, const QVariantMap& parameters,
                             const QString& label) {
  const QgsProcessingAlgorithm* alg =
      QgsApplication::processingRegistry()->algorithmById(analysis.algorithm);
  const QString folder = resultsFolder();
  if (!alg || !QDir().mkpath(folder)) {
    mIface->messageBar()->pushCritical(
        windowTitle(), alg ? tr("Cannot create the results folder %1").arg(folder)
                           : tr("The algorithm %1 is not registered").arg(analysis.algorithm));
    return;
  }
  const QString gpkg = QDir(folder).filePath(
      QStringLiteral("%1_%2.gpkg")
          .arg(analysis.key,
               QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd_HHmmss"))));
  // The context and feedback live until the task reports back.
  auto context = std::make_shared<QgsProcessingContext>();
  context->setProject(QgsProject::instance());
  auto feedback = std::make_shared<RunFeedback>();
  QVariantMap withOutputs = parameters;
  for (const CpResult& result : analysis.results)
    withOutputs.insert(result.parameter, QgsProcessing::TEMPORARY_OUTPUT);
  addOtherRoles(*alg, withOutputs);
  QgsTask* network = shareNetwork(*alg, withOutputs, *context, feedback.get());
  auto* task = new QgsProcessingAlgRunnerTask(alg, withOutputs, *context, feedback.get());
  if (task->status() == QgsTask::Terminated) {
    // The inputs could not be taken (the task prepares the algorithm as it is
    // made): said now, as QGIS would never report back on a task not started.
    delete task;
    delete network;
    forgetNetwork();
    failed(analysis, feedback->errors.join('\n'));
    return;
  }
  if (network)  // the network is built, once, before the analysis runs on it
    task->addSubTask(network, {}, QgsTask::ParentDependsOnSubTask);
  connect(task, &QgsProcessingAlgRunnerTask::executed, this,
          [this, analysis, gpkg, label, context, feedback](bool ok, const QVariantMap& results) {
            if (ok && !feedback->isCanceled())
              finished(analysis, label, gpkg, *context, results, feedback->warnings);
            else
              failed(analysis, feedback->errors.join('\n'));
          });
  mTask = task;
  setRunning(true);
  mStatus->setText(tr("Computing %1… (progress in the Task Manager)").arg(analysis.title));
  QgsApplication::taskManager()->addTask(task);
}

void CpDockWidget::setRunning(bool running) {
  mRun->setEnabled(!running);
  mCancel->setEnabled(running);
}

void CpDockWidget::failed(const CpAnalysis& analysis, const QString& error) {
  setRunning(false);
  const QString why = error.isEmpty() ? tr("canceled") : error;
  mStatus->setText(tr("%1 stopped: %2").arg(analysis.title, why));
  mIface->messageBar()->pushWarning(windowTitle(), mStatus->text());
}

void CpDockWidget::finished(const CpAnalysis& analysis, const QString& label, const QString& gpkg,
                            QgsProcessingContext& context, const QVariantMap& results,
                            const QStringList& warnings) {
  setRunning(false);
  const QString error = saveResults(analysis, gpkg, context, results);
  if (!error.isEmpty()) {
    QFile::remove(gpkg);  // never leave a half-written result behind
    failed(analysis, error);
    return;
  }
  zoomTo(addResults(analysis, label, gpkg), 0.1);
  mStatus->setText(
      tr("%1 added to '%2'; saved in %3").arg(analysis.title, cp::qgis::kResultsGroupName, gpkg));
  if (warnings.isEmpty())
    return;
  // The results stand, but the data gave reasons to doubt part of them: said
  // where the planner looks, every warning behind "Show more".
  const QString summary =
      tr("%n warning(s) about the data: %1", nullptr, warnings.size()).arg(warnings.first());
  mStatus->setText(mStatus->text() + QStringLiteral("\n") + summary);
  mIface->messageBar()->pushMessage(tr("%1 complete with warnings").arg(analysis.title), summary,
                                    warnings.join(QLatin1Char('\n')), Qgis::MessageLevel::Warning);
}

QString CpDockWidget::saveResults(const CpAnalysis& analysis, const QString& gpkg,
                                  QgsProcessingContext& context, const QVariantMap& results) {
  // Written here, on the main thread, from the task's in-memory results: a
  // GeoPackage written by the task's thread could not always be read at once.
  for (const CpResult& result : analysis.results) {
    std::unique_ptr<QgsMapLayer> layer(
        context.takeResultLayer(results.value(result.parameter).toString()));
    auto* vector = qobject_cast<QgsVectorLayer*>(layer.get());
    if (!vector)
      return tr("the result %1 is missing").arg(result.table);
    QgsVectorFileWriter::SaveVectorOptions options;
    options.driverName = QStringLiteral("GPKG");
    options.layerName = result.table;
    options.actionOnExistingFile = QFileInfo::exists(gpkg)
                                       ? QgsVectorFileWriter::CreateOrOverwriteLayer
                                       : QgsVectorFileWriter::CreateOrOverwriteFile;
    QString message;
    if (QgsVectorFileWriter::writeAsVectorFormatV3(vector, gpkg, context.transformContext(),
                                                   options,
                                                   &message) != QgsVectorFileWriter::NoError)
      return tr("%1 could not be written: %2").arg(gpkg, message);
  }
  return {};
}

void CpDockWidget::zoomTo(const QList<QgsMapLayer*>& layers, double margin) {
  QgsMapCanvas* canvas = mIface->mapCanvas();
  QgsRectangle extent;
  for (const QgsMapLayer* layer : layers)
    extent.combineExtentWith(
        canvas->mapSettings().layerExtentToOutputExtent(layer, layer->extent()));
  if (extent.isEmpty())
    return;
  canvas->setExtent(extent.buffered(std::max(extent.width(), extent.height()) * margin));
  canvas->refresh();
}

QList<QgsMapLayer*> CpDockWidget::addResults(const CpAnalysis& analysis, const QString& label,
                                             const QString& gpkg) {
  QgsLayerTreeGroup* results =
      group(QgsProject::instance()->layerTreeRoot(), cp::qgis::kResultsGroupName);
  QgsLayerTreeGroup* run =
      results->insertGroup(0, QStringLiteral("%1: %2").arg(analysis.title, label));
  // Styles stay in the project: saving them into the GeoPackage
  // (saveStyleToDatabase) left QGIS 3.22 unable to read the layer's features.
  QList<QgsVectorLayer*> layers;
  for (const CpResult& result : analysis.results) {
    const QString& table = result.table;
    const QString source = QStringLiteral("%1|layername=%2").arg(gpkg, table);
    const QString& name = result.title;
    auto* layer = new QgsVectorLayer(source, name, QStringLiteral("ogr"));
    if (!layer->isValid() || layer->featureCount() < 0) {
      delete layer;
      mIface->messageBar()->pushCritical(windowTitle(),
                                         tr("The result %1 in %2 cannot be read").arg(table, gpkg));
      continue;
    }
    result.style(*layer);
    layers << layer;
  }
  QList<QgsMapLayer*> added;
  for (QgsVectorLayer* layer : layers) {
    QgsProject::instance()->addMapLayer(layer, false);
    run->insertLayer(0, layer);
    added << layer;
  }
  return added;
}

void CpDockWidget::saveChoices() const {
  QgsProject* project = QgsProject::instance();
  project->writeEntry(kScope, QStringLiteral("analysis/kind"), mAnalysis->currentData().toString());
  project->writeEntry(kScope, QStringLiteral("analysis/from"), mFrom->currentData().toString());
  project->writeEntry(kScope, QStringLiteral("analysis/to"), mTo->currentData().toString());
  project->writeEntry(kScope, QStringLiteral("analysis/metric"), mMetric->currentIndex());
}

void CpDockWidget::restoreChoices() {
  for (CpRoleRow* row : mRows)
    row->restore();
  QgsProject* project = QgsProject::instance();
  const auto select = [project](QComboBox* combo, const QString& key) {
    const int index = combo->findData(project->readEntry(kScope, key));
    if (index >= 0)
      combo->setCurrentIndex(index);
  };
  select(mAnalysis, QStringLiteral("analysis/kind"));
  select(mFrom, QStringLiteral("analysis/from"));
  select(mTo, QStringLiteral("analysis/to"));
  mMetric->setCurrentIndex(project->readNumEntry(kScope, QStringLiteral("analysis/metric"), 0));
}
