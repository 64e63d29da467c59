#pragma once
// `hearth compare`: key indicators of several runs side by side, with the
// difference of each run from the first (B - A, and B / A - 1 where a ratio
// means something), for the whole city and by group, over the whole run
// (peak, final, mean or sum over ticks, as fits each indicator) and at
// chosen ticks. docs/REPORTS.md says how each figure is computed.
#include <cstdint>
#include <string>
#include <vector>

#include "report/run_reader.hpp"

namespace hearth::report {

// How a column's series becomes one figure. Mean and Sum are over the
// simulated ticks (tick >= 1; tick 0 is the initial state), Peak and Final
// over all rows. Empty cells (undefined values) are skipped.
enum class Measure { Peak, Final, Mean, Sum };
// What a figure is, for formatting and for whether a ratio is meaningful.
enum class Unit { Count, Share, Money, Months, Index };
// aggregate() over every row.
inline constexpr std::int32_t kNoTickLimit = 2'000'000'000;

struct Metric {
  std::string column;
  Measure measure = Measure::Final;
  Unit unit = Unit::Count;
  std::string label;  // plain words, e.g. "displaced households"
};

const char* measure_name(Measure m);  // "peak", "final", "mean", "sum"

// The one figure of a series (NaN when every value is undefined). `ticks`
// aligns with `values`; rows after `last_tick` are left out (so runs of
// different lengths can be summarised over the months they share).
double aggregate(const std::vector<double>& values, const std::vector<std::int32_t>& ticks,
                 Measure measure, std::int32_t last_tick = kNoTickLimit);

// Headline city-wide figures, in order, then every `spending_*` column any
// of the runs has (summed over ticks, or the final value of a `_cumulative`
// one), in the order of first appearance.
std::vector<Metric> city_metrics(const std::vector<RunData>& runs);
// Figures compared for each group.
std::vector<Metric> group_metrics(const std::vector<RunData>& runs);
// Total public spending of a run: the sum over ticks of spending_total, or
// when absent of every other spending_* flow column; NaN when it has none.
// Ticks after `last_tick` are left out.
double public_spending(const RunData& run, std::int32_t last_tick = kNoTickLimit);

struct CompareOptions {
  std::vector<std::int32_t> ticks;       // also compare the values at these ticks
  std::vector<std::string> group_kinds;  // group kinds to include; empty = all
  bool groups = true;                    // false: the whole city only
  // false (default): every run is summarised over the ticks all runs have
  // (up to the shortest run's last tick), so figures are like for like;
  // true: each run over its own ticks.
  bool own_horizons = false;
};

// Where a run stands: its last tick and, for a run that did not finish
// (manifest status other than "complete"), the words saying so.
struct RunExtent {
  std::int32_t last_tick = 0;  // the last tick in indicators.csv
  std::string unfinished;      // e.g. "interrupted after tick 37 of 120"; empty when complete
};
RunExtent run_extent(const RunData& run);

struct ComparisonRow {
  std::string scope;  // "city" or a group kind
  std::string group;  // "all" or the group
  Metric metric;
  std::int32_t tick = -1;      // -1: over the run (metric.measure); else the value at this tick
  std::vector<double> values;  // one per run (NaN: n/a)
};

struct Comparison {
  std::vector<std::string> labels;  // one per run
  std::vector<std::string> dirs;
  std::vector<RunExtent> extents;        // one per run
  std::vector<std::int32_t> last_ticks;  // per run: the last tick the over-the-run figures cover
  bool own_horizons = false;
  std::vector<ComparisonRow> rows;
};

Comparison compare_runs(const std::vector<RunData>& runs, const CompareOptions& options);

// B - A (NaN when either is undefined).
double difference(double a, double b);
// 100 (B - A) / |A| for counts, money, months and indices; NaN for shares
// (their difference is already in percentage points) and when A is 0.
double percent_difference(double a, double b, Unit unit);

// A value for people: shares as percentages, counts rounded, "n/a" for NaN.
std::string format_value(double value, Unit unit);
// A difference: "+1,234", "-2.5 pp" (shares), "n/a".
std::string format_difference(double diff, Unit unit);

// The terminal table (plain text, aligned columns, at most ~`width` wide:
// runs beyond what fits go into further blocks; labels are never cut).
// Rows that are zero or undefined in every run are left out (and counted)
// unless `all_rows`.
std::string comparison_table(const Comparison& comparison, int width = 120, bool all_rows = false);
// Tidy CSV: one row per figure and run, with the first run's value and the
// difference: scope,group,indicator,measure,tick,run,run_dir,value,
// reference,difference,percent_difference. `tick` is the tick of the value
// for at_tick and final rows, and the last tick covered for peak, mean and
// sum rows. Every row is written, zero or not.
std::string comparison_csv(const Comparison& comparison);

// Shared with the paired comparison (report/paired_compare.hpp):
// the ticks an over-the-run row covers ("peak 0-60", "tick 12"), the scope
// heading ("WHOLE CITY", "tenure = renter"), whether a row is zero or
// undefined in every run, and CSV cells.
std::string measure_text(const ComparisonRow& row, const Comparison& comparison);
std::string scope_text(const ComparisonRow& row);
bool quiet_row(const ComparisonRow& row);
std::string csv_text(const std::string& text);
std::string csv_number(double value);
// `s` padded with spaces to `width` characters (never cut).
std::string pad_left(const std::string& s, std::size_t width);
std::string pad_right(const std::string& s, std::size_t width);

}  // namespace hearth::report
