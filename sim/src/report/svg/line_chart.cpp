// Line charts (report/svg.hpp): axes, events marked above the plot, a
// legend, 95% bands, the lines with markers, and direct labels at the right.
// line_chart lays the chart out once (LinePlot) and each part draws itself.
#include <algorithm>
#include <cmath>
#include <limits>

#include "hearth/frame.hpp"
#include "report/svg/chart_parts.hpp"

namespace hearth::report::svg {
namespace {

constexpr double kWidth = 720, kMarginLeft = 64, kMarginRight = 168, kMarginBottom = 44,
                 kPlotHeight = 226;
constexpr double kLegendFont = 11, kLegendRow = 16, kEventFont = 10, kEventRow = 12;
constexpr int kEventRows = 4;

// The chart's layout: the data ranges, the axis ticks, and where the plot
// sits below the legend and the event labels.
struct LinePlot {
  double xlo = 0, xhi = 1, ylo = 0, yhi = 1;
  std::vector<double> y_ticks;
  double y_step = 1;
  double plot_width = kWidth - kMarginLeft - kMarginRight;
  double plot_top = 24;  // below the legend and event rows
  double height = 0;
  double events_top = 0;
  std::vector<LegendEntry> legend;
  std::vector<const Event*> shown_events;  // those within the x range
  std::vector<EventLabel> event_labels;    // one per shown event

  double X(double x) const { return kMarginLeft + (x - xlo) / (xhi - xlo) * plot_width; }
  double Y(double y) const {
    return plot_top + kPlotHeight - (y - ylo) / (yhi - ylo) * kPlotHeight;
  }
  double plot_bottom() const { return plot_top + kPlotHeight; }
};

// The x and y ranges over every series (bands included), widened so that a
// flat line still has an axis, then rounded out to the y axis' ticks.
void set_ranges(const LineChart& c, LinePlot& p) {
  double xlo = std::numeric_limits<double>::infinity(), xhi = -xlo;
  double ylo = c.unit == Unit::Count || c.unit == Unit::Share || c.unit == Unit::Money ? 0 : xlo;
  double yhi = -std::numeric_limits<double>::infinity();
  for (const Series& s : c.series) {
    for (std::size_t i = 0; i < s.y.size() && i < s.x.size(); ++i) {
      xlo = std::min(xlo, s.x[i]);
      xhi = std::max(xhi, s.x[i]);
      for (double v : {s.y[i], i < s.lower.size() ? s.lower[i] : kNaN,
                       i < s.upper.size() ? s.upper[i] : kNaN}) {
        if (std::isnan(v)) continue;
        ylo = std::min(ylo, v);
        yhi = std::max(yhi, v);
      }
    }
  }
  if (!std::isfinite(xlo)) xlo = 0, xhi = 1;
  if (xhi <= xlo) xhi = xlo + 1;
  if (!std::isfinite(yhi)) yhi = 1;
  if (!std::isfinite(ylo)) ylo = 0;
  if (yhi <= ylo) yhi = ylo + (c.unit == Unit::Share ? 0.1 : 1);
  // Counts and money on whole numbers: a flat zero line gets 0..5, not 0..1 in tenths.
  if ((c.unit == Unit::Count || c.unit == Unit::Money) && yhi - ylo < 5) yhi = ylo + 5;
  p.y_ticks = nice_ticks(ylo, yhi, 5);
  p.xlo = xlo;
  p.xhi = xhi;
  p.ylo = p.y_ticks.front();
  p.yhi = p.y_ticks.back();
  p.y_step = p.y_ticks.size() > 1 ? p.y_ticks[1] - p.y_ticks[0] : 1;
}

// Above the plot, top down and never overlapping: the legend (several
// series), then the event labels in rows of their own, then the plot.
LinePlot lay_out(const LineChart& c) {
  LinePlot p;
  set_ranges(c, p);
  if (c.series.size() > 1) {
    std::vector<std::string> names;
    for (const Series& ser : c.series) names.push_back(ser.label);
    p.legend = legend_rows(names, kMarginLeft, kWidth - 8, 30, kLegendFont);
  }
  const double legend_bottom = p.legend.empty() ? 0 : (p.legend.back().row + 1) * kLegendRow + 2;
  std::vector<double> event_x;
  std::vector<std::string> event_text;
  for (const Event& e : c.events) {
    if (e.x < p.xlo || e.x > p.xhi) continue;
    p.shown_events.push_back(&e);
    event_x.push_back(p.X(e.x));
    event_text.push_back(e.label);
  }
  p.event_labels = event_rows(event_x, event_text, kWidth - 4, kEventFont, kEventRows);
  int event_rows_used = 0;
  for (const EventLabel& e : p.event_labels) event_rows_used = std::max(event_rows_used, e.row + 1);
  p.events_top = legend_bottom + 2;
  p.plot_top = std::max(24.0, p.events_top + event_rows_used * kEventRow + 8);
  p.height = p.plot_top + kPlotHeight + kMarginBottom;
  return p;
}

std::string axes(const LineChart& c, const LinePlot& p) {
  const double ml = kMarginLeft, pw = p.plot_width, bottom = p.plot_bottom();
  std::string s = "<g class=\"axes\" font-size=\"11\" fill=\"#333\">\n";
  for (double t : p.y_ticks) {
    s += "<line x1=\"" + num(ml) + "\" x2=\"" + num(ml + pw) + "\" y1=\"" + num(p.Y(t)) +
         "\" y2=\"" + num(p.Y(t)) + "\" stroke=\"#ddd\"/><text x=\"" + num(ml - 6) + "\" y=\"" +
         num(p.Y(t) + 4) + "\" text-anchor=\"end\">" + escape(tick_text(t, c.unit, p.y_step)) +
         "</text>\n";
  }
  for (double t : nice_ticks(p.xlo, p.xhi, 8)) {
    if (t < p.xlo - 1e-9 || t > p.xhi + 1e-9) continue;
    s += "<line x1=\"" + num(p.X(t)) + "\" x2=\"" + num(p.X(t)) + "\" y1=\"" + num(bottom) +
         "\" y2=\"" + num(bottom + 4) + "\" stroke=\"#333\"/><text x=\"" + num(p.X(t)) + "\" y=\"" +
         num(bottom + 16) + "\" text-anchor=\"middle\">" + num(t, 0) + "</text>\n";
  }
  s += "<line x1=\"" + num(ml) + "\" x2=\"" + num(ml + pw) + "\" y1=\"" + num(bottom) + "\" y2=\"" +
       num(bottom) + "\" stroke=\"#333\"/>\n";
  s += "<text x=\"" + num(ml + pw / 2) + "\" y=\"" + num(p.height - 8) +
       "\" text-anchor=\"middle\">" + escape(c.x_label) + "</text>\n</g>\n";
  return s;
}

// Events: a dashed vertical line and a label above the plot.
std::string events(const LinePlot& p) {
  if (p.shown_events.empty()) return "";
  std::string s = "<g class=\"events\" font-size=\"" + num(kEventFont) + "\">\n";
  for (std::size_t i = 0; i < p.shown_events.size(); ++i) {
    const EventLabel& at = p.event_labels[i];
    s += "<line class=\"event\" x1=\"" + num(at.x) + "\" x2=\"" + num(at.x) + "\" y1=\"" +
         num(p.plot_top - 2) + "\" y2=\"" + num(p.plot_bottom()) +
         "\" stroke=\"#555\" stroke-dasharray=\"3 3\"/>";
    if (at.row >= 0) {
      s += "<text x=\"" + num(at.anchor_end ? at.x - 3 : at.x + 3) + "\" y=\"" +
           num(p.events_top + kEventRow * (at.row + 1) - 2) + "\" fill=\"#333\"" +
           (at.anchor_end ? " text-anchor=\"end\"" : "") + ">" + escape(p.shown_events[i]->label) +
           "</text>";
    }
    s += "\n";
  }
  return s + "</g>\n";
}

std::string dash_attribute(std::size_t k) {
  return dash(k)[0] ? std::string(" stroke-dasharray=\"") + dash(k) + "\"" : std::string();
}

// Legend above the events: each series' name with its line and marker.
std::string legend(const LinePlot& p) {
  if (p.legend.empty()) return "";
  std::string s = "<g class=\"legend\" font-size=\"" + num(kLegendFont) + "\">\n";
  for (std::size_t k = 0; k < p.legend.size(); ++k) {
    const double lx = p.legend[k].x, ly = kLegendRow * p.legend[k].row + 8;
    s += "<path d=\"M" + num(lx) + " " + num(ly) + "H" + num(lx + 24) + "\" stroke=\"" + colour(k) +
         "\" stroke-width=\"2\"" + dash_attribute(k) + "/>" +
         marker(k, lx + 12, ly, 3.2, colour(k)) + "<text x=\"" + num(lx + 30) + "\" y=\"" +
         num(ly + 4) + "\">" + escape(p.legend[k].name) + "</text>\n";
  }
  return s + "</g>\n";
}

// Bands (95% intervals) under the lines.
std::string bands(const LineChart& c, const LinePlot& p) {
  std::string s;
  for (std::size_t k = 0; k < c.series.size(); ++k) {
    const Series& ser = c.series[k];
    if (ser.lower.size() != ser.y.size() || ser.upper.size() != ser.y.size()) continue;
    std::vector<std::size_t> idx;
    for (std::size_t i = 0; i < ser.y.size(); ++i) {
      if (!std::isnan(ser.lower[i]) && !std::isnan(ser.upper[i])) idx.push_back(i);
    }
    if (idx.size() < 2) continue;
    std::string d;
    for (std::size_t j = 0; j < idx.size(); ++j) {
      d += (j == 0 ? "M" : "L") + num(p.X(ser.x[idx[j]])) + " " + num(p.Y(ser.upper[idx[j]]));
    }
    for (std::size_t j = idx.size(); j-- > 0;) {
      d += "L" + num(p.X(ser.x[idx[j]])) + " " + num(p.Y(ser.lower[idx[j]]));
    }
    s += "<path class=\"band\" d=\"" + d + "Z\" fill=\"" + colour(k) +
         "\" fill-opacity=\"0.18\" stroke=\"" + colour(k) +
         "\" stroke-opacity=\"0.4\" stroke-width=\"0.5\"/>\n";
  }
  return s;
}

// A series' direct label at the right edge, at the height of its last value.
struct DirectLabel {
  double y;
  std::string text;
  std::size_t k;
};

// Series k: its line (gaps at NaN), markers every few points, and its
// direct label added to `labels` when it has a last value.
std::string series_line(const LineChart& c, const LinePlot& p, std::size_t k,
                        std::vector<DirectLabel>& labels) {
  const Series& ser = c.series[k];
  std::string d;
  bool pen = false;
  std::size_t points = 0;
  double last_y = kNaN;
  for (std::size_t i = 0; i < ser.y.size() && i < ser.x.size(); ++i) {
    if (std::isnan(ser.y[i])) {
      pen = false;
      continue;
    }
    d += (pen ? "L" : "M") + num(p.X(ser.x[i])) + " " + num(p.Y(ser.y[i]));
    pen = true;
    ++points;
    last_y = ser.y[i];
  }
  std::string s = "<g class=\"series\" data-series=\"" + escape(ser.label) + "\">\n";
  s += "<path class=\"data\" data-points=\"" + std::to_string(points) + "\" d=\"" + d +
       "\" fill=\"none\" stroke=\"" + colour(k) + "\" stroke-width=\"2\"" + dash_attribute(k) +
       "/>\n";
  // Markers every few points, offset per series so they do not sit on each other.
  const std::size_t n = ser.y.size();
  const std::size_t every = std::max<std::size_t>(1, n / 8);
  for (std::size_t i = (k * every / std::max<std::size_t>(1, c.series.size())) % every; i < n;
       i += every) {
    if (i < ser.x.size() && !std::isnan(ser.y[i]))
      s += marker(k, p.X(ser.x[i]), p.Y(ser.y[i]), 3.2, colour(k));
  }
  s += "</g>\n";
  if (!std::isnan(last_y)) {
    // Short enough for the right margin: the name cut to fit, then the last value.
    const std::string value = format_value(last_y, c.unit);
    std::string name = ser.label;
    const std::size_t room = value.size() + 2 >= 24 ? 4 : 24 - value.size() - 2;
    if (name.size() > room) name = name.substr(0, room - 1) + "\u2026";
    labels.push_back({p.Y(last_y), name + ": " + value, k});
  }
  return s;
}

// Direct labels at the right edge, pushed apart so they do not overlap.
std::string direct_labels(const LinePlot& p, std::vector<DirectLabel> labels) {
  std::sort(labels.begin(), labels.end(),
            [](const DirectLabel& a, const DirectLabel& b) { return a.y < b.y; });
  for (std::size_t i = 1; i < labels.size(); ++i)
    labels[i].y = std::max(labels[i].y, labels[i - 1].y + 13);
  for (std::size_t i = labels.size(); i-- > 1;) {
    if (labels[i].y > p.plot_bottom() + 6) labels[i].y = p.plot_bottom() + 6;
    labels[i - 1].y = std::min(labels[i - 1].y, labels[i].y - 13);
  }
  if (labels.empty()) return "";
  const double right = kMarginLeft + p.plot_width;
  std::string s = "<g class=\"labels\" font-size=\"11\">\n";
  for (const DirectLabel& l : labels) {
    s += marker(l.k, right + 10, l.y - 4, 3.2, colour(l.k)) + "<text x=\"" + num(right + 18) +
         "\" y=\"" + num(l.y) + "\" fill=\"#222\">" + escape(l.text) + "</text>\n";
  }
  return s + "</g>\n";
}

}  // namespace

std::string line_chart(const LineChart& c) {
  const LinePlot p = lay_out(c);
  std::string s = open_chart(c.id, "line-chart", kWidth, p.height, c.title, c.desc);
  s += axes(c, p);
  s += events(p);
  s += legend(p);
  s += bands(c, p);
  std::vector<DirectLabel> labels;
  for (std::size_t k = 0; k < c.series.size(); ++k) s += series_line(c, p, k, labels);
  s += direct_labels(p, std::move(labels));
  s += "</svg>\n";
  return s;
}

}  // namespace hearth::report::svg
