#include "cli/report.hpp"

#include <CLI/CLI.hpp>

#include <chrono>
#include <cmath>
#include <iostream>
#include <sstream>

#include "cli/commands.hpp"
#include "hearth/errors.hpp"
#include "io/csv_writer.hpp"
#include "report/compare.hpp"
#include "report/html_report.hpp"
#include "report/run_reader.hpp"
#include "report/study_report.hpp"

namespace hearth::cli {

std::vector<std::int32_t> parse_tick_list(const std::string& text, const std::string& option) {
  std::vector<std::int32_t> ticks;
  std::stringstream in(text);
  std::string item;
  while (std::getline(in, item, ',')) {
    if (item.empty()) continue;
    std::size_t used = 0;
    long value = -1;
    try {
      value = std::stol(item, &used);
    } catch (const std::exception&) {
      used = 0;
    }
    if (used != item.size() || value < 0 || value > 100000) {
      throw InputError(
          option, {{"", "expected ticks as whole numbers, e.g. 12,24,60 (got '" + item + "')"}});
    }
    ticks.push_back(static_cast<std::int32_t>(value));
  }
  return ticks;
}

std::unique_ptr<ReportCommands> add_report_commands(CLI::App& app) {
  auto args = std::make_unique<ReportCommands>();
  auto* c =
      app.add_subcommand("compare", "Compare runs: key indicators side by side, with differences");
  c->add_option("runs", args->compare_dirs, "Run directories; the first is the reference (A)")
      ->required()
      ->expected(2, -1);
  c->add_option("--ticks", args->ticks, "Also compare the values at these ticks, e.g. 12,24,60");
  c->add_option("--csv", args->csv, "Also write the comparison as a tidy CSV file");
  c->add_option(
      "--groups", args->group_kinds,
      "Group kinds to include: all (default), none, or a list such as income_quintile,tenure");
  c->add_option("--width", args->width, "Terminal table width in characters (default 120)");
  c->add_flag("--own-horizons", args->own_horizons,
              "Summarise each run over its own ticks (default: over the ticks all runs have)");
  c->add_flag("--all-rows", args->all_rows,
              "Also print rows that are zero or n/a in every run (the CSV always has them)");
  args->compare = c;

  auto* r = app.add_subcommand("report", "Write one self-contained HTML report of runs or a sweep");
  r->add_option("runs", args->report_dirs,
                "Run directories (several: compared) or one sweep directory")
      ->required();
  r->add_option("--out,-o", args->out, "HTML file to write (default report.html)");
  r->add_option("--map-ticks", args->map_ticks,
                "Ticks to map, e.g. 0,13,120 (default: start, worst displacement, end)");
  r->add_option("--title", args->title, "Page title (default from the scenarios)");
  args->report = r;
  return args;
}

int compare_command(const ReportCommands& args) {
  return exit_code_of([&] {
    report::CompareOptions options;
    options.ticks = parse_tick_list(args.ticks, "--ticks");
    options.own_horizons = args.own_horizons;
    if (args.group_kinds == "none") {
      options.groups = false;
    } else if (!args.group_kinds.empty() && args.group_kinds != "all") {
      std::stringstream in(args.group_kinds);
      std::string kind;
      while (std::getline(in, kind, ',')) {
        if (!kind.empty()) options.group_kinds.push_back(kind);
      }
    }
    std::vector<report::RunData> runs;
    for (const std::string& dir : args.compare_dirs) {
      if (report::is_sweep_dir(dir)) {
        throw InputError(dir,
                         {{"", "a sweep directory: compare its runs (" + dir +
                                   "/results/<id>), or see it whole with hearth report " + dir}});
      }
      runs.push_back(report::read_run(dir));
    }
    report::label_runs(runs);
    if (!options.group_kinds.empty()) {
      for (const std::string& kind : options.group_kinds) {
        bool found = false;
        for (const auto& run : runs) {
          for (const auto& g : run.group_list()) found = found || g.first == kind;
        }
        if (!found) {
          throw InputError("--groups",
                           {{"", "no group kind '" + kind +
                                     "' in these runs (e.g. income_quintile, tenure, "
                                     "female_headed, elderly_head, disability, origin)"}});
        }
      }
    }
    const report::Comparison comparison = report::compare_runs(runs, options);
    if (!args.csv.empty()) io::write_file_atomically(args.csv, report::comparison_csv(comparison));
    std::cout << report::comparison_table(comparison, args.width, args.all_rows);
    if (!args.csv.empty()) std::cout << "\ncsv: " << args.csv << "\n";
    return kExitOk;
  });
}

int report_command(const ReportCommands& args) {
  return exit_code_of([&] {
    const auto started = std::chrono::steady_clock::now();
    report::ReportOptions options;
    options.map_ticks = parse_tick_list(args.map_ticks, "--map-ticks");
    options.title = args.title;
    const std::string out = args.out.empty() ? "report.html" : args.out;
    std::string html;
    if (args.report_dirs.size() == 1 && report::is_study_dir(args.report_dirs[0])) {
      html = report::study_report_html(args.report_dirs[0], options.title);
    } else if (args.report_dirs.size() == 1 && report::is_sweep_dir(args.report_dirs[0])) {
      html = report::sweep_report_html(report::read_sweep(args.report_dirs[0]), options);
    } else {
      for (const std::string& dir : args.report_dirs) {
        if (report::is_sweep_dir(dir)) {
          throw InputError(dir, {{"", "a sweep directory is reported on its own: hearth report " +
                                          dir + " -o FILE"}});
        }
      }
      std::vector<report::RunData> runs;
      for (const std::string& dir : args.report_dirs) runs.push_back(report::read_run(dir));
      report::label_runs(runs);
      html = report::report_html(runs, options);
    }
    io::write_file_atomically(out, html);
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    char line[256];
    std::snprintf(line, sizeof line, "report: %s (%.0f kB) in %.2f s\n", out.c_str(),
                  static_cast<double>(html.size()) / 1024.0, seconds);
    std::cout << line;
    return kExitOk;
  });
}

}  // namespace hearth::cli
