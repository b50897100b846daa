#include "cpalgorithm.h"

#include <QFileInfo>

#include <qgsprocessingparameters.h>
#include <qgsprocessingutils.h>
#include <qgsproject.h>
#include <qgsproviderregistry.h>
#include <qgsvectorlayer.h>

#include "layers/database_export.h"
#include "layers/text_file.h"
#include "qgis/cplayerreaders.h"
#include "qgis/processing/cpkeys.h"

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

bool CpAlgorithm::prepareAlgorithm(const QVariantMap& p, QgsProcessingContext& context,
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

CpAlgorithm::Input CpAlgorithm::takeSource(const QVariantMap& p, const QString& name,
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

const std::vector<CpAlgorithm::Input>& CpAlgorithm::inputs(const QString& name) const {
  static const std::vector<Input> none;
  const auto found = mInputs.find(name);
  return found == mInputs.end() ? none : found->second;
}

QString CpAlgorithm::inputLabel(const QString& name) const {
  const std::vector<Input>& given = inputs(name);
  return given.empty() ? parameterDefinition(name)->description() : given.front().label;
}

std::unique_ptr<QgsProcessingFeatureSource> CpAlgorithm::requireSource(
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

std::unique_ptr<QgsProcessingFeatureSource> CpAlgorithm::optionalSource(
    const QVariantMap& p, const QString& name, QgsProcessingContext& context) const {
  return inputs(name).empty() ? nullptr : requireSource(p, name, context);
}

std::optional<double> CpAlgorithm::optionalNumber(const QVariantMap& parameters,
                                                  const QString& name,
                                                  QgsProcessingContext& context) const {
  const QVariant value = parameters.value(name);
  if (!value.isValid() || value.isNull() || value.toString().trimmed().isEmpty())
    return std::nullopt;
  return parameterAsDouble(parameters, name, context);
}

void CpAlgorithm::addFactorTableParameter(const QString& name, const QString& description) {
  addParameter(new QgsProcessingParameterFeatureSource(
      name, description, cp::qgis::sourceTypes(cp::qgis::Source::Vector)));
}

cp::layers::FactorTable CpAlgorithm::readFactorTable(const QVariantMap& parameters,
                                                     const QString& name,
                                                     QgsProcessingContext& context,
                                                     cp::layers::Diagnostics& diagnostics) const {
  return cp::qgis::readFactorTable(*requireSource(parameters, name, context), inputLabel(name),
                                   diagnostics);
}

std::optional<cp::layers::FactorTable> CpAlgorithm::readOptionalFactorTable(
    const QVariantMap& parameters, const QString& name, QgsProcessingContext& context,
    cp::layers::Diagnostics& diagnostics) const {
  if (!optionalSource(parameters, name, context))
    return std::nullopt;
  return readFactorTable(parameters, name, context, diagnostics);
}

void CpAlgorithm::addCoefficientsParameter() {
  addFactorTableParameter(
      CpKey::Coefficients,
      QObject::tr("Building-stock coefficients (key, unit, low, central, high, source)"));
}

cp::layers::StockCoefficients CpAlgorithm::readStockCoefficients(
    const QVariantMap& parameters, QgsProcessingContext& context,
    cp::layers::Diagnostics& diagnostics) const {
  return cp::layers::stockCoefficients(
      readFactorTable(parameters, CpKey::Coefficients, context, diagnostics));
}

QgsCoordinateReferenceSystem CpAlgorithm::fallbackOutputCrs(
    const QVariantMap&, QgsProcessingContext&, const cp::layers::WorkingFrame& frame) const {
  return QgsCoordinateReferenceSystem::fromEpsgId(frame.epsg());
}

QgsCoordinateReferenceSystem CpAlgorithm::outputCrs(const QVariantMap& p,
                                                    QgsProcessingContext& context,
                                                    const cp::layers::WorkingFrame& frame) const {
  return mProjectCrs.isValid() ? mProjectCrs : fallbackOutputCrs(p, context, frame);
}

namespace {

QMetaType::Type qtType(cp::layers::FieldType type) {
  switch (type) {
    case cp::layers::FieldType::Integer:
      return QMetaType::Int;
    case cp::layers::FieldType::Boolean:
      return QMetaType::Bool;
    case cp::layers::FieldType::Integer64:
      return QMetaType::LongLong;
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
    return type == cp::layers::FieldType::Boolean     ? QVariant(*whole != 0)
           : type == cp::layers::FieldType::Integer64 ? QVariant(static_cast<qlonglong>(*whole))
                                                      : QVariant(static_cast<int>(*whole));
  if (const auto* real = std::get_if<double>(&value))
    return *real;
  return QVariant();
}

}  // namespace

QString CpAlgorithm::writeTable(const QVariantMap& p, QgsProcessingContext& context,
                                const cp::layers::WorkingFrame& frame,
                                const cp::layers::ResultTable& table, const QString& name,
                                Output output, cp::qgis::ResultStyler::Style style) {
  QgsFields fields;
  for (const cp::layers::ResultField& field : table.fields)
    fields.append(cp::qgis::makeField(QString::fromStdString(field.name), qtType(field.type)));
  const QgsCoordinateReferenceSystem crs = outputCrs(p, context, frame);
  QString destination;
  const std::unique_ptr<QgsFeatureSink> sink(
      parameterAsSink(p, name, context, destination, fields, qgisType(table.geometry), crs));
  if (!sink) {
    if (output == Output::Optional)
      return {};
    throw QgsProcessingException(invalidSinkError(p, name));
  }
  const QgsCoordinateTransform fromWorking(QgsCoordinateReferenceSystem::fromEpsgId(frame.epsg()),
                                           crs, context.transformContext());
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
      g.transform(fromWorking);
      f.setGeometry(g);
    }
    if (!sink->addFeature(f, QgsFeatureSink::FastInsert))
      throw QgsProcessingException(writeFeatureError(sink.get(), p, name));
  }
  if (style)
    cp::qgis::styleOnLoad(context, destination, style);
  return destination;
}

void CpAlgorithm::writeChart(const QVariantMap& p, QgsProcessingContext& context,
                             const cp::layers::BarChart& chart, QVariantMap& results) const {
  const QString path = parameterAsFileOutput(p, CpKey::Chart, context);
  if (path.isEmpty())
    return;
  cp::layers::writeTextFile(path.toStdString(), cp::layers::barChartSvg(chart));
  results.insert(CpKey::Chart, path);
}
