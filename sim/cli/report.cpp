#include "cli/report.hpp"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <iostream>
#include <sstream>

#include "cli/commands.hpp"
#include "hearth/errors.hpp"
#include "io/csv_writer.hpp"
#include "report/compare.hpp"
#include "report/html_report.hpp"
#include "report/paired_compare.hpp"
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
      app.add_subcommand("compare",
                         "Compare runs: key indicators side by side, with differences; with --vs, "
                         "replicated runs paired by seed, each difference with a 95% interval");
  c->add_option("runs", args->compare_dirs,
                "Run directories; the first is the reference (A). With --vs: side A's runs "
                "(or sweep directories)")
      ->required()
      ->expected(1, -1);
  c->add_option("--vs", args->vs_dirs,
                "Side B's runs (or sweep directories): runs of A and B with the same seed and "
                "replicate are paired, each difference gets a 95% interval")
      ->expected(1, -1);
  c->add_option("--point", args->point, "Side A's point of a sweep directory (plan.csv's point)")
      ->check(CLI::Range(std::int64_t{0}, std::int64_t{1000000000}));
  c->add_option("--vs-point", args->vs_point,
                "Side B's point of a sweep directory (without --vs: the same sweep as A)")
      ->check(CLI::Range(std::int64_t{0}, std::int64_t{1000000000}));
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

namespace {

report::CompareOptions compare_options(const ReportCommands& args) {
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
  return options;
}

void require_group_kinds(const report::CompareOptions& options,
                         const std::vector<report::RunData>& runs) {
  for (const std::string& kind : options.group_kinds) {
    bool found = false;
    for (const auto& run : runs) {
      for (const auto& g : run.group_list()) found = found || g.first == kind;
    }
    if (!found) {
      throw InputError("--groups", {{"", "no group kind '" + kind +
                                             "' in these runs (e.g. income_quintile, tenure, "
                                             "female_headed, elderly_head, disability, origin)"}});
    }
  }
}

// One side of a paired comparison: run directories as given, or the
// completed runs of one point of a sweep directory (`point`, chosen with
// `point_option`; a sweep of one point needs none).
std::vector<report::RunData> read_side(const std::vector<std::string>& dirs, std::int64_t point,
                                       const std::string& point_option) {
  std::vector<report::RunData> runs;
  for (const std::string& dir : dirs) {
    if (!report::is_sweep_dir(dir)) {
      if (point >= 0) {
        throw InputError(point_option, {{"", dir + " is not a sweep directory; " + point_option +
                                                 " picks the runs of one point of a sweep"}});
      }
      runs.push_back(report::read_run(dir));
      runs.back().label = runs.back().manifest.value("scenario_name", dir);
      continue;
    }
    report::SweepData sweep = report::read_sweep(dir);
    if (point < 0 && sweep.points.size() > 1) {
      throw InputError(dir, {{"", "a sweep of " + std::to_string(sweep.points.size()) +
                                      " points: choose one with " + point_option +
                                      " (plan.csv's point column)"}});
    }
    const auto chosen =
        std::find_if(sweep.points.begin(), sweep.points.end(),
                     [&](const report::SweepPoint& p) { return point < 0 || p.point == point; });
    if (chosen == sweep.points.end() || chosen->replicates.empty()) {
      throw InputError(point_option, {{"", "no completed runs of point " + std::to_string(point) +
                                               " in " + dir}});
    }
    for (report::RunData& run : chosen->replicates) {
      run.label = sweep.name + ": " + chosen->label;
      runs.push_back(std::move(run));
    }
  }
  return runs;
}

bool paired_mode(const ReportCommands& args) {
  return !args.vs_dirs.empty() || args.point >= 0 || args.vs_point >= 0;
}

int paired_compare(const ReportCommands& args, const report::CompareOptions& options) {
  if (args.own_horizons) {
    throw InputError("--own-horizons",
                     {{"",
                       "paired runs share one horizon; --own-horizons is for runs of "
                       "different lengths"}});
  }
  if (args.vs_dirs.empty() && args.vs_point < 0) {
    throw InputError("--vs",
                     {{"", "name side B: --vs RUN... (or --vs-point J of the same sweep)"}});
  }
  const std::vector<std::string>& b_dirs = args.vs_dirs.empty() ? args.compare_dirs : args.vs_dirs;
  std::vector<report::RunData> a = read_side(args.compare_dirs, args.point, "--point");
  std::vector<report::RunData> b = read_side(b_dirs, args.vs_point, "--vs-point");
  std::vector<report::RunData> all = a;
  all.insert(all.end(), b.begin(), b.end());
  require_group_kinds(options, all);
  const report::PairedComparison comparison = report::compare_paired(a, b, options);
  if (!args.csv.empty()) io::write_file_atomically(args.csv, report::paired_csv(comparison));
  std::cout << report::paired_table(comparison, args.all_rows);
  if (!args.csv.empty()) std::cout << "\ncsv: " << args.csv << "\n";
  return kExitOk;
}

}  // namespace

int compare_command(const ReportCommands& args) {
  return exit_code_of([&] {
    const report::CompareOptions options = compare_options(args);
    if (paired_mode(args)) return paired_compare(args, options);
    if (args.compare_dirs.size() < 2) {
      throw InputError("compare", {{"",
                                    "two or more run directories to compare, or side B's "
                                    "runs after --vs (hearth compare --help)"}});
    }
    std::vector<report::RunData> runs;
    for (const std::string& dir : args.compare_dirs) {
      if (report::is_sweep_dir(dir)) {
        throw InputError(dir,
                         {{"", "a sweep directory: compare its runs (" + dir +
                                   "/results/<id>), two of its points with --point I --vs-point J, "
                                   "or see it whole with hearth report " +
                                   dir}});
      }
      runs.push_back(report::read_run(dir));
    }
    report::label_runs(runs);
    require_group_kinds(options, runs);
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
