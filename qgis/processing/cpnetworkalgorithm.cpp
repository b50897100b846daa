#include "cpnetworkalgorithm.h"

#include <qgsprocessingparameters.h>

#include "geo/network_builder.h"
#include "qgis/cplayerreaders.h"

namespace {

const QStringList kClassCandidates{QStringLiteral("fclass"), QStringLiteral("highway")};
const QStringList kOnewayCandidates{QStringLiteral("oneway")};
const QStringList kSpeedCandidates{QStringLiteral("maxspeed"), QStringLiteral("speed_kmh"),
                                   QStringLiteral("speed")};

}  // namespace

void cpReportDiagnostics(const cp::layers::Diagnostics& diagnostics,
                         QgsProcessingFeedback* feedback) {
  for (const cp::layers::Diagnostic& d : diagnostics.all())
    feedback->pushWarning(QString::fromStdString(d.text()));
}

QVariant cpNumber(double value) {
  return std::isfinite(value) ? QVariant(value) : QVariant(QVariant::Double);
}

void CpNetworkAlgorithm::addRoadParameters() {
  addParameter(new QgsProcessingParameterFeatureSource(
      QStringLiteral("ROADS"), QObject::tr("Roads"), {QgsProcessing::TypeVectorLine}));
  const QList<QPair<QString, QString>> fields{
      {QStringLiteral("CLASS_FIELD"), QObject::tr("Road class field")},
      {QStringLiteral("ONEWAY_FIELD"), QObject::tr("One-way field")},
      {QStringLiteral("SPEED_FIELD"), QObject::tr("Speed field (km/h)")}};
  for (const auto& [name, description] : fields)
    addParameter(new QgsProcessingParameterField(name, description, QVariant(),
                                                 QStringLiteral("ROADS"),
                                                 QgsProcessingParameterField::Any, false, true));
  addParameter(new QgsProcessingParameterBoolean(QStringLiteral("DRIVABLE_ONLY"),
                                                 QObject::tr("Drivable roads only"), true));
}

void CpNetworkAlgorithm::addPlacesParameter(const QString& name, const QString& idName,
                                            const QString& description) {
  addParameter(new QgsProcessingParameterFeatureSource(
      name, description, {QgsProcessing::TypeVectorPoint, QgsProcessing::TypeVectorPolygon}));
  addParameter(new QgsProcessingParameterField(idName, QObject::tr("%1: id field").arg(description),
                                               QVariant(), name, QgsProcessingParameterField::Any,
                                               false, true));
}

void CpNetworkAlgorithm::addMetricAndSnapParameters() {
  addParameter(new QgsProcessingParameterEnum(
      QStringLiteral("METRIC"), QObject::tr("Routes minimise"),
      {QObject::tr("distance"), QObject::tr("travel time")}, false, 0));
  addParameter(new QgsProcessingParameterNumber(
      QStringLiteral("MAX_SNAP"), QObject::tr("Farthest a point may lie from a road (m)"),
      QgsProcessingParameterNumber::Double, 1000, false, 0.001));
}

std::unique_ptr<QgsProcessingFeatureSource> CpNetworkAlgorithm::requireSource(
    const QVariantMap& p, const QString& name, QgsProcessingContext& context) const {
  std::unique_ptr<QgsProcessingFeatureSource> source(parameterAsSource(p, name, context));
  if (!source)
    throw QgsProcessingException(QObject::tr("Could not load the layer given for %1").arg(name));
  return source;
}

std::string CpNetworkAlgorithm::roadField(const QVariantMap& p, const QString& name,
                                          QgsProcessingContext& context,
                                          const QgsFeatureSource& roads,
                                          const QStringList& usual) const {
  const QString chosen = parameterAsString(p, name, context);
  return (chosen.isEmpty() ? cp::qgis::detectField(roads, usual) : chosen).toStdString();
}

CpNetworkAlgorithm::PreparedRoads CpNetworkAlgorithm::prepareRoads(
    const QVariantMap& p, QgsProcessingContext& context, QgsProcessingFeedback* feedback,
    const cp::geo::Feedback* progress) {
  const auto source = requireSource(p, QStringLiteral("ROADS"), context);
  const cp::layers::RoadFields fields{
      roadField(p, QStringLiteral("CLASS_FIELD"), context, *source, kClassCandidates),
      roadField(p, QStringLiteral("ONEWAY_FIELD"), context, *source, kOnewayCandidates),
      roadField(p, QStringLiteral("SPEED_FIELD"), context, *source, kSpeedCandidates)};
  PreparedRoads out;
  out.roads = cp::qgis::readRoads(*source, QObject::tr("Roads"), fields,
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
                                                     const cp::layers::WorkingFrame& frame) {
  const auto source = requireSource(p, name, context);
  return cp::qgis::readPoints(*source, parameterDefinition(name)->description(),
                              parameterAsString(p, idName, context), frame,
                              context.transformContext());
}

cp::geo::Metric CpNetworkAlgorithm::metric(const QVariantMap& p,
                                           QgsProcessingContext& context) const {
  return parameterAsEnum(p, QStringLiteral("METRIC"), context) == 1 ? cp::geo::Metric::Time
                                                                    : cp::geo::Metric::Distance;
}

double CpNetworkAlgorithm::maxSnap(const QVariantMap& p, QgsProcessingContext& context) const {
  return parameterAsDouble(p, QStringLiteral("MAX_SNAP"), context);
}

CpNetworkAlgorithm::LineOutput CpNetworkAlgorithm::createLineOutput(
    const QVariantMap& p, QgsProcessingContext& context, const QgsFields& fields,
    const cp::layers::WorkingFrame& frame) {
  LineOutput out;
  const QgsCoordinateReferenceSystem crs =
      requireSource(p, QStringLiteral("ORIGINS"), context)->sourceCrs();
  out.sink.reset(parameterAsSink(p, QStringLiteral("OUTPUT"), context, out.destination, fields,
                                 QgsWkbTypes::LineString, crs));
  if (!out.sink)
    throw QgsProcessingException(invalidSinkError(p, QStringLiteral("OUTPUT")));
  out.fromWorking = QgsCoordinateTransform(QgsCoordinateReferenceSystem::fromEpsgId(frame.epsg()),
                                           crs, context.transformContext());
  out.fields = fields;
  return out;
}

void CpNetworkAlgorithm::addLine(LineOutput& output, const QVariantMap& p,
                                 const QgsAttributes& attributes, const cp::geo::XY& a,
                                 const cp::geo::XY& b) {
  QgsFeature f(output.fields);
  f.setAttributes(attributes);
  if (std::isfinite(a.x) && std::isfinite(a.y) && std::isfinite(b.x) && std::isfinite(b.y)) {
    QgsGeometry line = QgsGeometry::fromPolylineXY({QgsPointXY(a.x, a.y), QgsPointXY(b.x, b.y)});
    line.transform(output.fromWorking);
    f.setGeometry(line);
  }
  if (!output.sink->addFeature(f, QgsFeatureSink::FastInsert))
    throw QgsProcessingException(writeFeatureError(output.sink.get(), p, QStringLiteral("OUTPUT")));
}
