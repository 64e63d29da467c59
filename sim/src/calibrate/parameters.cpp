#include "calibrate/parameters.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include "embedded_calibrate_schemas.hpp"
#include "hearth/errors.hpp"
#include "io/json_schema.hpp"
#include "io/scenario_loader.hpp"

namespace hearth::calibrate {

namespace {

const io::JsonSchemaValidator& params_validator() {
  static const io::JsonSchemaValidator validator(kParamsSchemaJson);
  return validator;
}

}  // namespace

std::vector<ParamRange> load_params_json(const nlohmann::json& document, const std::string& label,
                                         const nlohmann::json& scenario) {
  std::vector<InputProblem> problems = params_validator().validate(document);
  if (!problems.empty()) throw InputError(label, problems);
  std::vector<ParamRange> out;
  std::set<std::string> names, pointers;
  for (std::size_t k = 0; k < document["parameters"].size(); ++k) {
    const nlohmann::json& entry = document["parameters"][k];
    const std::string where = "/parameters/" + std::to_string(k);
    ParamRange p;
    p.pointer = entry["pointer"].get<std::string>();
    p.min = entry["min"].get<double>();
    p.max = entry["max"].get<double>();
    p.log = entry.value("log", false);
    if (entry.contains("name")) {
      p.name = entry["name"].get<std::string>();
    } else {
      p.name = p.pointer.substr(1);
      std::replace(p.name.begin(), p.name.end(), '/', '.');
    }
    if (!names.insert(p.name).second)
      problems.push_back({where, "two parameters are named '" + p.name + "'; give a \"name\""});
    if (!pointers.insert(p.pointer).second)
      problems.push_back({where + "/pointer", p.pointer + " is listed twice"});
    if (p.pointer == "/replicate" || p.pointer == "/seed")
      problems.push_back(
          {where + "/pointer", p.pointer + " is not a model parameter: replicates vary it"});
    const nlohmann::json* at = nullptr;
    try {
      at = &scenario.at(nlohmann::json::json_pointer(p.pointer));
    } catch (const nlohmann::json::exception&) {
      problems.push_back({where + "/pointer", p.pointer + " is not a key of the scenario"});
    }
    if (at != nullptr && !at->is_number()) {
      problems.push_back({where + "/pointer", p.pointer + " holds " + std::string(at->type_name()) +
                                                  " in the scenario, not a number"});
    }
    p.integer = at != nullptr && at->is_number_integer();
    if (!(p.min <= p.max)) problems.push_back({where, "'" + p.name + "': min must not exceed max"});
    if (p.log && !(p.min > 0))
      problems.push_back({where + "/min", "'" + p.name + "': a log range must be positive"});
    out.push_back(std::move(p));
  }
  if (!problems.empty()) throw InputError(label, problems);
  return out;
}

std::vector<ParamRange> load_params_file(const std::string& path, const nlohmann::json& scenario) {
  const nlohmann::json document = io::parse_json_text(io::read_text_file(path), path);
  return load_params_json(document, path, scenario);
}

nlohmann::json value_at(const ParamRange& p, double u) {
  const double x = p.log ? std::exp(std::log(p.min) + u * (std::log(p.max) - std::log(p.min)))
                         : p.min + u * (p.max - p.min);
  if (p.integer) return static_cast<std::int64_t>(std::llround(std::clamp(x, p.min, p.max)));
  return std::clamp(x, p.min, p.max);
}

double unit_of(const ParamRange& p, double value) {
  if (p.max == p.min) return 0.5;
  return p.log ? (std::log(value) - std::log(p.min)) / (std::log(p.max) - std::log(p.min))
               : (value - p.min) / (p.max - p.min);
}

}  // namespace hearth::calibrate
