#pragma once
// `hearth calibrate`: fits the parameters of a params file to a targets file
// by history matching in waves (calibrate/history_matching.hpp). Wave 1 is a
// Latin hypercube over the full ranges; wave w > 1 a Latin hypercube over the
// box refocused on the points not ruled out so far. Each wave is a sweep
// directory DIR/wave-<w>/ run by the sweep runners; the analysis over all
// waves writes best.json, accepted.csv, points.csv, fitted_scenario.json,
// fit.csv and method.json into DIR (docs/CALIBRATION.md).
#include <cstdint>
#include <string>

namespace hearth::calibrate {

struct CalibrationSettings {
  std::int64_t points = 10;     // Latin hypercube points per wave
  std::int64_t replicates = 2;  // runs per point
  std::int64_t waves = 2;
  std::uint64_t seed = 1;  // of the designs
  double cutoff = 3;       // implausibility cutoff
};

struct CalibrationRun {
  int jobs = 1;
  int threads_per_run = 1;
  // false: --plan-only and --analyse: plan the next wave and stop, the runs
  // are for `hearth sweep run` (MPI, job-array shards) to do
  bool run_locally = true;
  bool quiet = false;
  std::string resume_command;  // shown when stopped by a signal
};

// Starts or continues the calibration in `dir`, recording its inputs in
// DIR/calibration.json (a different calibration in DIR is refused).
int calibrate(const std::string& scenario_file, const std::string& targets_file,
              const std::string& params_file, const std::string& dir,
              const CalibrationSettings& settings, const CalibrationRun& run);

// Continues the calibration recorded in DIR/calibration.json.
int calibrate_continue(const std::string& dir, const CalibrationRun& run);

}  // namespace hearth::calibrate
