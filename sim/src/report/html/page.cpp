// The report page (page.hpp): its style sheet and fixed parts.
#include "report/html/page.hpp"

#include <cmath>

#include "report/compare.hpp"
#include "report/html/figures.hpp"

namespace hearth::report::html {
namespace {

const char* kStyle = R"CSS(
:root { --ink: #1a1a1a; --muted: #555; --rule: #ccc; }
* { box-sizing: border-box; }
body { font: 15px/1.45 "DejaVu Sans", "Liberation Sans", Arial, sans-serif; color: var(--ink);
  max-width: 1060px; margin: 0 auto; padding: 1.2rem 1.4rem 3rem; background: #fff; }
h1 { font-size: 1.7rem; margin: 0.2rem 0 0.3rem; }
h2 { font-size: 1.3rem; border-bottom: 2px solid var(--ink); padding-bottom: 0.15rem; margin-top: 2.2rem; }
h3 { font-size: 1.08rem; margin: 1.4rem 0 0.4rem; }
p.lede { color: var(--muted); margin-top: 0; }
nav ol { columns: 2; padding-left: 1.2rem; margin: 0.3rem 0; }
nav { border: 1px solid var(--rule); padding: 0.5rem 1rem; background: #fafafa; }
table { border-collapse: collapse; margin: 0.6rem 0 1rem; font-size: 0.9rem; }
th, td { border-bottom: 1px solid var(--rule); padding: 0.25rem 0.6rem; text-align: right; vertical-align: top; }
th:first-child, td:first-child { text-align: left; }
thead th { border-bottom: 2px solid var(--ink); }
td.better { font-weight: bold; }
figure { margin: 0.8rem 0 1.4rem; break-inside: avoid; page-break-inside: avoid; }
figcaption { font-size: 0.88rem; color: var(--muted); margin-top: 0.2rem; }
.chart-title { font-weight: bold; margin-bottom: 0.2rem; }
svg.chart { width: 100%; height: auto; display: block; font-family: inherit; }
.maps { display: grid; grid-template-columns: repeat(auto-fill, minmax(300px, 1fr)); gap: 0.8rem 1.2rem; }
.maps figure { margin: 0.3rem 0; }
.land { max-width: 560px; }
h4 { font-size: 0.98rem; margin: 1rem 0 0.3rem; }
.scenario p { margin: 0.25rem 0; }
.note { font-size: 0.9rem; color: var(--muted); }
.warning { border-left: 4px solid #b2182b; background: #fdf0ee; padding: 0.4rem 0.7rem; }
code { font-size: 0.9em; }
@media print {
  @page { size: A4; margin: 14mm 12mm; }
  body { font-size: 10pt; max-width: none; padding: 0; }
  nav { display: none; }
  h2 { break-before: page; page-break-before: always; margin-top: 0; }
  h2:first-of-type { break-before: auto; page-break-before: auto; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  table, figure { break-inside: avoid; page-break-inside: avoid; }
  .maps { grid-template-columns: repeat(3, 1fr); }
  a { color: inherit; text-decoration: none; }
}
)CSS";

}  // namespace

Page::Page(const std::string& title) {
  html_ =
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" +
      escape(title) + "</title>\n<style>" + kStyle + "</style>\n</head>\n<body>\n" +
      svg::shared_defs();
}

std::string nav(const std::vector<std::pair<std::string, std::string>>& items) {
  std::string s = "<nav aria-label=\"Contents\"><strong>Contents</strong><ol>\n";
  for (const auto& [id, text] : items)
    s += "<li><a href=\"#" + escape(id) + "\">" + escape(text) + "</a></li>\n";
  return s + "</ol></nav>\n<main>\n";
}

std::string letter(std::size_t i) {
  return std::string(1, static_cast<char>('A' + i % 26)) + (i >= 26 ? std::to_string(i / 26) : "");
}

// Headline table: a row per figure; a column per run, and B - A after each later run.
std::string headline_table(const std::vector<std::string>& labels,
                           const std::vector<std::vector<std::string>>& cells_by_run,
                           const std::vector<std::vector<double>>& values, bool with_diff) {
  std::string s = "<table class=\"headline\">\n<thead><tr><th scope=\"col\">Figure</th>";
  for (std::size_t r = 0; r < labels.size(); ++r) {
    s += "<th scope=\"col\">" + escape(letter(r) + ": " + labels[r]) + "</th>";
    if (with_diff && r > 0) s += "<th scope=\"col\">" + escape(letter(r) + " \u2212 A") + "</th>";
  }
  s += "</tr></thead>\n<tbody>\n";
  const auto& list = headlines();
  for (std::size_t f = 0; f < list.size(); ++f) {
    s += "<tr><th scope=\"row\">" + escape(list[f].label) + "</th>";
    for (std::size_t r = 0; r < labels.size(); ++r) {
      s += "<td>" + escape(cells_by_run[r][f]) + "</td>";
      if (with_diff && r > 0) {
        const double d = difference(values[0][f], values[r][f]);
        const double pc = percent_difference(values[0][f], values[r][f], list[f].unit);
        std::string text = format_difference(d, list[f].unit);
        if (!std::isnan(pc)) text += fmt(pc, " (%+.1f%%)");
        s += "<td>" + escape(text) + "</td>";
      }
    }
    s += "</tr>\n";
  }
  return s + "</tbody></table>\n";
}

// What an unfinished run's page covers, and how to finish it.
std::string unfinished_words(const RunData& run, const RunExtent& extent) {
  const std::string date = date_of(run.dates, extent.last_tick);
  std::string dir = run.dir;
  const std::string partial = ".partial";
  if (dir.size() > partial.size() &&
      dir.compare(dir.size() - partial.size(), partial.size(), partial) == 0) {
    dir.resize(dir.size() - partial.size());
  }
  return "every figure, chart and map covers months 0 to " + std::to_string(extent.last_tick) +
         (date.empty() ? std::string() : " (to " + date + ")") +
         " only, not the planned horizon. hearth run --resume " + dir + " finishes it.";
}

std::string default_title(const std::vector<std::string>& names) {
  if (names.size() == 1) return "Hearth report: " + names[0];
  std::string s = "Hearth comparison: ";
  for (std::size_t i = 0; i < names.size(); ++i) s += (i ? " vs " : "") + names[i];
  return s;
}

std::string notes_text() {
  return "<h2 id=\"notes\">How these figures are computed</h2>\n"
         "<p>All figures come from the runs' output files (indicators.csv, groups.csv, "
         "neighbourhoods.csv, "
         "cells.csv; see docs/OUTPUTS.md), month by month. <em>Peak</em> is the highest monthly "
         "value, "
         "<em>at the end</em> the last month's value, <em>total</em> or <em>sum</em> the sum over "
         "the "
         "simulated months (month 1 onwards). Household-months displaced adds up the displaced "
         "households "
         "of every month. Shares are of households in the city (or of housed households for cost "
         "burden); "
         "differences of shares are in percentage points (pp). Public spending is the sum over "
         "months of "
         "spending_total (or of all spending_* columns when there is no total). Where a run lacks "
         "a column "
         "(written by an older or newer hearth) or a value is undefined, the page says n/a. "
         "Several "
         "runs of different lengths are compared over the months they all have. For "
         "sweeps, each "
         "figure is computed per replicate run, then averaged; the interval is mean \u00b1 "
         "t(0.975, n\u22121) "
         "s/\u221an (Student t), shown when there are two or more replicates. docs/REPORTS.md "
         "describes "
         "the page in full.</p>\n";
}

}  // namespace hearth::report::html
