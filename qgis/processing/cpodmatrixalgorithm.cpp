#include "cpodmatrixalgorithm.h"

#include <qgscoordinatetransform.h>
#include <qgsexception.h>
#include <qgsfeaturesink.h>
#include <qgsprocessingfeedback.h>
#include <qgsprocessingparameters.h>

#include "geo/network_builder.h"
#include "layers/od_job.h"
#include "qgis/cplayerreaders.h"
#include "qgis/cpresultstyles.h"

namespace {

const QStringList kClassCandidates{QStringLiteral("fclass"), QStringLiteral("highway")};
const QStringList kOnewayCandidates{QStringLiteral("oneway")};
const QStringList kSpeedCandidates{QStringLiteral("maxspeed"), QStringLiteral("speed_kmh"),
                                   QStringLiteral("speed")};

QgsFields outputFields() {
  QgsFields fields;
  fields.append(QgsField(QStringLiteral("origin_id"), QVariant::String));
  fields.append(QgsField(QStringLiteral("destination_id"), QVariant::String));
  fields.append(QgsField(QStringLiteral("distance_m"), QVariant::Double));
  fields.append(QgsField(QStringLiteral("time_s"), QVariant::Double));
  fields.append(QgsField(QStringLiteral("method"), QVariant::String));
  fields.append(QgsField(QStringLiteral("origin_connector_m"), QVariant::Double));
  fields.append(QgsField(QStringLiteral("destination_connector_m"), QVariant::Double));
  return fields;
}

QVariant number(double v) {
  return std::isfinite(v) ? QVariant(v) : QVariant(QVariant::Double);
}

void reportDiagnostics(const cp::layers::Diagnostics& diagnostics,
                       QgsProcessingFeedback* feedback) {
  for (const cp::layers::Diagnostic& d : diagnostics.all())
    feedback->pushWarning(QString::fromStdString(d.text()));
}

}  // namespace

std::unique_ptr<QgsProcessingFeatureSource> CpOdMatrixAlgorithm::requireSource(
    const QVariantMap& p, const QString& name, QgsProcessingContext& context) const {
  std::unique_ptr<QgsProcessingFeatureSource> source(parameterAsSource(p, name, context));
  if (!source)
    throw QgsProcessingException(QObject::tr("Could not load the layer given for %1").arg(name));
  return source;
}

std::string CpOdMatrixAlgorithm::roadField(const QVariantMap& p, const QString& name,
                                           QgsProcessingContext& context,
                                           const QgsFeatureSource& roads,
                                           const QStringList& usual) const {
  const QString chosen = parameterAsString(p, name, context);
  return (chosen.isEmpty() ? cp::qgis::detectField(roads, usual) : chosen).toStdString();
}

QString CpOdMatrixAlgorithm::shortHelpString() const {
  return QObject::tr(
      "Computes road distances (m) and travel times (s) between every origin and every "
      "destination. "
      "Roads are joined where they share a vertex, filtered to drivable classes, one-way streets "
      "are "
      "respected (OSM yes/no/-1 and Geofabrik F/T/B) and speeds come from the speed field or a "
      "default "
      "per road class. Points join the nearest road of the main network; points that cannot join "
      "are "
      "reported and their rows say 'unreachable', unless a straight-line fallback is asked for. "
      "Polygons are routed from a point inside them. Lengths are ellipsoidal (WGS 84).");
}

void CpOdMatrixAlgorithm::initAlgorithm(const QVariantMap&) {
  addParameter(new QgsProcessingParameterFeatureSource(
      QStringLiteral("ROADS"), QObject::tr("Roads"), {QgsProcessing::TypeVectorLine}));
  addParameter(new QgsProcessingParameterField(
      QStringLiteral("CLASS_FIELD"), QObject::tr("Road class field"), QVariant(),
      QStringLiteral("ROADS"), QgsProcessingParameterField::Any, false, true));
  addParameter(new QgsProcessingParameterField(
      QStringLiteral("ONEWAY_FIELD"), QObject::tr("One-way field"), QVariant(),
      QStringLiteral("ROADS"), QgsProcessingParameterField::Any, false, true));
  addParameter(new QgsProcessingParameterField(
      QStringLiteral("SPEED_FIELD"), QObject::tr("Speed field (km/h)"), QVariant(),
      QStringLiteral("ROADS"), QgsProcessingParameterField::Any, false, true));
  addParameter(new QgsProcessingParameterBoolean(QStringLiteral("DRIVABLE_ONLY"),
                                                 QObject::tr("Drivable roads only"), true));
  for (const QString& role : {QStringLiteral("ORIGIN"), QStringLiteral("DESTINATION")}) {
    const QString layer = role + QStringLiteral("S");
    addParameter(new QgsProcessingParameterFeatureSource(
        layer,
        role == QStringLiteral("ORIGIN") ? QObject::tr("Origins") : QObject::tr("Destinations"),
        {QgsProcessing::TypeVectorPoint, QgsProcessing::TypeVectorPolygon}));
    addParameter(new QgsProcessingParameterField(
        role + QStringLiteral("_ID"), QObject::tr("%1 id field").arg(role.toLower()), QVariant(),
        layer, QgsProcessingParameterField::Any, false, true));
  }
  addParameter(new QgsProcessingParameterEnum(
      QStringLiteral("METRIC"), QObject::tr("Routes minimise"),
      {QObject::tr("distance"), QObject::tr("travel time")}, false, 0));
  auto* snap = new QgsProcessingParameterNumber(
      QStringLiteral("MAX_SNAP"), QObject::tr("Farthest a point may lie from a road (m)"),
      QgsProcessingParameterNumber::Double, 1000, false, 0.001);
  addParameter(snap);
  addParameter(new QgsProcessingParameterNumber(
      QStringLiteral("FALLBACK_DETOUR"),
      QObject::tr("Straight-line fallback detour factor (0: no fallback)"),
      QgsProcessingParameterNumber::Double, 0, false, 0));
  addParameter(new QgsProcessingParameterFeatureSink(
      QStringLiteral("OUTPUT"), QObject::tr("OD matrix"), QgsProcessing::TypeVectorLine));
}

QVariantMap CpOdMatrixAlgorithm::processAlgorithm(const QVariantMap& p,
                                                  QgsProcessingContext& context,
                                                  QgsProcessingFeedback* feedback) {
  const auto roadsSource = requireSource(p, QStringLiteral("ROADS"), context);
  const auto originSource = requireSource(p, QStringLiteral("ORIGINS"), context);
  const auto destinationSource = requireSource(p, QStringLiteral("DESTINATIONS"), context);

  cp::layers::OdJob options;
  options.queryOptions.metric = parameterAsEnum(p, QStringLiteral("METRIC"), context) == 1
                                    ? cp::geo::Metric::Time
                                    : cp::geo::Metric::Distance;
  options.snapOptions.maxDistanceM = parameterAsDouble(p, QStringLiteral("MAX_SNAP"), context);
  const double detour = parameterAsDouble(p, QStringLiteral("FALLBACK_DETOUR"), context);
  options.fallback.enabled = detour > 0;
  if (options.fallback.enabled)
    options.fallback.detourFactor = detour;
  const cp::layers::RoadFields fields{
      roadField(p, QStringLiteral("CLASS_FIELD"), context, *roadsSource, kClassCandidates),
      roadField(p, QStringLiteral("ONEWAY_FIELD"), context, *roadsSource, kOnewayCandidates),
      roadField(p, QStringLiteral("SPEED_FIELD"), context, *roadsSource, kSpeedCandidates)};

  cp::geo::Feedback progress([feedback](double percent) { feedback->setProgress(percent); });
  const QMetaObject::Connection cancel = QObject::connect(
      feedback, &QgsFeedback::canceled, feedback, [&progress] { progress.cancel(); },
      Qt::DirectConnection);
  try {
    const cp::layers::RoadData roads =
        cp::qgis::readRoads(*roadsSource, QObject::tr("Roads"), fields,
                            parameterAsBoolean(p, QStringLiteral("DRIVABLE_ONLY"), context),
                            context.transformContext(), feedback);
    cp::geo::BuildReport report;
    const cp::geo::Network net =
        cp::geo::buildNetwork(roads.lines, options.buildOptions, &report, &progress);
    feedback->pushInfo(QString::fromStdString(report.summary()));
    const auto origins =
        cp::qgis::readPoints(*originSource, QObject::tr("Origins"),
                             parameterAsString(p, QStringLiteral("ORIGIN_ID"), context),
                             *roads.frame, context.transformContext());
    const auto destinations =
        cp::qgis::readPoints(*destinationSource, QObject::tr("Destinations"),
                             parameterAsString(p, QStringLiteral("DESTINATION_ID"), context),
                             *roads.frame, context.transformContext());
    cp::layers::Diagnostics diagnostics = roads.diagnostics;
    diagnostics.append(origins.diagnostics);
    diagnostics.append(destinations.diagnostics);
    const cp::layers::OdAnalysis od =
        cp::layers::analyseOd(net, origins, destinations, false, options, diagnostics, &progress);
    reportDiagnostics(diagnostics, feedback);

    const QgsCoordinateReferenceSystem outputCrs = originSource->sourceCrs();
    QString destination;
    std::unique_ptr<QgsFeatureSink> sink(parameterAsSink(p, QStringLiteral("OUTPUT"), context,
                                                         destination, outputFields(),
                                                         QgsWkbTypes::LineString, outputCrs));
    if (!sink)
      throw QgsProcessingException(invalidSinkError(p, QStringLiteral("OUTPUT")));
    const QgsCoordinateTransform back(QgsCoordinateReferenceSystem::fromEpsgId(roads.frame->epsg()),
                                      outputCrs, context.transformContext());
    auto placed = [](const cp::layers::PointData& pts,
                     const std::vector<cp::geo::SnapResult>& snaps, std::size_t i) {
      return snaps[i].location ? snaps[i].location->xy : pts.xy[i];
    };
    for (const cp::geo::OdRow& row : od.rows) {
      QgsFeature f(outputFields());
      QgsAttributes attributes;
      attributes << QString::fromStdString(origins.ids[row.origin])
                 << QString::fromStdString(destinations.ids[row.destination])
                 << number(row.cost.distanceM) << number(row.cost.timeS)
                 << QString::fromStdString(cp::geo::toString(row.method))
                 << number(od.originSnaps[row.origin].connectorM)
                 << number(od.destinationSnaps[row.destination].connectorM);
      f.setAttributes(attributes);
      const cp::geo::XY a = placed(origins, od.originSnaps, row.origin);
      const cp::geo::XY b = placed(destinations, od.destinationSnaps, row.destination);
      if (std::isfinite(a.x) && std::isfinite(b.x)) {
        QgsGeometry line =
            QgsGeometry::fromPolylineXY({QgsPointXY(a.x, a.y), QgsPointXY(b.x, b.y)});
        line.transform(back);
        f.setGeometry(line);
      }
      if (!sink->addFeature(f, QgsFeatureSink::FastInsert))
        throw QgsProcessingException(writeFeatureError(sink.get(), p, QStringLiteral("OUTPUT")));
    }
    QObject::disconnect(cancel);
    cp::qgis::styleOnLoad(context, destination, cp::qgis::styleOdLines);
    return {{QStringLiteral("OUTPUT"), destination}};
  } catch (const cp::layers::InputError& e) {
    QObject::disconnect(cancel);
    throw QgsProcessingException(QString::fromStdString(e.what()));
  } catch (const cp::geo::Canceled&) {
    QObject::disconnect(cancel);
    return {};
  }
}
