#pragma once
// A targets file (scenarios/targets/targets.schema.json; profiles in targets/): the
// moments a calibrated run should reproduce, each with its observed value,
// tolerance, uncertainty and source. Loading checks the schema and every
// formula against the real output columns; problems name the file, the
// moment and the column (InputError, exit 2).
#include <string>
#include <vector>

#include "calibrate/moments.hpp"

namespace hearth::calibrate {

struct Target {
  Moment moment;
  double value = 0;
  double tolerance = 0;  // half-width of the band that counts as a fit
  double sd = 0;         // observation uncertainty (default tolerance / 3)
  std::string source;
};

struct Targets {
  std::string name;
  std::vector<Target> targets;
};

Targets load_targets_file(const std::string& path);
Targets load_targets_json(const nlohmann::json& document, const std::string& label);

// The moments of targets, in order.
std::vector<Moment> moments_of(const Targets& targets);

// What `hearth sensitivity --outputs` accepts: a targets file (its moments),
// or a comma-separated list of indicators.csv columns, each the mean over
// the whole run (moments_of_list).
std::vector<Moment> load_outputs(const std::string& outputs);
std::vector<Moment> moments_of_list(const std::string& list);

}  // namespace hearth::calibrate
