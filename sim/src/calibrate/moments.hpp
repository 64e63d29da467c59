#pragma once
// Moments: the numbers a run's output tables are reduced to, so that runs can
// be compared with observed targets (calibrate) or screened for what drives
// them (sensitivity). The vocabulary is small on purpose (docs/CALIBRATION.md):
//   mean      mean of a column over a tick window
//   ratio     sum(numerator) / sum(denominator) over the window, times scale
//   share     mean over the window of column / total, tick by tick
//   quantile  the q-quantile of a column over the window's ticks
//   change    mean of a column over the window / its value at base_tick
// read from indicators.csv, or from one group's rows of groups.csv.
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "hearth/errors.hpp"

namespace hearth::calibrate {

enum class MomentKind { mean, ratio, share, quantile, change };
enum class MomentTable { indicators, groups, outcomes };

struct Moment {
  std::string name;
  MomentKind kind = MomentKind::mean;
  MomentTable table = MomentTable::indicators;
  std::string group_kind, group;       // groups table; outcomes: group_kind is its scope
  std::string column;                  // mean, quantile; share: the part
  std::vector<std::string> numerator;  // ratio: columns added tick by tick (one or more)
  std::string denominator;
  std::string total;  // share: the whole
  double q = 0.5;
  std::int64_t base_tick = 0;  // change: the tick the window is compared with
  std::int64_t from_tick = 0;  // negative: counted from the end (-1: the last tick)
  std::int64_t to_tick = -1;   // inclusive; -1: the last tick
  double scale = 1;
};

// Parses a formula object (already schema-valid) into `moment`, checking the
// columns against the real output headers (indicators.csv, groups.csv) and
// the group against the groups Hearth writes. Problems are located at
// `where` and name the moment and the column.
void parse_formula(const nlohmann::json& formula, const std::string& where, Moment& moment,
                   std::vector<InputProblem>& problems);

// The shorthand of `hearth sensitivity --outputs a,b`: the mean of an
// indicators.csv column over the whole run.
Moment whole_run_mean(const std::string& column);

// The moment of the run in `run_dir` (a complete run directory). NaN when it
// is undefined there (empty window, zero denominator, empty cells only).
// Throws InputError naming the file when a table cannot be read.
double evaluate(const Moment& moment, const std::string& run_dir);

// Every moment of one run, reading each table once.
std::vector<double> evaluate_all(const std::vector<Moment>& moments, const std::string& run_dir);

}  // namespace hearth::calibrate
