// The sections of charts of a report of runs (sections.hpp): lines over
// time and bars by group.
#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "hearth/frame.hpp"
#include "report/html/figures.hpp"
#include "report/html/sections.hpp"

namespace hearth::report::html {

void add_line_charts(Page& page, const std::vector<const RunData*>& runs) {
  int id = 0;
  // One event per tick over all runs: "flood" in A and "flood + grants
  // starts" in B at the same month are one line labelled with both parts.
  std::map<double, std::vector<std::string>> parts_at;
  for (const RunData* r : runs) {
    for (const auto& e : events_of(*r)) {
      auto& parts = parts_at[e.x];
      for (std::size_t from = 0; from <= e.label.size();) {
        const std::size_t plus = e.label.find(" + ", from);
        const std::string part =
            e.label.substr(from, plus == std::string::npos ? std::string::npos : plus - from);
        if (std::find(parts.begin(), parts.end(), part) == parts.end()) parts.push_back(part);
        if (plus == std::string::npos) break;
        from = plus + 3;
      }
    }
  }
  std::vector<svg::Event> events;
  for (const auto& [x, parts] : parts_at) {
    std::string label;
    for (const std::string& part : parts) label += (label.empty() ? "" : " + ") + part;
    events.push_back({x, label});
  }
  for (const SeriesDef& def : time_series()) {
    svg::LineChart chart = line_chart_of(def, "ts-" + std::to_string(++id), events);
    std::string desc = def.title + ", by month. ";
    for (const RunData* r : runs) {
      svg::Series s;
      s.label = r->label;
      s.x = as_x(r->ticks);
      s.y = r->city(def.column);
      desc += describe_series(r->label, s.y, r->ticks, def.unit) + " ";
      chart.series.push_back(std::move(s));
    }
    if (!worth_showing(def, chart.series)) continue;
    chart.desc = desc + events_text(events);
    page.figure(svg::line_chart(chart), trim(events_text(events)), def.title);
  }
  // Where the displaced stay, for a single run with displacement.
  if (runs.size() == 1 && any_positive(runs[0]->city("displaced_total"))) {
    const RunData& r = *runs[0];
    svg::LineChart chart;
    chart.id = "ts-where";
    chart.title = "Where displaced households stay";
    chart.unit = Unit::Count;
    chart.events = events;
    std::string desc = "Displaced households by where they stay, by month. ";
    for (const auto& [column, label] : std::vector<std::pair<std::string, std::string>>{
             {"displaced_host", "with a host"},
             {"displaced_shelter", "in a shelter"},
             {"displaced_camp", "in a camp"},
             {"displaced_rental", "renting elsewhere"}}) {
      svg::Series s;
      s.label = label;
      s.x = as_x(r.ticks);
      s.y = r.city(column);
      if (!any_finite(s.y)) continue;
      desc += describe_series(label, s.y, r.ticks, Unit::Count) + " ";
      chart.series.push_back(std::move(s));
    }
    chart.desc = desc + events_text(events);
    if (!chart.series.empty())
      page.figure(svg::line_chart(chart), trim(events_text(events)), chart.title);
  }
}

// `last_tick`: the last tick the bars cover (the end of the shortest run
// when several are compared); `when` says so in the caption.
void add_group_bars(Page& page, const std::vector<const RunData*>& runs, std::int32_t last_tick,
                    const std::string& when) {
  const auto groups = groups_of(runs);
  if (groups.empty()) {
    page.p("No groups in these runs' groups.csv.", "note");
    return;
  }
  for (const GroupFigure& f : group_figures()) {
    std::vector<std::string> labels;
    for (const RunData* r : runs) labels.push_back(r->label);
    svg::BarChart chart = bar_chart_of(f, f.id, std::move(labels));
    std::string last_kind;
    std::string desc = f.title + ": " + f.what + ". ";
    for (const auto& [kind, group] : groups) {
      add_kind_heading(chart, f, kind, last_kind);
      svg::BarRow row;
      row.label = group_label(kind, group);
      for (const RunData* r : runs) {
        const double v = group_value(*r, f, kind, group, last_tick);
        row.values.push_back(v);
      }
      desc += words(kind) + " " + group + ": ";
      for (std::size_t k = 0; k < runs.size(); ++k) {
        desc += (k ? ", " : "") + (runs.size() > 1 ? runs[k]->label + " " : std::string()) +
                format_value(row.values[k], f.unit);
      }
      desc += ". ";
      chart.rows.push_back(std::move(row));
    }
    if (!worth_showing(f, chart)) continue;
    chart.desc = desc + when;
    page.figure(svg::bar_chart(chart),
                "Bars: " + f.what + "; the value is written at the end of each bar." + when,
                f.title);
  }
}

}  // namespace hearth::report::html
