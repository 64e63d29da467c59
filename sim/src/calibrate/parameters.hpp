#pragma once
// A parameters file (scenarios/calibration/params.schema.json): the scenario keys that
// `hearth calibrate` fits and `hearth sensitivity` varies, each a JSON
// pointer to a number with a range, sampled uniformly or in log space.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace hearth::calibrate {

struct ParamRange {
  std::string pointer;
  std::string name;
  double min = 0, max = 0;
  bool log = false;
  bool integer = false;  // the scenario holds an integer there: values are rounded
};

// Parses and checks `path` against the schema and against `scenario` (the
// resolved base scenario, every default filled in): each pointer must name a
// number there, min <= max, log ranges positive. InputError otherwise.
std::vector<ParamRange> load_params_file(const std::string& path, const nlohmann::json& scenario);
std::vector<ParamRange> load_params_json(const nlohmann::json& document, const std::string& label,
                                         const nlohmann::json& scenario);

// The value of `p` at unit coordinate u in [0, 1].
nlohmann::json value_at(const ParamRange& p, double u);
// The unit coordinate of `value` in `p` (the inverse of value_at, before rounding).
double unit_of(const ParamRange& p, double value);

}  // namespace hearth::calibrate
