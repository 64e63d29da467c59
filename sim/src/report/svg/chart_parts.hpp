#pragma once
// What the charts of report/svg.hpp share: the series styles (colour, dash,
// marker), number text, the <svg> opening, and the layout of legends and
// event labels. Internal to sim/src/report/svg/.
#include <cstddef>
#include <string>
#include <vector>

#include "report/svg.hpp"

namespace hearth::report::svg {

// Okabe and Ito (2008) colours, distinguishable with the common colour
// vision deficiencies; each series also has its own dash and marker.
inline constexpr const char* kColours[] = {"#0072B2", "#D55E00", "#009E73", "#CC79A7",
                                           "#E69F00", "#56B4E9", "#000000", "#F0E442"};
inline constexpr const char* kDashes[] = {"",    "9 4", "2 3",  "10 3 2 3",
                                          "5 5", "1 3", "12 6", "3 3 8 3"};
inline constexpr int kStyles = 8;
inline constexpr std::size_t kNoCell = static_cast<std::size_t>(-1);
// Light to dark (a yellow-orange-red sequential scale): readable in grey too.
// Blue (lower) to red (higher) through pale, for differences.
inline constexpr const char* kDivergingColours[kMapClasses] = {"#2166ac", "#67a9cf", "#d1e5f0",
                                                               "#fddbc7", "#ef8a62", "#b2182b"};
inline constexpr const char* kMapColours[kMapClasses] = {"#ffffb2", "#fed976", "#feb24c",
                                                         "#fd8d3c", "#e3541c", "#a50026"};

// A number with up to `decimals` decimals, trailing zeros dropped ("-0" is "0").
std::string num(double v, int decimals = 1);
// Series k's colour and dash pattern (empty: solid).
const char* colour(std::size_t k);
const char* dash(std::size_t k);
// A marker of style k centred at (x, y), radius r.
std::string marker(std::size_t k, double x, double y, double r, const char* fill);
std::string open_chart(const std::string& id, const std::string& kind, double width, double height,
                       const std::string& title, const std::string& desc);
double text_width(const std::string& text, double font_size);

// A legend of `names` in rows from x = `left` to `right`: each entry is a
// swatch of `swatch` px, the name, and a gap; a name that does not fit the
// row starts the next one.
struct LegendEntry {
  double x = 0;
  int row = 0;
  std::string name;
};
std::vector<LegendEntry> legend_rows(const std::vector<std::string>& names, double left,
                                     double right, double swatch, double font_size);

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
                                   double font_size, int max_rows);

// An axis tick's text in the chart's unit; `step` between ticks sets the precision.
std::string tick_text(double v, Unit unit, double step);

}  // namespace hearth::report::svg
