// GCC 12 reports a false -Wrestrict inside libstdc++ when it inlines string
// concatenation (GCC bug 105329); the pragma must precede the includes.
#if defined(__GNUC__) && !defined(__clang__) && __GNUC__ < 13
#pragma GCC diagnostic ignored "-Wrestrict"
#endif
#include "hearth/frame.hpp"
#include "report/svg.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <map>

namespace hearth::report::svg {

namespace {


// Okabe and Ito (2008) colours, distinguishable with the common colour
// vision deficiencies; each series also has its own dash and marker.
constexpr const char* kColours[] = {"#0072B2", "#D55E00", "#009E73", "#CC79A7",
                                    "#E69F00", "#56B4E9", "#000000", "#F0E442"};
constexpr const char* kDashes[] = {"", "9 4", "2 3", "10 3 2 3", "5 5", "1 3", "12 6", "3 3 8 3"};
constexpr int kStyles = 8;
constexpr std::size_t kNoCell = static_cast<std::size_t>(-1);
// Light to dark (a yellow-orange-red sequential scale): readable in grey too.
// Blue (lower) to red (higher) through pale, for differences.
constexpr const char* kDivergingColours[kMapClasses] = {"#2166ac", "#67a9cf", "#d1e5f0",
                                                        "#fddbc7", "#ef8a62", "#b2182b"};
constexpr const char* kMapColours[kMapClasses] = {"#ffffb2", "#fed976", "#feb24c",
                                                  "#fd8d3c", "#e3541c", "#a50026"};

std::string num(double v, int decimals = 1) {
  char buffer[48];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, v);
  std::string s = buffer;
  if (s.find('.') != std::string::npos) {
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
  }
  if (s == "-0") s = "0";
  return s;
}

const char* colour(std::size_t k) {
  return kColours[k % kStyles];
}
const char* dash(std::size_t k) {
  return kDashes[k % kStyles];
}

// A marker of style k centred at (x, y), radius r.
std::string marker(std::size_t k, double x, double y, double r, const char* fill) {
  const std::string f = std::string(" fill=\"") + fill + "\"";
  switch (k % 5) {
    case 0:
      return "<circle cx=\"" + num(x) + "\" cy=\"" + num(y) + "\" r=\"" + num(r) + "\"" + f + "/>";
    case 1:
      return "<rect x=\"" + num(x - r) + "\" y=\"" + num(y - r) + "\" width=\"" + num(2 * r) +
             "\" height=\"" + num(2 * r) + "\"" + f + "/>";
    case 2:
      return "<path d=\"M" + num(x) + " " + num(y - 1.2 * r) + "L" + num(x + 1.1 * r) + " " +
             num(y + 0.9 * r) + "L" + num(x - 1.1 * r) + " " + num(y + 0.9 * r) + "Z\"" + f + "/>";
    case 3:
      return "<path d=\"M" + num(x) + " " + num(y - 1.3 * r) + "L" + num(x + 1.3 * r) + " " +
             num(y) + "L" + num(x) + " " + num(y + 1.3 * r) + "L" + num(x - 1.3 * r) + " " +
             num(y) + "Z\"" + f + "/>";
    default:
      return "<path d=\"M" + num(x - r) + " " + num(y - r) + "L" + num(x + r) + " " + num(y + r) +
             "M" + num(x + r) + " " + num(y - r) + "L" + num(x - r) + " " + num(y + r) +
             "\" stroke=\"" + fill + "\" stroke-width=\"2\" fill=\"none\"/>";
  }
}

std::string open_chart(const std::string& id, const std::string& kind, double width, double height,
                       const std::string& title, const std::string& desc) {
  return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart " + kind + "\" id=\"" +
         escape(id) + "\" role=\"img\" aria-labelledby=\"" + escape(id) + "-t " + escape(id) +
         "-d\" viewBox=\"0 0 " + num(width) + " " + num(height) + "\">\n<title id=\"" + escape(id) +
         "-t\">" + escape(title) + "</title>\n<desc id=\"" + escape(id) + "-d\">" + escape(desc) +
         "</desc>\n";
}

// Text widths are estimated, not measured (the page has no script): 0.62 em
// a character is wider than the average of DejaVu Sans, Liberation Sans and
// Arial, so boxes laid out with it do not overlap when drawn.
double text_width(const std::string& text, double font_size) {
  std::size_t characters = 0;
  for (unsigned char c : text) characters += (c & 0xC0) != 0x80;  // UTF-8: count lead bytes
  return 0.62 * font_size * static_cast<double>(characters);
}

// A legend of `names` in rows from x = `left` to `right`: each entry is a
// swatch of `swatch` px, the name, and a gap; a name that does not fit the
// row starts the next one.
struct LegendEntry {
  double x = 0;
  int row = 0;
  std::string name;
};
std::vector<LegendEntry> legend_rows(const std::vector<std::string>& names, double left,
                                     double right, double swatch, double font_size) {
  std::vector<LegendEntry> entries;
  double x = left;
  int row = 0;
  for (const std::string& full : names) {
    std::string name = full;
    if (name.size() > 60) name = name.substr(0, 59) + "\u2026";
    const double w = swatch + text_width(name, font_size);
    if (x > left && x + w > right) {
      ++row;
      x = left;
    }
    entries.push_back({x, row, name});
    x += w + 16;
  }
  return entries;
}

// Event labels in rows above the plot: each label goes into the first row
// where it clears every label already there (right of its line, or left of
// it near the right edge); labels that fit no row are left out (the line is
// still drawn, and the caption and <desc> list every event).
struct EventLabel {
  double x = 0;  // the event's line
  bool anchor_end = false;
  int row = -1;  // -1: no room
};
std::vector<EventLabel> event_rows(const std::vector<double>& xs,
                                   const std::vector<std::string>& labels, double right,
                                   double font_size, int max_rows) {
  std::vector<std::vector<std::pair<double, double>>> taken(static_cast<std::size_t>(max_rows));
  std::vector<EventLabel> out;
  for (std::size_t i = 0; i < xs.size(); ++i) {
    EventLabel e;
    e.x = xs[i];
    const double w = text_width(labels[i], font_size);
    e.anchor_end = xs[i] + 3 + w > right;
    const double from = e.anchor_end ? xs[i] - 3 - w : xs[i] + 3;
    const double to = from + w;
    // Wider than the chart either way: no row can hold it.
    for (int r = 0; r < max_rows && e.row < 0 && from >= 0; ++r) {
      auto& row = taken[static_cast<std::size_t>(r)];
      const bool clear = std::all_of(row.begin(), row.end(), [&](const auto& span) {
        return to + 6 <= span.first || from >= span.second + 6;
      });
      if (clear) {
        row.emplace_back(from, to);
        e.row = r;
      }
    }
    out.push_back(e);
  }
  return out;
}

std::string tick_text(double v, Unit unit, double step) {
  // num() drops trailing zeros, so 2 decimals print 2.5% as "2.5%" and 5% as "5%".
  if (unit == Unit::Share) return num(100 * v, 2) + "%";
  if (std::fabs(v) >= 1e6 && step >= 1e5) return num(v / 1e6, 2) + "M";
  if (std::fabs(v) >= 1e4 && step >= 1e3) return num(v / 1e3, 1) + "k";
  return num(v, step < 1 ? 3 : 1);
}

}  // namespace

std::string escape(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::vector<double> nice_ticks(double lo, double hi, int count) {
  if (!std::isfinite(lo) || !std::isfinite(hi)) return {0, 1};
  if (hi < lo) std::swap(lo, hi);
  if (hi == lo) {
    const double pad = lo == 0 ? 1 : std::fabs(lo) * 0.1;
    lo -= lo == 0 ? 0 : pad;
    hi += pad;
  }
  const double raw = (hi - lo) / std::max(1, count);
  const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
  double step = magnitude;
  for (double m : {1.0, 2.0, 2.5, 5.0, 10.0}) {
    step = m * magnitude;
    if (raw <= step) break;
  }
  std::vector<double> ticks;
  const double first = std::floor(lo / step + 1e-9) * step;
  for (double t = first; t <= hi + step * (1 - 1e-9) && ticks.size() < 100; t += step) {
    ticks.push_back(std::fabs(t) < step * 1e-9 ? 0.0 : t);
    if (t >= hi - step * 1e-9) break;
  }
  if (ticks.size() < 2) ticks.push_back(first + step);
  return ticks;
}

std::string shared_defs() {
  std::string s =
      "<svg class=\"defs\" aria-hidden=\"true\" width=\"0\" height=\"0\" "
      "style=\"position:absolute\" xmlns=\"http://www.w3.org/2000/svg\"><defs>\n";
  // Bar patterns: series k > 0 get hatching over their colour.
  const char* hatches[] = {"",
                           "<path d=\"M0 6L6 0\" stroke=\"#fff\" stroke-width=\"1.6\"/>",
                           "<circle cx=\"3\" cy=\"3\" r=\"1.3\" fill=\"#fff\"/>",
                           "<path d=\"M0 3H6M3 0V6\" stroke=\"#fff\" stroke-width=\"1.2\"/>",
                           "<path d=\"M0 0L6 6\" stroke=\"#fff\" stroke-width=\"1.6\"/>",
                           "<path d=\"M0 2H6\" stroke=\"#fff\" stroke-width=\"1.4\"/>",
                           "<path d=\"M2 0V6\" stroke=\"#fff\" stroke-width=\"1.4\"/>",
                           "<path d=\"M0 6L6 0M0 0L6 6\" stroke=\"#fff\" stroke-width=\"1\"/>"};
  for (int k = 0; k < kStyles; ++k) {
    s += "<pattern id=\"bar" + std::to_string(k) +
         "\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\"><rect width=\"6\" "
         "height=\"6\" fill=\"" +
         colour(static_cast<std::size_t>(k)) + "\"/>" + hatches[k] + "</pattern>\n";
  }
  s += "</defs></svg>\n";
  return s;
}

std::string line_chart(const LineChart& c) {
  constexpr double W = 720, ml = 64, mr = 168, mb = 44, ph = 226;
  constexpr double kLegendFont = 11, kLegendRow = 16, kEventFont = 10, kEventRow = 12;
  constexpr int kEventRows = 4;
  const double pw = W - ml - mr;
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
  const std::vector<double> yt = nice_ticks(ylo, yhi, 5);
  ylo = yt.front();
  yhi = yt.back();
  const double ystep = yt.size() > 1 ? yt[1] - yt[0] : 1;
  auto X = [&](double x) { return ml + (x - xlo) / (xhi - xlo) * pw; };
  // Above the plot, top down and never overlapping: the legend (several
  // series), then the event labels in rows of their own, then the plot.
  std::vector<LegendEntry> legend;
  if (c.series.size() > 1) {
    std::vector<std::string> names;
    for (const Series& ser : c.series) names.push_back(ser.label);
    legend = legend_rows(names, ml, W - 8, 30, kLegendFont);
  }
  const double legend_bottom = legend.empty() ? 0 : (legend.back().row + 1) * kLegendRow + 2;
  std::vector<const Event*> shown_events;
  std::vector<double> event_x;
  std::vector<std::string> event_text;
  for (const Event& e : c.events) {
    if (e.x < xlo || e.x > xhi) continue;
    shown_events.push_back(&e);
    event_x.push_back(X(e.x));
    event_text.push_back(e.label);
  }
  const std::vector<EventLabel> event_labels =
      event_rows(event_x, event_text, W - 4, kEventFont, kEventRows);
  int event_rows_used = 0;
  for (const EventLabel& e : event_labels) event_rows_used = std::max(event_rows_used, e.row + 1);
  const double events_top = legend_bottom + 2;
  const double mt = std::max(24.0, events_top + event_rows_used * kEventRow + 8);
  const double H = mt + ph + mb;
  auto Y = [&](double y) { return mt + ph - (y - ylo) / (yhi - ylo) * ph; };

  std::string s = open_chart(c.id, "line-chart", W, H, c.title, c.desc);
  s += "<g class=\"axes\" font-size=\"11\" fill=\"#333\">\n";
  for (double t : yt) {
    s += "<line x1=\"" + num(ml) + "\" x2=\"" + num(ml + pw) + "\" y1=\"" + num(Y(t)) + "\" y2=\"" +
         num(Y(t)) + "\" stroke=\"#ddd\"/><text x=\"" + num(ml - 6) + "\" y=\"" + num(Y(t) + 4) +
         "\" text-anchor=\"end\">" + escape(tick_text(t, c.unit, ystep)) + "</text>\n";
  }
  for (double t : nice_ticks(xlo, xhi, 8)) {
    if (t < xlo - 1e-9 || t > xhi + 1e-9) continue;
    s += "<line x1=\"" + num(X(t)) + "\" x2=\"" + num(X(t)) + "\" y1=\"" + num(mt + ph) +
         "\" y2=\"" + num(mt + ph + 4) + "\" stroke=\"#333\"/><text x=\"" + num(X(t)) + "\" y=\"" +
         num(mt + ph + 16) + "\" text-anchor=\"middle\">" + num(t, 0) + "</text>\n";
  }
  s += "<line x1=\"" + num(ml) + "\" x2=\"" + num(ml + pw) + "\" y1=\"" + num(mt + ph) +
       "\" y2=\"" + num(mt + ph) + "\" stroke=\"#333\"/>\n";
  s += "<text x=\"" + num(ml + pw / 2) + "\" y=\"" + num(H - 8) + "\" text-anchor=\"middle\">" +
       escape(c.x_label) + "</text>\n</g>\n";
  // Events: a dashed vertical line and a label above the plot.
  if (!shown_events.empty()) {
    s += "<g class=\"events\" font-size=\"" + num(kEventFont) + "\">\n";
    for (std::size_t i = 0; i < shown_events.size(); ++i) {
      const EventLabel& at = event_labels[i];
      s += "<line class=\"event\" x1=\"" + num(at.x) + "\" x2=\"" + num(at.x) + "\" y1=\"" +
           num(mt - 2) + "\" y2=\"" + num(mt + ph) +
           "\" stroke=\"#555\" stroke-dasharray=\"3 3\"/>";
      if (at.row >= 0) {
        s += "<text x=\"" + num(at.anchor_end ? at.x - 3 : at.x + 3) + "\" y=\"" +
             num(events_top + kEventRow * (at.row + 1) - 2) + "\" fill=\"#333\"" +
             (at.anchor_end ? " text-anchor=\"end\"" : "") + ">" + escape(shown_events[i]->label) +
             "</text>";
      }
      s += "\n";
    }
    s += "</g>\n";
  }
  // Legend above the events: each series' name with its line and marker.
  if (!legend.empty()) {
    s += "<g class=\"legend\" font-size=\"" + num(kLegendFont) + "\">\n";
    for (std::size_t k = 0; k < legend.size(); ++k) {
      const double lx = legend[k].x, ly = kLegendRow * legend[k].row + 8;
      s += "<path d=\"M" + num(lx) + " " + num(ly) + "H" + num(lx + 24) + "\" stroke=\"" +
           colour(k) + "\" stroke-width=\"2\"" +
           (dash(k)[0] ? std::string(" stroke-dasharray=\"") + dash(k) + "\"" : std::string()) +
           "/>" + marker(k, lx + 12, ly, 3.2, colour(k)) + "<text x=\"" + num(lx + 30) + "\" y=\"" +
           num(ly + 4) + "\">" + escape(legend[k].name) + "</text>\n";
    }
    s += "</g>\n";
  }
  // Bands (95% intervals) under the lines.
  for (std::size_t k = 0; k < c.series.size(); ++k) {
    const Series& ser = c.series[k];
    if (ser.lower.size() != ser.y.size() || ser.upper.size() != ser.y.size()) continue;
    std::string upper, lower;
    std::vector<std::size_t> idx;
    for (std::size_t i = 0; i < ser.y.size(); ++i) {
      if (!std::isnan(ser.lower[i]) && !std::isnan(ser.upper[i])) idx.push_back(i);
    }
    if (idx.size() < 2) continue;
    std::string d;
    for (std::size_t j = 0; j < idx.size(); ++j) {
      d += (j == 0 ? "M" : "L") + num(X(ser.x[idx[j]])) + " " + num(Y(ser.upper[idx[j]]));
    }
    for (std::size_t j = idx.size(); j-- > 0;) {
      d += "L" + num(X(ser.x[idx[j]])) + " " + num(Y(ser.lower[idx[j]]));
    }
    s += "<path class=\"band\" d=\"" + d + "Z\" fill=\"" + colour(k) +
         "\" fill-opacity=\"0.18\" stroke=\"" + colour(k) +
         "\" stroke-opacity=\"0.4\" stroke-width=\"0.5\"/>\n";
  }
  // Lines, markers and direct labels.
  struct Label {
    double y;
    std::string text;
    std::size_t k;
  };
  std::vector<Label> labels;
  for (std::size_t k = 0; k < c.series.size(); ++k) {
    const Series& ser = c.series[k];
    std::string d;
    bool pen = false;
    std::size_t points = 0;
    double last_x = kNaN, last_y = kNaN;
    for (std::size_t i = 0; i < ser.y.size() && i < ser.x.size(); ++i) {
      if (std::isnan(ser.y[i])) {
        pen = false;
        continue;
      }
      d += (pen ? "L" : "M") + num(X(ser.x[i])) + " " + num(Y(ser.y[i]));
      pen = true;
      ++points;
      last_x = ser.x[i];
      last_y = ser.y[i];
    }
    s += "<g class=\"series\" data-series=\"" + escape(ser.label) + "\">\n";
    s += "<path class=\"data\" data-points=\"" + std::to_string(points) + "\" d=\"" + d +
         "\" fill=\"none\" stroke=\"" + colour(k) + "\" stroke-width=\"2\"" +
         (dash(k)[0] ? std::string(" stroke-dasharray=\"") + dash(k) + "\"" : std::string()) +
         "/>\n";
    // Markers every few points, offset per series so they do not sit on each other.
    const std::size_t n = ser.y.size();
    const std::size_t every = std::max<std::size_t>(1, n / 8);
    for (std::size_t i = (k * every / std::max<std::size_t>(1, c.series.size())) % every; i < n;
         i += every) {
      if (i < ser.x.size() && !std::isnan(ser.y[i]))
        s += marker(k, X(ser.x[i]), Y(ser.y[i]), 3.2, colour(k));
    }
    s += "</g>\n";
    if (!std::isnan(last_y)) {
      // Short enough for the right margin: the name cut to fit, then the last value.
      const std::string value = format_value(last_y, c.unit);
      std::string name = ser.label;
      const std::size_t room = value.size() + 2 >= 24 ? 4 : 24 - value.size() - 2;
      if (name.size() > room) name = name.substr(0, room - 1) + "\u2026";
      labels.push_back({Y(last_y), name + ": " + value, k});
      (void)last_x;
    }
  }
  // Direct labels at the right edge, pushed apart so they do not overlap.
  std::sort(labels.begin(), labels.end(), [](const Label& a, const Label& b) { return a.y < b.y; });
  for (std::size_t i = 1; i < labels.size(); ++i)
    labels[i].y = std::max(labels[i].y, labels[i - 1].y + 13);
  for (std::size_t i = labels.size(); i-- > 1;) {
    if (labels[i].y > mt + ph + 6) labels[i].y = mt + ph + 6;
    labels[i - 1].y = std::min(labels[i - 1].y, labels[i].y - 13);
  }
  if (!labels.empty()) {
    s += "<g class=\"labels\" font-size=\"11\">\n";
    for (const Label& l : labels) {
      std::string text = l.text;
      s += marker(l.k, ml + pw + 10, l.y - 4, 3.2, colour(l.k)) + "<text x=\"" + num(ml + pw + 18) +
           "\" y=\"" + num(l.y) + "\" fill=\"#222\">" + escape(text) + "</text>\n";
    }
    s += "</g>\n";
  }
  s += "</svg>\n";
  return s;
}

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

namespace {

// Edges between cells that differ (`differ(a, b)`), as one path with runs
// of cell edges merged; cells outside the grid count as `outside`.
template <typename Differ>
std::string edges(const CellMap& m, Differ&& differ) {
  std::string d;
  const auto at = [&](int x, int y) { return static_cast<std::size_t>(y) * m.width + x; };
  for (int x = 0; x <= m.width; ++x) {
    int start = -1;
    for (int y = 0; y <= m.height; ++y) {
      bool edge = false;
      if (y < m.height) {
        if (x == 0)
          edge = differ(kNoCell, at(0, y));
        else if (x == m.width)
          edge = differ(at(x - 1, y), kNoCell);
        else
          edge = differ(at(x - 1, y), at(x, y));
      }
      if (edge && start < 0) start = y;
      if (!edge && start >= 0) {
        d +=
            "M" + std::to_string(x) + " " + std::to_string(start) + "v" + std::to_string(y - start);
        start = -1;
      }
    }
  }
  for (int y = 0; y <= m.height; ++y) {
    int start = -1;
    for (int x = 0; x <= m.width; ++x) {
      bool edge = false;
      if (x < m.width) {
        if (y == 0)
          edge = differ(kNoCell, at(x, 0));
        else if (y == m.height)
          edge = differ(at(x, y - 1), kNoCell);
        else
          edge = differ(at(x, y - 1), at(x, y));
      }
      if (edge && start < 0) start = x;
      if (!edge && start >= 0) {
        d +=
            "M" + std::to_string(start) + " " + std::to_string(y) + "h" + std::to_string(x - start);
        start = -1;
      }
    }
  }
  return d;
}

// Neighbourhood boundaries (inside the grid only).
std::string boundaries(const CellMap& m) {
  return edges(m, [&](std::size_t a, std::size_t b) {
    return a != kNoCell && b != kNoCell && m.neighbourhood[a] != m.neighbourhood[b];
  });
}

// Rects for runs of equal fill in each row; fill_of returns "" for nothing.
template <typename FillOf>
std::string runs_of(const CellMap& m, FillOf&& fill_of) {
  std::string s;
  for (int y = 0; y < m.height; ++y) {
    int x = 0;
    while (x < m.width) {
      const std::string fill = fill_of(static_cast<std::size_t>(y) * m.width + x);
      int end = x + 1;
      while (end < m.width && fill_of(static_cast<std::size_t>(y) * m.width + end) == fill) ++end;
      if (!fill.empty()) {
        s += "<rect x=\"" + std::to_string(x) + "\" y=\"" + std::to_string(y) + "\" width=\"" +
             std::to_string(end - x) + "\" height=\"1\" " + fill + "/>";
      }
      x = end;
    }
    s += "\n";
  }
  return s;
}

}  // namespace

std::string map_chart(const MapChart& c, const CellMap& m) {
  const double W = m.width, H = m.height;
  const double fs = std::max(W, H) / 30.0;
  const double legend_h = fs * 4.2;
  std::string s = open_chart(c.id, "map", W, H + legend_h, c.title, c.desc);
  const double lo = c.lo, hi = c.hi > c.lo ? c.hi : c.lo + (c.unit == Unit::Share ? 0.01 : 1);
  const char* const* palette = c.diverging ? kDivergingColours : kMapColours;
  // A value as written on the map and in the legend.
  auto label = [&](double v, int share_decimals) {
    if (std::isnan(v)) return format_value(v, c.unit);
    std::string text;
    if (c.unit == Unit::Share) {
      text = num(100 * v, share_decimals) + (c.diverging ? "" : "%");
    } else {
      text =
          format_value(c.unit == Unit::Count || c.unit == Unit::Money ? std::round(v) : v, c.unit);
    }
    if (!c.diverging) return text;
    // Differences carry their sign, and a difference that rounds to 0 none.
    const bool zero = text.find_first_of("123456789") == std::string::npos;
    if (zero) return std::string("0");
    return v > 0 ? "+" + text : text;
  };

  auto class_of = [&](double v) {
    const int k = static_cast<int>(std::floor((v - lo) / (hi - lo) * kMapClasses));
    return std::clamp(k, 0, kMapClasses - 1);
  };
  std::vector<std::string> fills(static_cast<std::size_t>(std::max(0, m.neighbourhood_count)));
  for (std::size_t n = 0; n < fills.size(); ++n) {
    const double v = n < c.values.size() ? c.values[n] : kNaN;
    if (std::isnan(v)) {
      fills[n] = "fill=\"#d9d9d9\"";
    } else if (c.diverging && std::fabs(v) <= (hi - lo) * 1e-9) {
      fills[n] = "fill=\"#f7f7f7\"";  // no difference: neutral
    } else {
      fills[n] = std::string("fill=\"") + palette[class_of(v)] + "\"";
    }
  }
  s += "<g class=\"data cells\" shape-rendering=\"crispEdges\">\n";
  s += runs_of(m, [&](std::size_t c2) -> std::string {
    if (m.land_use[c2] == "water") return "fill=\"#9ecae1\"";
    const int n = m.neighbourhood[c2];
    return n < 0 ? std::string() : fills[static_cast<std::size_t>(n)];
  });
  s += "</g>\n<path class=\"boundaries\" d=\"" + boundaries(m) +
       "\" stroke=\"#555\" stroke-width=\"" + num(std::max(W, H) / 400.0, 2) +
       "\" fill=\"none\"/>\n";
  // Direct labels: each neighbourhood's value at its centre.
  if (c.label_values && m.neighbourhood_count > 0 && m.neighbourhood_count <= 64) {
    std::vector<double> sx(fills.size()), sy(fills.size()), cnt(fills.size());
    for (int y = 0; y < m.height; ++y) {
      for (int x = 0; x < m.width; ++x) {
        const int n = m.neighbourhood[static_cast<std::size_t>(y) * m.width + x];
        if (n < 0) continue;
        sx[n] += x + 0.5;
        sy[n] += y + 0.5;
        cnt[n] += 1;
      }
    }
    s += "<g class=\"values\" font-size=\"" + num(fs, 2) +
         "\" text-anchor=\"middle\" fill=\"#000\" stroke=\"#fff\" "
         "stroke-width=\"" +
         num(fs / 5, 2) + "\" paint-order=\"stroke\">\n";
    for (std::size_t n = 0; n < fills.size(); ++n) {
      if (cnt[n] == 0) continue;
      const double v = n < c.values.size() ? c.values[n] : kNaN;
      // Whole percentages keep the labels short enough to fit a neighbourhood.
      const std::string text = label(v, 0);
      s += "<text x=\"" + num(sx[n] / cnt[n], 1) + "\" y=\"" + num(sy[n] / cnt[n] + fs / 3, 1) +
           "\">" + escape(text) + "</text>";
    }
    s += "\n</g>\n";
  }
  // Legend: the classes as boxes with their bounds between them, then "none".
  s += "<g class=\"legend\" font-size=\"" + num(fs * 0.9, 2) + "\">\n";
  const double box = W / (kMapClasses + 3.0);
  auto bound = [&](double v) { return label(v, 1); };
  for (int k = 0; k < kMapClasses; ++k) {
    const double x = box * 0.5 + k * box;
    s += "<rect x=\"" + num(x, 2) + "\" y=\"" + num(H + fs * 0.6, 2) + "\" width=\"" + num(box, 2) +
         "\" height=\"" + num(fs * 1.2, 2) + "\" fill=\"" + palette[k] +
         "\" stroke=\"#555\" stroke-width=\"" + num(fs / 20, 2) + "\"/>";
    if (k % 2 == 0 || k == kMapClasses - 1) {
      const double at = k % 2 == 0 ? x : x + box;
      const double v = k % 2 == 0 ? lo + (hi - lo) * k / kMapClasses : hi;
      s += "<text x=\"" + num(at, 2) + "\" y=\"" + num(H + fs * 2.9, 2) +
           "\" text-anchor=\"middle\">" + escape(bound(v)) + "</text>";
    }
    s += "\n";
  }
  const double x = box * 0.5 + kMapClasses * box + box * 0.6;
  s += "<rect x=\"" + num(x, 2) + "\" y=\"" + num(H + fs * 0.6, 2) + "\" width=\"" +
       num(box * 0.6, 2) + "\" height=\"" + num(fs * 1.2, 2) +
       "\" fill=\"#d9d9d9\" stroke=\"#555\" stroke-width=\"" + num(fs / 20, 2) + "\"/><text x=\"" +
       num(x + box * 0.7, 2) + "\" y=\"" + num(H + fs * 1.6, 2) + "\">none</text>\n";
  s += "</g>\n</svg>\n";
  return s;
}

std::string land_map(const std::string& id, const std::string& title, const CellMap& m) {
  const double W = m.width, H = m.height;
  const double fs = std::max(W, H) / 30.0;
  const double legend_h = fs * 4.2;
  std::size_t flood_cells = 0, informal_cells = 0, water_cells = 0;
  for (std::size_t c = 0; c < m.neighbourhood.size(); ++c) {
    flood_cells += m.flood_depth_100yr_m[c] > 0 && m.land_use[c] != "water";
    informal_cells += m.informal[c] != 0;
    water_cells += m.land_use[c] == "water";
  }
  const std::string desc =
      "Map of the city's " + std::to_string(m.width) + " by " + std::to_string(m.height) +
      " cells and " + std::to_string(m.neighbourhood_count) +
      " neighbourhoods: " + std::to_string(flood_cells) +
      " land cells in the 100-year floodplain (pale blue inside a dashed blue outline), " +
      std::to_string(informal_cells) + " informal settlement cells (orange, outlined in brown), " +
      std::to_string(water_cells) +
      " water cells; grey: job centre; pale: residential; green: open land.";
  std::string s = open_chart(id, "map land-map", W, H + legend_h, title, desc);
  s += "<g class=\"data cells\" shape-rendering=\"crispEdges\">\n";
  // Plain fills and outlines only: pattern fills at cell scale make printing
  // to PDF take a minute. The floodplain and informal settlements are told
  // apart without colour by their outlines (dashed blue, solid brown).
  auto flooded = [&](std::size_t c) {
    return c != kNoCell && m.flood_depth_100yr_m[c] > 0 && m.land_use[c] != "water";
  };
  auto informal = [&](std::size_t c) {
    return c != kNoCell && (m.informal[c] || m.land_use[c] == "informal");
  };
  s += runs_of(m, [&](std::size_t c) -> std::string {
    const std::string& u = m.land_use[c];
    if (u == "water") return "fill=\"#9ecae1\"";
    if (informal(c)) return "fill=\"#fd8d3c\"";
    if (flooded(c)) return "fill=\"#c6dbef\"";
    if (u == "jobs") return "fill=\"#969696\"";
    if (u == "open") return "fill=\"#e5f5e0\"";
    return "fill=\"#f7f4ea\"";
  });
  const double stroke = std::max(W, H) / 300.0;
  s += "</g>\n<path class=\"boundaries\" d=\"" + boundaries(m) +
       "\" stroke=\"#555\" stroke-width=\"" + num(stroke * 0.75, 2) + "\" fill=\"none\"/>\n";
  s += "<path class=\"floodplain\" d=\"" +
       edges(m, [&](std::size_t a, std::size_t b) { return flooded(a) != flooded(b); }) +
       "\" stroke=\"#08519c\" stroke-width=\"" + num(stroke * 1.5, 2) + "\" stroke-dasharray=\"" +
       num(stroke * 3, 2) + " " + num(stroke * 2, 2) + "\" fill=\"none\"/>\n";
  s += "<path class=\"informal\" d=\"" +
       edges(m, [&](std::size_t a, std::size_t b) { return informal(a) != informal(b); }) +
       "\" stroke=\"#7f2704\" stroke-width=\"" + num(stroke, 2) + "\" fill=\"none\"/>\n";
  s += "<g class=\"legend\" font-size=\"" + num(fs * 0.9, 2) + "\">\n";
  const char* names[] = {"residential", "job centre", "open", "water", "informal", "floodplain"};
  const char* fills[] = {"#f7f4ea", "#969696", "#e5f5e0", "#9ecae1", "#fd8d3c", "#c6dbef"};
  const char* outlines[] = {"#555", "#555", "#555", "#555", "#7f2704", "#08519c"};
  const double box = W / 6.0;
  for (int k = 0; k < 6; ++k) {
    const double x = k * box + box * 0.05;
    s += "<rect x=\"" + num(x, 2) + "\" y=\"" + num(H + fs * 0.6, 2) + "\" width=\"" +
         num(fs * 1.4, 2) + "\" height=\"" + num(fs * 1.2, 2) + "\" fill=\"" + fills[k] +
         "\" stroke=\"" + outlines[k] + "\" stroke-width=\"" + num(k >= 4 ? fs / 8 : fs / 20, 2) +
         "\"" +
         (k == 5 ? " stroke-dasharray=\"" + num(fs / 3, 2) + " " + num(fs / 5, 2) + "\""
                 : std::string()) +
         "/><text x=\"" + num(x, 2) + "\" y=\"" + num(H + fs * 2.9, 2) + "\">" + names[k] +
         "</text>\n";
  }
  s += "</g>\n</svg>\n";
  return s;
}

}  // namespace hearth::report::svg
