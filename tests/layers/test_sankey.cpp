#include <cpl_minixml.h>
#include <gtest/gtest.h>

#include "layers/sankey.h"

namespace cp::layers {
namespace {

Flow flow(const char* from, const char* to, double tonnes,
          MaterialClass c = MaterialClass::Minerals) {
  Flow f;
  f.origin = from;
  f.destination = to;
  f.tonnes = tonnes;
  f.materialClass = c;
  return f;
}

const SankeyNode& node(const SankeyLayout& s, const std::string& id) {
  for (const SankeyNode& n : s.nodes)
    if (n.id == id)
      return n;
  throw std::runtime_error("no node " + id);
}

TEST(Sankey, NodesInColumnsAsTallAsTheirTonnesBandsAsWideAsTheirs) {
  const SankeyOptions options;
  const SankeyLayout s = layoutSankey(
      {flow("quarry", "plant", 100), flow("plant", "city", 70), flow("plant", "stock", 30)},
      options);
  EXPECT_EQ(node(s, "quarry").column, 0);
  EXPECT_EQ(node(s, "plant").column, 1);
  EXPECT_EQ(node(s, "city").column, 2);
  EXPECT_NEAR(node(s, "plant").height, 100 * s.pxPerTonne, 1e-9);
  EXPECT_NEAR(node(s, "city").height, 70 * s.pxPerTonne, 1e-9);
  for (const SankeyLink& l : s.links)
    EXPECT_NEAR(l.width, l.tonnes * s.pxPerTonne, 1e-9);
  // The fullest column (city and stock, with a gap) fills the height.
  EXPECT_NEAR(node(s, "stock").y + node(s, "stock").height, options.height, 1e-6);
  // The plant's two outgoing bands stack inside it without overlapping.
  const SankeyLink& toCity = s.links[1];
  const SankeyLink& toStock = s.links[2];
  EXPECT_NEAR(toCity.y0, node(s, "plant").y, 1e-9);  // the city lies above the stock
  EXPECT_NEAR(toStock.y0, toCity.y0 + toCity.width, 1e-9);
}

TEST(Sankey, NodesOfAColumnDoNotOverlap) {
  const SankeyLayout s = layoutSankey(
      {flow("a", "x", 10), flow("a", "y", 20), flow("a", "z", 30), flow("b", "x", 5)}, {});
  std::vector<const SankeyNode*> second;
  for (const SankeyNode& n : s.nodes)
    if (n.column == 1)
      second.push_back(&n);
  ASSERT_EQ(second.size(), 3u);
  for (std::size_t i = 1; i < second.size(); ++i)
    EXPECT_GE(second[i]->y, second[i - 1]->y + second[i - 1]->height);
}

TEST(Sankey, ACycleIsDrawnNotLostAndSameFlowsAreAddedUp) {
  const SankeyLayout s =
      layoutSankey({flow("a", "b", 10), flow("b", "a", 4), flow("a", "b", 5),
                    flow("a", "b", 1, MaterialClass::Metals), flow("a", "a", 99)},
                   {});
  ASSERT_EQ(s.links.size(), 4u);  // a->b minerals (15), b->a, a->b metals, a->a
  EXPECT_DOUBLE_EQ(s.links[0].tonnes, 15);
  EXPECT_EQ(node(s, "a").column, 0);
  EXPECT_EQ(node(s, "b").column, 1);
  EXPECT_FALSE(s.links[0].loop);
  EXPECT_TRUE(s.links[1].loop);  // b->a closes the cycle
  EXPECT_TRUE(s.links[3].loop);  // a->a stays in its node
  // The node is as tall as all that passes through it, its own flow included.
  EXPECT_DOUBLE_EQ(node(s, "a").tonnes, 15 + 1 + 99);
}

// The city's own flow (city -> city, e.g. what its industry makes for it) is
// drawn as a loop below the diagram: each loop in a lane of its own, below
// the drawing area, as wide as its tonnes; and it enters and leaves the node
// below the node's other bands.
TEST(Sankey, LoopsRunBelowTheDiagramInLanesOfTheirOwn) {
  const SankeyOptions options;
  const SankeyLayout s = layoutSankey({flow("outside", "city", 100), flow("city", "city", 40),
                                       flow("city", "stock", 60), flow("stock", "city", 10)},
                                      options);
  std::vector<const SankeyLink*> loops;
  for (const SankeyLink& l : s.links)
    if (l.loop)
      loops.push_back(&l);
  ASSERT_EQ(loops.size(), 2u);
  EXPECT_GT(loops[0]->width, loops[1]->width);
  EXPECT_GE(loops[0]->loopY - loops[0]->width / 2, options.height);  // below the drawing
  EXPECT_GE(loops[1]->loopY - loops[1]->width / 2,
            loops[0]->loopY + loops[0]->width / 2);  // apart from the first
  EXPECT_NEAR(s.loopsHeight, loops[1]->loopY + loops[1]->width / 2 - options.height, 1e-9);
  const SankeyLink& self = *loops[0];
  EXPECT_NEAR(self.y0, node(s, "city").y + 60 * s.pxPerTonne, 1e-6);  // out after the stock's
  const std::string svg = sankeySvg(s, options);
  EXPECT_NE(svg.find("City → City: 40 t minerals"), std::string::npos) << svg;
}

// Imports from and exports to the world outside: 'outside' drawn on both
// sides, so that nothing loops back.
TEST(Sankey, TheOutsideIsDrawnAsSourceAndAsSink) {
  const SankeyLayout s = layoutSankey(
      {flow("outside", "city", 100), flow("city", "outside", 60), flow("city", "stock", 40)}, {});
  ASSERT_EQ(s.nodes.size(), 4u);
  int first = -1, last = -1;
  for (const SankeyNode& n : s.nodes)
    if (n.id == "outside")
      (first < 0 ? first : last) = n.column;
  EXPECT_EQ(first, 0);
  EXPECT_EQ(last, 2);
}

// The SVG parses, draws every band and node, and escapes the labels.
TEST(Sankey, TheSvgIsWellFormed) {
  SankeyOptions options;
  options.title = "Construction <2019> & stock";
  const SankeyLayout s = layoutSankey(
      {flow("quarry", "plant & co", 100), flow("plant & co", "city", 100, MaterialClass::Metals)},
      options);
  const std::string svg = sankeySvg(s, options);
  CPLXMLNode* root = CPLParseXMLString(svg.c_str());
  ASSERT_NE(root, nullptr) << svg;
  CPLDestroyXMLNode(root);
  std::size_t paths = 0, rects = 0;
  for (std::size_t at = 0; (at = svg.find("<path", at)) != std::string::npos; ++at)
    ++paths;
  for (std::size_t at = 0; (at = svg.find("<rect", at)) != std::string::npos; ++at)
    ++rects;
  EXPECT_EQ(paths, 2u);
  EXPECT_EQ(rects, 3u + 2u);  // the nodes, and the legend's two classes
  EXPECT_NE(svg.find("Plant &amp; co"), std::string::npos);
  EXPECT_NE(svg.find("&lt;2019&gt;"), std::string::npos);
}

// Nodes are labelled by their names, else by their ids made readable, never
// as raw ids; the legend names the classes drawn and no other; the notes are
// printed under it.
TEST(Sankey, NodesAreNamedAndTheLegendShowsTheClassesDrawn) {
  SankeyOptions options;
  options.names = {{"disposal_sites", "Karasai landfill and dumpsites"}};
  options.notes = {"Not drawn: methane 35 kt CH4"};
  const SankeyLayout s =
      layoutSankey({flow("city_industry", "disposal_sites", 291000, MaterialClass::Mixed),
                    flow("city_industry", "city", 328000, MaterialClass::Metals)},
                   options);
  const std::string svg = sankeySvg(s, options);
  EXPECT_NE(svg.find(">Karasai landfill and dumpsites 291 kt<"), std::string::npos) << svg;
  EXPECT_NE(svg.find(">City industry 619 kt<"), std::string::npos) << svg;
  EXPECT_EQ(svg.find("disposal_sites"), std::string::npos);
  EXPECT_EQ(svg.find("city_industry"), std::string::npos);
  EXPECT_NE(svg.find(">Metals<"), std::string::npos);
  EXPECT_NE(svg.find(">Mixed<"), std::string::npos);
  EXPECT_EQ(svg.find(">Minerals<"), std::string::npos);
  EXPECT_NE(svg.find(">Not drawn: methane 35 kt CH4<"), std::string::npos);
  CPLXMLNode* root = CPLParseXMLString(svg.c_str());
  ASSERT_NE(root, nullptr);
  CPLDestroyXMLNode(root);
}

// Labels say the unit drawn: tonnes scaled (and a gas's tonnes with its
// name), other units with their thousands separated, never in tonnes.
TEST(Sankey, QuantitiesAreLabelledInTheirUnit) {
  EXPECT_EQ(quantityLabel(1456000, "t"), "1.46 Mt");
  EXPECT_EQ(quantityLabel(600000, "t"), "600 kt");
  EXPECT_EQ(quantityLabel(480, "t"), "480 t");
  EXPECT_EQ(quantityLabel(35000, "t CH4"), "35 kt CH4");
  EXPECT_EQ(quantityLabel(12e6, "t CO2e"), "12.00 Mt CO2e");
  EXPECT_EQ(quantityLabel(225000, "m3"), "225,000 m3");
  EXPECT_EQ(quantityLabel(8600000, "m3"), "8,600,000 m3");
  EXPECT_EQ(quantityLabel(950, "m3"), "950 m3");
}

}  // namespace
}  // namespace cp::layers
