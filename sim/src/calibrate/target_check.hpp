#pragma once
// `hearth targets`: how close runs come to a targets file (docs/CALIBRATION.md).
// Each moment is evaluated in every run directory (replicates, e.g. seeds);
// the mean over the runs is set against the target's band value +- tolerance,
// with a 95% Student t interval of the mean so that a miss by less than the
// runs' own spread can be told from a real one.
#include <cstdint>
#include <string>
#include <vector>

#include "calibrate/targets.hpp"

namespace hearth::calibrate {

struct TargetCheckRow {
  std::string name;
  double mean = 0;        // over the runs where the moment is defined (NaN: none)
  double half_width = 0;  // t(0.975, n - 1) sd / sqrt(n); NaN with fewer than 2 such runs
  std::int64_t runs = 0;  // runs where the moment is defined
  double value = 0, tolerance = 0;
  bool within = false;  // |mean - value| <= tolerance (false when the mean is NaN)
};

struct TargetCheck {
  std::string targets_name;
  std::vector<std::string> run_dirs;
  std::vector<TargetCheckRow> rows;
  std::int64_t within_count() const;
};

// Evaluates every moment of `targets` in each of `run_dirs`. Throws
// InputError naming the directory or file when a run directory is missing
// or has no indicators.csv, or a table cannot be read.
TargetCheck check_targets(const Targets& targets, const std::vector<std::string>& run_dirs);

// The terminal table (one row per moment, then "N of M moments within"),
// and the same as CSV (moment,mean,ci95_half_width,runs,target,tolerance,within).
std::string target_check_table(const TargetCheck& check);
std::string target_check_csv(const TargetCheck& check);

}  // namespace hearth::calibrate
