#include "cpcatchmentsalgorithm.h"

#include <qgsprocessingparameters.h>

#include "layers/analyses/catchments.h"
#include "qgis/cplayerreaders.h"
#include "qgis/cpqgisapi.h"
#include "qgis/cpresultstyles.h"

namespace {

const QString kSites = QStringLiteral("SITES");
const QString kSources = QStringLiteral("SOURCES");

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
    std::optional<cp::layers::PointData> sources;
    std::vector<double> tonnes;
    if (optionalSource(p, kSources, context)) {
      sources = readPlaces(p, kSources, QStringLiteral("SOURCE_ID"), context, frame, diagnostics);
      tonnes = readTonnes(p, context, kSources, QStringLiteral("TONNES_FIELD"),
                          cp::layers::field_names::kTonnes, diagnostics, 0.0);
    }
    cp::analyses::CatchmentsOptions options;
    options.search.metric = metric(p, context);
    options.search.travel = parameterAsEnum(p, QStringLiteral("TRAVEL"), context) == 1
                                ? cp::geo::Travel::FromSite
                                : cp::geo::Travel::ToSite;
    options.search.cutoff = parameterAsDouble(p, QStringLiteral("CUTOFF"), context);
    options.bands = cp::analyses::parseBands(
        parameterAsString(p, QStringLiteral("BANDS"), context).toStdString(),
        options.search.cutoff);
    options.radiusM = parameterAsDouble(p, QStringLiteral("RADIUS"), context);
    options.snap = snapOptions(p, context);
    const cp::analyses::CatchmentsResult result = cp::analyses::analyseCatchments(
        {prepared.network, sites, sources ? &*sources : nullptr, tonnes}, options, progress);
    diagnostics.append(result.diagnostics);
    cpReportDiagnostics(diagnostics, feedback);
    QVariantMap results{
        {QStringLiteral("OUTPUT"),
         writeTable(p, context, frame, cp::analyses::catchmentsTable(result),
                    QStringLiteral("OUTPUT"), Output::Required, cp::qgis::styleCatchments)}};
    const QString network =
        writeTable(p, context, frame, cp::analyses::bandsTable(result), QStringLiteral("NETWORK"),
                   Output::Optional, cp::qgis::styleBands);
    if (!network.isEmpty())
      results.insert(QStringLiteral("NETWORK"), network);
    return results;
  });
}
