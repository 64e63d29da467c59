#include "calibrate/targets.hpp"

#include <set>

#include "embedded_calibrate_schemas.hpp"
#include "io/json_schema.hpp"
#include "io/scenario_loader.hpp"

namespace hearth::calibrate {

namespace {

const io::JsonSchemaValidator& targets_validator() {
  static const io::JsonSchemaValidator validator(kTargetsSchemaJson);
  return validator;
}

}  // namespace

Targets load_targets_json(const nlohmann::json& document, const std::string& label) {
  std::vector<InputProblem> problems = targets_validator().validate(document);
  if (!problems.empty()) throw InputError(label, problems);
  Targets out;
  out.name = document["name"].get<std::string>();
  std::set<std::string> names;
  for (std::size_t k = 0; k < document["moments"].size(); ++k) {
    const nlohmann::json& entry = document["moments"][k];
    const std::string where = "/moments/" + std::to_string(k);
    Target t;
    t.moment.name = entry["name"].get<std::string>();
    if (!names.insert(t.moment.name).second)
      problems.push_back({where + "/name", "two moments are named '" + t.moment.name + "'"});
    parse_formula(entry["formula"], where + "/formula", t.moment, problems);
    t.value = entry["value"].get<double>();
    t.tolerance = entry["tolerance"].get<double>();
    t.sd = entry.value("sd", t.tolerance / 3);
    t.source = entry["source"].get<std::string>();
    out.targets.push_back(std::move(t));
  }
  if (!problems.empty()) throw InputError(label, problems);
  return out;
}

Targets load_targets_file(const std::string& path) {
  const nlohmann::json document = io::parse_json_text(io::read_text_file(path), path);
  return load_targets_json(document, path);
}

std::vector<Moment> moments_of(const Targets& targets) {
  std::vector<Moment> out;
  for (const auto& t : targets.targets) out.push_back(t.moment);
  return out;
}

std::vector<Moment> load_outputs(const std::string& outputs) {
  if (outputs.size() > 5 && outputs.substr(outputs.size() - 5) == ".json")
    return moments_of(load_targets_file(outputs));
  return moments_of_list(outputs);
}

std::vector<Moment> moments_of_list(const std::string& outputs) {
  std::vector<Moment> moments;
  std::vector<InputProblem> problems;
  std::set<std::string> seen;
  std::size_t start = 0;
  while (start <= outputs.size()) {
    std::size_t comma = outputs.find(',', start);
    if (comma == std::string::npos) comma = outputs.size();
    const std::string column = outputs.substr(start, comma - start);
    start = comma + 1;
    if (column.empty() || !seen.insert(column).second) continue;
    Moment m = whole_run_mean(column);
    nlohmann::json formula = {{"kind", "mean"}, {"column", column}};
    parse_formula(formula, "'" + column + "'", m, problems);
    moments.push_back(m);
  }
  if (moments.empty()) problems.push_back({"", "name at least one output"});
  if (!problems.empty()) throw InputError("--outputs", problems);
  return moments;
}

}  // namespace hearth::calibrate
