#pragma once
// Styles for result layers, as a planner would draw them by hand. Applied by
// Processing when a result layer is loaded into the project, which also puts
// the layer into the "Circular Planner results" group.

#include <qgsprocessingcontext.h>

class QgsMapLayer;
class QgsProject;
class QgsVectorLayer;

namespace cp::qgis {

// OD lines graduated by distance (5 natural-break classes, light to dark, thin
// to thick); rows that no network route served are drawn as grey dashes.
void styleOdLines(QgsVectorLayer& layer);

// Places by whether they joined the roads; those that did not stand out.
void stylePlaces(QgsVectorLayer& layer);

// Network segments: the main network in grey, the pieces cut off from it in
// red, where places cannot be routed.
void styleNetwork(QgsVectorLayer& layer);

// Allocation lines thicker with more tonnes; site markers sized and labelled
// by intake; sources with tonnes no site takes in red.
void styleAllocation(QgsVectorLayer& layer);
void styleSiteIntake(QgsVectorLayer& layer);
// Waste facilities sized and labelled by the organic waste they take today.
void styleFacilityIntake(QgsVectorLayer& layer);
void styleSourceStatus(QgsVectorLayer& layer);

// Farmland by the share of its compost demand met; compost sites sized and
// labelled by the compost they place.
void styleDemandMet(QgsVectorLayer& layer);
void styleCompostSites(QgsVectorLayer& layer);

// Catchments in a colour per site, the legend naming the site and the tonnes
// within its reach;
// the banded catchment network from dark (near) to light (far).
void styleCatchments(QgsVectorLayer& layer);
void styleBands(QgsVectorLayer& layer);

// Material flows coloured by class, wider with more tonnes; road loads
// graduated by the tonnes they carry.
void styleFlowLines(QgsVectorLayer& layer);
// Flow trees (see flowTrees): as flow lines, the direction shown where a
// trunk parts into its branches.
void styleFlowTrees(QgsVectorLayer& layer);
// The widths a layer's lines draw at by their value (set by styleFlowLines,
// whose widths no class legend shows): a few round values and their widths
// in mm, largest first; empty for other layers.
QList<QPair<double, double>> lineWidthKey(const QgsMapLayer& layer);
// Flows too small to read beside the largest (under a round hundredth of
// it) left out of the layer's drawing, and what that leaves out.
struct HiddenFlows {
  double below = 0;  // t/yr: flows under it are not drawn
  std::size_t count = 0;
  double tonnes = 0;
  QString said;  // e.g. "3 corridors under 4,000 t/yr not drawn: 5,100 t/yr"; empty: none
};
HiddenFlows hideSmallFlows(QgsVectorLayer& layer, const char* noun);
inline const QString kWidthKeyProperty = QStringLiteral("circularplanner/width_key");
// A layer whose classes a map's legend sums up in one entry, this text.
inline const QString kLegendSummaryProperty = QStringLiteral("circularplanner/legend_summary");
// Districts by the construction materials their growth needs each year.
void styleStockDemand(QgsVectorLayer& layer);
// Candidate sites from saving (green) to adding (red) tonne-km, labelled with their rank.
void styleSiteRanking(QgsVectorLayer& layer);
// Districts' markers sized by the construction materials supplied to them.
void styleDistrictSupply(QgsVectorLayer& layer);
void styleRoadLoads(QgsVectorLayer& layer);

// What a strategy changes against the baseline ("change_t"): road loads and
// site intakes that grow or shrink, sized by the change.
void styleLoadChanges(QgsVectorLayer& layer);
void styleIntakeChanges(QgsVectorLayer& layer);
// Boundaries as a map's muted context (the report's locator insets): grey,
// unlabelled.
void styleLocator(QgsVectorLayer& layer);
// A map's muted context: the main roads in light grey, unlabelled; the
// settlements as grey dots, towns and the city named (in English where the
// data has it) below the results' own labels.
void styleMainRoads(QgsVectorLayer& layer);
void styleSettlements(QgsVectorLayer& layer);
// Districts whose t CO2e grow or fall against the baseline (change_t).
void styleDistrictChanges(QgsVectorLayer& layer);

// An atlas page's own features: the layer draws, in its classes, only those
// whose `field` equals the atlas feature's `atlasField`.
void drawForAtlasFeature(QgsVectorLayer& layer, const QString& field, const QString& atlasField);
// Districts as an atlas page's context: the page's district (its `idField`
// equal to the atlas feature's district_id) outlined dark, the others grey.
void styleAtlasDistricts(QgsVectorLayer& layer, const QString& idField);

// Routes coloured by origin, so that each origin's routes read as one family.
void styleRoutes(QgsVectorLayer& layer);

// The layer tree group where every Circular Planner result lands.
inline const QString kResultsGroupName = QStringLiteral("Circular Planner results");

// Moves a layer of the project into the results group (made when missing).
void moveToResultsGroup(QgsProject& project, QgsMapLayer* layer);

// Asks Processing to style the result with `style` when it loads the layer.
class ResultStyler : public QgsProcessingLayerPostProcessorInterface {
 public:
  using Style = void (*)(QgsVectorLayer&);
  explicit ResultStyler(Style style) : mStyle(style) {}
  void postProcessLayer(QgsMapLayer* layer, QgsProcessingContext& context,
                        QgsProcessingFeedback* feedback) override;

 private:
  Style mStyle;
};

void styleOnLoad(QgsProcessingContext& context, const QString& destination,
                 ResultStyler::Style style);

}  // namespace cp::qgis
