#include "cpcatchmentsalgorithm.h"

#include <qgsprocessingparameters.h>

#include "geo/catchments.h"
#include "geo/routing.h"
#include "qgis/cpcatchmentpolygons.h"
#include "qgis/cplayerreaders.h"
#include "qgis/cpqgisapi.h"
#include "qgis/cpresultstyles.h"

namespace {

const QString kSites = QStringLiteral("SITES");
const QString kSources = QStringLiteral("SOURCES");

std::vector<double> parseBands(const QString& text, double cutoff) {
  std::vector<double> bands;
  for (const QString& part : text.split(',', Qt::SkipEmptyParts)) {
    bool ok = false;
    const double value = part.trimmed().toDouble(&ok);
    if (!ok || value <= 0)
      throw QgsProcessingException(
          QObject::tr("Bands must be positive numbers separated by commas, not '%1'").arg(text));
    if (value < cutoff)
      bands.push_back(value);
  }
  std::sort(bands.begin(), bands.end());
  return bands;
}

// The band a cost falls in, as its upper bound (the cutoff for the last).
double bandOf(double cost, const std::vector<double>& bands, double cutoff) {
  const auto it = std::upper_bound(bands.begin(), bands.end(), cost);
  return it == bands.end() ? cutoff : *it;
}

}  // namespace

QString CpCatchmentsAlgorithm::shortHelpString() const {
  return QObject::tr(
      "Finds, in one search from all sites, the nearest site of every place on the road network "
      "within a cutoff (metres, or seconds when minimising travel time), for material carried to "
      "the sites or from them (one-way streets matter). Writes catchment polygons that partition "
      "the served area - one per site, disjoint, never farther than the band width from a road "
      "reached within the cutoff - with their area and, when sources are given, the sources and "
      "tonnes each gathers; and optionally the served network cut into cost bands (e.g. "
      "'5000,10000,20000').");
}

void CpCatchmentsAlgorithm::initAlgorithm(const QVariantMap&) {
  addRoadParameters();
  addPlacesParameter(kSites, QStringLiteral("SITE_ID"), QObject::tr("Sites"));
  addParameter(new QgsProcessingParameterEnum(
      QStringLiteral("TRAVEL"), QObject::tr("Material travels"),
      {QObject::tr("to the sites"), QObject::tr("from the sites")}, false, 0));
  addMetricAndSnapParameters();
  addParameter(new QgsProcessingParameterNumber(QStringLiteral("CUTOFF"),
                                                QObject::tr("Cutoff (m, or s for time)"),
                                                cp::qgis::NumberType::Double, 20000, false, 1));
  addParameter(new QgsProcessingParameterString(QStringLiteral("BANDS"),
                                                QObject::tr("Cost bands (comma-separated)"),
                                                QStringLiteral("5000,10000"), false, true));
  addParameter(new QgsProcessingParameterNumber(
      QStringLiteral("RADIUS"), QObject::tr("Polygon width either side of the roads (m)"),
      cp::qgis::NumberType::Double, 200, false, 1));
  auto* sources = new QgsProcessingParameterFeatureSource(
      kSources, QObject::tr("Sources to total per catchment"),
      cp::qgis::sourceTypes(cp::qgis::Source::VectorPoint, cp::qgis::Source::VectorPolygon),
      QVariant(), true);
  addParameter(sources);
  addParameter(new QgsProcessingParameterField(
      QStringLiteral("SOURCE_ID"), QObject::tr("Sources: id field (empty: feature number)"),
      QVariant(), kSources, cp::qgis::FieldDataType::Any, false, true));
  addParameter(new QgsProcessingParameterField(
      QStringLiteral("TONNES_FIELD"), QObject::tr("Sources: tonnes per year (empty: detect)"),
      QVariant(), kSources, cp::qgis::FieldDataType::Numeric, false, true));
  addParameter(new QgsProcessingParameterFeatureSink(
      QStringLiteral("OUTPUT"), QObject::tr("Catchments"), cp::qgis::Source::VectorPolygon));
  addParameter(new QgsProcessingParameterFeatureSink(
      QStringLiteral("NETWORK"), QObject::tr("Catchment network in bands"),
      cp::qgis::Source::VectorLine, QVariant(), true, false));
}

QVariantMap CpCatchmentsAlgorithm::processAlgorithm(const QVariantMap& p,
                                                    QgsProcessingContext& context,
                                                    QgsProcessingFeedback* feedback) {
  return guarded(feedback, [&](const cp::geo::Feedback* progress) {
    const PreparedRoads prepared = prepareRoads(p, context, feedback, progress);
    const cp::layers::WorkingFrame& frame = *prepared.roads.frame;
    cp::layers::Diagnostics diagnostics = prepared.roads.diagnostics;
    const auto sites = readSites(p, kSites, QStringLiteral("SITE_ID"), context, frame, diagnostics);
    const cp::geo::Snapper snapper(prepared.network, snapOptions(p, context));
    const auto snapped = cp::layers::snapPlaces(snapper, sites, diagnostics);

    cp::geo::CatchmentOptions options;
    options.metric = metric(p, context);
    options.travel = parameterAsEnum(p, QStringLiteral("TRAVEL"), context) == 1
                         ? cp::geo::Travel::FromSite
                         : cp::geo::Travel::ToSite;
    options.cutoff = parameterAsDouble(p, QStringLiteral("CUTOFF"), context);
    const std::vector<double> bands =
        parseBands(parameterAsString(p, QStringLiteral("BANDS"), context), options.cutoff);
    const cp::geo::Catchments catchments(prepared.network, snapped.locations(), options);
    const std::vector<cp::geo::CatchmentPiece> pieces = catchments.pieces(bands);
    feedback->setProgress(50);

    // Sources: which site each one reaches, and the tonnes gathered per site.
    std::vector<double> tonnes(sites.ids.size(), 0.0);
    std::vector<int> sourceCount(sites.ids.size(), 0);
    if (optionalSource(p, kSources, context)) {
      const auto sources =
          readPlaces(p, kSources, QStringLiteral("SOURCE_ID"), context, frame, diagnostics);
      const std::vector<double> amount =
          readTonnes(p, context, kSources, QStringLiteral("TONNES_FIELD"), tonnesFieldNames(),
                     diagnostics, 0.0);
      const auto placed = cp::layers::snapPlaces(snapper, sources, diagnostics);
      const auto assigned = catchments.atAll(placed.locations());
      for (std::size_t i = 0; i < assigned.size(); ++i) {
        if (assigned[i].site == cp::geo::kNoId) {
          diagnostics.warn(sources.layerLabel, sources.ids[i], "", "no site within the cutoff");
          continue;
        }
        tonnes[assigned[i].site] += amount[i];
        ++sourceCount[assigned[i].site];
      }
    }
    cpReportDiagnostics(diagnostics, feedback);

    const double radius = parameterAsDouble(p, QStringLiteral("RADIUS"), context);
    const std::vector<QgsGeometry> polygons =
        cp::qgis::catchmentPolygons(prepared.network, pieces, sites.ids.size(), radius);
    const QgsFields fields = cpFields({{"site_id", QMetaType::QString},
                                       {"area_km2", QMetaType::Double},
                                       {"network_km", QMetaType::Double},
                                       {"sources", QMetaType::Int},
                                       {"tonnes", QMetaType::Double}});
    SinkOutput out = createOutput(p, context, fields, frame, QStringLiteral("OUTPUT"),
                                  cp::qgis::WkbType::MultiPolygon);
    if (!out.sink)
      throw QgsProcessingException(invalidSinkError(p, QStringLiteral("OUTPUT")));
    std::vector<double> networkKm(sites.ids.size(), 0.0);
    for (const cp::geo::CatchmentPiece& piece : pieces)
      networkKm[piece.site] +=
          (piece.f1 - piece.f0) * prepared.network.segmentLength[piece.segment] / 1000;
    for (std::size_t s = 0; s < sites.ids.size(); ++s) {
      QgsFeature f(fields);
      QgsAttributes attributes;
      const double km2 = polygons[s].isEmpty() ? 0 : polygons[s].area() / 1e6;  // null: -1
      attributes << QString::fromStdString(sites.ids[s]) << km2 << networkKm[s] << sourceCount[s]
                 << tonnes[s];
      f.setAttributes(attributes);
      if (!polygons[s].isEmpty()) {
        QgsGeometry g = polygons[s];
        g.convertToMultiType();
        g.transform(out.fromWorking);
        f.setGeometry(g);
      }
      if (!out.sink->addFeature(f, QgsFeatureSink::FastInsert))
        throw QgsProcessingException(writeFeatureError(out.sink.get(), p, out.name));
    }
    cp::qgis::styleOnLoad(context, out.destination, cp::qgis::styleCatchments);
    QVariantMap results{{QStringLiteral("OUTPUT"), out.destination}};

    SinkOutput network =
        createOutput(p, context,
                     cpFields({{"site_id", QMetaType::QString},
                               {"band", QMetaType::Double},
                               {"cost_from", QMetaType::Double},
                               {"cost_to", QMetaType::Double}}),
                     frame, QStringLiteral("NETWORK"), cp::qgis::WkbType::LineString);
    if (network.sink) {
      for (const cp::geo::CatchmentPiece& piece : pieces) {
        QgsAttributes attributes;
        attributes << QString::fromStdString(sites.ids[piece.site])
                   << bandOf(0.5 * (piece.cost0 + piece.cost1), bands, options.cutoff)
                   << piece.cost0 << piece.cost1;
        addPolyline(network, p, attributes,
                    cp::geo::partialShape(prepared.network, piece.segment, piece.f0, piece.f1));
      }
      cp::qgis::styleOnLoad(context, network.destination, cp::qgis::styleBands);
      results.insert(QStringLiteral("NETWORK"), network.destination);
    }
    return results;
  });
}
