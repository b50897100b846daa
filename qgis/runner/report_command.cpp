#include "report_command.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSettings>
#include <QTemporaryDir>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <map>
#include <optional>

#include <gdal.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>
#include <qgsapplication.h>
#include <qgsexpression.h>
#include <qgsfeaturerequest.h>
#include <qgslayertree.h>
#include <qgsprintlayout.h>
#include <qgsprocessingalgorithm.h>
#include <qgsprocessingfeedback.h>
#include <qgsprocessingregistry.h>
#include <qgsproject.h>
#include <qgssettings.h>
#include <qgsvectordataprovider.h>
#include <qgsvectorfilewriter.h>
#include <qgsvectorlayer.h>

#include "cli_options.h"
#include "layers/analyses/construction_climate.h"
#include "layers/analyses/sankey_diagram.h"
#include "layers/attribution.h"
#include "layers/database_export.h"
#include "layers/field_names.h"
#include "layers/library_messages.h"
#include "qgis/cpdistrictatlas.h"
#include "qgis/cpflowreader.h"
#include "qgis/cpflowtrees.h"
#include "qgis/cpreportlayout.h"
#include "qgis/cpresultstyles.h"
#include "qgis/processing/cpkeys.h"
#include "qgis/processing/cpprocessingprovider.h"
#include "report_folder.h"

namespace cp::runner {
namespace {

// The config: where the data is, where results go, and the choices.
struct ReportConfig {
  QString source;  // any OGR source: a GeoPackage, or PG:...
  QString folder;
  cp::layers::DatabaseTarget database;    // empty connection: results only in the folder
  QMap<QString, QString> layers;          // role -> layer name
  QMap<QString, QString> optionalLayers;  // role -> its usual name, used if the source has it
  QString scenario;
  // The Sankey diagrams: the scenario whose views they draw (empty: each
  // scenario's apart), and titles by view.
  QString sankeyScenario;
  // Today's recycling in the climate balance: the flows' scenario and view.
  QString recyclingScenario, recyclingView;
  // The construction supply's climate balance: a scenario with this share of
  // the new floor built in timber (0: none).
  double timberShare = 0;
  // The share of the industrial zones' capacity that supplies the districts.
  double zoneShare = 1;
  QMap<QString, QString> sankeyTitles;
  double cutoffKm = 20;
  int dpi = 150;
  QgsRectangle frame;  // what the maps show (lon/lat); empty: all their layers
  QDir base;           // the config's folder
  // A layer of the data source, or a file of its own ("organic.geojson").
  QString layer(const QString& role) const { return layerSource(layers.value(role)); }
  QString layerSource(const QString& given) const {
    // A file by its extension: "public.roads" stays a (schema-qualified) table.
    static const QStringList files{"gpkg", "geojson", "json", "shp", "csv",
                                   "fgb",  "sqlite",  "gml",  "kml"};
    if (!files.contains(QFileInfo(given.section('|', 0, 0)).suffix(), Qt::CaseInsensitive))
      return QStringLiteral("%1|layername=%2").arg(source, given);
    return base.absoluteFilePath(given);
  }
};

// Characters left out of file names made from a view's id.
const QRegularExpression kUnsafeInFileName(QStringLiteral("[^A-Za-z0-9_-]"));

// A value as written: QSettings reads one with commas as a list.
QString iniText(const QSettings& ini, const QString& key) {
  QStringList parts = ini.value(key).toStringList();
  for (QString& part : parts)
    part = part.trimmed();
  return parts.join(QStringLiteral(", "));
}

// maps/frame = west, south, east, north (degrees of WGS 84): the part of the
// world the maps show, e.g. the agglomeration when a source lies far away.
QgsRectangle mapFrame(const QSettings& ini, const QString& path) {
  // QSettings reads a comma-separated value as a list.
  const QString text = iniText(ini, QStringLiteral("maps/frame"));
  if (text.trimmed().isEmpty())
    return {};
  const QStringList parts = text.split(',');
  double v[4] = {};
  bool ok = parts.size() == 4;
  for (int i = 0; ok && i < 4; ++i)
    v[i] = parts[i].trimmed().toDouble(&ok);
  if (!ok ||
      !(v[0] >= -180 && v[0] < v[2] && v[2] <= 180 && v[1] >= -90 && v[1] < v[3] && v[3] <= 90))
    throw UsageError(path.toStdString() +
                     ": maps/frame must be west, south, east, north in degrees (WGS 84), "
                     "e.g. 76.4, 43.0, 77.4, 44.0");
  return QgsRectangle(v[0], v[1], v[2], v[3]);
}

ReportConfig readConfig(const QString& path) {
  if (!QFileInfo::exists(path))
    throw UsageError("the config file " + path.toStdString() + " does not exist");
  QSettings ini(path, QSettings::IniFormat);
  if (ini.status() != QSettings::NoError)
    throw UsageError(path.toStdString() + " is not a readable config file");
  const QDir base = QFileInfo(path).absoluteDir();
  const auto required = [&](const char* key) {
    const QString value = ini.value(QString::fromLatin1(key)).toString().trimmed();
    if (value.isEmpty())
      throw UsageError(path.toStdString() + ": '" + key + "' is required");
    return value;
  };
  ReportConfig c;
  c.base = base;
  c.source = required("data/source");
  if (!c.source.startsWith(QLatin1String("PG:")))
    c.source = base.absoluteFilePath(c.source);
  c.folder = QDir::cleanPath(base.absoluteFilePath(required("output/folder")));
  c.database.connection = ini.value(QStringLiteral("output/database")).toString().toStdString();
  c.database.schema = ini.value(QStringLiteral("output/schema")).toString().toStdString();
  if (!c.database.connection.empty() && c.database.connection.rfind("PG:", 0) != 0)
    throw UsageError(path.toStdString() + ": output/database must be a PG: connection");
  const std::pair<const char*, const char*> roles[] = {{"roads", "roads"},
                                                       {"districts", "districts"},
                                                       {"zones", "industrial_zones"},
                                                       {"zone_products", "zone_products"},
                                                       {"organic", "organic_sources"},
                                                       {"compost", "composting_sites"},
                                                       {"farmland", "agricultural_land"},
                                                       {"flows", "material_flows"},
                                                       {"coefficients", "coefficients"}};
  for (const auto& [role, usual] : roles)
    c.layers.insert(QString::fromLatin1(role),
                    ini.value(QStringLiteral("layers/%1").arg(role), usual).toString());
  // Optional roles: taken when the config names them, or when the source has
  // a layer of the usual name (see loadData).
  const std::pair<const char*, const char*> optional[] = {{"waste", "waste_facilities"},
                                                          {"flow_nodes", "flow_nodes"},
                                                          {"emission_factors", "emission_factors"},
                                                          {"strategies", "organic_strategies"},
                                                          {"boundaries", "boundaries"},
                                                          {"settlements", "settlements"}};
  for (const auto& [role, usual] : optional) {
    const QString given = ini.value(QStringLiteral("layers/%1").arg(role)).toString().trimmed();
    if (!given.isEmpty())
      c.layers.insert(QString::fromLatin1(role), given);
    else
      c.optionalLayers.insert(QString::fromLatin1(role), QString::fromLatin1(usual));
  }
  // Depots change where urban mining's materials go: taken only when named.
  const QString depots = ini.value(QStringLiteral("layers/depots")).toString().trimmed();
  if (!depots.isEmpty())
    c.layers.insert(QStringLiteral("depots"), depots);
  c.sankeyScenario = ini.value(QStringLiteral("sankey/scenario")).toString().trimmed();
  c.recyclingScenario =
      ini.value(QStringLiteral("climate/recycling_scenario")).toString().trimmed();
  c.recyclingView = ini.value(QStringLiteral("climate/recycling_view")).toString().trimmed();
  bool isNumber = true;
  const auto share = [&](const char* key, double otherwise) {
    const double value =
        ini.value(QStringLiteral("climate/%1").arg(key), otherwise).toDouble(&isNumber);
    if (!isNumber || !(value >= 0 && value <= 1))
      throw UsageError(path.toStdString() + ": climate/" + key +
                       " must be a share between 0 and 1");
    return value;
  };
  c.timberShare = share("timber_share", 0);
  c.zoneShare = share("zone_share", 1);
  ini.beginGroup(QStringLiteral("sankey"));
  for (const QString& key : ini.childKeys())
    if (key.startsWith(QLatin1String("title.")))
      c.sankeyTitles.insert(key.mid(6), iniText(ini, key));
  ini.endGroup();
  c.scenario =
      ini.value(QStringLiteral("analysis/scenario"), QStringLiteral("masterplan_2050_illustrative"))
          .toString();
  bool ok = true;
  c.cutoffKm = ini.value(QStringLiteral("analysis/cutoff_km"), 20).toDouble(&ok);
  if (!ok || c.cutoffKm <= 0)
    throw UsageError(path.toStdString() + ": analysis/cutoff_km must be a number above 0");
  c.dpi = ini.value(QStringLiteral("maps/dpi"), 150).toInt(&ok);
  if (!ok || c.dpi < 50 || c.dpi > 1200)
    throw UsageError(path.toStdString() + ": maps/dpi must be between 50 and 1200");
  c.frame = mapFrame(ini, path);
  return c;
}

// Shows each step's progress on the terminal and keeps its errors and warnings.
class TerminalFeedback : public QgsProcessingFeedback {
 public:
  TerminalFeedback() {
    connect(this, &QgsFeedback::progressChanged, this,
            [](double percent) { std::fprintf(stderr, "\r  %3.0f %%", percent); });
  }
  void reportError(const QString& error, bool) override { errors << error; }
  void pushWarning(const QString& warning) override { warnings << warning; }
  QStringList errors;
  QStringList warnings;
};

// What the steps warned about, each message once with the steps that said it
// (the roads' warnings come from every step that routes).
class ReportWarnings {
 public:
  // Adds a step's warnings; returns those not said before.
  QStringList add(const char* step, const QStringList& warnings) {
    QStringList added;
    for (const QString& w : warnings) {
      auto [it, isNew] = steps_.try_emplace(w);
      if (isNew) {
        order_ << w;
        added << w;
      }
      if (!it->second.contains(QString::fromLatin1(step)))
        it->second << QString::fromLatin1(step);
    }
    return added;
  }
  bool empty() const { return order_.isEmpty(); }
  int count() const { return static_cast<int>(order_.size()); }
  const QStringList& messages() const { return order_; }
  QString steps(const QString& message) const { return steps_.at(message).join(", "); }

  // Messages that differ only in the feature and its numbers, as one line
  // each: the first of them and how many more are like it.
  static QStringList summarised(const QStringList& messages) {
    static const QRegularExpression feature(QStringLiteral(", feature [^,:]+|[0-9][0-9.,]*"));
    QStringList firsts;
    std::map<QString, std::pair<int, int>> kinds;  // kind -> (index in firsts, count)
    for (const QString& m : messages) {
      auto [it, isNew] = kinds.try_emplace(QString(m).remove(feature), 0, 0);
      if (isNew) {
        it->second.first = static_cast<int>(firsts.size());
        firsts << m;
      }
      ++it->second.second;
    }
    for (const auto& [kind, at] : kinds)
      if (at.second > 1)
        firsts[at.first] += QStringLiteral(" - and %L1 more like it").arg(at.second - 1);
    return firsts;
  }

 private:
  QStringList order_;
  std::map<QString, QStringList> steps_;
};

// A table without geometry: nothing to draw.
void unstyled(QgsVectorLayer&) {}

struct Step {
  const char* title;
  QString algorithm;
  QVariantMap parameters;
  // Output parameter -> (table in the results, its style).
  std::vector<std::tuple<QString, QString, void (*)(QgsVectorLayer&)>> outputs;
  bool summarised = true;  // its numbers go to the summary
};

class Report {
 public:
  Report(const ReportConfig& config, const QString& work) : c_(config), work_(work) {}

  void run() {
    loadData();
    const std::vector<SankeyPage> sankeys = sankeyPages();  // checked before any work
    const std::vector<Step> steps = plan();
    QDir(work_).mkpath(QStringLiteral("maps/a3"));  // charts are drawn by the steps
    for (std::size_t i = 0; i < steps.size(); ++i) {
      std::cerr << "[" << i + 1 << "/" << steps.size() << "] " << steps[i].title << "\n";
      const auto start = std::chrono::steady_clock::now();
      runStep(steps[i]);
      const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
      std::fprintf(stderr, "\r  done in %.2f s\n", took.count());
    }
    attributeResults();
    writeMaps();
    writeSankeys(sankeys);
    writeChartPages();
    warn("maps", libraryMessages_.take());
    writeWarnings();
    writeSummary();
    writeProject();
  }

  const ReportWarnings& warnings() const { return warnings_; }

  // Every table of results.gpkg: the results, and the warnings about them.
  std::vector<std::string> tables() const {
    std::vector<std::string> out;
    for (const auto& [table, style] : styles_)
      out.push_back(table.toStdString());
    out.push_back("warnings");
    return out;
  }
  QString results() const { return QDir(work_).filePath(QStringLiteral("results.gpkg")); }
  // The network every step routes on, kept outside the report.
  QString network() const { return scratch_.filePath(QStringLiteral("network.cpnet")); }

 private:
  std::vector<Step> plan() const {
    // The road network is built once, by the first step, for every step that routes.
    const QVariantMap roads{{CpKey::SavedNetwork, network()}};
    const auto with = [&roads](QVariantMap extra) {
      for (auto it = roads.begin(); it != roads.end(); ++it)
        extra.insert(it.key(), it.value());
      return extra;
    };
    const QVariantMap organicToCompost{{CpKey::Sources, id("organic")},
                                       {CpKey::SourceId, "source_id"},
                                       {CpKey::Sites, id("compost")},
                                       {CpKey::SiteId, "site_id"}};
    const QVariantMap flows{{CpKey::Flows, id("flows")},
                            {CpKey::Places, QStringList{id("zones"), id("districts")}},
                            {CpKey::Scenario, c_.scenario}};
    // The flows added up by origin, destination and class: what a map can show.
    QVariantMap corridors = flows;
    corridors.insert(CpKey::Aggregate, true);
    const QVariantMap districts{{CpKey::Districts, id("districts")},
                                {CpKey::DistrictId, "name"},
                                {CpKey::Coefficients, id("coefficients")}};
    QVariantMap catchments = with(organicToCompost);
    catchments.insert(CpKey::Cutoff, c_.cutoffKm * 1000);
    QVariantMap disposal =
        with({{CpKey::Sources, id("organic")},
              {CpKey::SourceId, "source_id"},
              {CpKey::Composted, results() + "|layername=organic_sources_status"},
              {CpKey::FacilityId, "facility_id"}});
    QVariantMap supply = with(districts);
    supply.insert({{CpKey::Zones, id("zones")},
                   {CpKey::ZoneId, "zone_id"},
                   {CpKey::Products, id("zone_products")},
                   {CpKey::ZoneShare, c_.zoneShare}});
    if (data_.contains(QStringLiteral("depots")))
      supply.insert({{CpKey::Depots, id("depots")}, {CpKey::DepotId, "depot_id"}});
    std::vector<Step> steps{
        {"road network",
         "circularplanner:buildnetwork",
         {{CpKey::Roads, id("roads")}, {CpKey::SaveTo, network()}},
         {},
         false},
        {"composting-site catchments",
         "circularplanner:catchments",
         catchments,
         {{CpKey::Output, "catchments", cp::qgis::styleCatchments}}},
        {"organic waste allocated to the composting sites",
         "circularplanner:allocation",
         with(organicToCompost),
         {{CpKey::Output, "allocation", cp::qgis::styleAllocation},
          {CpKey::SiteIntake, "site_intake", cp::qgis::styleSiteIntake},
          {CpKey::SourceStatus, "organic_sources_status", cp::qgis::styleSourceStatus}}},
        {"compost to the farmland",
         "circularplanner:compostoutlets",
         // Compost from what each site received in the allocation above.
         with({{CpKey::Sites, results() + "|layername=site_intake"},
               {CpKey::SiteId, "site_id"},
               {CpKey::IntakeField, "tonnes_in"},
               {CpKey::Farmland, id("farmland")},
               {CpKey::Coefficients, id("coefficients")},
               {CpKey::ParcelId, "parcel_id"}}),
         {{CpKey::Output, "compost_deliveries", cp::qgis::styleAllocation},
          {CpKey::Parcels, "farmland_supplied", cp::qgis::styleDemandMet},
          {CpKey::SiteOutlets, "compost_placed", cp::qgis::styleCompostSites}}},
        {"construction flows",
         "circularplanner:flowlines",
         with(flows),
         {{CpKey::Output, "flow_lines", cp::qgis::styleFlowLines}}},
        {"construction corridors",
         "circularplanner:flowlines",
         with(corridors),
         {{CpKey::Output, "flow_corridors", cp::qgis::styleFlowLines}}},
        {"road loads of the construction flows",
         "circularplanner:roadloads",
         with(flows),
         {{CpKey::Output, "road_loads", cp::qgis::styleRoadLoads}}},
        {"building stock",
         "circularplanner:buildingstock",
         districts,
         {{CpKey::Output, "building_stock", cp::qgis::styleStockDemand}}},
        {"construction supply",
         "circularplanner:constructionsupply",
         supply,
         {{CpKey::Output, "construction_supply", cp::qgis::styleFlowLines},
          {CpKey::DistrictSupply, "district_supply", cp::qgis::styleDistrictSupply}}}};
    if (data_.contains(QStringLiteral("emission_factors"))) {
      // The supply's climate balance, without and with urban mining.
      Step& construction = steps.back();
      construction.parameters.insert(CpKey::TimberShare, c_.timberShare);
      construction.parameters.insert(CpKey::Chart, chartPath(kConstructionChart));
      construction.outputs.push_back({CpKey::Climate, "construction_climate", unstyled});
      construction.outputs.push_back(
          {CpKey::Breakdown, "construction_climate_breakdown", unstyled});
      construction.outputs.push_back({CpKey::DistrictChanges, "construction_district_changes",
                                      cp::qgis::styleDistrictChanges});
    }
    if (data_.contains(QStringLiteral("waste"))) {
      // What is not composted: to the landfill and dumpsites, or the planned plant.
      disposal.insert(CpKey::Facilities, id("waste"));
      steps.insert(
          steps.begin() + 4,
          {"organic waste not composted: disposal, or the planned plant",
           "circularplanner:wastedisposal",
           disposal,
           {{CpKey::Output, "disposal_today", cp::qgis::styleAllocation},
            {CpKey::WithPlant, "disposal_with_plant", cp::qgis::styleAllocation},
            {CpKey::FacilityIntake, "waste_facilities_organic", cp::qgis::styleFacilityIntake}}});
      if (data_.contains(QStringLiteral("emission_factors")) &&
          data_.contains(QStringLiteral("strategies"))) {
        // The strategies for organic waste side by side, by their greenhouse gases.
        QVariantMap climate = with(organicToCompost);
        climate.insert({{CpKey::Facilities, id("waste")},
                        {CpKey::FacilityId, "facility_id"},
                        {CpKey::Factors, id("emission_factors")},
                        {CpKey::Strategies, id("strategies")},
                        {CpKey::Chart, chartPath(kClimateChart)}});
        if (!c_.recyclingView.isEmpty())
          climate.insert({{CpKey::Flows, id("flows")},
                          {CpKey::FlowScenario, c_.recyclingScenario},
                          {CpKey::RecyclingView, c_.recyclingView},
                          {CpKey::Coefficients, id("coefficients")}});
        steps.insert(steps.begin() + 5,
                     {"climate balance of the organic-waste strategies",
                      "circularplanner:climatebalance",
                      climate,
                      {{CpKey::Output, "climate_comparison", unstyled},
                       {CpKey::Breakdown, "climate_breakdown", unstyled},
                       {CpKey::StrategyTonnes, "strategy_tonnes", unstyled},
                       {CpKey::RoadChanges, kRoadChanges, cp::qgis::styleLoadChanges},
                       {CpKey::SiteChanges, kSiteChanges, cp::qgis::styleIntakeChanges}}});
      }
    }
    // Transport CO2e by the data's emission factors, in every step that counts it.
    if (data_.contains(QStringLiteral("emission_factors")))
      for (Step& step : steps)
        if (QgsApplication::processingRegistry()
                ->algorithmById(step.algorithm)
                ->parameterDefinition(CpKey::Truck))
          step.parameters.insert(CpKey::Factors, id("emission_factors"));
    return steps;
  }

  // Runs a Processing algorithm on the project; its warnings, and what GDAL
  // and PROJ said meanwhile, are kept under `title`; a failure stops the report.
  QVariantMap runAlgorithm(const std::string& title, const QString& id,
                           const QVariantMap& parameters, QgsProcessingContext& context,
                           std::unique_ptr<QgsProcessingAlgorithm>& alg) {
    alg.reset(QgsApplication::processingRegistry()->algorithmById(id)->create());
    context.setProject(&project_);
    TerminalFeedback feedback;
    bool ok = false;
    const QVariantMap results = alg->run(parameters, context, &feedback, &ok);
    if (!ok)
      throw std::runtime_error(title + ": " + feedback.errors.join('\n').toStdString());
    QStringList said = feedback.warnings;
    for (const std::string& m : libraryMessages_.take())
      said << QString::fromStdString(m);
    warn(title.c_str(), said);
    return results;
  }

  void runStep(const Step& step) {
    QVariantMap parameters = step.parameters;
    for (const auto& [output, table, style] : step.outputs)
      parameters.insert(output, QgsProcessing::TEMPORARY_OUTPUT);
    QgsProcessingContext context;
    std::unique_ptr<QgsProcessingAlgorithm> alg;
    const QVariantMap results = runAlgorithm(step.title, step.algorithm, parameters, context, alg);
    for (auto it = results.begin(); step.summarised && it != results.end(); ++it)
      if (it.value().type() == QVariant::Double || it.value().type() == QVariant::Int)
        numbers_.push_back({step.title, it.key(), alg->outputDefinition(it.key())->description(),
                            it.value().toDouble()});
    for (const auto& [output, table, style] : step.outputs) {
      std::unique_ptr<QgsMapLayer> layer(context.takeResultLayer(results.value(output).toString()));
      auto* vector = qobject_cast<QgsVectorLayer*>(layer.get());
      if (!vector)
        throw std::runtime_error(std::string(step.title) + ": no " + output.toStdString() +
                                 " (its notes and warnings say why)");
      save(*vector, table);
      styles_[table] = style;
    }
  }

  // Warnings of a step, on the terminal (alike ones summarised) and kept.
  void warn(const char* step, const QStringList& warnings) {
    const QStringList added = warnings_.add(step, warnings);
    if (!added.isEmpty())
      std::fprintf(stderr, "\n");
    for (const QString& w : ReportWarnings::summarised(added))
      std::cerr << "  " << w.toStdString() << "\n";
  }
  void warn(const char* step, const std::vector<std::string>& messages) {
    QStringList list;
    for (const std::string& m : messages)
      list << QString::fromStdString(m);
    warn(step, list);
  }

  void save(QgsVectorLayer& layer, const QString& table) {
    QgsVectorFileWriter::SaveVectorOptions options;
    options.driverName = QStringLiteral("GPKG");
    options.layerName = table;
    options.actionOnExistingFile = QFileInfo::exists(results())
                                       ? QgsVectorFileWriter::CreateOrOverwriteLayer
                                       : QgsVectorFileWriter::CreateOrOverwriteFile;
    QString message;
    if (QgsVectorFileWriter::writeAsVectorFormatV3(&layer, results(), project_.transformContext(),
                                                   options,
                                                   &message) != QgsVectorFileWriter::NoError)
      throw std::runtime_error("writing " + table.toStdString() + ": " + message.toStdString());
  }

  // The results derive from the data, so they carry its credits (the roads'
  // OpenStreetMap ODbL, the boundaries' CC BY) wherever the file goes, and
  // every map that shows a result layer names them.
  void attributeResults() {
    QList<QgsMapLayer*> data;
    for (QgsVectorLayer* layer : data_)
      data << layer;
    QStringList credits = cp::qgis::layerAttributions(data);
    const QString osm = QString::fromUtf8(cp::layers::kOsmAttribution);
    if (!credits.join(QStringLiteral("; ")).contains(osm))
      credits.prepend(osm);
    GDALDatasetH file = GDALOpenEx(results().toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_UPDATE,
                                   nullptr, nullptr, nullptr);
    if (file == nullptr ||
        GDALSetMetadataItem(file, "ATTRIBUTION", credits.join(QStringLiteral("; ")).toUtf8(),
                            nullptr) != CE_None) {
      if (file != nullptr)
        GDALClose(file);
      throw std::runtime_error("the attribution could not be stored in results.gpkg");
    }
    GDALClose(file);
  }

  std::unique_ptr<QgsVectorLayer> unlistedResult(const QString& table) const {
    return std::make_unique<QgsVectorLayer>(results() + "|layername=" + table, table, "ogr");
  }

  QgsVectorLayer* resultLayer(const QString& table, const QString& title) {
    auto* layer = new QgsVectorLayer(results() + "|layername=" + table, title, "ogr");
    styles_.at(table)(*layer);
    project_.addMapLayer(layer, false);
    return layer;
  }

  // Every layer of the config read once, before any work, into the project:
  // the algorithms take them by id, whatever the source (file or PostGIS).
  void loadData() {
    QMap<QString, QString> layers = c_.layers;
    for (auto it = c_.optionalLayers.begin(); it != c_.optionalLayers.end(); ++it)
      if (sourceHas(it.value()))
        layers.insert(it.key(), it.value());
    for (auto it = layers.begin(); it != layers.end(); ++it) {
      auto* layer =
          new QgsVectorLayer(c_.layerSource(it.value()), it.value(), QStringLiteral("ogr"));
      if (!layer->isValid()) {
        delete layer;
        throw std::runtime_error("the layer '" + it.value().toStdString() + "' (" +
                                 it.key().toStdString() + ") cannot be read from " +
                                 cp::layers::maskedConnection(
                                     c_.layerSource(it.value()).section('|', 0, 0).toStdString()));
      }
      project_.addMapLayer(layer, false);
      data_.insert(it.key(), layer);
      QStringList said;
      for (const std::string& m : libraryMessages_.take())
        said << QStringLiteral("layer '%1' (%2): %3")
                    .arg(it.value(), it.key(), QString::fromStdString(m));
      warn("reading the data", said);
    }
    // Results are written in the roads' CRS, as the data came.
    project_.setCrs(data_.value(QStringLiteral("roads"))->crs());
  }

  // Whether the data source has a layer of this name (asked quietly: an
  // optional role's layer may be missing).
  bool sourceHas(const QString& layer) {
    GDALDatasetH source =
        GDALOpenEx(c_.source.toUtf8().constData(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr);
    const bool has =
        source != nullptr && GDALDatasetGetLayerByName(source, layer.toUtf8().constData());
    if (source != nullptr)
      GDALClose(source);
    libraryMessages_.take();
    return has;
  }

  QString id(const char* role) const { return data_.value(QString::fromLatin1(role))->id(); }

  // The agglomeration's boundaries for the maps' insets, muted; none when
  // the source has none.
  QList<QgsMapLayer*> locator() {
    if (!data_.contains(QStringLiteral("boundaries")))
      return {};
    if (locator_ == nullptr) {
      locator_ = data_.value(QStringLiteral("boundaries"))->clone();
      locator_->setName(QObject::tr("Agglomeration"));
      cp::qgis::styleLocator(*locator_);
      project_.addMapLayer(locator_, false);
    }
    return {locator_};
  }

  // The maps' muted context from the data at hand, under every map's
  // results: the main roads (by the roads' class field) and the settlements,
  // each where the data has it.
  QList<QgsMapLayer*> context() {
    if (context_)
      return *context_;
    context_.emplace();
    if (data_.contains(QStringLiteral("settlements"))) {
      QgsVectorLayer* settlements = data_.value(QStringLiteral("settlements"))->clone();
      settlements->setName(QObject::tr("Settlements"));
      cp::qgis::styleSettlements(*settlements);
      project_.addMapLayer(settlements, false);
      *context_ << settlements;
    }
    QgsVectorLayer* roads = data_.value(QStringLiteral("roads"));
    for (const std::string& field : cp::layers::field_names::kRoadClass) {
      const QString name = QString::fromStdString(field);
      if (roads->fields().lookupField(name) < 0)
        continue;
      QgsVectorLayer* main = roads->clone();
      main->setName(QObject::tr("Main roads"));
      main->setSubsetString(QStringLiteral("%1 IN ('motorway', 'trunk', 'primary')")
                                .arg(QgsExpression::quotedColumnRef(name)));
      cp::qgis::styleMainRoads(*main);
      project_.addMapLayer(main, false);
      *context_ << main;
      break;
    }
    return *context_;
  }

  QgsVectorLayer* dataLayer(const char* role, const QString& title) {
    QgsVectorLayer* layer = data_.value(QString::fromLatin1(role));
    layer->setName(title);
    return layer;
  }

  void writeMaps() {
    std::cerr << "maps\n";
    QgsVectorLayer* districts = dataLayer("districts", QObject::tr("Districts"));
    QgsVectorLayer* zones = dataLayer("zones", QObject::tr("Industrial zones"));
    // The corridors in the project as a table to work with; on the map, as trees.
    QgsVectorLayer* corridors =
        resultLayer("flow_corridors", QObject::tr("Corridors by class (t/yr)"));
    const cp::qgis::HiddenFlows hidden = cp::qgis::hideSmallFlows(*corridors, "corridor");
    map("construction-flows", QObject::tr("Construction materials from the industrial zones"),
        {treesOf(*corridors,
                 hidden.count > 0
                     ? QObject::tr("Flows by class, from %L1 t/yr").arg(hidden.below, 0, 'f', 0)
                     : QObject::tr("Flows by class (t/yr)")),
         zones, districts},
        joinedLines({stepNumbers("construction flows"), hidden.said}));
    // On their own page: under the corridors the loads cannot be read.
    map("construction-road-loads", QObject::tr("Road loads of the construction flows"),
        {resultLayer("road_loads", QObject::tr("Road loads (t/yr)")), zones, districts},
        stepNumbers("road loads of the construction flows"));
    map("composting", QObject::tr("Organic waste to the composting sites"),
        {resultLayer("site_intake", QObject::tr("Site intake (t/yr)")),
         resultLayer("organic_sources_status", QObject::tr("Organic waste sources")),
         resultLayer("allocation", QObject::tr("Allocation (t/yr)")), catchmentAreas(), districts},
        stepNumbers("organic waste allocated to the composting sites"));
    map("compost-coverage", QObject::tr("Compost for the farmland"),
        {resultLayer("compost_placed", QObject::tr("Compost placed (t/yr)")),
         resultLayer("compost_deliveries", QObject::tr("Deliveries (t/yr)")),
         resultLayer("farmland_supplied", QObject::tr("Farmland: demand met"))},
        stepNumbers("compost to the farmland"));
    map("building-stock", QObject::tr("Building stock: demand and urban-mine supply"),
        {resultLayer("district_supply", QObject::tr("Supplied (t/yr)")),
         treesOf(*unlistedResult("construction_supply"), QObject::tr("Supply by class (t/yr)"),
                 QStringLiteral("supplier_id"), QStringLiteral("district_id")),
         zones, districts, resultLayer("building_stock", QObject::tr("Demand (t/yr)"))},
        stepNumbers("construction supply"));
    if (styles_.count(kSiteChanges) > 0)
      strategyMaps(districts);
    if (styles_.count(kDistrictChanges) > 0)
      constructionClimateMap(districts);
    atlas(districts, zones);
  }

  // The catchments beside the sites: the sites' labels say what each takes
  // in, so the areas' own (what lies within reach) would only contradict them.
  QgsVectorLayer* catchmentAreas() {
    QgsVectorLayer* areas = resultLayer("catchments", QObject::tr("Catchments"));
    areas->setLabelsEnabled(false);
    return areas;
  }

  // Flow lines as trunks that part into branches: drawn, not kept (the
  // result table holds the numbers).
  QgsVectorLayer* treesOf(const QgsVectorLayer& lines, const QString& name,
                          const QString& origin = QStringLiteral("origin_id"),
                          const QString& destination = QStringLiteral("destination_id")) {
    drawnOnly_.push_back(cp::qgis::flowTrees(lines, origin, destination));
    QgsVectorLayer* trees = drawnOnly_.back().get();
    trees->setName(name);
    cp::qgis::styleFlowTrees(*trees);
    return trees;
  }

  static inline const QString kRoadChanges = QStringLiteral("strategy_road_changes");
  static inline const QString kSiteChanges = QStringLiteral("strategy_site_changes");

  // A map per strategy of what it changes against the baseline: the roads
  // whose load grows or shrinks, the sites and facilities that gain or lose
  // intake, on one scale for every strategy.
  void strategyMaps(QgsVectorLayer* districts) {
    for (const QString& scenario : valuesInOrder(kSiteChanges, QStringLiteral("scenario"))) {
      const QString only =
          QStringLiteral("\"scenario\" = %1").arg(QgsExpression::quotedString(scenario));
      QgsVectorLayer* roads =
          resultLayer(kRoadChanges, QObject::tr("Road load against the baseline (t/yr)"));
      QgsVectorLayer* sites =
          resultLayer(kSiteChanges, QObject::tr("Intake against the baseline (t/yr)"));
      roads->setSubsetString(only);
      sites->setSubsetString(only);
      map(QStringLiteral("strategy-%1").arg(QString(scenario).replace(kUnsafeInFileName, "_")),
          QObject::tr("Organic waste: what '%1' changes against the baseline").arg(scenario),
          {sites, roads, districts}, changeNumbers(QStringLiteral("climate_comparison"), scenario));
    }
  }
  static inline const QRegularExpression kUnsafeInFileName{QStringLiteral("[^A-Za-z0-9_-]")};

  static inline const QString kDistrictChanges = QStringLiteral("construction_district_changes");

  // The districts whose construction supply's emissions the last scenario
  // (all levers pulled) changes against the baseline.
  void constructionClimateMap(QgsVectorLayer* districts) {
    const QStringList scenarios = valuesInOrder(kDistrictChanges, QStringLiteral("scenario"));
    if (scenarios.isEmpty())
      return;
    const QString scenario = scenarios.last();
    QgsVectorLayer* changes =
        resultLayer(kDistrictChanges, QObject::tr("Districts against the baseline (t CO2e/yr)"));
    changes->setSubsetString(
        QStringLiteral("\"scenario\" = %1").arg(QgsExpression::quotedString(scenario)));
    // The changes' labels name their districts: the outlines go unnamed.
    QgsVectorLayer* outlines = districts->clone();
    outlines->setLabelsEnabled(false);
    project_.addMapLayer(outlines, false);
    map(QStringLiteral("construction-districts"),
        QObject::tr("Construction: what '%1' changes").arg(scenario), {changes, outlines},
        changeNumbers(QStringLiteral("construction_climate"), scenario));
  }

  // The distinct values of a result table's field, in the order of its rows.
  QStringList valuesInOrder(const QString& table, const QString& field) {
    QgsVectorLayer layer(results() + "|layername=" + table, table, QStringLiteral("ogr"));
    QStringList values;
    QgsFeature f;
    QgsFeatureIterator it = layer.getFeatures();
    while (it.nextFeature(f))
      if (!values.contains(f.attribute(field).toString()))
        values << f.attribute(field).toString();
    return values;
  }

  // The scenario's change from the baseline in t CO2e a year, in all and by
  // the components that change, from a climate comparison table.
  QString changeNumbers(const QString& table, const QString& scenario) {
    // Read with GDAL: a QGIS layer on the same file, opened while the map's
    // layers hold theirs, fails once before it reads.
    GDALDatasetUniquePtr results(GDALDataset::Open(QFile::encodeName(this->results()).constData(),
                                                   GDAL_OF_VECTOR | GDAL_OF_READONLY));
    OGRLayer* comparison = results ? results->GetLayerByName(table.toUtf8().constData()) : nullptr;
    if (comparison == nullptr)
      return {};
    comparison->SetAttributeFilter(
        QStringLiteral("scenario = %1").arg(QgsExpression::quotedString(scenario)).toUtf8());
    QStringList lines;
    for (const auto& f : *comparison) {
      const double change = f->GetFieldAsDouble("change_from_baseline_t");
      const QString component = QString::fromUtf8(f->GetFieldAsString("component"));
      const QString line =
          QObject::tr("%1: %2%L3 t CO2e/yr")
              .arg(component == QLatin1String("all") ? QObject::tr("Change in all") : component)
              .arg(change > 0 ? QStringLiteral("+") : QString())
              .arg(change, 0, 'f', 0);
      if (component == QLatin1String("all"))
        lines.prepend(line);
      else if (std::abs(change) >= 0.5)
        lines << line;
    }
    return lines.mid(0, 5).join('\n');
  }

  // A page per district: what its growth needs, the lines that supply it
  // (with urban mining) and its numbers; the zones name where lines start.
  void atlas(QgsVectorLayer* districts, QgsVectorLayer* zones) {
    QgsVectorLayer* lines = resultLayer("construction_supply", QObject::tr("Supply lines (t/yr)"));
    cp::qgis::drawForAtlasFeature(*lines, QStringLiteral("district_id"),
                                  QStringLiteral("district_id"));
    QgsVectorLayer* outlines = districts->clone();
    outlines->setName(QObject::tr("Districts"));
    cp::qgis::styleAtlasDistricts(*outlines, QStringLiteral("name"));
    project_.addMapLayer(outlines, false);
    QgsVectorLayer* stock = resultLayer("building_stock", QObject::tr("Demand (t/yr)"));
    // Read for the numbers, not drawn: kept out of the project.
    const std::unique_ptr<QgsVectorLayer> supplied = unlistedResult("district_supply");
    const std::unique_ptr<QgsVectorLayer> changes =
        styles_.count(kDistrictChanges) > 0 ? unlistedResult(kDistrictChanges) : nullptr;
    const std::unique_ptr<QgsVectorLayer> pages =
        cp::qgis::districtAtlasPages({*stock, *supplied, *lines, changes.get(),
                                      QString::fromLatin1(cp::analyses::kUrbanMining), c_.frame});
    cp::qgis::ReportMap spec = mapSpec(
        QObject::tr("Building stock and supply: [% \"district_id\" %]"),
        {lines, zones, outlines, stock}, cp::qgis::districtAtlasNumbers(changes != nullptr));
    spec.frame = QgsRectangle();  // each page frames its district
    for (const Print& print : prints()) {
      spec.page = print.page;
      check(cp::qgis::exportAtlasPdf(project_, spec, pages.get(),
                                     mapPath(print.folder + QStringLiteral("districts-atlas.pdf")),
                                     c_.dpi));
    }
  }

  // A Sankey diagram: a view of one scenario's flows, in one unit.
  struct SankeyPage {
    QString scenario;
    cp::analyses::SankeyView view;
    QString file;  // under maps/, without suffix
    QString title;
  };

  // Every view of the config's Sankey scenario, or of each scenario of the
  // flow table (their flows are never drawn together).
  std::vector<SankeyPage> sankeyPages() const {
    cp::layers::Diagnostics ignored;  // said by the steps that read the flows
    const std::vector<cp::layers::Flow> flows = cp::qgis::readFlows(
        *data_.value(QStringLiteral("flows")),
        QStringLiteral("'%1' (flows)").arg(c_.layers.value(QStringLiteral("flows"))), ignored);
    std::vector<std::string> scenarios;
    if (!c_.sankeyScenario.isEmpty())
      scenarios.push_back(c_.sankeyScenario.toStdString());
    for (const cp::layers::Flow& f : flows)
      if (c_.sankeyScenario.isEmpty() &&
          std::find(scenarios.begin(), scenarios.end(), f.scenario) == scenarios.end())
        scenarios.push_back(f.scenario);
    std::vector<SankeyPage> pages;
    for (const std::string& scenario : scenarios) {
      cp::layers::FlowFilter filter;
      filter.scenario = scenario;
      const auto views = cp::analyses::sankeyViews(cp::layers::filteredFlows(flows, filter));
      if (views.empty())
        throw std::runtime_error("no flow of the scenario '" + scenario +
                                 "' (sankey/scenario in the config): no Sankey diagram to draw");
      for (const cp::analyses::SankeyView& view : views)
        pages.push_back(sankeyPage(QString::fromStdString(scenario), view, scenarios.size() > 1));
    }
    return pages;
  }

  SankeyPage sankeyPage(const QString& scenario, const cp::analyses::SankeyView& view,
                        bool severalScenarios) const {
    const QString group = QString::fromStdString(view.group);
    QString title = c_.sankeyTitles.value(
        group, QStringLiteral("%1 (%2/yr)")
                   .arg(QString::fromStdString(cp::layers::nodeName({}, view.group)),
                        QString::fromStdString(view.unit)));
    QString file = QStringLiteral("sankey-%1").arg(group);
    if (severalScenarios) {
      title += QObject::tr(", scenario %1").arg(scenario);
      file = QStringLiteral("sankey-%1-%2").arg(scenario, group);
    }
    return {scenario, view, file.replace(kUnsafeInFileName, QStringLiteral("_")), title};
  }

  // The Sankey diagrams as SVG and as report pages, their nodes named from
  // the flows' node table, the zones and the districts.
  void writeSankeys(const std::vector<SankeyPage>& pages) {
    QStringList names{id("zones"), id("districts")};
    if (data_.contains(QStringLiteral("flow_nodes")))
      names.prepend(id("flow_nodes"));
    for (const SankeyPage& page : pages) {
      const QString path = mapPath(page.file + QStringLiteral(".svg"));
      QgsProcessingContext context;
      std::unique_ptr<QgsProcessingAlgorithm> alg;
      runAlgorithm("Sankey diagram of " + page.file.toStdString(),
                   QStringLiteral("circularplanner:sankey"),
                   {{CpKey::Flows, id("flows")},
                    {CpKey::Scenario, page.scenario},
                    {CpKey::Group, QString::fromStdString(page.view.group)},
                    {CpKey::Unit, QString::fromStdString(page.view.unit)},
                    {CpKey::Names, names},
                    {CpKey::Title, page.title},
                    {CpKey::Output, path}},
                   context, alg);
      check(cp::qgis::exportDiagramPage(project_, path, QString(),  // the diagram carries its title
                                        QObject::tr("%1 (flows of the scenario '%2')")
                                            .arg(QFileInfo(c_.source).fileName(), page.scenario),
                                        mapPath(page.file + QStringLiteral(".pdf")), c_.dpi));
    }
  }

  static constexpr const char* kClimateChart = "climate-comparison";
  static constexpr const char* kConstructionChart = "construction-climate";
  QString chartPath(const char* name) const {
    return mapPath(QString::fromLatin1(name) + QStringLiteral(".svg"));
  }

  // The charts the steps drew, each also as a report page.
  void writeChartPages() {
    for (const char* chart : {kClimateChart, kConstructionChart}) {
      const QString svg = chartPath(chart);
      if (!QFileInfo::exists(svg))
        continue;
      check(cp::qgis::exportDiagramPage(
          project_, svg, QString(),  // the chart carries its title
          QObject::tr("%1; emission factors, coefficients and strategies as in its tables")
              .arg(QFileInfo(c_.source).fileName()),
          mapPath(QString::fromLatin1(chart) + QStringLiteral(".pdf")), c_.dpi));
    }
  }

  // The first four numbers a step gave, one a line.
  QString stepNumbers(const std::string& step) const {
    QStringList lines;
    for (const Number& n : numbers_)
      if (n.step == step && lines.size() < 4)
        lines << QStringLiteral("%1: %L2").arg(n.description).arg(n.value, 0, 'f', 0);
    return lines.join('\n');
  }

  static QString joinedLines(const QStringList& parts) {
    QStringList lines;
    for (const QString& part : parts)
      if (!part.isEmpty())
        lines << part;
    return lines.join('\n');
  }

  // A report map: its layers over the context, framed on the agglomeration,
  // with the locator, the sources and the credits.
  cp::qgis::ReportMap mapSpec(const QString& title, const QList<QgsMapLayer*>& layers,
                              const QString& numbers) {
    cp::qgis::ReportMap spec;
    spec.title = title;
    spec.layers = layers;
    spec.context = context();
    spec.frame = c_.frame;
    spec.locator = locator();
    spec.sources =
        QObject::tr("%1; Circular Planner analysis").arg(QFileInfo(c_.source).fileName());
    spec.attribution = QString::fromUtf8(cp::layers::kOsmAttribution);
    spec.numbers = numbers;
    return spec;
  }

  // Every map is printed on A4 for the report (PNG and PDF), and on A3 for
  // the wall (PDF, under maps/a3/).
  struct Print {
    cp::qgis::ReportMap::Page page;
    QString folder;  // under maps/
    QStringList suffixes;
  };
  static std::vector<Print> prints() {
    return {{cp::qgis::ReportMap::Page::A4Landscape, QString(), {"png", "pdf"}},
            {cp::qgis::ReportMap::Page::A3Landscape, QStringLiteral("a3/"), {"pdf"}}};
  }
  QString mapPath(const QString& name) const {
    return QDir(work_).filePath(QStringLiteral("maps/") + name);
  }
  static void check(const QString& error) {
    if (!error.isEmpty())
      throw std::runtime_error(error.toStdString());
  }

  void map(const QString& file, const QString& title, const QList<QgsMapLayer*>& layers,
           const QString& numbers) {
    cp::qgis::ReportMap spec = mapSpec(title, layers, numbers);
    for (const Print& print : prints()) {
      spec.page = print.page;
      const auto layout = cp::qgis::buildReportLayout(project_, spec);
      for (const QString& suffix : print.suffixes)
        check(cp::qgis::exportReportLayout(
            *layout, mapPath(QStringLiteral("%1%2.%3").arg(print.folder, file, suffix)), c_.dpi));
    }
  }

  // The warnings as a table of results.gpkg, beside the results they concern.
  void writeWarnings() {
    // Text of any length: a memory layer's default of 255 characters would
    // refuse every row for one long message.
    QgsVectorLayer table(QStringLiteral("None?field=message:string(0)&field=steps:string(0)"),
                         QStringLiteral("warnings"), QStringLiteral("memory"));
    QgsFeatureList rows;
    for (const QString& message : warnings_.messages()) {
      QgsFeature row(table.fields());
      row.setAttributes(QgsAttributes() << message << warnings_.steps(message));
      rows << row;
    }
    if (!table.dataProvider()->addFeatures(rows))
      throw std::runtime_error("the warnings could not be kept: " +
                               table.dataProvider()->lastError().toStdString());
    save(table, QStringLiteral("warnings"));
  }

  void writeSummary() {
    QFile csv(QDir(work_).filePath(QStringLiteral("summary.csv")));
    QFile md(QDir(work_).filePath(QStringLiteral("summary.md")));
    if (!csv.open(QIODevice::WriteOnly) || !md.open(QIODevice::WriteOnly))
      throw std::runtime_error("cannot write the summary");
    csv.write("analysis,measure,description,value\n");
    md.write("| analysis | measure | value |\n|---|---|---:|\n");
    for (const Number& n : numbers_) {
      csv.write(QStringLiteral("\"%1\",%2,\"%3\",%4\n")
                    .arg(QString::fromStdString(n.step), n.name, n.description)
                    .arg(n.value, 0, 'f', 3)
                    .toUtf8());
      md.write(QStringLiteral("| %1 | %2 | %L3 |\n")
                   .arg(QString::fromStdString(n.step), n.description)
                   .arg(n.value, 0, 'f', 0)
                   .toUtf8());
    }
    md.write(QStringLiteral("\n## Warnings\n\n").toUtf8());
    if (warnings_.empty())
      md.write("None: every feature of every layer was used as given.\n");
    else
      md.write(QStringLiteral("%L1 warnings, every one in the table 'warnings' of results.gpkg; "
                              "alike ones are counted here.\n\n")
                   .arg(warnings_.count())
                   .toUtf8());
    for (const QString& line : ReportWarnings::summarised(warnings_.messages()))
      md.write(QStringLiteral("- %1\n").arg(line).toUtf8());
  }

  // The project refers to the results and data where they will finally lie.
  void writeProject() {
    std::cerr << "project\n";
    QgsLayerTreeGroup* root = project_.layerTreeRoot();
    QgsLayerTreeGroup* resultsGroup = root->addGroup(cp::qgis::kResultsGroupName);
    QgsLayerTreeGroup* dataGroup = root->addGroup(QObject::tr("Data"));
    const QString finalResults = QDir(c_.folder).filePath(QStringLiteral("results.gpkg"));
    for (QgsMapLayer* layer : project_.mapLayers()) {
      const bool result = layer->source().startsWith(results());
      if (result)
        layer->setDataSource(QString(layer->source()).replace(results(), finalResults),
                             layer->name(), QStringLiteral("ogr"));
      (result ? resultsGroup : dataGroup)->addLayer(layer);
    }
    project_.setCrs(QgsCoordinateReferenceSystem(QStringLiteral("EPSG:4326")));
    if (!project_.write(QDir(work_).filePath(QStringLiteral("circular_planner.qgz"))))
      throw std::runtime_error("cannot write the QGIS project: " + project_.error().toStdString());
  }

  const ReportConfig& c_;
  QString work_;
  QTemporaryDir scratch_;
  QgsProject project_;
  std::map<QString, void (*)(QgsVectorLayer&)> styles_;  // by result table
  QMap<QString, QgsVectorLayer*> data_;                  // by role; owned by the project
  QgsVectorLayer* locator_ = nullptr;                    // owned by the project
  std::optional<QList<QgsMapLayer*>> context_;           // owned by the project
  // Layers made for a map alone, not for the project (they live in memory).
  std::vector<std::unique_ptr<QgsVectorLayer>> drawnOnly_;
  struct Number {
    std::string step;
    QString name;         // the algorithm's output, e.g. TONNE_KM
    QString description;  // what it means, e.g. "Tonne-km"
    double value;
  };
  std::vector<Number> numbers_;
  ReportWarnings warnings_;
  cp::layers::LibraryMessages libraryMessages_;  // GDAL's and PROJ's, said with the step
};

// The finished result tables into the team's database, all in one transaction.
void writeToDatabase(const Report& report, const cp::layers::DatabaseTarget& database) {
  std::cerr << "writing the results to the database\n";
  const std::vector<std::string> tables = report.tables();
  const std::size_t rows =
      cp::layers::exportTables(report.results().toStdString(), tables, database);
  std::cout << tables.size() << " result tables (" << rows << " rows) written to "
            << cp::layers::maskedConnection(database.connection)
            << (database.schema.empty() ? "" : ", schema " + database.schema) << "\n";
}

}  // namespace

// The exit status of a report that is complete but warned about its data.
constexpr int kCompleteWithWarnings = 3;

const char* reportUsage() {
  return "usage: circular-planner report CONFIG\n"
         "  Runs the whole analysis on one data set: composting-site catchments, allocation\n"
         "  and compost for the farmland; with waste facilities, where the waste not composted\n"
         "  goes; with emission factors and strategies, the strategies' climate balance\n"
         "  and a map per strategy of what it changes against the baseline;\n"
         "  construction flows, road loads, building stock and construction supply, with\n"
         "  emission factors its climate balance and a map of the districts it changes.\n"
         "  Writes results.gpkg, maps/*.png and *.pdf (and on A3, maps/a3/*.pdf), an atlas\n"
         "  of the districts (maps/districts-atlas.pdf), Sankey diagrams of the report's flows\n"
         "  (maps/sankey-*.svg), the climate charts (maps/climate-comparison.svg,\n"
         "  maps/construction-climate.svg), summary.csv and summary.md, and\n"
         "  circular_planner.qgz into the output folder.\n"
         "  CONFIG is an INI file:\n"
         "    [data]      source = almaty.gpkg        (relative to CONFIG; or PG:...)\n"
         "    [output]    folder = out/almaty_report\n"
         "                database = PG:dbname=planning host=...   (optional: the result\n"
         "                tables also go there, all in one transaction)\n"
         "                schema = circular_planner                (optional)\n"
         "    [layers]    roads = roads, districts = districts, zones = industrial_zones, ...\n"
         "                coefficients = coefficients   (building-stock intensities and\n"
         "                recovery rates, a row each with its source)\n"
         "                (a table of the source, or a file of its own: organic = extra.geojson)\n"
         "                flow_nodes = flow_nodes   (optional: names of the flows' nodes)\n"
         "                waste = waste_facilities, emission_factors = emission_factors,\n"
         "                strategies = organic_strategies, boundaries = boundaries,\n"
         "                settlements = settlements\n"
         "                (optional; taken when the source has tables of these names; the\n"
         "                boundaries locate each map in its inset, the settlements are\n"
         "                drawn under the results with the roads' main roads)\n"
         "                depots = secondary_depots   (optional, taken only when named: where\n"
         "                what demolitions free is stored before it is used again)\n"
         "    [analysis]  scenario = masterplan_2050_illustrative, cutoff_km = 20\n"
         "    [maps]      dpi = 150\n"
         "                frame = 76.4, 43.0, 77.4, 44.0   (optional: west, south, east,\n"
         "                north in degrees; what the maps show, else all their layers)\n"
         "    [climate]   recycling_scenario = report_baseline, recycling_view = city_total\n"
         "                (optional: today's recycling in the climate balance, from the\n"
         "                flows of the stage 'recycling' of that scenario and view)\n"
         "                timber_share = 0.25  (optional: the construction supply's climate\n"
         "                balance with that share of the new floor built in timber)\n"
         "                zone_share = 1  (optional: the share of the zones' capacity that\n"
         "                supplies the districts)\n"
         "    [sankey]    scenario = report_baseline   (the flows drawn, a diagram per view;\n"
         "                needed when the flow table holds several scenarios)\n"
         "                title.VIEW = \"...\"           (optional: a view's title)\n"
         "  The output folder must be new, empty, or a report written before: that one is\n"
         "  replaced whole, and only when the new report is complete. A folder holding\n"
         "  anything else is refused.\n"
         "  Exit status: 0 complete; 3 complete with warnings about the data (they are\n"
         "  printed, listed in summary.md and in the 'warnings' table of results.gpkg);\n"
         "  1 failed, nothing written; 2 usage error.\n";
}

int runReport(const std::vector<std::string>& args, const char* program) {
  if (args.size() != 1)
    throw UsageError("report takes one argument: the config file");
  const ReportConfig config = readConfig(QString::fromStdString(args[0]));
  QTemporaryDir profile;
  int argc = 1;
  char* argv[] = {const_cast<char*>(program), nullptr};
  qputenv("QT_QPA_PLATFORM",
          qgetenv("QT_QPA_PLATFORM").isEmpty() ? "offscreen" : qgetenv("QT_QPA_PLATFORM"));
  QgsApplication app(argc, argv, false, profile.path());
  QgsApplication::setPrefixPath(qEnvironmentVariable("QGIS_PREFIX_PATH", "/usr"), true);
  QgsApplication::initQgis();
  // QGIS puts a GeoPackage it reads into write-ahead-log mode, which rewrites
  // the file's header: the planner's data would change by being read. Off in
  // this run's own profile, which is thrown away after it.
  QgsSettings().setValue(QStringLiteral("qgis/walForSqlite3"), false);
  QgsApplication::processingRegistry()->addProvider(new CpProcessingProvider());
  int rc = 0;
  {
    try {
      // Everything is written into a work folder beside the output, which
      // becomes the output only when all of it is done: no half-written report.
      ReportFolder folder(config.folder);
      Report report(config, folder.work());
      report.run();
      if (!config.database.connection.empty())
        writeToDatabase(report, config.database);
      folder.publish();
      std::cout << "Report written to " << config.folder.toStdString()
                << ": results.gpkg, maps/ (PNG and PDF maps, SVG Sankey "
                   "diagrams), summary.csv, summary.md, circular_planner.qgz\n";
      if (!report.warnings().empty()) {
        std::cout << "with " << report.warnings().count()
                  << " warning(s): listed above, in summary.md and in the 'warnings' table of "
                     "results.gpkg\n";
        rc = kCompleteWithWarnings;
      }
    } catch (const std::exception& e) {
      std::cerr << "\ncircular-planner: " << e.what() << "\n"
                << "nothing was written to " << config.folder.toStdString() << "\n";
      rc = 1;
    }
  }
  QgsApplication::exitQgis();
  return rc;
}

}  // namespace cp::runner
