#pragma once
// A stacked bar chart as SVG, for reports: a bar per category (a scenario),
// stacked by series (its components) - positive values up from zero, negative
// ones down - with the total's low-high range as a whisker and the total
// written above it. Text stays text (searchable, editable).

#include <string>
#include <vector>

namespace cp::layers {

struct BarSeries {
  std::string name;
  std::vector<double> values;  // one per category
};

struct BarChart {
  std::string title;
  std::string unit;  // of the values, e.g. "t CO2e a year"
  std::vector<std::string> categories;
  std::vector<BarSeries> series;
  std::vector<double> low, high;   // per category, the total's range; empty: no whiskers
  std::vector<std::string> notes;  // under the chart
};

// The colour of the i-th series: a palette that colour-blind readers can tell apart.
const char* seriesColour(std::size_t i);
inline constexpr int kSeriesColours = 8;  // seriesColour repeats after these

std::string barChartSvg(const BarChart& chart);

}  // namespace cp::layers
