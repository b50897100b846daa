#include "bar_chart.h"

#include <algorithm>
#include <cmath>

#include "svg_text.h"

namespace cp::layers {
namespace {

constexpr double kWidth = 760, kLeft = 100, kRight = 20, kTop = 56, kPlotHeight = 300;

// A tick step of 1, 2 or 5 times a power of ten, about five to the range.
double tickStep(double range) {
  const double raw = range / 5;
  const double power = std::pow(10, std::floor(std::log10(raw)));
  for (double m : {1.0, 2.0, 5.0})
    if (m * power >= raw)
      return m * power;
  return 10 * power;
}

struct Scale {
  double lo, hi;
  double y(double v) const { return kTop + (hi - v) / (hi - lo) * kPlotHeight; }
};

Scale scaleOf(const BarChart& c) {
  double lo = 0, hi = 0;
  for (std::size_t k = 0; k < c.categories.size(); ++k) {
    double up = 0, down = 0;
    for (const BarSeries& s : c.series)
      (s.values[k] >= 0 ? up : down) += s.values[k];
    hi = std::max({hi, up, c.high.empty() ? 0.0 : c.high[k]});
    lo = std::min({lo, down, c.low.empty() ? 0.0 : c.low[k]});
  }
  if (hi - lo <= 0)
    hi = lo + 1;
  const double step = tickStep(hi - lo);
  return {std::floor(lo / step) * step, std::ceil(hi / step) * step};
}

std::string axis(const BarChart& c, const Scale& s) {
  const double step = tickStep(s.hi - s.lo);
  std::string svg;
  for (double v = s.lo; v <= s.hi + step / 2; v += step) {
    const std::string y = svgNumber(s.y(v));
    svg += "<line x1=\"" + svgNumber(kLeft) + "\" x2=\"" + svgNumber(kWidth - kRight) + "\" y1=\"" +
           y + "\" y2=\"" + y + "\" stroke=\"" + (std::abs(v) < step / 2 ? "#333" : "#ddd") +
           "\"/>\n<text x=\"" + svgNumber(kLeft - 6) + "\" y=\"" + svgNumber(s.y(v) + 4) +
           "\" text-anchor=\"end\">" + withThousands(v) + "</text>\n";
  }
  svg += "<text transform=\"translate(16," + svgNumber(kTop + kPlotHeight / 2) +
         ") rotate(-90)\" text-anchor=\"middle\">" + svgEscaped(c.unit) + "</text>\n";
  return svg;
}

std::string bars(const BarChart& c, const Scale& s) {
  const double slot = (kWidth - kLeft - kRight) / static_cast<double>(c.categories.size());
  const double barWidth = std::min(90.0, slot * 0.5);
  std::string svg;
  for (std::size_t k = 0; k < c.categories.size(); ++k) {
    const double x = kLeft + slot * (static_cast<double>(k) + 0.5);
    double up = 0, down = 0, total = 0;
    for (std::size_t i = 0; i < c.series.size(); ++i) {
      const double v = c.series[i].values[k];
      total += v;
      double& base = v >= 0 ? up : down;
      const double y0 = s.y(base), y1 = s.y(base + v);
      base += v;
      if (std::abs(y1 - y0) < 0.05)
        continue;
      svg += "<rect x=\"" + svgNumber(x - barWidth / 2) + "\" y=\"" + svgNumber(std::min(y0, y1)) +
             "\" width=\"" + svgNumber(barWidth) + "\" height=\"" + svgNumber(std::abs(y1 - y0)) +
             "\" fill=\"" + seriesColour(i) + "\"><title>" +
             svgEscaped(c.categories[k] + ", " + c.series[i].name + ": " + withThousands(v) + " " +
                        c.unit) +
             "</title></rect>\n";
    }
    double labelY = s.y(std::max(up, 0.0)) - 6;
    if (!c.low.empty()) {
      const std::string xs = svgNumber(x);
      svg += "<path d=\"M" + xs + "," + svgNumber(s.y(c.low[k])) + "V" + svgNumber(s.y(c.high[k])) +
             "M" + svgNumber(x - 8) + "," + svgNumber(s.y(c.low[k])) + "h16M" + svgNumber(x - 8) +
             "," + svgNumber(s.y(c.high[k])) + "h16\" stroke=\"#222\" fill=\"none\"/>\n";
      labelY = std::min(labelY, s.y(c.high[k]) - 6);
    }
    svg += "<text x=\"" + svgNumber(x) + "\" y=\"" + svgNumber(labelY) +
           "\" text-anchor=\"middle\" font-weight=\"bold\">" + withThousands(total) + "</text>\n";
    svg += "<text x=\"" + svgNumber(x) + "\" y=\"" + svgNumber(kTop + kPlotHeight + 18) +
           "\" text-anchor=\"middle\">" + svgEscaped(c.categories[k]) + "</text>\n";
  }
  return svg;
}

// The legend from `y` down, wrapping to a new row where an entry would pass
// the right edge; `y` ends below its last row.
std::string legend(const BarChart& c, double& y) {
  std::string svg;
  double x = kLeft;
  const auto place = [&x, &y](double width) {
    if (x > kLeft && x + width > kWidth - kRight) {
      x = kLeft;
      y += 18;
    }
    const double at = x;
    x += width + 18;
    return at;
  };
  const auto textWidth = [](const std::string& text) {
    return 6.6 * static_cast<double>(text.size());
  };
  for (std::size_t i = 0; i < c.series.size(); ++i) {
    const double at = place(16 + textWidth(c.series[i].name));
    svg += "<rect x=\"" + svgNumber(at) + "\" y=\"" + svgNumber(y - 10) +
           "\" width=\"12\" height=\"12\" fill=\"" + seriesColour(i) + "\"/>\n<text x=\"" +
           svgNumber(at + 16) + "\" y=\"" + svgNumber(y) + "\">" + svgEscaped(c.series[i].name) +
           "</text>\n";
  }
  if (!c.low.empty()) {
    const std::string whisker = "whisker: low to high estimate";
    const double at = place(textWidth(whisker));
    svg += "<text x=\"" + svgNumber(at) + "\" y=\"" + svgNumber(y) + "\" fill=\"#555\">" + whisker +
           "</text>\n";
  }
  return svg;
}

}  // namespace

const char* seriesColour(std::size_t i) {
  // Okabe and Ito's palette, told apart with the common colour-vision deficiencies.
  static const char* const palette[] = {"#E69F00", "#56B4E9", "#009E73", "#0072B2",
                                        "#D55E00", "#CC79A7", "#F0E442", "#999999"};
  return palette[i % (sizeof palette / sizeof palette[0])];
}

std::string barChartSvg(const BarChart& c) {
  const Scale scale = scaleOf(c);
  double y = kTop + kPlotHeight + 46;
  std::string body = axis(c, scale) + bars(c, scale) + legend(c, y);
  for (std::size_t i = 0; i < c.notes.size(); ++i) {
    y += i == 0 ? 22 : 16;
    body += "<text x=\"" + svgNumber(kLeft) + "\" y=\"" + svgNumber(y) + "\" fill=\"#555\">" +
            svgEscaped(c.notes[i]) + "</text>\n";
  }
  const double height = y + 24;
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" "
         "width=\"" +
         svgNumber(kWidth) + "\" height=\"" + svgNumber(height) +
         "\" font-family=\"sans-serif\" font-size=\"11\">\n<rect width=\"100%\" height=\"100%\" "
         "fill=\"white\"/>\n<text x=\"" +
         svgNumber(kLeft) + "\" y=\"28\" font-size=\"16\" font-weight=\"bold\">" +
         svgEscaped(c.title) + "</text>\n" + body + "</svg>\n";
}

}  // namespace cp::layers
