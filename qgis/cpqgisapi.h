#pragma once
// The QGIS API names that differ between the versions Circular Planner builds
// against - QGIS 3.22 to 3.44 LTR - each named once here for the version at
// hand, so that the rest of the code reads the same on every version. Most
// are enums that moved from their classes into `Qgis::` as scoped enums
// (3.30 to 3.40); a few are functions that QGIS replaced and then deprecated.
// The newer name wins wherever the QGIS at hand has it.

#include <memory>
#include <optional>
#include <type_traits>

#include <qgis.h>
#include <qgsfeaturerequest.h>
#include <qgsfield.h>
#include <qgslayoutitemlabel.h>
#include <qgslayoutitempicture.h>
#include <qgslegendstyle.h>
#include <qgsmaplayer.h>
#include <qgsmaplayerproxymodel.h>
#include <qgspallabeling.h>
#include <qgsprocessing.h>
#include <qgsprocessingalgorithm.h>
#include <qgsprocessingparameters.h>
#include <qgsprocessingutils.h>
#include <qgssymbollayer.h>
#include <qgsunittypes.h>
#include <qgswkbtypes.h>

class QgsGraduatedSymbolRenderer;
class QgsVectorLayer;

namespace cp::qgis {

#if _QGIS_VERSION_INT >= 33000
using WkbType = Qgis::WkbType;
using GeometryType = Qgis::GeometryType;
struct Geometry {
  static constexpr GeometryType Point = Qgis::GeometryType::Point;
  static constexpr GeometryType Line = Qgis::GeometryType::Line;
  static constexpr GeometryType Polygon = Qgis::GeometryType::Polygon;
  static constexpr GeometryType Unknown = Qgis::GeometryType::Unknown;
  static constexpr GeometryType Null = Qgis::GeometryType::Null;
};
inline constexpr auto kKilometres = Qgis::DistanceUnit::Kilometers;
inline constexpr auto kLabelsAroundPointInOrder = Qgis::LabelPlacement::OrderedPositionsAroundPoint;
#else
using WkbType = QgsWkbTypes::Type;
using GeometryType = QgsWkbTypes::GeometryType;
struct Geometry {
  static constexpr GeometryType Point = QgsWkbTypes::PointGeometry;
  static constexpr GeometryType Line = QgsWkbTypes::LineGeometry;
  static constexpr GeometryType Polygon = QgsWkbTypes::PolygonGeometry;
  static constexpr GeometryType Unknown = QgsWkbTypes::UnknownGeometry;
  static constexpr GeometryType Null = QgsWkbTypes::NullGeometry;
};
inline constexpr auto kKilometres = QgsUnitTypes::DistanceKilometers;
inline constexpr auto kLabelsAroundPointInOrder = QgsPalLayerSettings::OrderedPositionsAroundPoint;
#endif

#if _QGIS_VERSION_INT >= 33400
using LayerFilter = Qgis::LayerFilter;
using LayerFilters = Qgis::LayerFilters;
#else
using LayerFilter = QgsMapLayerProxyModel::Filter;
using LayerFilters = QgsMapLayerProxyModel::Filters;
#endif

#if _QGIS_VERSION_INT >= 33600
using NumberType = Qgis::ProcessingNumberParameterType;
using FieldDataType = Qgis::ProcessingFieldParameterDataType;
using RequestFlag = Qgis::FeatureRequestFlag;
using AlgorithmFlags = Qgis::ProcessingAlgorithmFlags;
inline constexpr auto kNoThreading = Qgis::ProcessingAlgorithmFlag::NoThreading;
struct Source {
  static constexpr auto VectorPoint = Qgis::ProcessingSourceType::VectorPoint;
  static constexpr auto VectorLine = Qgis::ProcessingSourceType::VectorLine;
  static constexpr auto VectorPolygon = Qgis::ProcessingSourceType::VectorPolygon;
  static constexpr auto VectorAnyGeometry = Qgis::ProcessingSourceType::VectorAnyGeometry;
  static constexpr auto Vector = Qgis::ProcessingSourceType::Vector;
  static constexpr auto MapLayer = Qgis::ProcessingSourceType::MapLayer;
};
#else
using NumberType = QgsProcessingParameterNumber::Type;
using FieldDataType = QgsProcessingParameterField::DataType;
using RequestFlag = QgsFeatureRequest::Flag;
using AlgorithmFlags = QgsProcessingAlgorithm::Flags;
inline constexpr auto kNoThreading = QgsProcessingAlgorithm::FlagNoThreading;
struct Source {
  static constexpr auto VectorPoint = QgsProcessing::TypeVectorPoint;
  static constexpr auto VectorLine = QgsProcessing::TypeVectorLine;
  static constexpr auto VectorPolygon = QgsProcessing::TypeVectorPolygon;
  static constexpr auto VectorAnyGeometry = QgsProcessing::TypeVectorAnyGeometry;
  static constexpr auto Vector = QgsProcessing::TypeVector;
  static constexpr auto MapLayer = QgsProcessing::TypeMapLayer;
};
#endif

// The layer types a source parameter accepts, which QGIS takes as plain ints.
template <typename... Types>
QList<int> sourceTypes(Types... types) {
  return {static_cast<int>(types)...};
}

#if _QGIS_VERSION_INT >= 34000
inline constexpr auto kSvgPicture = Qgis::PictureFormat::SVG;
inline constexpr auto kSymbolLayerEnabled = QgsSymbolLayer::Property::LayerEnabled;
inline constexpr auto kSymbolLayerOffset = QgsSymbolLayer::Property::Offset;
#else
inline constexpr auto kSvgPicture = QgsLayoutItemPicture::FormatSVG;
inline constexpr auto kSymbolLayerEnabled = QgsSymbolLayer::PropertyLayerEnabled;
inline constexpr auto kSymbolLayerOffset = QgsSymbolLayer::PropertyOffset;
#endif

#if _QGIS_VERSION_INT >= 34200
using LegendComponent = Qgis::LegendComponent;
#else
using LegendComponent = QgsLegendStyle::Style;
#endif

// A new symbol from its properties (QgsLineSymbol, QgsFillSymbol, QgsMarkerSymbol),
// owned by the caller until a renderer takes it: QGIS 3.44 returns it in a
// unique_ptr, earlier versions as a raw pointer.
template <typename SymbolType>
SymbolType* newSymbol(const QVariantMap& properties) {
  auto made = SymbolType::createSimple(properties);
  if constexpr (std::is_pointer_v<decltype(made)>)
    return made;
  else
    return made.release();
}

// A field of the given type; text fields have no length limit.
QgsField makeField(const QString& name, QMetaType::Type type);

// The layer's attribution, as its metadata for map servers holds it.
QString layerAttribution(const QgsMapLayer& layer);

// A layout label's and a legend component's type: size in points and weight.
void setLabelFont(QgsLayoutItemLabel& label, double points, bool bold);
void setLegendFont(QgsLegendStyle& style, double points, bool bold);

// Labels that show even where they cannot help overlapping others (they are
// still placed apart wherever they can be).
void labelEvenWhereCrowded(QgsPalLayerSettings& label);

// How a source parameter may ask invalid geometries to be treated instead of
// as the context says.
using InvalidGeometryCheck = decltype(QgsProcessingFeatureSourceDefinition::geometryCheck);
std::optional<InvalidGeometryCheck> geometryCheckOverride(
    const QgsProcessingFeatureSourceDefinition& definition);
// The feature filter a source parameter carries (QGIS 3.32 and later let the
// planner give one in the algorithm dialog); "" where there is none.
QString sourceFilter(const QgsProcessingFeatureSourceDefinition& definition);
// A Processing source over `source` (not owned) with the parameter's limits.
std::unique_ptr<QgsProcessingFeatureSource> processingSource(QgsFeatureSource& source,
                                                             const QgsProcessingContext& context,
                                                             long long featureLimit,
                                                             const QString& filter);

// Recomputes a graduated renderer's classes from the layer's values.
void updateGraduatedClasses(QgsGraduatedSymbolRenderer& renderer, const QgsVectorLayer& layer,
                            int classes);

}  // namespace cp::qgis
