// Maps on the cell grid (report/svg.hpp): neighbourhood values in classes,
// the static land-use map, boundaries between neighbourhoods.
#include <algorithm>
#include <cmath>
#include <map>

#include "hearth/frame.hpp"
#include "report/svg/chart_parts.hpp"

namespace hearth::report::svg {

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
