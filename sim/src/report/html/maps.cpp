// The maps section of a report (sections.hpp): neighbourhood values at
// chosen ticks, the static land map, and difference maps.
#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "hearth/frame.hpp"
#include "report/html/figures.hpp"
#include "report/html/sections.hpp"

namespace hearth::report::html {
namespace {

std::vector<std::int32_t> default_map_ticks(const RunData& run) {
  std::vector<std::int32_t> ticks{run.ticks.front()};
  const auto displaced = run.city("away_from_home");
  std::size_t peak = 0;
  for (std::size_t i = 0; i < displaced.size(); ++i) {
    if (displaced[i] > displaced[peak]) peak = i;
  }
  if (!displaced.empty() && displaced[peak] > 0) ticks.push_back(run.ticks[peak]);
  ticks.push_back(run.ticks.back());
  std::sort(ticks.begin(), ticks.end());
  ticks.erase(std::unique(ticks.begin(), ticks.end()), ticks.end());
  return ticks;
}

std::vector<double> neighbourhood_values(const RunData& run, std::int32_t tick,
                                         const std::string& column) {
  std::vector<double> values(
      static_cast<std::size_t>(run.cells ? run.cells->neighbourhood_count : 0), kNaN);
  if (!run.neighbourhoods) return values;
  const CsvTable& t = *run.neighbourhoods;
  const int ct = t.column("tick"), cn = t.column("neighbourhood"), cv = t.column(column);
  if (cv < 0) return values;
  for (std::size_t r = 0; r < t.rows(); ++r) {
    if (t.number(r, ct) != tick) continue;
    const double n = t.number(r, cn);
    if (n >= 0 && n < static_cast<double>(values.size()))
      values[static_cast<std::size_t>(n)] = t.number(r, cv);
  }
  return values;
}

struct MapLayer {
  std::string column, title;
  Unit unit;
  bool only_if_positive;
};

void add_difference_maps(Page& page, const std::vector<const RunData*>& runs);

}  // namespace

void add_maps(Page& page, const std::vector<const RunData*>& runs, const ReportOptions& options) {
  std::vector<const RunData*> mappable;
  for (const RunData* r : runs) {
    if (r->cells && r->neighbourhoods) mappable.push_back(r);
  }
  page.h(2, "Maps", "maps");
  if (mappable.empty()) {
    page.p(
        "No maps: these runs have no cells.csv or no neighbourhoods.csv (runs written by an older "
        "hearth, or with outputs.neighbourhood_table off).",
        "note");
    return;
  }
  page.p(
      "Each cell is coloured by the value of its neighbourhood (the number written on it), on one "
      "light-to-dark scale per figure so maps at different months and of different runs can be "
      "compared. "
      "Water is blue; grey marked n/a means no value (e.g. no households there).");
  // The static map once per distinct grid.
  std::set<std::string> drawn;
  for (const RunData* r : mappable) {
    const std::string key = std::to_string(r->cells->width) + "x" +
                            std::to_string(r->cells->height) + ":" +
                            jobj(r->scenario, "city").dump();
    if (!drawn.insert(key).second) continue;
    page.h(3, "The city: land use, floodplain and informal settlements" +
                  (mappable.size() > 1 ? " (" + r->label + ")" : std::string()));
    page.raw("<div class=\"land\">\n");
    page.figure(
        svg::land_map("land-" + std::to_string(drawn.size()), "Land use of " + r->label, *r->cells),
        "Land use at the start, the 100-year floodplain (pale blue inside a dashed blue outline) "
        "and "
        "informal settlements (orange, outlined in brown); grey lines are neighbourhood "
        "boundaries.");
    page.raw("</div>\n");
  }
  const std::vector<MapLayer> layers = {
      {"cost_burdened_share", "Cost-burdened share of housed households", Unit::Share, false},
      {"away_from_home", "Households displaced from a home here", Unit::Count, true},
      {"uninhabitable_dwellings", "Uninhabitable dwellings (damage DS3 or DS4)", Unit::Count, true},
      {"mean_rent_per_month", "Mean rent of private rentals, per month", Unit::Money, false},
  };
  int figure_id = 0;
  for (const MapLayer& layer : layers) {
    // Ticks per run; the scale spans every map of the layer.
    std::vector<std::vector<std::int32_t>> ticks;
    double lo = std::numeric_limits<double>::infinity(), hi = -lo;
    std::vector<std::vector<std::vector<double>>> values;
    for (const RunData* r : mappable) {
      std::vector<std::int32_t> t;
      for (std::int32_t tick :
           options.map_ticks.empty() ? default_map_ticks(*r) : options.map_ticks) {
        if (r->row_of_tick(tick) >= 0) t.push_back(tick);
      }
      values.emplace_back();
      for (std::int32_t tick : t) {
        values.back().push_back(neighbourhood_values(*r, tick, layer.column));
        for (double v : values.back().back()) {
          if (!std::isnan(v)) lo = std::min(lo, v), hi = std::max(hi, v);
        }
      }
      ticks.push_back(std::move(t));
    }
    if (!std::isfinite(lo)) continue;
    if (layer.only_if_positive && hi <= 0) continue;
    // Counts from zero; shares and money over the range seen, for contrast.
    if (layer.unit == Unit::Count) lo = std::min(lo, 0.0);
    page.h(3, layer.title);
    page.raw("<div class=\"maps\">\n");
    for (std::size_t r = 0; r < mappable.size(); ++r) {
      for (std::size_t k = 0; k < ticks[r].size(); ++k) {
        const std::string when = month_text(mappable[r]->dates, ticks[r][k]);
        svg::MapChart chart;
        chart.id = "map-" + std::to_string(++figure_id);
        chart.title = layer.title + ", " + mappable[r]->label + ", " + when;
        chart.unit = layer.unit;
        chart.lo = lo;
        chart.hi = hi;
        chart.values = values[r][k];
        double vmin = kNaN, vmax = kNaN;
        std::size_t vmin_n = 0, vmax_n = 0;
        for (std::size_t n = 0; n < chart.values.size(); ++n) {
          const double v = chart.values[n];
          if (std::isnan(v)) continue;
          if (std::isnan(vmin) || v < vmin) vmin = v, vmin_n = n;
          if (std::isnan(vmax) || v > vmax) vmax = v, vmax_n = n;
        }
        chart.desc = "Map of " + layer.title + " by neighbourhood in " + mappable[r]->label + ", " +
                     when + ": lowest " + format_value(vmin, layer.unit) + " (neighbourhood " +
                     std::to_string(vmin_n) + "), highest " + format_value(vmax, layer.unit) +
                     " (neighbourhood " + std::to_string(vmax_n) +
                     "). Each neighbourhood's value is written on it.";
        page.figure(svg::map_chart(chart, *mappable[r]->cells),
                    (mappable.size() > 1 ? mappable[r]->label + ", " : std::string()) + when);
      }
    }
    page.raw("</div>\n");
  }
  add_difference_maps(page, mappable);
}

namespace {

// Per neighbourhood, the sum of `column` over ticks 1..last.
std::vector<double> neighbourhood_sums(const RunData& run, std::int32_t last,
                                       const std::string& column) {
  std::vector<double> sums(static_cast<std::size_t>(run.cells ? run.cells->neighbourhood_count : 0),
                           0.0);
  if (!run.neighbourhoods || !run.neighbourhoods->has(column))
    return std::vector<double>(sums.size(), kNaN);
  const CsvTable& t = *run.neighbourhoods;
  const int ct = t.column("tick"), cn = t.column("neighbourhood"), cv = t.column(column);
  for (std::size_t r = 0; r < t.rows(); ++r) {
    const double tick = t.number(r, ct), n = t.number(r, cn), v = t.number(r, cv);
    if (tick < 1 || tick > last || !(n >= 0 && n < static_cast<double>(sums.size())) ||
        std::isnan(v))
      continue;
    sums[static_cast<std::size_t>(n)] += v;
  }
  return sums;
}

// Maps of B - A by neighbourhood, for runs on the same grid as run A.
void add_difference_maps(Page& page, const std::vector<const RunData*>& runs) {
  if (runs.size() < 2) return;
  const RunData& a = *runs[0];
  std::vector<const RunData*> others;
  for (std::size_t r = 1; r < runs.size(); ++r) {
    const CellMap& m = *runs[r]->cells;
    if (m.width == a.cells->width && m.height == a.cells->height &&
        m.neighbourhood == a.cells->neighbourhood) {
      others.push_back(runs[r]);
    }
  }
  if (others.empty()) return;
  struct Layer {
    std::string column, title;
    Unit unit;
    bool summed;
  };
  const std::vector<Layer> layers = {
      {"cost_burdened_share",
       "Difference in the cost-burdened share at the end (percentage points)", Unit::Share, false},
      {"away_from_home",
       "Difference in household-months displaced from a home here (sum over months)", Unit::Count,
       true},
      {"mean_rent_per_month", "Difference in the mean rent at the end", Unit::Money, false},
  };
  int id = 0;
  for (const Layer& layer : layers) {
    std::vector<std::vector<double>> diffs;
    std::vector<std::int32_t> at;
    double m = 0;
    for (const RunData* b : others) {
      const std::int32_t last = std::min(a.ticks.back(), b->ticks.back());
      const auto va = layer.summed ? neighbourhood_sums(a, last, layer.column)
                                   : neighbourhood_values(a, last, layer.column);
      const auto vb = layer.summed ? neighbourhood_sums(*b, last, layer.column)
                                   : neighbourhood_values(*b, last, layer.column);
      std::vector<double> d(va.size(), kNaN);
      for (std::size_t n = 0; n < d.size() && n < vb.size(); ++n) {
        d[n] = difference(va[n], vb[n]);
        if (!std::isnan(d[n])) m = std::max(m, std::fabs(d[n]));
      }
      diffs.push_back(std::move(d));
      at.push_back(last);
    }
    if (m <= 0) continue;
    if (id == 0) {
      page.h(3, "Differences from A by neighbourhood");
      page.p(
          "Each map shows a run minus run A for every neighbourhood (the number written on it): "
          "red where "
          "the run is higher, blue where it is lower, pale where they are about equal. Runs are "
          "compared "
          "over the months both have.",
          "note");
    }
    page.raw("<h4>" + escape(layer.title) + "</h4>\n<div class=\"maps\">\n");
    for (std::size_t k = 0; k < others.size(); ++k) {
      svg::MapChart chart;
      chart.id = "diff-" + std::to_string(++id);
      chart.unit = layer.unit;
      chart.diverging = true;
      chart.lo = -m;
      chart.hi = m;
      chart.values = diffs[k];
      const std::string when = (layer.summed ? "months 1 to " : "month ") + std::to_string(at[k]);
      chart.title = layer.title + ": " + others[k]->label + " minus " + a.label + ", " + when;
      double lo = kNaN, hi = kNaN;
      for (double v : chart.values) {
        if (std::isnan(v)) continue;
        lo = std::isnan(lo) ? v : std::min(lo, v);
        hi = std::isnan(hi) ? v : std::max(hi, v);
      }
      chart.desc = "Map of " + layer.title + ", " + others[k]->label + " minus " + a.label + ", " +
                   when + ", by neighbourhood: from " + format_difference(lo, layer.unit) + " to " +
                   format_difference(hi, layer.unit) +
                   ". Each neighbourhood's difference is written on it.";
      page.figure(svg::map_chart(chart, *a.cells),
                  others[k]->label + " \u2212 " + a.label + ", " + when);
    }
    page.raw("</div>\n");
  }
}

}  // namespace

}  // namespace hearth::report::html
