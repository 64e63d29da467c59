// The shared pieces of the charts (chart_parts.hpp) and the public helpers
// of report/svg.hpp: escaping, axis ticks, the page's shared <defs>.
#include "report/svg/chart_parts.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace hearth::report::svg {

std::string num(double v, int decimals) {
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

}  // namespace hearth::report::svg
