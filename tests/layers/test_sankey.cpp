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
  ASSERT_EQ(s.links.size(), 3u);  // a->b minerals (15), b->a, a->b metals; the self-flow left out
  EXPECT_DOUBLE_EQ(s.links[0].tonnes, 15);
  EXPECT_EQ(node(s, "a").column, 0);
  EXPECT_EQ(node(s, "b").column, 1);
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
  EXPECT_EQ(rects, 3u);
  EXPECT_NE(svg.find("plant &amp; co"), std::string::npos);
  EXPECT_NE(svg.find("&lt;2019&gt;"), std::string::npos);
}

}  // namespace
}  // namespace cp::layers
