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
#include "qgis/processing/cpkeys.h"

void CpNetworkAlgorithm::addRoadParameters(SavedNetwork saved) {
  const bool accepted = saved == SavedNetwork::Accepted;
  addParameter(new QgsProcessingParameterFeatureSource(
      CpKey::Roads, QObject::tr("Roads"), cp::qgis::sourceTypes(cp::qgis::Source::VectorLine),
      QVariant(), accepted));
  if (accepted)
    addParameter(new QgsProcessingParameterString(
        CpKey::SavedNetwork,
        QObject::tr("Saved network, instead of the roads (a file saved by Build network, or "
                    "PG:<connection>|network=<name>)"),
        QVariant(), false, true));
  const QList<QPair<QString, QString>> fields{
      {CpKey::ClassField, QObject::tr("Road class field")},
      {CpKey::OnewayField, QObject::tr("One-way field")},
      {CpKey::SpeedField, QObject::tr("Speed field (km/h)")}};
  for (const auto& [name, description] : fields)
    addParameter(new QgsProcessingParameterField(name, description, QVariant(), CpKey::Roads,
                                                 cp::qgis::FieldDataType::Any, false, true));
  addParameter(new QgsProcessingParameterBoolean(CpKey::DrivableOnly,
                                                 QObject::tr("Drivable roads only"), true));
}

void CpNetworkAlgorithm::addPlacesParameter(const QString& name, const QString& idName,
                                            const QString& description, bool optional) {
  addParameter(new QgsProcessingParameterFeatureSource(
      name, description,
      cp::qgis::sourceTypes(cp::qgis::Source::VectorPoint, cp::qgis::Source::VectorPolygon),
      QVariant(), optional));
  addParameter(new QgsProcessingParameterField(idName, QObject::tr("%1: id field").arg(description),
                                               QVariant(), name, cp::qgis::FieldDataType::Any,
                                               false, true));
}

void CpNetworkAlgorithm::addMetricAndSnapParameters() {
  addParameter(new QgsProcessingParameterEnum(CpKey::Metric, QObject::tr("Routes minimise"),
                                              {QObject::tr("distance"), QObject::tr("travel time")},
                                              false, 0));
  addSnapParameter(1000);
}

void CpNetworkAlgorithm::addSnapParameter(double defaultMetres) {
  addParameter(new QgsProcessingParameterNumber(
      CpKey::MaxSnap, QObject::tr("Farthest a place may lie from a road (m)"),
      cp::qgis::NumberType::Double, defaultMetres, false, 0.001));
}

void CpNetworkAlgorithm::addCo2Parameters() {
  addParameter(new QgsProcessingParameterNumber(
      CpKey::Co2PerTkm,
      QObject::tr("Transport emissions (kg CO2e per tonne-km; empty: the truck's emission factor)"),
      cp::qgis::NumberType::Double, QVariant(), true, 0));
  addParameter(new QgsProcessingParameterFeatureSource(
      CpKey::Factors,
      QObject::tr("Emission factors (key, unit, low, central, high, source; empty with no number "
                  "above: no CO2e)"),
      cp::qgis::sourceTypes(cp::qgis::Source::Vector), QVariant(), true));
  addParameter(new QgsProcessingParameterString(
      CpKey::Truck, QObject::tr("Truck: its row of the emission factors"),
      QStringLiteral("truck_average"), false, true));
}

cp::analyses::TransportFactor CpNetworkAlgorithm::transportFactor(
    const QVariantMap& p, QgsProcessingContext& context, QgsProcessingFeedback* feedback) const {
  cp::layers::Diagnostics diagnostics;
  const std::optional<cp::layers::FactorTable> factors =
      readOptionalFactorTable(p, CpKey::Factors, context, diagnostics);
  cpReportDiagnostics(diagnostics, feedback);
  return transportFactor(p, context, factors ? &*factors : nullptr, feedback);
}

cp::analyses::TransportFactor CpNetworkAlgorithm::transportFactor(
    const QVariantMap& p, QgsProcessingContext& context, const cp::layers::FactorTable* factors,
    QgsProcessingFeedback* feedback) const {
  cp::layers::Diagnostics diagnostics;
  const cp::analyses::TransportFactor factor = cp::analyses::transportFactor(
      optionalNumber(p, CpKey::Co2PerTkm, context), factors,
      parameterAsString(p, CpKey::Truck, context).toStdString(), diagnostics);
  cpReportDiagnostics(diagnostics, feedback);
  return factor;
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
  if (parameterDefinition(CpKey::SavedNetwork) &&
      !parameterAsString(p, CpKey::SavedNetwork, context).isEmpty())
    return loadSavedNetwork(p, context, feedback);
  const auto source = optionalSource(p, CpKey::Roads, context);
  if (!source)
    throw QgsProcessingException(QObject::tr("Give the roads, or a saved network"));
  const cp::layers::RoadFields fields{
      roadField(p, CpKey::ClassField, context, *source, cp::layers::field_names::kRoadClass),
      roadField(p, CpKey::OnewayField, context, *source, cp::layers::field_names::kOneway),
      roadField(p, CpKey::SpeedField, context, *source, cp::layers::field_names::kSpeed),
      cp::qgis::detectField(*source, cp::layers::field_names::kRoadLength).toStdString()};
  PreparedRoads out;
  const QString label = inputLabel(CpKey::Roads);
  out.roads = cp::qgis::readRoads(*source, label, fields,
                                  parameterAsBoolean(p, CpKey::DrivableOnly, context),
                                  context.transformContext(), feedback);
  cp::geo::BuildReport report;
  out.network = cp::geo::buildNetwork(out.roads.lines, cp::geo::BuildOptions{}, &report, progress);
  cp::layers::noteBuildIssues(label.toStdString(), report, out.roads.diagnostics);
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
  out.origins = readPlaces(p, CpKey::Origins, CpKey::OriginId, context, frame, out.diagnostics);
  out.destinations = readPlaces(p, name, idName, context, frame, out.diagnostics);
  return out;
}

std::vector<double> CpNetworkAlgorithm::readTonnes(
    const QVariantMap& p, QgsProcessingContext& context, const QString& layer,
    const QString& fieldParameter, const cp::layers::field_names::Names& usual,
    cp::layers::Diagnostics& diagnostics, std::optional<double> withoutField,
    std::optional<double> whenNull) {
  const auto source = requireSource(p, layer, context);
  QString name = parameterAsString(p, fieldParameter, context);
  if (name.isEmpty())
    name = cp::qgis::detectField(*source, usual);
  if (name.isEmpty() && withoutField) {
    diagnostics.warn(inputLabel(layer).toStdString(), "", "",
                     cp::layers::noQuantityFieldMessage(usual, *withoutField));
    return std::vector<double>(static_cast<std::size_t>(source->featureCount()), *withoutField);
  }
  return cp::qgis::readQuantities(*source, inputLabel(layer), name, diagnostics, "t", whenNull);
}

cp::geo::SnapOptions CpNetworkAlgorithm::snapOptions(const QVariantMap& p,
                                                     QgsProcessingContext& context) const {
  cp::geo::SnapOptions options;
  options.maxDistanceM = maxSnap(p, context);
  return options;
}

cp::geo::Metric CpNetworkAlgorithm::metric(const QVariantMap& p,
                                           QgsProcessingContext& context) const {
  return parameterAsEnum(p, CpKey::Metric, context) == 1 ? cp::geo::Metric::Time
                                                         : cp::geo::Metric::Distance;
}

double CpNetworkAlgorithm::maxSnap(const QVariantMap& p, QgsProcessingContext& context) const {
  return parameterAsDouble(p, CpKey::MaxSnap, context);
}

CpNetworkAlgorithm::PreparedRoads CpNetworkAlgorithm::loadSavedNetwork(
    const QVariantMap& p, QgsProcessingContext& context, QgsProcessingFeedback* feedback) {
  const std::string where = parameterAsString(p, CpKey::SavedNetwork, context).toStdString();
  std::optional<cp::layers::PreparedNetwork> saved = cp::layers::loadSavedNetwork(where);
  if (!saved)
    throw QgsProcessingException(
        QObject::tr("No network is saved at %1")
            .arg(QString::fromStdString(cp::layers::maskedConnection(where))));
  feedback->pushInfo(QObject::tr("The saved network %1 is used as it is%2")
                         .arg(QString::fromStdString(cp::layers::maskedConnection(where)),
                              optionalSource(p, CpKey::Roads, context)
                                  ? QObject::tr("; the roads are not read")
                                  : QString()));
  PreparedRoads out;
  out.roads.frame = saved->frame;
  out.network = std::move(saved->network);
  return out;
}

QgsCoordinateReferenceSystem CpNetworkAlgorithm::fallbackOutputCrs(
    const QVariantMap& p, QgsProcessingContext& context,
    const cp::layers::WorkingFrame& frame) const {
  if (const auto roads = optionalSource(p, CpKey::Roads, context))
    return roads->sourceCrs();
  return CpAlgorithm::fallbackOutputCrs(p, context, frame);
}

void CpNetworkAlgorithm::addPlacesOutput() {
  addParameter(new QgsProcessingParameterFeatureSink(
      CpKey::Places, QObject::tr("Places and how they join the roads"),
      cp::qgis::Source::VectorPoint, QVariant(), true, true));
}

void CpNetworkAlgorithm::writePlaces(const QVariantMap& p, QgsProcessingContext& context,
                                     const cp::layers::WorkingFrame& frame,
                                     const std::vector<cp::layers::PlaceSet>& sets,
                                     QVariantMap& results) {
  insertIfWritten(results, CpKey::Places,
                  writeTable(p, context, frame, cp::layers::placesTable(sets), CpKey::Places,
                             Output::Optional, cp::qgis::stylePlaces));
}
