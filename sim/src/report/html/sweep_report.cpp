// The report of a sweep (sweep_report_html in html_report.hpp): every
// figure as the mean across a point's replicates with a 95% interval.
#include <cmath>

#include "hearth/frame.hpp"
#include "report/compare.hpp"
#include "report/html/figures.hpp"
#include "report/html/sections.hpp"
#include "report/html_report.hpp"
#include "sweep/collect.hpp"

namespace hearth::report {
namespace html {
namespace {

// The base scenario in words and a table of the points; returns the first
// completed run (the sweep has one: an empty sweep is refused before).
const RunData& add_sweep_scenario(Page& page, const SweepData& sweep) {
  page.h(2, "The scenario and the points", "scenario");
  const RunData* first = nullptr;
  for (const auto& p : sweep.points) {
    if (!p.replicates.empty()) {
      first = &p.replicates[0];
      break;
    }
  }
  page.p(
      "Base scenario (as resolved for the first completed run; the points vary the parameters "
      "below):");
  page.raw("<div class=\"scenario\">\n");
  for (const std::string& sentence : describe_scenario(first->scenario, first->dates))
    page.p(sentence);
  page.raw(
      "</div>\n<table><thead><tr><th scope=\"col\">Point</th><th scope=\"col\">Parameters</th>"
      "<th scope=\"col\">Replicates done / planned</th></tr></thead><tbody>\n");
  for (const auto& p : sweep.points) {
    page.raw("<tr><td>" + std::to_string(p.point) + "</td><td>" + escape(p.label) + "</td><td>" +
             std::to_string(p.replicates.size()) + " / " + std::to_string(p.planned) +
             "</td></tr>\n");
  }
  page.raw("</tbody></table>\n");

  return *first;
}

// The headline table: a column per point, mean [95% interval] n=.
void add_sweep_headlines(Page& page, const SweepData& sweep) {
  std::vector<std::string> labels;
  for (const auto& p : sweep.points) labels.push_back(p.label);
  page.h(2, "Headline figures", "headline");
  std::vector<std::vector<std::string>> cells(sweep.points.size());
  std::vector<std::vector<double>> means(sweep.points.size());
  for (std::size_t p = 0; p < sweep.points.size(); ++p) {
    for (const Headline& h : headlines()) {
      std::vector<double> per_run;
      for (const RunData& run : sweep.points[p].replicates)
        per_run.push_back(headline_value(run, h));
      const Interval iv = mean_interval(per_run);
      means[p].push_back(iv.mean);
      std::string text = format_value(iv.mean, h.unit);
      if (!std::isnan(iv.lower)) {
        text += " [" + format_value(iv.lower, h.unit) + " \u2013 " +
                format_value(iv.upper, h.unit) + "]";
      }
      cells[p].push_back(text + " n=" + std::to_string(iv.n));
    }
  }
  page.raw(headline_table(labels, cells, means, sweep.points.size() > 1));
  page.p(
      "Mean across replicates [95% interval], n = replicates with a value. Differences are between "
      "means "
      "(point minus the first point).",
      "note");
}

// A line chart per series of the catalogue: a line per point (the mean over
// its replicates) and its 95% band.
void add_sweep_lines(Page& page, const SweepData& sweep, const RunData& first) {
  page.h(2, "Over time", "time");
  page.p("Lines are means across replicates; shaded bands their 95% intervals.", "note");
  int id = 0;
  const std::vector<svg::Event> events = events_of(first);
  for (const SeriesDef& def : time_series()) {
    svg::LineChart chart = line_chart_of(def, "sw-" + std::to_string(++id), events);
    std::string desc = def.title + ", mean across replicates by month. ";
    for (const auto& point : sweep.points) {
      if (point.replicates.empty()) continue;
      svg::Series s;
      s.label = point.label;
      const RunData& base = point.replicates[0];
      s.x = as_x(base.ticks);
      std::vector<std::vector<double>> by_run;
      for (const RunData& run : point.replicates) by_run.push_back(run.city(def.column));
      for (std::size_t i = 0; i < base.ticks.size(); ++i) {
        std::vector<double> at;
        for (std::size_t k = 0; k < by_run.size(); ++k) {
          const long row = point.replicates[k].row_of_tick(base.ticks[i]);
          at.push_back(row < 0 ? kNaN : by_run[k][static_cast<std::size_t>(row)]);
        }
        const Interval iv = mean_interval(at);
        s.y.push_back(iv.mean);
        s.lower.push_back(iv.lower);
        s.upper.push_back(iv.upper);
      }
      desc += describe_series(point.label, s.y, base.ticks, def.unit) + " ";
      chart.series.push_back(std::move(s));
    }
    if (!worth_showing(def, chart.series)) continue;
    chart.desc = desc + events_text(events);
    page.figure(svg::line_chart(chart),
                "Mean across replicates; shaded: 95% interval." + events_text(events), def.title);
  }
}

// A bar chart per group figure: a bar per point (the mean over its
// replicates) with 95% whiskers.
void add_sweep_group_bars(Page& page, const SweepData& sweep) {
  page.h(2, "By group", "groups");
  std::vector<const RunData*> all;
  for (const auto& point : sweep.points) {
    for (const RunData& run : point.replicates) all.push_back(&run);
  }
  const auto groups = groups_of(all);
  for (const GroupFigure& f : group_figures()) {
    std::vector<std::string> labels;
    for (const auto& point : sweep.points) labels.push_back(point.label);
    svg::BarChart chart = bar_chart_of(f, "sw-" + f.id, std::move(labels));
    std::string last_kind,
        desc = f.title + " (mean across replicates, 95% interval): " + f.what + ". ";
    for (const auto& [kind, group] : groups) {
      add_kind_heading(chart, f, kind, last_kind);
      svg::BarRow row;
      row.label = group_label(kind, group);
      desc += words(kind) + " " + group + ": ";
      for (const auto& point : sweep.points) {
        std::vector<double> per_run;
        for (const RunData& run : point.replicates)
          per_run.push_back(group_value(run, f, kind, group));
        const Interval iv = mean_interval(per_run);
        row.values.push_back(iv.mean);
        row.lower.push_back(iv.lower);
        row.upper.push_back(iv.upper);
        desc += format_value(iv.mean, f.unit) + " ";
      }
      chart.rows.push_back(std::move(row));
    }
    if (!worth_showing(f, chart)) continue;
    chart.desc = desc;
    page.figure(svg::bar_chart(chart),
                "Bars: mean across replicates of the " + f.what + "; whiskers: 95% interval.",
                f.title);
  }
}

}  // namespace
}  // namespace html

using namespace html;

std::string sweep_report_html(const SweepData& sweep, const ReportOptions& options) {
  const std::string title =
      options.title.empty() ? "Hearth sweep report: " + sweep.name : options.title;
  Page page(title);
  page.h(1, title);
  std::int64_t done = 0;
  for (const auto& p : sweep.points) done += static_cast<std::int64_t>(p.replicates.size());
  page.p(std::to_string(sweep.points.size()) + " points, " + std::to_string(done) +
             " completed runs" +
             (sweep.missing > 0
                  ? " (" + std::to_string(sweep.missing) + " planned runs not done yet, left out)"
                  : "") +
             "; figures are the mean across replicates with a 95% interval.",
         "lede");
  page.raw(nav({{"scenario", "The scenario and the points"},
                {"headline", "Headline figures"},
                {"time", "Over time"},
                {"groups", "By group"},
                {"maps", "Maps"},
                {"notes", "How these figures are computed"}}));
  const RunData& first = add_sweep_scenario(page, sweep);
  add_sweep_headlines(page, sweep);
  add_sweep_lines(page, sweep, first);
  add_sweep_group_bars(page, sweep);
  // Maps of the first replicate of each point (maps of means would hide where things happen).
  std::vector<const RunData*> firsts;
  for (const auto& point : sweep.points) {
    if (!point.replicates.empty()) firsts.push_back(&point.replicates[0]);
  }
  if (firsts.size() > 4) firsts.resize(4);
  add_maps(page, firsts, options);
  page.p("Maps show replicate 0 of each point (at most the first four points), not averages.",
         "note");
  page.raw(notes_text());
  return page.finish();
}

}  // namespace hearth::report
