// The report of one run or several side by side (report_html in
// html_report.hpp).
#include <algorithm>
#include <cmath>

#include "report/compare.hpp"
#include "report/html/figures.hpp"
#include "report/html/sections.hpp"
#include "report/html_report.hpp"

namespace hearth::report {

using namespace html;

std::string report_html(const std::vector<RunData>& runs, const ReportOptions& options) {
  std::vector<std::string> names;
  std::vector<const RunData*> ptrs;
  for (const RunData& r : runs) {
    names.push_back(r.label);
    ptrs.push_back(&r);
  }
  const std::string title = options.title.empty() ? default_title(names) : options.title;
  // Several runs are compared over the ticks they all have, so a figure "at
  // the end" or "total" is like for like when their lengths differ.
  std::vector<RunExtent> extents;
  std::int32_t common_last = kNoTickLimit;
  for (const RunData& r : runs) {
    extents.push_back(run_extent(r));
    common_last = std::min(common_last, extents.back().last_tick);
  }
  const bool lengths_differ = std::any_of(extents.begin(), extents.end(), [&](const RunExtent& e) {
    return e.last_tick != common_last;
  });
  const std::int32_t last_tick = runs.size() > 1 ? common_last : kNoTickLimit;
  const std::string common_months =
      lengths_differ ? " Runs of different lengths: figures cover months up to " +
                           std::to_string(common_last) + ", the last month every run has."
                     : std::string();
  Page page(title);
  page.h(1, title);
  std::string lede =
      runs.size() == 1
          ? "One run"
          : std::to_string(runs.size()) + " runs side by side (A is the reference for differences)";
  lede += ", written by hearth " + runs[0].manifest.value("hearth_version", std::string("?")) + ".";
  page.p(lede, "lede");
  // A run that stopped early says so before anything else: its figures end
  // where it stopped, not at the end of its horizon.
  for (std::size_t r = 0; r < runs.size(); ++r) {
    if (extents[r].unfinished.empty()) continue;
    page.p((runs.size() > 1 ? letter(r) + " (" + runs[r].label + ")" : "This run") + " was " +
               extents[r].unfinished + ": " + unfinished_words(runs[r], extents[r]),
           "warning");
  }
  page.raw(nav({{"scenario", runs.size() == 1 ? "The scenario" : "The scenarios"},
                {"headline", "Headline figures"},
                {"time", "Over time"},
                {"groups", "By group"},
                {"maps", "Maps"},
                {"notes", "How these figures are computed"}}));
  page.h(2, runs.size() == 1 ? "The scenario" : "The scenarios", "scenario");
  for (std::size_t r = 0; r < runs.size(); ++r) {
    const RunData& run = runs[r];
    page.raw("<div class=\"scenario\">\n");
    page.h(3, (runs.size() > 1 ? letter(r) + ": " : std::string()) + run.label);
    const std::string description = jstr(run.scenario, "description");
    if (!description.empty()) page.p(description);
    for (const std::string& sentence : describe_scenario(run.scenario, run.dates)) page.p(sentence);
    if (!extents[r].unfinished.empty()) {
      page.p("The run was " + extents[r].unfinished + ": " + unfinished_words(run, extents[r]),
             "warning");
    }
    page.p("Run directory " + run.dir + "; status " +
               run.manifest.value("status", std::string("?")) + ".",
           "note");
    page.raw("</div>\n");
  }
  page.h(2, "Headline figures", "headline");
  std::vector<std::vector<std::string>> cells(runs.size());
  std::vector<std::vector<double>> values(runs.size());
  std::vector<std::string> columns = names;
  for (std::size_t r = 0; r < runs.size(); ++r) {
    if (!extents[r].unfinished.empty()) columns[r] += " (" + extents[r].unfinished + ")";
    for (const Headline& h : headlines()) {
      const double v = headline_value(runs[r], h, last_tick);
      values[r].push_back(v);
      std::string text = format_value(v, h.unit);
      if (h.measure == Measure::Peak && !std::isnan(v) && v > 0) {
        const auto series = runs[r].city(h.column);
        for (std::size_t i = 0; i < series.size(); ++i) {
          if (series[i] == v && runs[r].ticks[i] <= last_tick) {
            text += " (month " + std::to_string(runs[r].ticks[i]) + ")";
            break;
          }
        }
      }
      cells[r].push_back(text);
    }
  }
  page.raw(headline_table(columns, cells, values, runs.size() > 1));
  if (runs.size() > 1) {
    page.p(
        "Differences: each run minus run A; shares in percentage points (pp), other figures also "
        "as a percentage of A." +
            (lengths_differ ? common_months + " The charts show each run whole." : std::string()),
        "note");
  }
  page.h(2, "Over time", "time");
  add_line_charts(page, ptrs);
  page.h(2, "By group", "groups");
  add_group_bars(page, ptrs, last_tick, common_months);
  add_maps(page, ptrs, options);
  page.raw(notes_text());
  return page.finish();
}

}  // namespace hearth::report
