#include "cpnetworkalgorithm.h"

#include <QFileInfo>

#include <algorithm>

#include <qgsprocessingparameters.h>
#include <qgsprocessingutils.h>
#include <qgsproject.h>
#include <qgsproviderregistry.h>
#include <qgsvectorlayer.h>

#include "geo/network_builder.h"
#include "layers/analyses/allocation.h"
#include "layers/database_export.h"
#include "layers/prepared_network.h"
#include "layers/quantity_reader.h"
#include "qgis/cplayerreaders.h"
#include "qgis/cpqgisapi.h"
#include "qgis/cpresultstyles.h"

void cpReportDiagnostics(const cp::layers::Diagnostics& diagnostics,
                         QgsProcessingFeedback* feedback) {
  for (const cp::layers::Diagnostic& d : diagnostics.all()) {
    if (d.severity == cp::layers::Diagnostic::Severity::Note)
      feedback->pushInfo(QString::fromStdString(d.text()));
    else
      feedback->pushWarning(QString::fromStdString(d.text()));
  }
}

QString cpLayerLabel(const QgsProcessingAlgorithm& algorithm, const QVariantMap& parameters,
                     const QString& name, QgsProcessingContext& context) {
  const QString role = algorithm.parameterDefinition(name)->description();
  const QgsVectorLayer* layer = QgsProcessingParameters::parameterAsVectorLayer(
      algorithm.parameterDefinition(name), parameters, context);
  if (layer == nullptr)
    return role;
  const QString source =
      QString::fromStdString(cp::layers::maskedConnection(layer->source().toStdString()));
  return QStringLiteral("%1 (%2) as %3").arg(layer->name(), source, role);
}

QVariant cpNumber(double value) {
  return std::isfinite(value) ? QVariant(value) : QVariant(QVariant::Double);
}

namespace {

// Said as every input error is, but thrown as QGIS's own exception: these
// checks also serve algorithms that run outside guarded().
[[noreturn]] void failLayer(const std::string& layer, const std::string& message) {
  const cp::layers::Diagnostic d{cp::layers::Diagnostic::Severity::Error, layer, "", "", message};
  throw QgsProcessingException(QString::fromStdString(d.text()));
}

// A file layer read without naming one of the file's several layers: QGIS
// would take the first one without a word.
void requireNamedLayer(const QgsMapLayer& layer) {
  if (layer.providerType() != QLatin1String("ogr"))
    return;
  const QVariantMap parts =
      QgsProviderRegistry::instance()->decodeUri(layer.providerType(), layer.source());
  if (!parts.value(QStringLiteral("layerName")).toString().isEmpty() ||
      parts.value(QStringLiteral("layerId")).isValid())
    return;
  const std::string path = parts.value(QStringLiteral("path")).toString().toStdString();
  const cp::layers::DatasetPtr dataset = cp::layers::openVectorDataset(path, GDAL_OF_READONLY);
  const std::string problem =
      dataset ? cp::layers::unnamedLayerProblem(*dataset, path) : std::string();
  if (!problem.empty())
    failLayer(layer.name().toStdString() + " (" + path + ")", problem);
}

[[noreturn]] void failUnreadable(const QString& given, const QString& role, const QString& error) {
  failLayer(given.toStdString() + " as " + role.toStdString(),
            "cannot be read: " +
                cp::layers::whyUnopenable(cp::layers::LayerRef::parse(given.toStdString()).dataset,
                                          error.toStdString()));
}

// An empty parameter: none, NULL, "" or an empty list (a layer object or a
// source definition is something given, though it reads as "").
bool nothingGiven(const QVariant& given) {
  if (!given.isValid() || given.isNull())
    return true;
  if (given.type() == QVariant::String)
    return given.toString().isEmpty();
  if (given.type() == QVariant::List || given.type() == QVariant::StringList)
    return given.toList().isEmpty();
  return false;
}

}  // namespace

QList<QgsMapLayer*> cpLayerList(const QgsProcessingAlgorithm& algorithm,
                                const QVariantMap& parameters, const QString& name,
                                QgsProcessingContext& context) {
  const QString role = algorithm.parameterDefinition(name)->description();
  const QVariant value = parameters.value(name);
  const QVariantList entries =
      value.type() == QVariant::List || value.type() == QVariant::StringList ? value.toList()
      : value.isValid() && !value.isNull()                                   ? QVariantList{value}
                                                                             : QVariantList{};
  QList<QgsMapLayer*> layers;
  for (const QVariant& entry : entries) {
    const QString given =
        entry.canConvert<QgsMapLayer*>() ? entry.value<QgsMapLayer*>()->id() : entry.toString();
    QgsMapLayer* layer = QgsProcessingUtils::mapLayerFromString(given, context);
    if (layer == nullptr || !layer->isValid())
      failUnreadable(given, role, layer ? layer->error().summary() : QString());
    if (layer->name().isEmpty())  // loaded from a path: named by its file, for messages
      layer->setName(QFileInfo(given.section('|', 0, 0)).completeBaseName());
    requireNamedLayer(*layer);
    layers << layer;
  }
  return layers;
}

QgsFields cpFields(std::initializer_list<std::pair<const char*, QMetaType::Type>> fields) {
  QgsFields out;
  for (const auto& [name, type] : fields)
    out.append(cp::qgis::makeField(QString::fromLatin1(name), type));
  return out;
}

void CpNetworkAlgorithm::addRoadParameters(SavedNetwork saved) {
  const bool accepted = saved == SavedNetwork::Accepted;
  addParameter(new QgsProcessingParameterFeatureSource(
      QStringLiteral("ROADS"), QObject::tr("Roads"),
      cp::qgis::sourceTypes(cp::qgis::Source::VectorLine), QVariant(), accepted));
  if (accepted)
    addParameter(new QgsProcessingParameterString(
        QStringLiteral("SAVED_NETWORK"),
        QObject::tr("Saved network, instead of the roads (a file saved by Build network, or "
                    "PG:<connection>|network=<name>)"),
        QVariant(), false, true));
  const QList<QPair<QString, QString>> fields{
      {QStringLiteral("CLASS_FIELD"), QObject::tr("Road class field")},
      {QStringLiteral("ONEWAY_FIELD"), QObject::tr("One-way field")},
      {QStringLiteral("SPEED_FIELD"), QObject::tr("Speed field (km/h)")}};
  for (const auto& [name, description] : fields)
    addParameter(new QgsProcessingParameterField(name, description, QVariant(),
                                                 QStringLiteral("ROADS"),
                                                 cp::qgis::FieldDataType::Any, false, true));
  addParameter(new QgsProcessingParameterBoolean(QStringLiteral("DRIVABLE_ONLY"),
                                                 QObject::tr("Drivable roads only"), true));
}

void CpNetworkAlgorithm::addPlacesParameter(const QString& name, const QString& idName,
                                            const QString& description) {
  addParameter(new QgsProcessingParameterFeatureSource(
      name, description,
      cp::qgis::sourceTypes(cp::qgis::Source::VectorPoint, cp::qgis::Source::VectorPolygon)));
  addParameter(new QgsProcessingParameterField(idName, QObject::tr("%1: id field").arg(description),
                                               QVariant(), name, cp::qgis::FieldDataType::Any,
                                               false, true));
}

void CpNetworkAlgorithm::addMetricAndSnapParameters() {
  addParameter(new QgsProcessingParameterEnum(
      QStringLiteral("METRIC"), QObject::tr("Routes minimise"),
      {QObject::tr("distance"), QObject::tr("travel time")}, false, 0));
  addSnapParameter(1000);
}

void CpNetworkAlgorithm::addSnapParameter(double defaultMetres) {
  addParameter(new QgsProcessingParameterNumber(
      QStringLiteral("MAX_SNAP"), QObject::tr("Farthest a place may lie from a road (m)"),
      cp::qgis::NumberType::Double, defaultMetres, false, 0.001));
}

void CpNetworkAlgorithm::addCo2Parameter() {
  addParameter(new QgsProcessingParameterNumber(
      QStringLiteral("CO2_PER_TKM"), QObject::tr("Transport emissions (kg CO2e per tonne-km)"),
      cp::qgis::NumberType::Double, cp::analyses::kDefaultKgCo2PerTkm, false, 0));
}

bool CpNetworkAlgorithm::prepareAlgorithm(const QVariantMap& p, QgsProcessingContext& context,
                                          QgsProcessingFeedback*) {
  mProjectCrs = context.project() ? context.project()->crs() : QgsCoordinateReferenceSystem();
  for (const QgsProcessingParameterDefinition* definition : parameterDefinitions()) {
    const QString name = definition->name();
    if (nothingGiven(p.value(name)))
      continue;
    if (definition->type() == QgsProcessingParameterFeatureSource::typeName()) {
      mInputs[name].push_back(takeSource(p, name, context));
    } else if (definition->type() == QgsProcessingParameterMultipleLayers::typeName()) {
      for (QgsMapLayer* layer : cpLayerList(*this, p, name, context))
        if (const auto* vector = qobject_cast<const QgsVectorLayer*>(layer))
          mInputs[name].push_back(
              {std::make_shared<CpLayerSnapshot>(*vector, false), vector->name(), -1, {}, {}});
    }
  }
  return true;
}

CpNetworkAlgorithm::Input CpNetworkAlgorithm::takeSource(const QVariantMap& p, const QString& name,
                                                         QgsProcessingContext& context) const {
  // The layer as QGIS resolves it (a project layer, a file, a database table),
  // with what the parameter asks beyond it: selected features only, a limit,
  // a filter, a geometry check.
  QVariantMap layerOnly = p;  // the definition's layer, for the layer lookups
  Input input;
  bool selectedOnly = false;
  if (p.value(name).userType() == qMetaTypeId<QgsProcessingFeatureSourceDefinition>()) {
    const auto definition = p.value(name).value<QgsProcessingFeatureSourceDefinition>();
    layerOnly[name] = definition.source.valueAsString(context.expressionContext());
    selectedOnly = definition.selectedFeaturesOnly;
    input.featureLimit = definition.featureLimit;
    input.filter = cp::qgis::sourceFilter(definition);
    input.geometryCheck = cp::qgis::geometryCheckOverride(definition);
  }
  const QgsVectorLayer* layer = parameterAsVectorLayer(layerOnly, name, context);
  if (layer == nullptr)
    failUnreadable(layerOnly.value(name).toString(), parameterDefinition(name)->description(),
                   QString());
  requireNamedLayer(*layer);
  input.snapshot = std::make_shared<CpLayerSnapshot>(*layer, selectedOnly);
  input.label = cpLayerLabel(*this, layerOnly, name, context);
  return input;
}

const std::vector<CpNetworkAlgorithm::Input>& CpNetworkAlgorithm::inputs(
    const QString& name) const {
  static const std::vector<Input> none;
  const auto found = mInputs.find(name);
  return found == mInputs.end() ? none : found->second;
}

QString CpNetworkAlgorithm::inputLabel(const QString& name) const {
  const std::vector<Input>& given = inputs(name);
  return given.empty() ? parameterDefinition(name)->description() : given.front().label;
}

std::unique_ptr<QgsProcessingFeatureSource> CpNetworkAlgorithm::requireSource(
    const QVariantMap& p, const QString& name, QgsProcessingContext& context) const {
  const std::vector<Input>& given = inputs(name);
  if (given.empty())
    failUnreadable(p.value(name).toString(), parameterDefinition(name)->description(), QString());
  const Input& input = given.front();
  auto source =
      cp::qgis::processingSource(*input.snapshot, context, input.featureLimit, input.filter);
  if (input.geometryCheck)
    source->setInvalidGeometryCheck(*input.geometryCheck);
  return source;
}

std::unique_ptr<QgsProcessingFeatureSource> CpNetworkAlgorithm::optionalSource(
    const QVariantMap& p, const QString& name, QgsProcessingContext& context) const {
  return inputs(name).empty() ? nullptr : requireSource(p, name, context);
}

std::string CpNetworkAlgorithm::roadField(const QVariantMap& p, const QString& name,
                                          QgsProcessingContext& context,
                                          const QgsFeatureSource& roads,
                                          const cp::layers::field_names::Names& usual) const {
  const QString chosen = parameterAsString(p, name, context);
  return (chosen.isEmpty() ? cp::qgis::detectField(roads, usual) : chosen).toStdString();
}

CpNetworkAlgorithm::PreparedRoads CpNetworkAlgorithm::prepareRoads(
    const QVariantMap& p, QgsProcessingContext& context, QgsProcessingFeedback* feedback,
    const cp::geo::Feedback* progress) {
  if (parameterDefinition(QStringLiteral("SAVED_NETWORK")) &&
      !parameterAsString(p, QStringLiteral("SAVED_NETWORK"), context).isEmpty())
    return loadSavedNetwork(p, context, feedback);
  const auto source = optionalSource(p, QStringLiteral("ROADS"), context);
  if (!source)
    throw QgsProcessingException(QObject::tr("Give the roads, or a saved network"));
  const cp::layers::RoadFields fields{roadField(p, QStringLiteral("CLASS_FIELD"), context, *source,
                                                cp::layers::field_names::kRoadClass),
                                      roadField(p, QStringLiteral("ONEWAY_FIELD"), context, *source,
                                                cp::layers::field_names::kOneway),
                                      roadField(p, QStringLiteral("SPEED_FIELD"), context, *source,
                                                cp::layers::field_names::kSpeed)};
  PreparedRoads out;
  out.roads = cp::qgis::readRoads(*source, inputLabel(QStringLiteral("ROADS")), fields,
                                  parameterAsBoolean(p, QStringLiteral("DRIVABLE_ONLY"), context),
                                  context.transformContext(), feedback);
  cp::geo::BuildReport report;
  out.network = cp::geo::buildNetwork(out.roads.lines, cp::geo::BuildOptions{}, &report, progress);
  feedback->pushInfo(QString::fromStdString(report.summary()));
  return out;
}

cp::layers::PointData CpNetworkAlgorithm::readPlaces(const QVariantMap& p, const QString& name,
                                                     const QString& idName,
                                                     QgsProcessingContext& context,
                                                     const cp::layers::WorkingFrame& frame,
                                                     cp::layers::Diagnostics& diagnostics) {
  const auto source = requireSource(p, name, context);
  cp::layers::PointData places =
      cp::qgis::readPoints(*source, inputLabel(name), parameterAsString(p, idName, context), frame,
                           context.transformContext());
  diagnostics.append(places.diagnostics);
  return places;
}

cp::layers::PointData CpNetworkAlgorithm::readSites(const QVariantMap& p, const QString& name,
                                                    const QString& idName,
                                                    QgsProcessingContext& context,
                                                    const cp::layers::WorkingFrame& frame,
                                                    cp::layers::Diagnostics& diagnostics) {
  cp::layers::PointData sites = readPlaces(p, name, idName, context, frame, diagnostics);
  cp::layers::requireUniqueIds(sites, parameterAsString(p, idName, context).toStdString());
  return sites;
}

CpNetworkAlgorithm::Places CpNetworkAlgorithm::readOriginsAnd(const QVariantMap& p,
                                                              const QString& name,
                                                              const QString& idName,
                                                              QgsProcessingContext& context,
                                                              const PreparedRoads& roads) {
  const cp::layers::WorkingFrame& frame = *roads.roads.frame;
  Places out;
  out.diagnostics = roads.roads.diagnostics;
  out.origins = readPlaces(p, QStringLiteral("ORIGINS"), QStringLiteral("ORIGIN_ID"), context,
                           frame, out.diagnostics);
  out.destinations = readPlaces(p, name, idName, context, frame, out.diagnostics);
  return out;
}

std::vector<double> CpNetworkAlgorithm::readTonnes(
    const QVariantMap& p, QgsProcessingContext& context, const QString& layer,
    const QString& fieldParameter, const cp::layers::field_names::Names& usual,
    cp::layers::Diagnostics& diagnostics, std::optional<double> withoutField) {
  const auto source = requireSource(p, layer, context);
  QString name = parameterAsString(p, fieldParameter, context);
  if (name.isEmpty())
    name = cp::qgis::detectField(*source, usual);
  if (name.isEmpty() && withoutField) {
    diagnostics.warn(inputLabel(layer).toStdString(), "", "",
                     cp::layers::noQuantityFieldMessage(usual, *withoutField));
    return std::vector<double>(static_cast<std::size_t>(source->featureCount()), *withoutField);
  }
  return cp::qgis::readQuantities(*source, inputLabel(layer), name, diagnostics);
}

cp::geo::SnapOptions CpNetworkAlgorithm::snapOptions(const QVariantMap& p,
                                                     QgsProcessingContext& context) const {
  cp::geo::SnapOptions options;
  options.maxDistanceM = maxSnap(p, context);
  return options;
}

cp::geo::Metric CpNetworkAlgorithm::metric(const QVariantMap& p,
                                           QgsProcessingContext& context) const {
  return parameterAsEnum(p, QStringLiteral("METRIC"), context) == 1 ? cp::geo::Metric::Time
                                                                    : cp::geo::Metric::Distance;
}

double CpNetworkAlgorithm::maxSnap(const QVariantMap& p, QgsProcessingContext& context) const {
  return parameterAsDouble(p, QStringLiteral("MAX_SNAP"), context);
}

CpNetworkAlgorithm::PreparedRoads CpNetworkAlgorithm::loadSavedNetwork(
    const QVariantMap& p, QgsProcessingContext& context, QgsProcessingFeedback* feedback) {
  const std::string where =
      parameterAsString(p, QStringLiteral("SAVED_NETWORK"), context).toStdString();
  std::optional<cp::layers::PreparedNetwork> saved = cp::layers::loadSavedNetwork(where);
  if (!saved)
    throw QgsProcessingException(
        QObject::tr("No network is saved at %1")
            .arg(QString::fromStdString(cp::layers::maskedConnection(where))));
  feedback->pushInfo(QObject::tr("The saved network %1 is used as it is%2")
                         .arg(QString::fromStdString(cp::layers::maskedConnection(where)),
                              optionalSource(p, QStringLiteral("ROADS"), context)
                                  ? QObject::tr("; the roads are not read")
                                  : QString()));
  PreparedRoads out;
  out.roads.frame = saved->frame;
  out.network = std::move(saved->network);
  return out;
}

QgsCoordinateReferenceSystem CpNetworkAlgorithm::outputCrs(
    const QVariantMap& p, QgsProcessingContext& context,
    const cp::layers::WorkingFrame& frame) const {
  if (mProjectCrs.isValid())
    return mProjectCrs;
  if (const auto roads = optionalSource(p, QStringLiteral("ROADS"), context))
    return roads->sourceCrs();
  return QgsCoordinateReferenceSystem::fromEpsgId(frame.epsg());
}

CpNetworkAlgorithm::SinkOutput CpNetworkAlgorithm::createOutput(
    const QVariantMap& p, QgsProcessingContext& context, const QgsFields& fields,
    const cp::layers::WorkingFrame& frame, const QString& name, cp::qgis::WkbType type) {
  SinkOutput out;
  const QgsCoordinateReferenceSystem crs = outputCrs(p, context, frame);
  out.sink.reset(parameterAsSink(p, name, context, out.destination, fields, type, crs));
  out.name = name;
  out.fromWorking = QgsCoordinateTransform(QgsCoordinateReferenceSystem::fromEpsgId(frame.epsg()),
                                           crs, context.transformContext());
  out.fields = fields;
  return out;
}

CpNetworkAlgorithm::SinkOutput CpNetworkAlgorithm::createLineOutput(
    const QVariantMap& p, QgsProcessingContext& context, const QgsFields& fields,
    const cp::layers::WorkingFrame& frame, const QString& name) {
  SinkOutput out = createOutput(p, context, fields, frame, name, cp::qgis::WkbType::LineString);
  if (!out.sink)
    throw QgsProcessingException(invalidSinkError(p, name));
  return out;
}

CpNetworkAlgorithm::SinkOutput CpNetworkAlgorithm::createPointOutput(
    const QVariantMap& p, QgsProcessingContext& context, const QgsFields& fields,
    const cp::layers::WorkingFrame& frame, const QString& name) {
  return createOutput(p, context, fields, frame, name, cp::qgis::WkbType::Point);
}

void CpNetworkAlgorithm::addPoint(SinkOutput& output, const QVariantMap& p,
                                  const QgsAttributes& attributes, const cp::geo::XY& xy) {
  QgsFeature f(output.fields);
  f.setAttributes(attributes);
  if (std::isfinite(xy.x) && std::isfinite(xy.y)) {
    QgsGeometry point = QgsGeometry::fromPointXY(QgsPointXY(xy.x, xy.y));
    point.transform(output.fromWorking);
    f.setGeometry(point);
  }
  if (!output.sink->addFeature(f, QgsFeatureSink::FastInsert))
    throw QgsProcessingException(writeFeatureError(output.sink.get(), p, output.name));
}

void CpNetworkAlgorithm::addPolyline(SinkOutput& output, const QVariantMap& p,
                                     const QgsAttributes& attributes,
                                     const std::vector<cp::geo::XY>& points) {
  QgsFeature f(output.fields);
  f.setAttributes(attributes);
  const bool drawable =
      points.size() >= 2 && std::all_of(points.begin(), points.end(), [](const cp::geo::XY& xy) {
        return std::isfinite(xy.x) && std::isfinite(xy.y);
      });
  if (drawable) {
    QgsPolylineXY line;
    line.reserve(static_cast<int>(points.size()));
    for (const cp::geo::XY& xy : points)
      line << QgsPointXY(xy.x, xy.y);
    QgsGeometry geometry = QgsGeometry::fromPolylineXY(line);
    geometry.transform(output.fromWorking);
    f.setGeometry(geometry);
  }
  if (!output.sink->addFeature(f, QgsFeatureSink::FastInsert))
    throw QgsProcessingException(writeFeatureError(output.sink.get(), p, output.name));
}

namespace {

QMetaType::Type qtType(cp::layers::FieldType type) {
  switch (type) {
    case cp::layers::FieldType::Integer:
      return QMetaType::Int;
    case cp::layers::FieldType::Boolean:
      return QMetaType::Bool;
    case cp::layers::FieldType::Real:
      return QMetaType::Double;
    case cp::layers::FieldType::Text:
      break;
  }
  return QMetaType::QString;
}

cp::qgis::WkbType qgisType(cp::layers::ResultGeometry geometry) {
  switch (geometry) {
    case cp::layers::ResultGeometry::Point:
      return cp::qgis::WkbType::Point;
    case cp::layers::ResultGeometry::LineString:
      return cp::qgis::WkbType::LineString;
    case cp::layers::ResultGeometry::MultiPolygon:
      return cp::qgis::WkbType::MultiPolygon;
    case cp::layers::ResultGeometry::None:
      break;
  }
  return cp::qgis::WkbType::NoGeometry;
}

QVariant qtValue(const cp::layers::ResultValue& value, cp::layers::FieldType type) {
  if (const auto* text = std::get_if<std::string>(&value))
    return QString::fromStdString(*text);
  if (const auto* whole = std::get_if<long long>(&value))
    return type == cp::layers::FieldType::Boolean ? QVariant(*whole != 0)
                                                  : QVariant(static_cast<int>(*whole));
  if (const auto* real = std::get_if<double>(&value))
    return *real;
  return QVariant();
}

}  // namespace

QString CpNetworkAlgorithm::writeTable(const QVariantMap& p, QgsProcessingContext& context,
                                       const cp::layers::WorkingFrame& frame,
                                       const cp::layers::ResultTable& table, const QString& name,
                                       Output output, cp::qgis::ResultStyler::Style style) {
  QgsFields fields;
  for (const cp::layers::ResultField& field : table.fields)
    fields.append(cp::qgis::makeField(QString::fromStdString(field.name), qtType(field.type)));
  SinkOutput out = createOutput(p, context, fields, frame, name, qgisType(table.geometry));
  if (!out.sink) {
    if (output == Output::Optional)
      return {};
    throw QgsProcessingException(invalidSinkError(p, name));
  }
  for (const cp::layers::ResultRow& row : table.rows) {
    QgsFeature f(fields);
    QgsAttributes attributes;
    for (std::size_t i = 0; i < row.values.size(); ++i)
      attributes << qtValue(row.values[i], table.fields[i].type);
    f.setAttributes(attributes);
    if (row.geometry && !row.geometry->IsEmpty()) {
      QgsGeometry g = cp::qgis::fromOgr(*row.geometry);
      if (table.geometry == cp::layers::ResultGeometry::MultiPolygon)
        g.convertToMultiType();
      g.transform(out.fromWorking);
      f.setGeometry(g);
    }
    if (!out.sink->addFeature(f, QgsFeatureSink::FastInsert))
      throw QgsProcessingException(writeFeatureError(out.sink.get(), p, out.name));
  }
  if (style)
    cp::qgis::styleOnLoad(context, out.destination, style);
  return out.destination;
}

void CpNetworkAlgorithm::addPlacesOutput() {
  addParameter(new QgsProcessingParameterFeatureSink(
      QStringLiteral("PLACES"), QObject::tr("Places and how they join the roads"),
      cp::qgis::Source::VectorPoint, QVariant(), true, true));
}

void CpNetworkAlgorithm::writePlaces(const QVariantMap& p, QgsProcessingContext& context,
                                     const cp::layers::WorkingFrame& frame,
                                     const std::vector<PlaceSet>& sets, QVariantMap& results) {
  QgsFields fields;
  fields.append(cp::qgis::makeField(QStringLiteral("role"), QMetaType::QString));
  fields.append(cp::qgis::makeField(QStringLiteral("place_id"), QMetaType::QString));
  fields.append(cp::qgis::makeField(QStringLiteral("joined"), QMetaType::Bool));
  fields.append(cp::qgis::makeField(QStringLiteral("connector_m"), QMetaType::Double));
  fields.append(cp::qgis::makeField(QStringLiteral("reason"), QMetaType::QString));
  SinkOutput output = createPointOutput(p, context, fields, frame, QStringLiteral("PLACES"));
  if (!output.sink)
    return;
  for (const PlaceSet& set : sets) {
    for (std::size_t i = 0; i < set.places.ids.size(); ++i) {
      const cp::geo::SnapResult& snap = set.snapped.snaps[i];
      QgsAttributes attributes;
      attributes << set.role << QString::fromStdString(set.places.ids[i])
                 << snap.location.has_value() << cpNumber(snap.connectorM)
                 << QString::fromStdString(snap.reason);
      addPoint(output, p, attributes, set.places.xy[i]);
    }
  }
  const QString destination = output.destination;
  cp::qgis::styleOnLoad(context, destination, cp::qgis::stylePlaces);
  results.insert(QStringLiteral("PLACES"), destination);
}
