// `hearth targets`: moments of runs against a targets file (target_check.hpp).
#include "calibrate/target_check.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>

#include "calibrate/study.hpp"
#include "hearth/errors.hpp"
#include "report/paired_stats.hpp"

namespace hearth::calibrate {

namespace {

// A run directory must exist and hold indicators.csv; checked before any
// moment is read so that the error names what is missing, not a column.
void require_run_dir(const std::string& dir) {
  std::error_code ec;
  if (!std::filesystem::exists(dir, ec)) throw InputError(dir, {{"", "no such run directory"}});
  if (!std::filesystem::is_directory(dir, ec))
    throw InputError(dir, {{"", "not a directory (give run directories written by hearth run)"}});
  const std::string indicators = dir + "/indicators.csv";
  if (!std::filesystem::is_regular_file(indicators, ec))
    throw InputError(indicators,
                     {{"", "missing: not a complete run directory (hearth run writes it)"}});
}

// Mean and 95% Student t half-width of the defined (non-NaN) values: the
// interval `hearth compare --vs` puts on paired differences, here on values.
TargetCheckRow summarise(const std::vector<double>& values) {
  const report::PairedInterval interval = report::paired_interval(values);
  TargetCheckRow row;
  row.runs = static_cast<std::int64_t>(interval.n);
  row.mean = interval.mean;
  row.half_width = interval.upper - interval.mean;  // NaN with fewer than two runs
  return row;
}

std::string table_number(double value) {
  if (std::isnan(value)) return "";
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.4g", value);
  return buffer;
}

std::string pad(const std::string& text, std::size_t width, bool right) {
  if (text.size() >= width) return text;
  const std::string fill(width - text.size(), ' ');
  return right ? fill + text : text + fill;
}

}  // namespace

std::int64_t TargetCheck::within_count() const {
  return std::count_if(rows.begin(), rows.end(), [](const TargetCheckRow& r) { return r.within; });
}

TargetCheck check_targets(const Targets& targets, const std::vector<std::string>& run_dirs) {
  if (run_dirs.empty()) throw InputError("arguments", {{"", "name at least one run directory"}});
  for (const std::string& dir : run_dirs) require_run_dir(dir);
  const std::vector<Moment> moments = moments_of(targets);
  // values[k][r]: moment k in run r.
  std::vector<std::vector<double>> values(moments.size());
  for (const std::string& dir : run_dirs) {
    const std::vector<double> run = evaluate_all(moments, dir);
    for (std::size_t k = 0; k < moments.size(); ++k) values[k].push_back(run[k]);
  }
  TargetCheck check;
  check.targets_name = targets.name;
  check.run_dirs = run_dirs;
  for (std::size_t k = 0; k < moments.size(); ++k) {
    const Target& target = targets.targets[k];
    TargetCheckRow row = summarise(values[k]);
    row.name = target.moment.name;
    row.value = target.value;
    row.tolerance = target.tolerance;
    row.within = !std::isnan(row.mean) && std::abs(row.mean - target.value) <= target.tolerance;
    check.rows.push_back(row);
  }
  return check;
}

std::string target_check_table(const TargetCheck& check) {
  const std::vector<std::string> header = {"moment", "mean",      "ci95 +-",
                                           "target", "tolerance", "within"};
  std::vector<std::vector<std::string>> cells = {header};
  for (const TargetCheckRow& row : check.rows) {
    cells.push_back({row.name, std::isnan(row.mean) ? "n/a" : table_number(row.mean),
                     table_number(row.half_width), table_number(row.value),
                     table_number(row.tolerance), row.within ? "yes" : "no"});
  }
  std::vector<std::size_t> widths(header.size(), 0);
  for (const auto& line : cells) {
    for (std::size_t c = 0; c < line.size(); ++c) widths[c] = std::max(widths[c], line[c].size());
  }
  std::string out = "targets " + check.targets_name + " over " +
                    std::to_string(check.run_dirs.size()) +
                    (check.run_dirs.size() == 1 ? " run" : " runs") + "\n";
  for (const auto& line : cells) {
    std::string text;
    for (std::size_t c = 0; c < line.size(); ++c) {
      // The name left-aligned, the numbers right-aligned.
      text += (c == 0 ? "" : "  ") + pad(line[c], widths[c], c > 0 && c + 1 < line.size());
    }
    while (!text.empty() && text.back() == ' ') text.pop_back();
    out += text + "\n";
  }
  out += std::to_string(check.within_count()) + " of " + std::to_string(check.rows.size()) +
         " moments within target +- tolerance\n";
  return out;
}

std::string target_check_csv(const TargetCheck& check) {
  std::string out = "moment,mean,ci95_half_width,runs,target,tolerance,within\n";
  for (const TargetCheckRow& row : check.rows) {
    std::string line = row.name;
    add_cell(line, number_cell(row.mean));
    add_cell(line, number_cell(row.half_width));
    add_cell(line, std::to_string(row.runs));
    add_cell(line, number_cell(row.value));
    add_cell(line, number_cell(row.tolerance));
    add_cell(line, row.within ? "yes" : "no");
    out += line + "\n";
  }
  return out;
}

}  // namespace hearth::calibrate
