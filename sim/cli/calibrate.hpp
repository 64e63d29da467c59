#pragma once
// `hearth calibrate` and `hearth sensitivity` (docs/CALIBRATION.md): fit
// parameters to targets, and screen and rank what drives the outputs, both
// through the sweep engine; `hearth targets`: how close runs come to targets.
#include <memory>
#include <string>
#include <vector>

#include "calibrate/calibration.hpp"
#include "calibrate/sensitivity.hpp"

namespace CLI {
class App;
}

namespace hearth::cli {

struct StudyCommand {
  CLI::App* command = nullptr;
  std::string scenario, targets, params, outputs, out;
  std::string analyse;  // --analyse DIR
  std::string method = "both";
  bool plan_only = false;
  int jobs = 1;
  int threads_per_run = 1;
  bool quiet = false;
  calibrate::CalibrationSettings calibration;
  calibrate::SensitivitySettings sensitivity;
};

// `hearth targets TARGETS RUN_DIR... [-o FILE.csv]`: each moment of a
// targets file over runs (replicates), against its target and tolerance.
struct TargetsCommand {
  CLI::App* command = nullptr;
  std::string targets;
  std::vector<std::string> run_dirs;
  std::string out;  // -o: also write the table as CSV
};

std::unique_ptr<StudyCommand> add_calibrate_command(CLI::App& app);
std::unique_ptr<TargetsCommand> add_targets_command(CLI::App& app);
int targets_command(const TargetsCommand& c);
std::unique_ptr<StudyCommand> add_sensitivity_command(CLI::App& app);
int calibrate_command(const StudyCommand& c, const std::string& program);
int sensitivity_command(const StudyCommand& c, const std::string& program);

}  // namespace hearth::cli
