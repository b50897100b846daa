#include "cpflowalgorithm.h"

#include <map>

#include <qgsprocessingparameters.h>
#include <qgsvectorlayer.h>

#include "geo/flows_on_network.h"
#include "qgis/cpflowreader.h"
#include "qgis/cplayerreaders.h"
#include "qgis/cpqgisapi.h"

namespace {

const QString kFlows = QStringLiteral("FLOWS");
const QString kPlaces = QStringLiteral("PLACES");

}  // namespace

void CpFlowAlgorithm::addFlowParameters() {
  addParameter(new QgsProcessingParameterFeatureSource(
      kFlows, QObject::tr("Flow table"), cp::qgis::sourceTypes(cp::qgis::Source::Vector)));
  QStringList classes;
  for (cp::layers::MaterialClass c : cp::layers::allMaterialClasses())
    classes << QString::fromLatin1(cp::layers::materialClassName(c));
  addParameter(new QgsProcessingParameterEnum(QStringLiteral("MATERIAL_CLASSES"),
                                              QObject::tr("Material classes (none: all)"), classes,
                                              true, QVariant(), true));
  addParameter(new QgsProcessingParameterString(
      QStringLiteral("STAGE"), QObject::tr("Stage (empty: all)"), QVariant(), false, true));
  addParameter(new QgsProcessingParameterString(
      QStringLiteral("SCENARIO"), QObject::tr("Scenario (empty: all)"), QVariant(), false, true));
}

void CpFlowAlgorithm::addFlowPlacesParameter() {
  addParameter(new QgsProcessingParameterMultipleLayers(
      kPlaces, QObject::tr("Places the flows run between (id fields detected)"),
      cp::qgis::Source::VectorAnyGeometry));
}

std::vector<cp::layers::Flow> CpFlowAlgorithm::readFlows(const QVariantMap& p,
                                                         QgsProcessingContext& context) {
  const auto table = requireSource(p, kFlows, context);
  const QString label = inputLabel(kFlows);
  std::vector<cp::layers::Flow> all =
      cp::qgis::readFlows(*table, label, cp::qgis::detectFlowFields(*table));
  cp::layers::FlowFilter filter;
  // Nothing chosen means every class (QGIS would read the absent value as the first).
  const QVariant chosen = p.value(QStringLiteral("MATERIAL_CLASSES"));
  const bool list = chosen.type() == QVariant::List || chosen.type() == QVariant::StringList;
  if (list ? !chosen.toList().isEmpty() : !chosen.toString().isEmpty())
    for (int i : parameterAsEnums(p, QStringLiteral("MATERIAL_CLASSES"), context))
      filter.classes.insert(cp::layers::allMaterialClasses()[static_cast<std::size_t>(i)]);
  filter.stage = parameterAsString(p, QStringLiteral("STAGE"), context).trimmed().toStdString();
  filter.scenario =
      parameterAsString(p, QStringLiteral("SCENARIO"), context).trimmed().toStdString();
  std::vector<cp::layers::Flow> kept;
  for (cp::layers::Flow& f : all)
    if (filter.keeps(f))
      kept.push_back(std::move(f));
  return kept;
}

CpFlowAlgorithm::PlacedFlows CpFlowAlgorithm::placeFlows(QgsProcessingContext& context,
                                                         const cp::layers::WorkingFrame& frame,
                                                         std::vector<cp::layers::Flow> flows,
                                                         cp::layers::Diagnostics& diagnostics) {
  PlacedFlows out;
  std::map<std::string, std::size_t> index;
  std::vector<QString> layerOf;  // per place
  for (const Input& layer : inputs(kPlaces)) {
    const QString name = layer.snapshot->sourceName();
    const QString idField =
        cp::qgis::detectField(*layer.snapshot, cp::layers::field_names::kPlaceId);
    if (idField.isEmpty())
      cp::layers::failInput(name.toStdString(), "", "",
                            "no id field to match the flows' origins and destinations (one of " +
                                cp::qgis::usualNames(cp::layers::field_names::kPlaceId)
                                    .join(QStringLiteral(", "))
                                    .toStdString() +
                                ")");
    cp::layers::PointData places =
        cp::qgis::readPoints(*layer.snapshot, name, idField, frame, context.transformContext());
    diagnostics.append(places.diagnostics);
    for (std::size_t i = 0; i < places.ids.size(); ++i) {
      const auto [it, fresh] = index.emplace(places.ids[i], out.places.ids.size());
      if (!fresh) {  // e.g. a district and its centre: the first layer given stands for it
        const std::string first = layerOf[it->second].toStdString();
        diagnostics.warnOnce(first + "|" + name.toStdString(), name.toStdString(), "",
                             idField.toStdString(),
                             "ids such as '" + places.ids[i] + "' are also places in '" + first +
                                 "'; flows use the places in '" + first + "'");
        continue;
      }
      layerOf.push_back(name);
      out.places.ids.push_back(places.ids[i]);
      out.places.xy.push_back(places.xy[i]);
      out.places.lonLat.push_back(places.lonLat[i]);
    }
  }
  struct Unknown {
    std::vector<std::string> flows;
    double tonnes = 0;
  };
  std::map<std::string, Unknown> unknown;  // by the place id the flows name
  for (cp::layers::Flow& f : flows) {
    const auto from = index.find(f.origin);
    const auto to = index.find(f.destination);
    for (const auto& [end, id] : {std::pair{from, &f.origin}, std::pair{to, &f.destination}})
      if (end == index.end()) {
        unknown[*id].flows.push_back(f.id);
        unknown[*id].tonnes += f.tonnes;
      }
    if (from == index.end() || to == index.end()) {
      ++out.unplaced;
      out.unplacedTonnes += f.tonnes;
      continue;
    }
    out.ends.push_back({from->second, to->second});
    out.flows.push_back(std::move(f));
  }
  if (!unknown.empty()) {
    std::string places;  // every one of them: each needs mending in the data
    for (const auto& [id, use] : unknown)
      places += (places.empty() ? "'" : ", '") + id + "' (flows " + cp::layers::listed(use.flows) +
                "; " + QString::number(use.tonnes, 'f', 0).toStdString() + " t)";
    diagnostics.warn(inputLabel(kFlows).toStdString(), "", "",
                     std::to_string(out.unplaced) +
                         " flows name places in none of the given layers and are left out; "
                         "the places: " +
                         places);
  }
  return out;
}

CpFlowAlgorithm::FlowsOnRoads CpFlowAlgorithm::readFlowsOnRoads(const QVariantMap& p,
                                                                QgsProcessingContext& context,
                                                                QgsProcessingFeedback* feedback,
                                                                const cp::geo::Feedback* progress) {
  FlowsOnRoads out;
  out.prepared = prepareRoads(p, context, feedback, progress);
  out.diagnostics = out.prepared.roads.diagnostics;
  out.placed = placeFlows(context, out.frame(), readFlows(p, context), out.diagnostics);
  const cp::geo::Snapper snapper(out.prepared.network, snapOptions(p, context));
  out.snapped = cp::layers::snapPlaces(snapper, out.placed.places, out.diagnostics);
  return out;
}

std::vector<cp::geo::Route> CpFlowAlgorithm::routeFlows(const FlowsOnRoads& flows,
                                                        const cp::geo::Feedback* progress) {
  return cp::geo::routePairs(flows.prepared.network, flows.snapped.locations(), flows.placed.ends,
                             cp::geo::Metric::Distance, 0, progress);
}
