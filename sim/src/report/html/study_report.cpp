// The report of a calibration or sensitivity directory (study_report.hpp).
#include "report/study_report.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <limits>

#include "io/scenario_loader.hpp"
#include "report/csv_table.hpp"
#include "report/html/page.hpp"
#include "report/svg.hpp"

namespace hearth::report {

namespace {

using html::escape;
using html::Page;

std::string cell_text(double v) {
  if (std::isnan(v)) return "n/a";
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.4g", v);
  return buffer;
}

nlohmann::json read_json(const std::string& path) {
  return io::parse_json_text(io::read_text_file(path, 1u << 30), path);
}

// The fit table of fit.csv, and the implausibility of each target as bars.
void add_fit(Page& page, const std::string& dir, double cutoff) {
  const CsvTable fit = CsvTable::read(dir + "/fit.csv");
  page.h(2, "Fit of the best point", "fit");
  std::string table =
      "<table><thead><tr><th scope=\"col\">Target</th><th scope=\"col\">Observed</th>"
      "<th scope=\"col\">Tolerance</th><th scope=\"col\">Simulated mean [95% interval]</th>"
      "<th scope=\"col\">Inside</th><th scope=\"col\">Implausibility</th>"
      "<th scope=\"col\">Source</th></tr></thead><tbody>\n";
  svg::BarChart bars;
  bars.id = "implausibility";
  bars.title = "Implausibility of the best point, by target";
  bars.desc =
      "For each target, |simulated mean - observed| over its combined uncertainty; "
      "above " +
      cell_text(cutoff) + " the point is ruled out.";
  bars.unit = Unit::Count;
  bars.series = {"implausibility"};
  const int moment = fit.column("moment"), target = fit.column("target"),
            tolerance = fit.column("tolerance"), mean = fit.column("sim_mean"),
            lower = fit.column("sim_lower"), upper = fit.column("sim_upper"),
            inside = fit.column("inside"), implausibility = fit.column("implausibility"),
            source = fit.column("source");
  std::string sources;
  for (std::size_t r = 0; r < fit.rows(); ++r) {
    // A moment undefined in every replicate (an empty window) is infinitely
    // implausible: calibrate writes "inf" (docs/CALIBRATION.md).
    const bool undefined = fit.text(r, implausibility) == "inf";
    const double i_value =
        undefined ? std::numeric_limits<double>::infinity() : fit.number(r, implausibility);
    table += "<tr><td>" + escape(fit.text(r, moment)) + "</td><td>" +
             cell_text(fit.number(r, target)) + "</td><td>" + cell_text(fit.number(r, tolerance)) +
             "</td><td>" + cell_text(fit.number(r, mean)) + " [" + cell_text(fit.number(r, lower)) +
             ", " + cell_text(fit.number(r, upper)) + "]</td><td>" +
             (fit.text(r, inside) == "true" ? "yes" : "no") + "</td><td>" +
             (undefined ? std::string("undefined (inf)") : cell_text(i_value)) + "</td><td>[" +
             std::to_string(r + 1) + "]</td></tr>\n";
    sources += "<li>" + escape(fit.text(r, source)) + "</li>\n";
    svg::BarRow row;
    row.label = fit.text(r, moment);
    row.values = {std::min(i_value, 100.0)};
    bars.rows.push_back(row);
  }
  page.raw(table + "</tbody></table>\n<p>Sources:</p>\n<ol class=\"sources\">\n" + sources +
           "</ol>\n");
  page.figure(svg::bar_chart(bars),
              "Implausibility I = |mean - target| / sqrt(sd_target^2 + sd_replicates^2), capped "
              "at 100 for drawing; the cutoff is " +
                  cell_text(cutoff) + ".");
}

// Per parameter: the full range, the range of the accepted points, the best value.
void add_ranges(Page& page, const std::string& dir, const nlohmann::json& record) {
  const CsvTable accepted = CsvTable::read(dir + "/accepted.csv");
  const nlohmann::json best = read_json(dir + "/best.json");
  page.h(2, "Parameters: ranges, accepted points, best point", "ranges");
  page.p(std::to_string(accepted.rows()) +
         " points accepted (not ruled out by any target); their range of each parameter:");
  std::string table =
      "<table><thead><tr><th scope=\"col\">Parameter</th><th scope=\"col\">Pointer</th>"
      "<th scope=\"col\">Searched</th><th scope=\"col\">Accepted</th><th scope=\"col\">Best</th>"
      "</tr></thead><tbody>\n";
  for (const auto& p : record.at("params").at("parameters")) {
    const std::string pointer = p.at("pointer").get<std::string>();
    std::string name = p.value("name", pointer.substr(1));
    if (!p.contains("name")) std::replace(name.begin(), name.end(), '/', '.');
    std::string span = "none";
    const auto values = accepted.numbers(name);
    if (!values.empty()) {
      const auto [lo, hi] = std::minmax_element(values.begin(), values.end());
      span = cell_text(*lo) + " .. " + cell_text(*hi);
    }
    table += "<tr><td>" + escape(name) + "</td><td>" + escape(pointer) + "</td><td>" +
             cell_text(p.at("min").get<double>()) + " .. " + cell_text(p.at("max").get<double>()) +
             (p.value("log", false) ? " (log)" : "") + "</td><td>" + span + "</td><td>" +
             cell_text(best.at("parameters").at(name).get<double>()) + "</td></tr>\n";
  }
  page.raw(table + "</tbody></table>\n");
  page.p("The best point is in fitted_scenario.json, which hearth run accepts.", "note");
}

std::string calibration_page(const std::string& dir, const std::string& title) {
  const nlohmann::json record = read_json(dir + "/calibration.json");
  const nlohmann::json method = read_json(dir + "/method.json");
  Page page(title);
  page.h(1, title);
  page.p(std::to_string(method.at("points_evaluated").get<std::int64_t>()) + " points in " +
             std::to_string(method.at("waves").size()) + " waves, " +
             std::to_string(method.at("replicates").get<std::int64_t>()) +
             " replicates each, against the targets '" + method.at("targets").get<std::string>() +
             "': " + std::to_string(method.at("accepted").get<std::int64_t>()) + " accepted.",
         "lede");
  page.raw(html::nav({{"fit", "Fit of the best point"},
                      {"ranges", "Parameters: ranges, accepted points, best point"}}));
  add_fit(page, dir, method.at("cutoff").get<double>());
  add_ranges(page, dir, record);
  page.p("Method: " + method.at("method").get<std::string>() + ". " +
             method.at("implausibility").get<std::string>() + ". " +
             method.at("refocusing").get<std::string>() + " (docs/CALIBRATION.md).",
         "note");
  return page.finish();
}

// One bar chart per output: a bar per parameter, with the 95% interval.
void add_index_bars(Page& page, const CsvTable& table, const std::string& id_prefix,
                    const std::vector<std::pair<std::string, std::string>>& series, Unit unit,
                    const std::string& what) {
  const int output = table.column("output"), parameter = table.column("parameter");
  std::vector<std::string> outputs;
  for (std::size_t r = 0; r < table.rows(); ++r) {
    if (outputs.empty() || outputs.back() != table.text(r, output))
      outputs.push_back(table.text(r, output));
  }
  for (std::size_t k = 0; k < outputs.size(); ++k) {
    svg::BarChart chart;
    chart.id = id_prefix + std::to_string(k);
    chart.title = what + ": " + outputs[k];
    chart.desc = what + " of " + outputs[k] + " by parameter, with 95% bootstrap intervals.";
    chart.unit = unit;
    for (const auto& s : series) chart.series.push_back(s.second);
    for (std::size_t r = 0; r < table.rows(); ++r) {
      if (table.text(r, output) != outputs[k]) continue;
      svg::BarRow row;
      row.label = table.text(r, parameter);
      for (const auto& s : series) {
        row.values.push_back(table.number(r, table.column(s.first)));
        row.lower.push_back(table.number(r, table.column(s.first + "_lower")));
        row.upper.push_back(table.number(r, table.column(s.first + "_upper")));
      }
      chart.rows.push_back(row);
    }
    page.figure(svg::bar_chart(chart), "", chart.title);
  }
}

std::string sensitivity_page(const std::string& dir, const std::string& title) {
  Page page(title);
  page.h(1, title);
  std::error_code ec;
  const bool morris = std::filesystem::exists(dir + "/morris.csv", ec);
  const bool sobol = std::filesystem::exists(dir + "/sobol.csv", ec);
  page.p(
      "Global sensitivity of the outputs to the parameters (docs/CALIBRATION.md); bars carry "
      "95% percentile bootstrap intervals.",
      "lede");
  if (morris) {
    page.h(2, "Morris screening: mu*", "morris");
    page.p(
        "mu*: the mean absolute elementary effect, per unit of each parameter's range, in the "
        "output's own units; a parameter with a small mu* can be fixed.");
    add_index_bars(page, CsvTable::read(dir + "/morris.csv"), "morris", {{"mu_star", "mu*"}},
                   Unit::Index, "Morris mu*");
  }
  if (sobol) {
    page.h(2, "Sobol indices: first and total order", "sobol");
    page.p(
        "First order: the share of the output's variance due to the parameter alone; total "
        "order: including its interactions. Estimates from few samples can fall outside "
        "[0, 1]; their intervals say how far to trust them.");
    add_index_bars(page, CsvTable::read(dir + "/sobol.csv"), "sobol",
                   {{"first", "first order"}, {"total", "total order"}}, Unit::Share,
                   "Sobol indices");
  }
  return page.finish();
}

}  // namespace

bool is_study_dir(const std::string& dir) {
  std::error_code ec;
  return (std::filesystem::exists(dir + "/calibration.json", ec) &&
          std::filesystem::exists(dir + "/fit.csv", ec)) ||
         (std::filesystem::exists(dir + "/sensitivity.json", ec) &&
          std::filesystem::exists(dir + "/points.csv", ec));
}

std::string study_report_html(const std::string& dir, const std::string& title) {
  std::error_code ec;
  if (std::filesystem::exists(dir + "/calibration.json", ec))
    return calibration_page(dir, title.empty() ? "Hearth calibration report: " + dir : title);
  return sensitivity_page(dir, title.empty() ? "Hearth sensitivity report: " + dir : title);
}

}  // namespace hearth::report
