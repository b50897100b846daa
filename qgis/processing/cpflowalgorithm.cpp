#include "cpflowalgorithm.h"

#include <qgsprocessingparameters.h>
#include <qgsvectorlayer.h>

#include "qgis/cpflowreader.h"
#include "qgis/cplayerreaders.h"
#include "qgis/cpqgisapi.h"
#include "qgis/processing/cpkeys.h"

template <typename Base>
void CpFlowTable<Base>::addFlowParameters() {
  this->addParameter(new QgsProcessingParameterFeatureSource(
      CpKey::Flows, QObject::tr("Flow table"), cp::qgis::sourceTypes(cp::qgis::Source::Vector)));
  QStringList classes;
  for (cp::layers::MaterialClass c : cp::layers::allMaterialClasses())
    classes << QString::fromLatin1(cp::layers::materialClassName(c));
  this->addParameter(new QgsProcessingParameterEnum(CpKey::MaterialClasses,
                                                    QObject::tr("Material classes (none: all)"),
                                                    classes, true, QVariant(), true));
  this->addParameter(new QgsProcessingParameterString(
      CpKey::Stage, QObject::tr("Stage (empty: all)"), QVariant(), false, true));
  this->addParameter(new QgsProcessingParameterString(
      CpKey::Scenario, QObject::tr("Scenario (empty: all)"), QVariant(), false, true));
}

void CpFlowAlgorithm::addFlowPlacesParameter() {
  addParameter(new QgsProcessingParameterMultipleLayers(
      CpKey::Places, QObject::tr("Places the flows run between (id fields detected)"),
      cp::qgis::Source::VectorAnyGeometry));
}

template <typename Base>
std::vector<cp::layers::Flow> CpFlowTable<Base>::readFlows(const QVariantMap& p,
                                                           QgsProcessingContext& context,
                                                           cp::layers::Diagnostics& diagnostics) {
  const auto table = this->requireSource(p, CpKey::Flows, context);
  std::vector<cp::layers::Flow> all =
      cp::qgis::readFlows(*table, this->inputLabel(CpKey::Flows), diagnostics);
  cp::layers::FlowFilter filter;
  // Nothing chosen means every class (QGIS would read the absent value as the first).
  const QVariant chosen = p.value(CpKey::MaterialClasses);
  const bool list = chosen.type() == QVariant::List || chosen.type() == QVariant::StringList;
  if (list ? !chosen.toList().isEmpty() : !chosen.toString().isEmpty())
    for (int i : this->parameterAsEnums(p, CpKey::MaterialClasses, context))
      filter.classes.insert(cp::layers::allMaterialClasses()[static_cast<std::size_t>(i)]);
  filter.stage = this->parameterAsString(p, CpKey::Stage, context).trimmed().toStdString();
  filter.scenario = this->parameterAsString(p, CpKey::Scenario, context).trimmed().toStdString();
  return cp::layers::filteredFlows(std::move(all), filter);
}

template class CpFlowTable<CpAlgorithm>;
template class CpFlowTable<CpNetworkAlgorithm>;

CpFlowAlgorithm::FlowsOnRoads CpFlowAlgorithm::readFlowsOnRoads(const QVariantMap& p,
                                                                QgsProcessingContext& context,
                                                                QgsProcessingFeedback* feedback,
                                                                const cp::geo::Feedback* progress) {
  FlowsOnRoads out;
  out.prepared = prepareRoads(p, context, feedback, progress);
  out.diagnostics = out.prepared.roads.diagnostics;
  std::vector<cp::layers::PointData> places;
  std::vector<std::string> idFields;
  for (const Input& layer : inputs(CpKey::Places)) {
    const QString name = layer.snapshot->sourceName();
    const QString idField =
        cp::qgis::detectField(*layer.snapshot, cp::layers::field_names::kPlaceId);
    if (idField.isEmpty())
      cp::layers::failInput(name.toStdString(), "", "", cp::analyses::noPlaceIdMessage());
    places.push_back(cp::qgis::readPoints(*layer.snapshot, name, idField, out.frame(),
                                          context.transformContext()));
    out.diagnostics.append(places.back().diagnostics);
    idFields.push_back(idField.toStdString());
  }
  std::vector<cp::analyses::FlowPlaceLayer> layers;
  for (std::size_t i = 0; i < places.size(); ++i)
    layers.push_back({places[i], idFields[i]});
  cp::analyses::PlacedFlows placed =
      cp::analyses::placeFlows(layers, readFlows(p, context, out.diagnostics),
                               inputLabel(CpKey::Flows).toStdString(), out.diagnostics);
  out.flows = cp::analyses::joinFlows(out.prepared.network, std::move(placed),
                                      snapOptions(p, context), out.diagnostics);
  return out;
}
