// Horizontal bar charts (report/svg.hpp): hatched bars per series with value
// labels and optional 95% whiskers.
#include <algorithm>
#include <cmath>

#include "hearth/frame.hpp"
#include "report/svg/chart_parts.hpp"

namespace hearth::report::svg {

std::string bar_chart(const BarChart& c) {
  constexpr double W = 720, label_w = 170, mr = 70, bar_h = 11, gap = 7, heading_h = 20;
  constexpr double kLegendFont = 11, kLegendRow = 16;
  const std::size_t n = c.series.size();
  // The legend in as many rows as the names need; the bars start below it.
  const std::vector<LegendEntry> legend = legend_rows(c.series, label_w, W - 8, 18, kLegendFont);
  const double mt = 8 + kLegendRow * (legend.empty() ? 1 : legend.back().row + 1);
  double hi = 0, lo = 0;
  for (const BarRow& r : c.rows) {
    for (std::size_t k = 0; k < r.values.size(); ++k) {
      for (double v : {r.values[k], k < r.upper.size() ? r.upper[k] : kNaN}) {
        if (!std::isnan(v)) hi = std::max(hi, v), lo = std::min(lo, v);
      }
    }
  }
  if (hi <= lo) hi = lo + (c.unit == Unit::Share ? 0.1 : 1);
  if ((c.unit == Unit::Count || c.unit == Unit::Money) && hi - lo < 5) hi = lo + 5;
  const std::vector<double> ticks = nice_ticks(lo, hi, 5);
  lo = ticks.front();
  hi = ticks.back();
  const double step = ticks.size() > 1 ? ticks[1] - ticks[0] : 1;
  const double pw = W - label_w - mr;
  auto X = [&](double v) { return label_w + (v - lo) / (hi - lo) * pw; };
  double height = mt + 16;
  for (const BarRow& r : c.rows) height += r.heading.empty() ? n * bar_h + gap : heading_h;
  height += 28;
  std::string s = open_chart(c.id, "bar-chart", W, height, c.title, c.desc);
  // Legend (one swatch per run, with its pattern).
  s += "<g class=\"legend\" font-size=\"" + num(kLegendFont) + "\">\n";
  for (std::size_t k = 0; k < legend.size(); ++k) {
    const double lx = legend[k].x, ly = 6 + kLegendRow * legend[k].row;
    s += "<rect x=\"" + num(lx) + "\" y=\"" + num(ly) +
         "\" width=\"14\" height=\"11\" fill=\"url(#bar" + std::to_string(k % kStyles) +
         ")\" stroke=\"#333\" stroke-width=\"0.5\"/><text x=\"" + num(lx + 18) + "\" y=\"" +
         num(ly + 9) + "\">" + escape(legend[k].name) + "</text>\n";
  }
  s += "</g>\n<g class=\"axes\" font-size=\"10\" fill=\"#333\">\n";
  const double plot_top = mt, plot_bottom = height - 28;
  for (double t : ticks) {
    s += "<line x1=\"" + num(X(t)) + "\" x2=\"" + num(X(t)) + "\" y1=\"" + num(plot_top) +
         "\" y2=\"" + num(plot_bottom) + "\" stroke=\"#e3e3e3\"/><text x=\"" + num(X(t)) +
         "\" y=\"" + num(plot_bottom + 13) + "\" text-anchor=\"middle\">" +
         escape(tick_text(t, c.unit, step)) + "</text>\n";
  }
  s += "</g>\n<g class=\"data bars\" font-size=\"10\">\n";
  double y = mt + 10;
  for (const BarRow& r : c.rows) {
    if (!r.heading.empty()) {
      s += "<text x=\"4\" y=\"" + num(y + 14) + "\" font-weight=\"bold\" font-size=\"11\">" +
           escape(r.heading) + "</text>\n";
      y += heading_h;
      continue;
    }
    s += "<text x=\"" + num(label_w - 6) + "\" y=\"" + num(y + n * bar_h / 2 + 4) +
         "\" text-anchor=\"end\" font-size=\"11\">" + escape(r.label) + "</text>\n";
    for (std::size_t k = 0; k < n; ++k) {
      const double v = k < r.values.size() ? r.values[k] : kNaN;
      const double by = y + static_cast<double>(k) * bar_h;
      if (std::isnan(v)) {
        s += "<text x=\"" + num(X(0) + 3) + "\" y=\"" + num(by + bar_h - 2) +
             "\" fill=\"#555\">n/a</text>\n";
        continue;
      }
      const double x0 = X(std::min(0.0, v)), x1 = X(std::max(0.0, v));
      s += "<rect class=\"bar\" x=\"" + num(x0) + "\" y=\"" + num(by + 1) + "\" width=\"" +
           num(std::max(0.5, x1 - x0)) + "\" height=\"" + num(bar_h - 2) + "\" fill=\"url(#bar" +
           std::to_string(k % kStyles) + ")\" stroke=\"" + colour(k) + "\" stroke-width=\"0.5\"/>";
      double text_x = x1 + 4;
      if (k < r.lower.size() && k < r.upper.size() && !std::isnan(r.lower[k]) &&
          !std::isnan(r.upper[k])) {
        const double cy = by + bar_h / 2;
        s += "<path class=\"whisker\" d=\"M" + num(X(r.lower[k])) + " " + num(cy) + "H" +
             num(X(r.upper[k])) + "M" + num(X(r.lower[k])) + " " + num(cy - 3) + "v6M" +
             num(X(r.upper[k])) + " " + num(cy - 3) + "v6\" stroke=\"#222\" fill=\"none\"/>";
        text_x = std::max(text_x, X(r.upper[k]) + 4);
      }
      s += "<text x=\"" + num(text_x) + "\" y=\"" + num(by + bar_h - 2) + "\" fill=\"#222\">" +
           escape(format_value(v, c.unit)) + "</text>\n";
    }
    y += n * bar_h + gap;
  }
  s += "</g>\n</svg>\n";
  return s;
}

}  // namespace hearth::report::svg
