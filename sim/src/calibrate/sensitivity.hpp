#pragma once
// `hearth sensitivity`: Morris screening and Sobol indices of named outputs
// (moments, calibrate/moments.hpp) to the parameters of a params file. The
// design (Morris trajectories, then the Saltelli rows) is one sweep
// directory DIR/sweep/ run by the sweep runners; the analysis writes
// morris.csv, sobol.csv, points.csv and method.json into DIR
// (docs/CALIBRATION.md).
#include <cstdint>
#include <string>

#include "calibrate/calibration.hpp"

namespace hearth::calibrate {

struct SensitivitySettings {
  bool morris = true, sobol = true;
  std::int64_t trajectories = 6;  // Morris r
  int levels = 4;                 // Morris p (even)
  std::int64_t samples = 16;      // Saltelli base rows N
  std::int64_t replicates = 1;    // runs per point; outputs are their mean
  std::uint64_t seed = 1;
  std::int64_t bootstrap = 500;  // resamples for the 95% intervals
};

int sensitivity(const std::string& scenario_file, const std::string& params_file,
                const std::string& outputs, const std::string& dir,
                const SensitivitySettings& settings, const CalibrationRun& run);

int sensitivity_continue(const std::string& dir, const CalibrationRun& run);

}  // namespace hearth::calibrate
