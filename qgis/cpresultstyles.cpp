#include "cpresultstyles.h"

#include "cpqgisapi.h"

#include <algorithm>
#include <cmath>
#include <map>

#include <QLocale>

#include <qgscategorizedsymbolrenderer.h>
#include <qgsclassificationprettybreaks.h>
#include <qgscolorramp.h>
#include <qgsfillsymbol.h>
#include <qgsgraduatedsymbolrenderer.h>
#include <qgslayertree.h>
#include <qgslinesymbol.h>
#include <qgslinesymbollayer.h>
#include <qgsmarkersymbol.h>
#include <qgspallabeling.h>
#include <qgsproject.h>
#include <qgsproperty.h>
#include <qgsrulebasedrenderer.h>
#include <qgssinglesymbolrenderer.h>
#include <qgstextbuffersettings.h>
#include <qgsvectorlayer.h>
#include <qgsvectorlayerlabeling.h>

#include "layers/bar_chart.h"
#include "layers/diagnostics.h"
#include "layers/flows.h"

namespace cp::qgis {
namespace {

constexpr int kClasses = 5;

// About five classes at rounded breaks a reader can trust (QGIS's pretty
// breaks: 1, 2 or 5 times a power of ten), labelled as whole numbers with
// separators. The outer classes end at the data's least and largest values:
// labelled at the breaks' step below and above them ("50,000 - 100,000",
// not "52,495 - 100,000"). A class that holds a single value is named by it,
// not as "800 - 800".
void classify(QgsGraduatedSymbolRenderer& renderer, const QgsVectorLayer& layer) {
  auto* method = new QgsClassificationPrettyBreaks();
  method->setLabelPrecision(0);
  method->setLabelTrimTrailingZeroes(true);
  renderer.setClassificationMethod(method);
  updateGraduatedClasses(renderer, layer, kClasses);
  const QgsRangeList ranges = renderer.ranges();
  if (ranges.isEmpty())
    return;
  // The step between breaks: an inner class's width, else the power of ten
  // of the one break.
  const double step =
      ranges.size() > 2 ? ranges[1].upperValue() - ranges[1].lowerValue()
                        : std::pow(10.0, std::floor(std::log10(std::abs(ranges[0].upperValue()))));
  const auto number = [](double value) { return QLocale().toString(value, 'f', 0); };
  for (int i = 0; i < ranges.size(); ++i) {
    double lower = ranges[i].lowerValue(), upper = ranges[i].upperValue();
    if (std::abs(upper - lower) < 0.5) {
      renderer.updateRangeLabel(i, number(lower));
      continue;
    }
    if (i == 0 && step > 0)
      lower = std::floor(lower / step) * step;
    if (i == ranges.size() - 1 && step > 0)
      upper = std::ceil(upper / step) * step;
    renderer.updateRangeLabel(i, number(lower) + QStringLiteral(" - ") + number(upper));
  }
}

std::unique_ptr<QgsGraduatedSymbolRenderer> distanceClasses(const QgsVectorLayer& layer) {
  auto renderer = std::make_unique<QgsGraduatedSymbolRenderer>(QStringLiteral("distance_m"));
  renderer->setSourceSymbol(
      newSymbol<QgsLineSymbol>({{QStringLiteral("line_width"), QStringLiteral("0.4")}}));
  renderer->setSourceColorRamp(new QgsGradientColorRamp(QColor(254, 224, 139), QColor(165, 0, 38)));
  classify(*renderer, layer);
  const QgsRangeList& ranges = renderer->ranges();
  for (int i = 0; i < ranges.size(); ++i) {
    auto* symbol = static_cast<QgsLineSymbol*>(ranges[i].symbol()->clone());
    symbol->setWidth(0.3 + 0.35 * i);
    renderer->updateRangeSymbol(i, symbol);
  }
  return renderer;
}

// Two rules: what is fine, and what needs the planner's eye.
QgsRuleBasedRenderer* twoRules(QgsSymbol* fine, const QString& fineFilter, const QString& fineLabel,
                               QgsSymbol* flagged, const QString& flaggedFilter,
                               const QString& flaggedLabel) {
  auto* root = new QgsRuleBasedRenderer::Rule(nullptr);
  root->appendChild(new QgsRuleBasedRenderer::Rule(fine, 0, 0, fineFilter, fineLabel));
  root->appendChild(new QgsRuleBasedRenderer::Rule(flagged, 0, 0, flaggedFilter, flaggedLabel));
  return new QgsRuleBasedRenderer(root);
}

// A village: the smallest, palest dot, without outline.
QgsMarkerSymbol* village() {
  return newSymbol<QgsMarkerSymbol>({{QStringLiteral("name"), QStringLiteral("circle")},
                                     {QStringLiteral("color"), QStringLiteral("#bdbdbd")},
                                     {QStringLiteral("outline_style"), QStringLiteral("no")},
                                     {QStringLiteral("size"), QStringLiteral("0.7")}});
}

QgsMarkerSymbol* dot(const char* colour, const char* size) {
  return newSymbol<QgsMarkerSymbol>({{QStringLiteral("name"), QStringLiteral("circle")},
                                     {QStringLiteral("color"), QString::fromLatin1(colour)},
                                     {QStringLiteral("size"), QString::fromLatin1(size)}});
}

QgsMarkerSymbol* redCross() {
  return newSymbol<QgsMarkerSymbol>({{QStringLiteral("name"), QStringLiteral("cross2")},
                                     {QStringLiteral("color"), QStringLiteral("#e31a1c")},
                                     {QStringLiteral("outline_color"), QStringLiteral("#e31a1c")},
                                     {QStringLiteral("outline_width"), QStringLiteral("0.6")},
                                     {QStringLiteral("size"), QStringLiteral("4")}});
}

// Labels of 8 points with a white halo, from an expression. A point's label
// takes the first free of the places around it a cartographer would choose
// (top right first), so that close points keep their labels apart; where
// labels still collide, the one of the highest `priority` (an expression, 0
// to 10) shows.
QgsPalLayerSettings haloLabels(const QgsVectorLayer& layer, const QString& expression,
                               const QString& priority = QString()) {
  QgsPalLayerSettings label;
  label.fieldName = expression;
  label.isExpression = true;
  if (layer.geometryType() == Geometry::Point) {
    label.placement = kLabelsAroundPointInOrder;
    label.dist = 0.8;
    // First the side away from the nearest other point of the layer: labels
    // of neighbours (a landfill and the plant beside it) take opposite sides.
    label.dataDefinedProperties().setProperty(
        static_cast<int>(QgsPalLayerSettings::Property::PredefinedPositionOrder),
        QgsProperty::fromExpression(QStringLiteral(
            "with_variable('away', degrees(azimuth(overlay_nearest(@layer, $geometry)[0], "
            "$geometry)), CASE WHEN @away IS NULL THEN 'TR,TL,BR,BL,R,L,TSR,BSR' "
            "WHEN @away < 90 THEN 'TR,R,TSR,T,BR,TL,BL,L' "
            "WHEN @away < 180 THEN 'BR,R,BSR,B,TR,BL,TL,L' "
            "WHEN @away < 270 THEN 'BL,L,BSL,B,TL,BR,TR,R' "
            "ELSE 'TL,L,TSL,T,BL,TR,BR,R' END)")));
  }
  if (!priority.isEmpty())
    // Named through its enum, and passed as the int the collection takes:
    // the enum is scoped in newer QGIS.
    label.dataDefinedProperties().setProperty(
        static_cast<int>(QgsPalLayerSettings::Property::Priority),
        QgsProperty::fromExpression(priority));
  QgsTextFormat format;
  format.setSize(8);
  QgsTextBufferSettings buffer;
  buffer.setEnabled(true);
  format.setBuffer(buffer);
  label.setFormat(format);
  return label;
}

void showLabels(QgsVectorLayer& layer, const QgsPalLayerSettings& label) {
  layer.setLabeling(new QgsVectorLayerSimpleLabeling(label));
  layer.setLabelsEnabled(true);
}

// A colour index per area such that areas that touch differ: greedy, most
// neighbours first, each taking the least used of the colours its neighbours
// leave, so that with as many colours as areas each has its own.
std::vector<int> neighboursApart(const std::vector<QgsGeometry>& areas, int colours) {
  const std::size_t n = areas.size();
  std::vector<std::vector<std::size_t>> neighbours(n);
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = i + 1; j < n; ++j)
      if (areas[i].intersects(areas[j])) {
        neighbours[i].push_back(j);
        neighbours[j].push_back(i);
      }
  std::vector<std::size_t> order(n);
  for (std::size_t i = 0; i < n; ++i)
    order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&neighbours](std::size_t a, std::size_t b) {
    return neighbours[a].size() > neighbours[b].size();
  });
  std::vector<int> colour(n, -1), used(static_cast<std::size_t>(colours), 0);
  for (std::size_t i : order) {
    const auto taken = [&](int c) {
      return std::any_of(neighbours[i].begin(), neighbours[i].end(),
                         [&](std::size_t k) { return colour[k] == c; });
    };
    int best = -1;
    for (int c = 0; c < colours; ++c)
      if (!taken(c) &&
          (best < 0 || used[static_cast<std::size_t>(c)] < used[static_cast<std::size_t>(best)]))
        best = c;
    if (best >= 0)
      ++used[static_cast<std::size_t>(best)];
    else  // more neighbours than colours: past the palette, which repeats
      for (best = colours; taken(best); ++best) {
      }
    colour[i] = best;
  }
  return colour;
}

// What grows and what shrinks against the baseline, in colours told apart by
// colour-blind readers, sized (width or diameter, from `smallest` to
// `largest` mm) by the square root of the change, the same scale both ways.
constexpr const char* kGrows = "#e66101";
constexpr const char* kShrinks = "#5e3c99";

// The change as a share of the largest either way, its square root: 0 to 1.
QString changeShare(const QgsVectorLayer& layer) {
  const int field = layer.fields().lookupField(QStringLiteral("change_t"));
  const double most = std::max({1.0, std::abs(layer.minimumValue(field).toDouble()),
                                std::abs(layer.maximumValue(field).toDouble())});
  return QStringLiteral("sqrt(abs(\"change_t\") / %1)").arg(most, 0, 'g', 17);
}

QgsProperty sizedByChange(const QgsVectorLayer& layer, double smallest, double largest) {
  return QgsProperty::fromExpression(
      QStringLiteral("%1 + %2 * %3").arg(smallest).arg(largest - smallest).arg(changeShare(layer)));
}

// Largest drawn first, so that the small ones stay visible on top.
QgsRuleBasedRenderer* growsAndShrinks(QgsSymbol* grows, const QString& growsLabel,
                                      QgsSymbol* shrinks, const QString& shrinksLabel) {
  QgsRuleBasedRenderer* renderer =
      twoRules(grows, QStringLiteral("\"change_t\" > 0"), growsLabel, shrinks,
               QStringLiteral("\"change_t\" < 0"), shrinksLabel);
  renderer->setOrderBy(QgsFeatureRequest::OrderBy(
      {QgsFeatureRequest::OrderByClause(QStringLiteral("abs(\"change_t\")"), false)}));
  renderer->setOrderByEnabled(true);
  return renderer;
}

}  // namespace

void styleLoadChanges(QgsVectorLayer& layer) {
  const QgsProperty width = sizedByChange(layer, 0.3, 3);
  const auto line = [&width](const char* colour) {
    QgsLineSymbol* symbol =
        newSymbol<QgsLineSymbol>({{QStringLiteral("line_color"), QString::fromLatin1(colour)},
                                  {QStringLiteral("capstyle"), QStringLiteral("round")}});
    symbol->setDataDefinedWidth(width);
    return symbol;
  };
  layer.setRenderer(growsAndShrinks(line(kGrows), QObject::tr("Road load grows (t/yr)"),
                                    line(kShrinks), QObject::tr("Road load shrinks (t/yr)")));
}

namespace {

// Places sized by their change, coloured by its sign, labelled with their id
// and the change the symbol shows, in `unit`.
void pointChanges(QgsVectorLayer& layer, const char* idField, const QString& grows,
                  const QString& shrinks, const QString& unit) {
  const QgsProperty size = sizedByChange(layer, 2, 8);
  const auto marker = [&size](const char* colour) {
    QgsMarkerSymbol* symbol =
        newSymbol<QgsMarkerSymbol>({{QStringLiteral("name"), QStringLiteral("circle")},
                                    {QStringLiteral("color"), QString::fromLatin1(colour)},
                                    {QStringLiteral("outline_color"), QStringLiteral("#ffffff")}});
    symbol->setDataDefinedSize(size);
    return symbol;
  };
  layer.setRenderer(growsAndShrinks(marker(kGrows), grows, marker(kShrinks), shrinks));
  // Every place that changes named, the largest changes first.
  QgsPalLayerSettings label =
      haloLabels(layer,
                 QStringLiteral("\"%1\" || '\n' || if(\"change_t\" > 0, '+', '') || "
                                "format_number(\"change_t\", 0) || ' %2'")
                     .arg(QString::fromLatin1(idField), unit),
                 QStringLiteral("10 * %1").arg(changeShare(layer)));
  // Clear of the circle whatever its size (QGIS offsets from the nominal one).
  label.dataDefinedProperties().setProperty(
      static_cast<int>(QgsPalLayerSettings::Property::LabelDistance),
      QgsProperty::fromExpression(QStringLiteral("(%1) / 2").arg(size.expressionString())));
  labelEvenWhereCrowded(label);
  showLabels(layer, label);
}

}  // namespace

void styleLocator(QgsVectorLayer& layer) {
  layer.setRenderer(new QgsSingleSymbolRenderer(
      newSymbol<QgsFillSymbol>({{QStringLiteral("color"), QStringLiteral("#ececec")},
                                {QStringLiteral("outline_color"), QStringLiteral("#9e9e9e")},
                                {QStringLiteral("outline_width"), QStringLiteral("0.15")}})));
  layer.setLabelsEnabled(false);
}

void styleMainRoads(QgsVectorLayer& layer) {
  layer.setRenderer(new QgsSingleSymbolRenderer(
      newSymbol<QgsLineSymbol>({{QStringLiteral("line_color"), QStringLiteral("#cfcfcf")},
                                {QStringLiteral("line_width"), QStringLiteral("0.35")}})));
  layer.setLabelsEnabled(false);
}

void styleSettlements(QgsVectorLayer& layer) {
  const QgsFields fields = layer.fields();
  const bool byPlace = fields.lookupField(QStringLiteral("place")) >= 0;
  const QString town = QStringLiteral("\"place\" IN ('city', 'town')");
  QgsMarkerSymbol* towns = dot("#737373", "1.6");
  towns->symbolLayer(0)->setStrokeColor(Qt::white);
  if (byPlace)
    layer.setRenderer(twoRules(towns, town, QObject::tr("Towns"), village(), QStringLiteral("ELSE"),
                               QObject::tr("Villages")));
  else
    layer.setRenderer(new QgsSingleSymbolRenderer(towns));
  // The English name where the data has one, else the name as written.
  QStringList names;
  for (const char* field : {"name_en", "name"})
    if (fields.lookupField(QString::fromLatin1(field)) >= 0)
      names << QgsExpression::quotedColumnRef(QString::fromLatin1(field));
  if (names.isEmpty()) {
    layer.setLabelsEnabled(false);
    return;
  }
  const QString name = QStringLiteral("coalesce(%1)").arg(names.join(QStringLiteral(", ")));
  // Towns named, below the results' own labels; the city first among them.
  QgsPalLayerSettings label =
      haloLabels(layer, byPlace ? QStringLiteral("if(%1, %2, NULL)").arg(town, name) : name,
                 byPlace ? QStringLiteral("if(\"place\" = 'city', 6, 3)") : QStringLiteral("3"));
  QgsTextFormat format = label.format();
  format.setColor(QColor(QStringLiteral("#525252")));
  QFont italic = format.font();
  italic.setItalic(true);
  format.setFont(italic);
  label.setFormat(format);
  // Context: the results' labels may cover a village's dot.
  label.obstacleSettings().setIsObstacle(false);
  if (byPlace)
    label.dataDefinedProperties().setProperty(
        static_cast<int>(QgsPalLayerSettings::Property::Size),
        QgsProperty::fromExpression(QStringLiteral("if(\"place\" = 'city', 10, 8)")));
  showLabels(layer, label);
}

void drawForAtlasFeature(QgsVectorLayer& layer, const QString& field, const QString& atlasField) {
  const QString page =
      QStringLiteral("%1 = attribute(@atlas_feature, %2)")
          .arg(QgsExpression::quotedColumnRef(field), QgsExpression::quotedString(atlasField));
  std::unique_ptr<QgsRuleBasedRenderer> rules(
      QgsRuleBasedRenderer::convertFromRenderer(layer.renderer()));
  // Nested rules apply only where their parent does: the top rules take the
  // page's condition, an ELSE rule as what its siblings leave.
  const QgsRuleBasedRenderer::RuleList top = rules->rootRule()->children();
  QStringList siblings;
  for (const QgsRuleBasedRenderer::Rule* rule : top)
    if (!rule->isElse() && !rule->filterExpression().trimmed().isEmpty())
      siblings << QStringLiteral("(%1)").arg(rule->filterExpression());
  for (QgsRuleBasedRenderer::Rule* rule : top) {
    QString filter = rule->filterExpression().trimmed();
    if (rule->isElse())
      filter =
          siblings.isEmpty() ? QString() : QStringLiteral("NOT (%1)").arg(siblings.join(" OR "));
    rule->setFilterExpression(filter.isEmpty() ? page
                                               : QStringLiteral("(%1) AND %2").arg(filter, page));
  }
  layer.setRenderer(rules.release());
}

void styleAtlasDistricts(QgsVectorLayer& layer, const QString& idField) {
  layer.setRenderer(twoRules(
      newSymbol<QgsFillSymbol>({{QStringLiteral("style"), QStringLiteral("no")},
                                {QStringLiteral("outline_color"), QStringLiteral("#252525")},
                                {QStringLiteral("outline_width"), QStringLiteral("0.9")}}),
      QStringLiteral("%1 = attribute(@atlas_feature, 'district_id')")
          .arg(QgsExpression::quotedColumnRef(idField)),
      QObject::tr("This district"),
      newSymbol<QgsFillSymbol>({{QStringLiteral("style"), QStringLiteral("no")},
                                {QStringLiteral("outline_color"), QStringLiteral("#9e9e9e")},
                                {QStringLiteral("outline_width"), QStringLiteral("0.2")}}),
      QStringLiteral("ELSE"), QObject::tr("Other districts")));
}

void styleIntakeChanges(QgsVectorLayer& layer) {
  pointChanges(layer, "place_id", QObject::tr("Intake grows (t/yr)"),
               QObject::tr("Intake shrinks (t/yr)"), QStringLiteral("t/yr"));
}

void styleDistrictChanges(QgsVectorLayer& layer) {
  pointChanges(layer, "district_id", QObject::tr("Emissions grow (t CO2e/yr)"),
               QObject::tr("Emissions fall (t CO2e/yr)"), QStringLiteral("t CO2e/yr"));
}

void styleOdLines(QgsVectorLayer& layer) {
  // Rule-based on top: routed rows by distance class, unreachable rows apart.
  auto* root = new QgsRuleBasedRenderer::Rule(nullptr);
  auto* routed = new QgsRuleBasedRenderer::Rule(
      nullptr, 0, 0, QStringLiteral("\"distance_m\" IS NOT NULL"), QObject::tr("Network distance"));
  const auto classes = distanceClasses(layer);
  QgsRuleBasedRenderer::refineRuleRanges(routed, classes.get());
  root->appendChild(routed);
  root->appendChild(new QgsRuleBasedRenderer::Rule(
      newSymbol<QgsLineSymbol>({{QStringLiteral("line_color"), QStringLiteral("#9e9e9e")},
                                {QStringLiteral("line_style"), QStringLiteral("dash")},
                                {QStringLiteral("line_width"), QStringLiteral("0.3")}}),
      0, 0, QStringLiteral("\"distance_m\" IS NULL"), QObject::tr("No network route")));
  layer.setRenderer(new QgsRuleBasedRenderer(root));
}

void stylePlaces(QgsVectorLayer& layer) {
  layer.setRenderer(twoRules(
      dot("#424242", "1.6"), QStringLiteral("\"joined\""), QObject::tr("Joined to the roads"),
      redCross(), QStringLiteral("NOT \"joined\""), QObject::tr("Not joined: no route")));
}

void styleAllocation(QgsVectorLayer& layer) {
  auto renderer = std::make_unique<QgsGraduatedSymbolRenderer>(QStringLiteral("tonnes"));
  renderer->setSourceSymbol(
      newSymbol<QgsLineSymbol>({{QStringLiteral("line_color"), QStringLiteral("#8c510a")}}));
  classify(*renderer, layer);
  renderer->setSymbolSizes(0.3, 2.4);
  layer.setRenderer(renderer.release());
}

void styleRoadLoads(QgsVectorLayer& layer) {
  auto renderer = std::make_unique<QgsGraduatedSymbolRenderer>(QStringLiteral("tonnes"));
  renderer->setSourceSymbol(
      newSymbol<QgsLineSymbol>({{QStringLiteral("line_color"), QStringLiteral("#d7301f")}}));
  classify(*renderer, layer);
  renderer->setSymbolSizes(0.3, 3);
  layer.setRenderer(renderer.release());
}

void styleStockDemand(QgsVectorLayer& layer) {
  auto renderer = std::make_unique<QgsGraduatedSymbolRenderer>(QStringLiteral("demand_t"));
  renderer->setSourceSymbol(
      newSymbol<QgsFillSymbol>({{QStringLiteral("outline_color"), QStringLiteral("#ffffff")},
                                {QStringLiteral("outline_width"), QStringLiteral("0.3")}}));
  renderer->setSourceColorRamp(new QgsGradientColorRamp(QColor(254, 232, 200), QColor(179, 0, 0)));
  classify(*renderer, layer);
  layer.setRenderer(renderer.release());
}

void styleSiteRanking(QgsVectorLayer& layer) {
  auto renderer = std::make_unique<QgsGraduatedSymbolRenderer>(QStringLiteral("change_tkm"));
  renderer->setSourceSymbol(
      newSymbol<QgsMarkerSymbol>({{QStringLiteral("name"), QStringLiteral("star")},
                                  {QStringLiteral("size"), QStringLiteral("5")},
                                  {QStringLiteral("outline_color"), QStringLiteral("#ffffff")}}));
  // Savings (negative change) green, added tonne-km red.
  renderer->setSourceColorRamp(new QgsGradientColorRamp(QColor(26, 150, 65), QColor(215, 25, 28)));
  classify(*renderer, layer);
  layer.setRenderer(renderer.release());
  QgsPalLayerSettings label;
  label.fieldName = QStringLiteral("concat('#', \"rank\", ' ', \"candidate_id\")");
  label.isExpression = true;
  layer.setLabeling(new QgsVectorLayerSimpleLabeling(label));
  layer.setLabelsEnabled(true);
}

namespace {

// Flow widths grow with the square root of tonnes (areas of ribbons read as
// quantities), from a hairline up to 4 mm for the largest flow.
constexpr double kThinnestMm = 0.2;
constexpr double kWidthRangeMm = 3.8;

double flowWidthMm(double tonnes, double most) {
  return kThinnestMm + kWidthRangeMm * std::sqrt(tonnes / most);
}

// The value rounded down to one significant digit of 1, 2 or 5 (`anyDigit`:
// of any digit), as a key's sample reads.
double roundedDown(double value, bool anyDigit) {
  const double scale = std::pow(10.0, std::floor(std::log10(value)));
  const double digit = std::floor(value / scale);
  if (anyDigit)
    return digit * scale;
  return (digit >= 5 ? 5 : digit >= 2 ? 2 : 1) * scale;
}

// Round tonnages from near the largest flow down to a fiftieth of it.
QVariantList widthKey(double most) {
  QVariantList samples;
  double previous = 0;
  for (const auto& [share, anyDigit] : {std::pair{1.0, true}, {0.2, false}, {0.02, false}}) {
    const double tonnes = roundedDown(most * share, anyDigit);
    if (tonnes > 0 && tonnes != previous)
      samples << QVariant(QVariantList{tonnes, flowWidthMm(tonnes, most)});
    previous = tonnes;
  }
  return samples;
}

// An arrowhead just short of where the line ends: the flow's direction.
QgsSymbolLayer* arrowhead(const char* colour) {
  QgsSymbolLayer* head = QgsMarkerLineSymbolLayer::create(
      {{QStringLiteral("placement"), QStringLiteral("lastvertex")},
       {QStringLiteral("offset_along_line"), QStringLiteral("1.5")},
       {QStringLiteral("rotate"), QStringLiteral("1")}});
  head->setSubSymbol(
      newSymbol<QgsMarkerSymbol>({{QStringLiteral("name"), QStringLiteral("filled_arrowhead")},
                                  {QStringLiteral("color"), QString::fromLatin1(colour)},
                                  {QStringLiteral("outline_style"), QStringLiteral("no")},
                                  {QStringLiteral("size"), QStringLiteral("2.6")}}));
  return head;
}

double mostTonnes(const QgsVectorLayer& layer) {
  return std::max(1.0, layer.maximumValue(layer.fields().lookupField("tonnes")).toDouble());
}

// A flow's width in mm by its tonnes (see flowWidthMm); a flow without
// tonnes draws at 1 mm.
QString flowWidthExpression(double most) {
  return QStringLiteral("coalesce(%1 + %2 * sqrt(\"tonnes\" / %3), 1)")
      .arg(kThinnestMm)
      .arg(kWidthRangeMm)
      .arg(most, 0, 'g', 17);
}

}  // namespace

void styleFlowLines(QgsVectorLayer& layer) {
  const double most = mostTonnes(layer);
  const QgsProperty width = QgsProperty::fromExpression(flowWidthExpression(most));
  QgsCategoryList categories;
  for (const cp::layers::MaterialClass c : cp::layers::allMaterialClasses()) {
    const QString name = QString::fromLatin1(cp::layers::materialClassName(c));
    QgsLineSymbol* symbol = newSymbol<QgsLineSymbol>(
        {{QStringLiteral("line_color"), QString::fromLatin1(cp::layers::materialClassColour(c))},
         {QStringLiteral("capstyle"), QStringLiteral("round")}});
    symbol->setOpacity(0.75);
    symbol->setDataDefinedWidth(width);
    symbol->appendSymbolLayer(arrowhead(cp::layers::materialClassColour(c)));
    categories << QgsRendererCategory(name, symbol, QString(name).replace('_', ' '));
  }
  auto* renderer = new QgsCategorizedSymbolRenderer(QStringLiteral("material_class"), categories);
  // The largest first, so that the thinner lines stay on top of them.
  renderer->setOrderBy(QgsFeatureRequest::OrderBy(
      {QgsFeatureRequest::OrderByClause(QStringLiteral("tonnes"), false)}));
  renderer->setOrderByEnabled(true);
  layer.setRenderer(renderer);
  layer.setCustomProperty(kWidthKeyProperty, widthKey(most));
}

void styleFlowTrees(QgsVectorLayer& layer) {
  styleFlowLines(layer);
  // An origin's trunks side by side, in the order of their classes, their
  // band centred on the line (each shifted by the widths of those before it,
  // less half the band's).
  const QString width = flowWidthExpression(mostTonnes(layer));
  const auto trunksWidth = [&width](const char* more) {
    return QStringLiteral(
               "coalesce(aggregate(@layer, 'sum', %1, filter:= \"part\" = 'trunk' AND "
               "\"origin_id\" = attribute(@parent, 'origin_id')%2), 0)")
        .arg(width, QString::fromLatin1(more));
  };
  const QgsProperty sideBySide = QgsProperty::fromExpression(
      QStringLiteral("CASE WHEN \"part\" = 'trunk' THEN %1 + %2 / 2 - %3 / 2 ELSE 0 END")
          .arg(trunksWidth(" AND \"material_class\" < attribute(@parent, 'material_class')"), width,
               trunksWidth("")));
  auto* renderer = static_cast<QgsCategorizedSymbolRenderer*>(layer.renderer());
  for (const QgsRendererCategory& category : renderer->categories()) {
    for (QgsSymbolLayer* part : category.symbol()->symbolLayers())
      part->setDataDefinedProperty(kSymbolLayerOffset, sideBySide);
    // The direction once, where a trunk reaches its fan: arrowheads on every
    // branch would crowd the destinations.
    category.symbol()->symbolLayer(1)->setDataDefinedProperty(
        kSymbolLayerEnabled, QgsProperty::fromExpression(QStringLiteral("\"part\" <> 'branch'")));
  }
}

HiddenFlows hideSmallFlows(QgsVectorLayer& layer, const char* noun) {
  const int tonnes = layer.fields().lookupField(QStringLiteral("tonnes"));
  const double most = layer.maximumValue(tonnes).toDouble();
  HiddenFlows hidden;
  if (!(most > 0))
    return hidden;
  hidden.below = roundedDown(most / 100, true);
  QgsFeatureIterator it = layer.getFeatures();
  for (QgsFeature f; it.nextFeature(f);)
    if (const double t = f.attribute(tonnes).toDouble(); t < hidden.below) {
      ++hidden.count;
      hidden.tonnes += t;
    }
  if (hidden.count == 0)
    return hidden;
  layer.setSubsetString(QStringLiteral("\"tonnes\" >= %1").arg(hidden.below, 0, 'g', 17));
  hidden.said = QObject::tr("%1 under %L2 t/yr not drawn: %L3 t/yr")
                    .arg(QString::fromStdString(cp::layers::counted(hidden.count, noun)))
                    .arg(hidden.below, 0, 'f', 0)
                    .arg(hidden.tonnes, 0, 'f', 0);
  return hidden;
}

QList<QPair<double, double>> lineWidthKey(const QgsMapLayer& layer) {
  QList<QPair<double, double>> key;
  for (const QVariant& sample : layer.customProperty(kWidthKeyProperty).toList())
    key << qMakePair(sample.toList().value(0).toDouble(), sample.toList().value(1).toDouble());
  return key;
}

namespace {

// Site triangles sized by the tonnes in `field`; with an `idField`,
// labelled with the site and those tonnes, so that the label says what the
// symbol shows (the legend's title names the quantity).
void styleSitesBy(QgsVectorLayer& layer, const QString& field, const char* idField = nullptr) {
  auto renderer = std::make_unique<QgsGraduatedSymbolRenderer>(field);
  renderer->setSourceSymbol(
      newSymbol<QgsMarkerSymbol>({{QStringLiteral("name"), QStringLiteral("triangle")},
                                  {QStringLiteral("color"), QStringLiteral("#1a9641")},
                                  {QStringLiteral("outline_color"), QStringLiteral("#ffffff")}}));
  classify(*renderer, layer);
  renderer->setSymbolSizes(2, 7);
  layer.setRenderer(renderer.release());
  if (idField == nullptr)
    return;
  // Every site named, above the context's and the areas' labels.
  QgsPalLayerSettings label =
      haloLabels(layer,
                 QStringLiteral("%1 || '\n' || format_number(%2, 0) || ' t/yr'")
                     .arg(QgsExpression::quotedColumnRef(QString::fromLatin1(idField)),
                          QgsExpression::quotedColumnRef(field)),
                 QStringLiteral("8"));
  labelEvenWhereCrowded(label);
  showLabels(layer, label);
}

}  // namespace

void styleSiteIntake(QgsVectorLayer& layer) {
  styleSitesBy(layer, QStringLiteral("tonnes_in"), "site_id");
}

void styleFacilityIntake(QgsVectorLayer& layer) {
  styleSitesBy(layer, QStringLiteral("organic_today_t"), "facility_id");
}

void styleCompostSites(QgsVectorLayer& layer) {
  styleSitesBy(layer, QStringLiteral("placed_t"), "site_id");
}

// The districts name themselves on the maps: their markers go unlabelled.
void styleDistrictSupply(QgsVectorLayer& layer) {
  styleSitesBy(layer, QStringLiteral("supplied_t"));
}

void styleDemandMet(QgsVectorLayer& layer) {
  struct Band {
    double from, to;
    const char* colour;
    const char* label;
  };
  const Band bands[] = {{-1, 0.5, "#f0f0f0", "No compost"},
                        {0.5, 50, "#c2e699", "Under half met"},
                        {50, 99.5, "#78c679", "Half or more met"},
                        {99.5, 1e9, "#238443", "Demand met"}};
  QgsRangeList ranges;
  for (const Band& b : bands)
    ranges << QgsRendererRange(
        b.from, b.to,
        newSymbol<QgsFillSymbol>({{QStringLiteral("color"), QString::fromLatin1(b.colour)},
                                  {QStringLiteral("outline_color"), QStringLiteral("#636363")},
                                  {QStringLiteral("outline_width"), QStringLiteral("0.1")}}),
        QObject::tr(b.label));
  layer.setRenderer(
      new QgsGraduatedSymbolRenderer(QStringLiteral("coalesce(\"demand_met_pct\", 0)"), ranges));
}

void styleSourceStatus(QgsVectorLayer& layer) {
  layer.setRenderer(twoRules(dot("#8c510a", "2"), QStringLiteral("\"unallocated_t\" <= 0.000001"),
                             QObject::tr("Fully allocated"), redCross(),
                             QStringLiteral("\"unallocated_t\" > 0.000001"),
                             QObject::tr("Tonnes no site takes")));
}

void styleNetwork(QgsVectorLayer& layer) {
  layer.setRenderer(twoRules(
      newSymbol<QgsLineSymbol>({{QStringLiteral("line_color"), QStringLiteral("#616161")},
                                {QStringLiteral("line_width"), QStringLiteral("0.25")}}),
      QStringLiteral("\"in_main_network\""), QObject::tr("Main network"),
      newSymbol<QgsLineSymbol>({{QStringLiteral("line_color"), QStringLiteral("#e31a1c")},
                                {QStringLiteral("line_width"), QStringLiteral("0.8")}}),
      QStringLiteral("NOT \"in_main_network\""), QObject::tr("Cut off from the main network")));
}

void styleCatchments(QgsVectorLayer& layer) {
  auto* renderer = new QgsCategorizedSymbolRenderer(QStringLiteral("site_id"));
  // A site's catchment may come in pieces: one area, one colour per site.
  std::map<QString, QVector<QgsGeometry>> pieces;
  QgsFeature f;
  for (QgsFeatureIterator it = layer.getFeatures(); it.nextFeature(f);)
    pieces[f.attribute(QStringLiteral("site_id")).toString()] << f.geometry();
  std::vector<QString> sites;
  std::vector<QgsGeometry> areas;
  for (const auto& [site, geometries] : pieces) {
    sites.push_back(site);
    areas.push_back(QgsGeometry::unaryUnion(geometries));
  }
  const std::vector<int> colours = neighboursApart(areas, cp::layers::kSeriesColours);
  for (std::size_t i = 0; i < sites.size(); ++i) {
    const QString& site = sites[i];
    // The charts' palette, told apart by colour-blind readers.
    QColor fill(
        QString::fromLatin1(cp::layers::seriesColour(static_cast<std::size_t>(colours[i]))));
    fill.setAlpha(170);
    QgsFillSymbol* symbol =
        newSymbol<QgsFillSymbol>({{QStringLiteral("color"), fill.name(QColor::HexArgb)},
                                  {QStringLiteral("outline_color"), QStringLiteral("#ffffff")},
                                  {QStringLiteral("outline_width"), QStringLiteral("0.4")}});
    renderer->addCategory(QgsRendererCategory(site, symbol, site));
  }
  layer.setRenderer(renderer);
  // Colours tell neighbours apart, not sites (they repeat where sites are
  // many): a map's legend names what the areas are, once.
  layer.setCustomProperty(kLegendSummaryProperty, QObject::tr("Nearest site by road"));
  // The catchment's tonnes are what lies nearest the site within reach, not
  // what the site takes in: the label says so.
  showLabels(layer, haloLabels(layer, QStringLiteral(
                                          "\"site_id\" || '\n' || "
                                          "format_number(\"tonnes\", 0) || ' t/yr within reach'")));
}

void styleBands(QgsVectorLayer& layer) {
  auto renderer = std::make_unique<QgsGraduatedSymbolRenderer>(QStringLiteral("band"));
  renderer->setSourceSymbol(
      newSymbol<QgsLineSymbol>({{QStringLiteral("line_width"), QStringLiteral("0.5")}}));
  renderer->setSourceColorRamp(new QgsGradientColorRamp(QColor(0, 104, 55), QColor(217, 240, 163)));
  classify(*renderer, layer);
  layer.setRenderer(renderer.release());
}

void styleRoutes(QgsVectorLayer& layer) {
  auto* renderer = new QgsCategorizedSymbolRenderer(QStringLiteral("origin_id"));
  const QSet<QVariant> origins = layer.uniqueValues(layer.fields().lookupField("origin_id"));
  QList<QVariant> sorted = origins.values();
  std::sort(sorted.begin(), sorted.end(),
            [](const QVariant& a, const QVariant& b) { return a.toString() < b.toString(); });
  QgsLimitedRandomColorRamp colours(std::max(1, static_cast<int>(sorted.size())), 40, 80, 180, 220);
  for (int i = 0; i < sorted.size(); ++i) {
    QgsLineSymbol* symbol = newSymbol<QgsLineSymbol>(
        {{QStringLiteral("line_width"), QStringLiteral("0.6")},
         {QStringLiteral("line_color"), colours.color(colours.value(i)).name()}});
    renderer->addCategory(QgsRendererCategory(
        sorted[i], symbol,
        sorted[i].toString().isEmpty() ? QObject::tr("(no id)") : sorted[i].toString()));
  }
  layer.setRenderer(renderer);
}

void ResultStyler::postProcessLayer(QgsMapLayer* layer, QgsProcessingContext& context,
                                    QgsProcessingFeedback*) {
  if (auto* vector = qobject_cast<QgsVectorLayer*>(layer))
    mStyle(*vector);
  if (context.project())
    moveToResultsGroup(*context.project(), layer);
}

void moveToResultsGroup(QgsProject& project, QgsMapLayer* layer) {
  QgsLayerTree* root = project.layerTreeRoot();
  QgsLayerTreeLayer* node = root->findLayer(layer);
  auto* parent = node ? qobject_cast<QgsLayerTreeGroup*>(node->parent()) : nullptr;
  if (!parent || parent->name() == kResultsGroupName)
    return;
  QgsLayerTreeGroup* results = root->findGroup(kResultsGroupName);
  if (!results)
    results = root->insertGroup(0, kResultsGroupName);
  results->insertChildNode(0, node->clone());
  parent->removeChildNode(node);
}

void styleOnLoad(QgsProcessingContext& context, const QString& destination,
                 ResultStyler::Style style) {
  if (context.willLoadLayerOnCompletion(destination))
    context.layerToLoadOnCompletionDetails(destination).setPostProcessor(new ResultStyler(style));
}

}  // namespace cp::qgis
