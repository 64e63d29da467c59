#pragma once
// The report's figure catalogue: the headline figures, the charts over time,
// the figures by group, and how each is computed from a run's files; shared
// by the report of runs and the report of a sweep. Internal to report/html/.
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "report/compare.hpp"
#include "report/run_reader.hpp"
#include "report/svg.hpp"

namespace hearth::report::html {

// ---- headline figures (the table) ------------------------------------------
struct Headline {
  std::string column;  // "public_spending": the total of the spending columns
  Measure measure;
  Unit unit;
  std::string label;
};
const std::vector<Headline>& headlines();
double headline_value(const RunData& run, const Headline& h, std::int32_t last_tick = kNoTickLimit);

// ---- charts over time ------------------------------------------------------
struct SeriesDef {
  std::string column;
  Unit unit;
  std::string title;
  bool skip_if_zero;  // leave the chart out when no run has a positive value
};
const std::vector<SeriesDef>& time_series();
// A series in words for a chart's <desc>: first, highest and last values.
std::string describe_series(const std::string& label, const std::vector<double>& y,
                            const std::vector<std::int32_t>& ticks, Unit unit);
// " Marked events: flood in month 3." (empty without events).
std::string events_text(const std::vector<svg::Event>& events);
std::vector<double> as_x(const std::vector<std::int32_t>& ticks);
// A line chart of `def` with its id and events, and no lines yet.
svg::LineChart line_chart_of(const SeriesDef& def, const std::string& id,
                             const std::vector<svg::Event>& events);
// Whether a chart of `def` is shown: some value, and a positive one where
// `def` leaves all-zero charts out.
bool worth_showing(const SeriesDef& def, const std::vector<svg::Series>& series);

// ---- figures by group (bar charts) -----------------------------------------
std::string kind_heading(const std::string& kind, const std::string& figure);
std::string group_label(const std::string& kind, const std::string& group);
// A group's away_from_home / households, tick by tick.
std::vector<double> away_share(const RunData& run, const std::string& kind,
                               const std::string& group);
struct GroupFigure {
  std::string id, column, title, what;
  Measure measure;
  Unit unit;
};
std::vector<GroupFigure> group_figures();
// A bar chart of `f` with its id and a series per run or point, no rows yet.
svg::BarChart bar_chart_of(const GroupFigure& f, const std::string& id,
                           std::vector<std::string> series);
// Before the first group of each kind (groups come sorted by kind), a
// heading row; `last_kind` is the kind of the row before.
void add_kind_heading(svg::BarChart& chart, const GroupFigure& f, const std::string& kind,
                      std::string& last_kind);
// Whether a chart of `f` is shown: some value, and for the share away from
// home a positive one (no damage, no chart).
bool worth_showing(const GroupFigure& f, const svg::BarChart& chart);
double group_value(const RunData& run, const GroupFigure& f, const std::string& kind,
                   const std::string& group, std::int32_t last_tick = kNoTickLimit);
// Every (kind, group) of the runs but "all", kinds in the report's order.
std::vector<std::pair<std::string, std::string>> groups_of(const std::vector<const RunData*>& runs);

}  // namespace hearth::report::html
