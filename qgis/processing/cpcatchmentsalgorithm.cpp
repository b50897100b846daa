#include "cpcatchmentsalgorithm.h"

#include <qgsprocessingparameters.h>

#include "layers/analyses/catchments.h"
#include "qgis/cplayerreaders.h"
#include "qgis/cpqgisapi.h"
#include "qgis/cpresultstyles.h"
#include "qgis/processing/cpkeys.h"

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
  addPlacesParameter(CpKey::Sites, CpKey::SiteId, QObject::tr("Sites"));
  addParameter(new QgsProcessingParameterEnum(
      CpKey::Travel, QObject::tr("Material travels"),
      {QObject::tr("to the sites"), QObject::tr("from the sites")}, false, 0));
  addMetricAndSnapParameters();
  addParameter(new QgsProcessingParameterNumber(CpKey::Cutoff,
                                                QObject::tr("Cutoff (m, or s for time)"),
                                                cp::qgis::NumberType::Double, 20000, false, 1));
  addParameter(new QgsProcessingParameterString(CpKey::Bands,
                                                QObject::tr("Cost bands (comma-separated)"),
                                                QStringLiteral("5000,10000"), false, true));
  addParameter(new QgsProcessingParameterNumber(
      CpKey::Radius, QObject::tr("Polygon width either side of the roads (m)"),
      cp::qgis::NumberType::Double, 200, false, 1));
  auto* sources = new QgsProcessingParameterFeatureSource(
      CpKey::Sources, QObject::tr("Sources to total per catchment"),
      cp::qgis::sourceTypes(cp::qgis::Source::VectorPoint, cp::qgis::Source::VectorPolygon),
      QVariant(), true);
  addParameter(sources);
  addParameter(new QgsProcessingParameterField(
      CpKey::SourceId, QObject::tr("Sources: id field (empty: feature number)"), QVariant(),
      CpKey::Sources, cp::qgis::FieldDataType::Any, false, true));
  addParameter(new QgsProcessingParameterField(
      CpKey::TonnesField, QObject::tr("Sources: tonnes per year (empty: detect)"), QVariant(),
      CpKey::Sources, cp::qgis::FieldDataType::Numeric, false, true));
  addParameter(new QgsProcessingParameterFeatureSink(CpKey::Output, QObject::tr("Catchments"),
                                                     cp::qgis::Source::VectorPolygon));
  addParameter(new QgsProcessingParameterFeatureSink(
      CpKey::Network, QObject::tr("Catchment network in bands"), cp::qgis::Source::VectorLine,
      QVariant(), true, false));
}

QVariantMap CpCatchmentsAlgorithm::processAlgorithm(const QVariantMap& p,
                                                    QgsProcessingContext& context,
                                                    QgsProcessingFeedback* feedback) {
  return guarded(feedback, [&](const cp::geo::Feedback* progress) {
    const PreparedRoads prepared = prepareRoads(p, context, feedback, progress);
    const cp::layers::WorkingFrame& frame = *prepared.roads.frame;
    cp::layers::Diagnostics diagnostics = prepared.roads.diagnostics;
    const auto sites = readSites(p, CpKey::Sites, CpKey::SiteId, context, frame, diagnostics);
    std::optional<cp::layers::PointData> sources;
    std::vector<double> tonnes;
    if (optionalSource(p, CpKey::Sources, context)) {
      sources = readPlaces(p, CpKey::Sources, CpKey::SourceId, context, frame, diagnostics);
      tonnes = readTonnes(p, context, CpKey::Sources, CpKey::TonnesField,
                          cp::layers::field_names::kTonnes, diagnostics, 0.0);
    }
    cp::analyses::CatchmentsOptions options;
    options.search.metric = metric(p, context);
    options.search.travel = parameterAsEnum(p, CpKey::Travel, context) == 1
                                ? cp::geo::Travel::FromSite
                                : cp::geo::Travel::ToSite;
    options.search.cutoff = parameterAsDouble(p, CpKey::Cutoff, context);
    options.bands = cp::analyses::parseBands(
        parameterAsString(p, CpKey::Bands, context).toStdString(), options.search.cutoff);
    options.radiusM = parameterAsDouble(p, CpKey::Radius, context);
    options.snap = snapOptions(p, context);
    const cp::analyses::CatchmentsResult result = cp::analyses::analyseCatchments(
        {prepared.network, sites, sources ? &*sources : nullptr, tonnes}, options, progress);
    diagnostics.append(result.diagnostics);
    cpReportDiagnostics(diagnostics, feedback);
    QVariantMap results{
        {CpKey::Output, writeTable(p, context, frame, cp::analyses::catchmentsTable(result),
                                   CpKey::Output, Output::Required, cp::qgis::styleCatchments)}};
    const QString network = writeTable(p, context, frame, cp::analyses::bandsTable(result),
                                       CpKey::Network, Output::Optional, cp::qgis::styleBands);
    if (!network.isEmpty())
      results.insert(CpKey::Network, network);
    return results;
  });
}
