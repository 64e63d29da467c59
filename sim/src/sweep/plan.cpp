#include "sweep/plan.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <memory>
#include <optional>
#include <set>

#include "embedded_sweep_schema.hpp"
#include "hearth/frame.hpp"
#include "io/csv_writer.hpp"
#include "io/hash.hpp"
#include "io/json_schema.hpp"
#include "io/scenario_json.hpp"
#include "io/scenario_loader.hpp"

namespace hearth::sweep {
namespace fs = std::filesystem;

namespace {

const io::JsonSchemaValidator& sweep_validator() {
  static const io::JsonSchemaValidator validator(kSweepSchemaJson);
  return validator;
}

// SplitMix64: tiny, well mixed, and the same sequence everywhere.
struct SplitMix64 {
  std::uint64_t state;
  std::uint64_t next() {
    std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
  // Uniform in [0, bound) by rejection, so no value is favoured.
  std::uint64_t below(std::uint64_t bound) {
    const std::uint64_t limit = UINT64_MAX - UINT64_MAX % bound;
    std::uint64_t x;
    do x = next();
    while (x >= limit);
    return x % bound;
  }
};

std::string value_text(const nlohmann::json& value) {
  std::string text = value.dump();
  if (text.size() > 60) text = text.substr(0, 57) + "...";
  return text;
}

// Runs the scenario loader on `document`; returns the problems (empty when valid).
std::vector<InputProblem> scenario_problems(const nlohmann::json& document) {
  try {
    io::load_scenario_json(document, "scenario");
  } catch (const InputError& e) {
    return e.problems();
  }
  return {};
}

std::string describe(const std::vector<InputProblem>& problems) {
  std::string out;
  for (const auto& p : problems) {
    if (!out.empty()) out += "; ";
    out += (p.location.empty() ? "" : p.location + ": ") + p.reason;
  }
  return out;
}

// Sets `pointer` in `document`; a pointer that cannot be followed (through a
// number, say) is reported rather than thrown.
bool set_pointer(nlohmann::json& document, const std::string& pointer, const nlohmann::json& value,
                 std::string& why) {
  try {
    document[nlohmann::json::json_pointer(pointer)] = value;
    return true;
  } catch (const nlohmann::json::exception& e) {
    why = e.what();
    return false;
  }
}

nlohmann::json range_value(const Parameter& p, double unit) {
  const double x = p.min + unit * (p.max - p.min);
  if (p.integer) {
    const double floor_max = std::floor(p.max);
    return static_cast<std::int64_t>(std::min(std::floor(x), floor_max));
  }
  return x;
}

// The parameter a scenario problem belongs to: the one whose pointer is the
// problem's location, lies under it (a sum over an object) or holds it.
std::optional<std::size_t> owner_of(const SweepDef& def, const std::string& location) {
  if (location.empty() || location == "/") return std::nullopt;
  for (std::size_t k = 0; k < def.parameters.size(); ++k) {
    const std::string& pointer = def.parameters[k].pointer;
    if (location == pointer || location.rfind(pointer + "/", 0) == 0 ||
        pointer.rfind(location + "/", 0) == 0) {
      return k;
    }
  }
  return std::nullopt;
}

}  // namespace

// The inline base scenario (an object under /base) has no properties in the
// sweep schema, so it is left to the scenario loader, which checks it later.
std::vector<InputProblem> validate_sweep_json(const nlohmann::json& document) {
  return sweep_validator().validate(document);
}

SweepDef load_sweep_file(const std::string& path) {
  const std::string text = io::read_text_file(path);
  const nlohmann::json document = io::parse_json_text(text, path);
  return load_sweep_json(document, path, fs::path(path).parent_path().string());
}

namespace {

// Another kind of Hearth file given where a sweep file belongs: the schema
// would list a dozen unknown keys; one line saying what the file is helps more.
std::optional<std::string> other_kind_of_file(const nlohmann::json& document,
                                              const std::string& label) {
  if (!document.is_object() || document.contains("sweep_version")) return std::nullopt;
  if (document.contains("schema_version")) {
    return "this is a scenario file, not a sweep file; run it with `hearth run " + label +
           "`, or vary it in a sweep file that names it as \"base\" (docs/SWEEPS.md)";
  }
  if (document.contains("plan_version")) {
    return "this is the plan of a sweep that is planned already, not a sweep file; run it "
           "with `hearth sweep run " +
           (fs::path(label).parent_path().empty() ? std::string(".")
                                                  : fs::path(label).parent_path().string()) +
           "`";
  }
  return std::nullopt;
}

}  // namespace

SweepDef load_sweep_json(const nlohmann::json& document, const std::string& label,
                         const std::string& base_dir) {
  if (const auto kind = other_kind_of_file(document, label)) throw InputError(label, {{"", *kind}});
  std::vector<InputProblem> problems = validate_sweep_json(document);
  if (!problems.empty()) throw InputError(label, problems);

  SweepDef def;
  def.name = document["name"].get<std::string>();
  def.replicates = document.value("replicates", std::int64_t{1});
  const nlohmann::json& base = document["base"];
  if (base.is_string()) {
    const fs::path base_path =
        fs::path(base_dir.empty() ? "." : base_dir) / base.get<std::string>();
    try {
      def.base = io::parse_json_text(io::read_text_file(base_path.string()), base_path.string());
    } catch (const InputError& e) {
      throw InputError(label, {{"/base", e.what()}});
    }
  } else {
    def.base = base;
  }

  std::set<std::string> names;
  bool any_range = false;
  for (std::size_t k = 0; k < document["parameters"].size(); ++k) {
    const nlohmann::json& entry = document["parameters"][k];
    const std::string where = "/parameters/" + std::to_string(k);
    Parameter p;
    p.pointer = entry["pointer"].get<std::string>();
    try {
      (void)nlohmann::json::json_pointer(p.pointer);
    } catch (const nlohmann::json::exception& e) {
      problems.push_back({where + "/pointer", "not a JSON pointer: " + std::string(e.what())});
      continue;
    }
    // The replicate number is what `replicates` sets; varying it too would
    // make two runs of the plan the same run.
    if (p.pointer == "/replicate") {
      problems.push_back(
          {where + "/pointer", "/replicate is set by \"replicates\"; vary /seed instead"});
      continue;
    }
    if (entry.contains("name")) {
      p.name = entry["name"].get<std::string>();
    } else {
      p.name = p.pointer.substr(1);
      std::replace(p.name.begin(), p.name.end(), '/', '.');
    }
    // The collected tables put parameters beside the plan's and the
    // indicators' own columns; a clash would give pandas two equal names.
    static const std::set<std::string> reserved = [] {
      std::set<std::string> names{"run_id", "index",     "point", "replicate", "seed",  "tick",
                                  "date",   "indicator", "n",     "mean",      "lower", "upper"};
      for (int k = 0; k < kCityIndicatorCount; ++k) names.emplace(city_indicator_name(k));
      return names;
    }();
    if (reserved.count(p.name) != 0) {
      problems.push_back(
          {where + "/name", "'" + p.name + "' is a column of its own; give a \"name\""});
    } else if (!names.insert(p.name).second) {
      problems.push_back({where, "two parameters are named '" + p.name + "'; give a \"name\""});
    }
    if (entry.contains("range")) {
      const auto& r = entry["range"];
      p.is_range = true;
      p.min = r["min"].get<double>();
      p.max = r["max"].get<double>();
      p.integer = r.value("integer", false);
      any_range = true;
      if (!(p.min <= p.max) || !std::isfinite(p.min) || !std::isfinite(p.max)) {
        problems.push_back({where + "/range", "min must not exceed max"});
      }
    } else {
      for (const auto& v : entry["values"]) p.values.push_back(v);
    }
    def.parameters.push_back(std::move(p));
  }
  if (any_range) {
    if (!document.contains("latin_hypercube")) {
      problems.push_back({"/latin_hypercube",
                          "required when a parameter has a range: give "
                          "{\"samples\": N, \"seed\": S}"});
    } else {
      def.samples = document["latin_hypercube"]["samples"].get<std::int64_t>();
      def.lhs_seed = document["latin_hypercube"].value("seed", std::uint64_t{1});
    }
  } else if (document.contains("latin_hypercube")) {
    problems.push_back({"/latin_hypercube", "no parameter has a range to sample"});
  }
  if (!problems.empty()) throw InputError(label, problems);
  return def;
}

std::vector<std::vector<double>> latin_hypercube(std::int64_t samples, std::size_t dims,
                                                 std::uint64_t seed) {
  const auto n = static_cast<std::size_t>(samples);
  std::vector<std::vector<double>> points(n, std::vector<double>(dims));
  SplitMix64 rng{seed};
  std::vector<std::size_t> strata(n);
  for (std::size_t d = 0; d < dims; ++d) {
    for (std::size_t i = 0; i < n; ++i) strata[i] = i;
    for (std::size_t i = n; i > 1; --i) std::swap(strata[i - 1], strata[rng.below(i)]);
    for (std::size_t i = 0; i < n; ++i) {
      const double x = (static_cast<double>(strata[i]) + rng.unit()) / static_cast<double>(n);
      // (k + u) / n can round up to the next stratum's edge; keep it inside.
      points[i][d] = std::min(
          x, std::nextafter((static_cast<double>(strata[i]) + 1) / static_cast<double>(n), 0.0));
    }
  }
  return points;
}

namespace {

// The replicates of one point of the plan, each a run with its own id (the
// hash of its resolved scenario); a point that repeats an earlier one is refused.
void add_replicates(Plan& plan, const ScenarioDef& point_scenario, std::int64_t point,
                    const std::vector<nlohmann::json>& values, std::set<std::string>& seen,
                    const std::string& label) {
  for (std::int64_t r = 0; r < plan.def.replicates; ++r) {
    ScenarioDef scenario = point_scenario;
    scenario.replicate = static_cast<std::uint32_t>(r);
    // Runs start in the sweep directory, so the files a scenario names
    // relative to the working directory (a tract table, flood depth
    // rasters) are made absolute now, where they were just read.
    auto absolute = [](std::string& path) {
      if (!path.empty() && fs::path(path).is_relative())
        path = fs::absolute(path).lexically_normal().string();
    };
    absolute(scenario.city.tracts.file);
    for (auto& event : scenario.hazards) absolute(event.depth_file);
    const io::LoadedScenario run = io::resolve(scenario);
    PlannedRun planned;
    planned.index = static_cast<std::int64_t>(plan.runs.size());
    planned.run_id = run.hash;
    planned.point = point;
    planned.replicate = r;
    planned.seed = scenario.seed;
    planned.values = values;
    planned.scenario = run.resolved;
    if (!seen.insert(run.hash).second) {
      throw InputError(
          label, {{"/parameters", "point " + std::to_string(point) +
                                      " repeats an earlier point (same resolved scenario, run id " +
                                      run.hash + "): remove the repeated value"}});
    }
    plan.runs.push_back(std::move(planned));
  }
}

}  // namespace

Plan expand(const SweepDef& def, const std::string& label) {
  Plan plan;
  plan.def = def;
  std::vector<std::size_t> lists, ranges;
  for (std::size_t k = 0; k < def.parameters.size(); ++k) {
    (def.parameters[k].is_range ? ranges : lists).push_back(k);
  }
  // Problems are gathered over every point (deduplicated, at most kMaxProblems)
  // so one refusal lists what to fix, each named where the sweep file says it.
  constexpr std::size_t kMaxProblems = 20;
  std::vector<InputProblem> problems;
  std::set<std::string> reported;
  auto report = [&](const std::string& at, const std::string& reason) {
    if (problems.size() < kMaxProblems && reported.insert(at + "\n" + reason).second) {
      problems.push_back({at, reason});
    }
  };
  auto blame = [&](std::size_t k, const std::string& at, const nlohmann::json& value,
                   const InputProblem& problem) {
    const Parameter& p = def.parameters[k];
    report(at, "parameter '" + p.name + "' = " + value_text(value) + " at " + p.pointer +
                   " makes the scenario invalid: " + describe({problem}));
  };
  // The reference document: the base with each parameter at its first level
  // (lists) or its minimum (ranges). A pointer that cannot be set fails here.
  nlohmann::json reference = def.base;
  for (std::size_t k = 0; k < def.parameters.size(); ++k) {
    const Parameter& p = def.parameters[k];
    std::string why;
    if (!set_pointer(reference, p.pointer, p.is_range ? range_value(p, 0.0) : p.values[0], why)) {
      report("/parameters/" + std::to_string(k) + "/pointer",
             "parameter '" + p.name + "': cannot set " + p.pointer + ": " + why);
    }
  }
  if (!problems.empty()) throw InputError(label, problems);
  // Range ends are checked explicitly: the samples might all miss a bad end.
  for (std::size_t k : ranges) {
    const Parameter& p = def.parameters[k];
    for (const auto& [where, unit] : {std::pair<const char*, double>{"min", 0.0}, {"max", 1.0}}) {
      nlohmann::json document = reference;
      std::string why;
      set_pointer(document, p.pointer, range_value(p, unit), why);
      for (const auto& problem : scenario_problems(document)) {
        if (owner_of(def, problem.location) == k) {
          blame(k, "/parameters/" + std::to_string(k) + "/range/" + where, range_value(p, unit),
                problem);
        }
      }
    }
  }
  std::optional<std::vector<InputProblem>> base_problems;

  // Points: the full factorial of the lists (the first parameter varies
  // slowest), each crossed with the Latin hypercube design (varying fastest).
  const auto design = ranges.empty() ? std::vector<std::vector<double>>(1)
                                     : latin_hypercube(def.samples, ranges.size(), def.lhs_seed);
  std::vector<std::size_t> level(lists.size(), 0);
  std::set<std::string> seen;
  std::int64_t point = 0;
  while (true) {
    for (const auto& sample : design) {
      nlohmann::json document = def.base;
      std::vector<nlohmann::json> values(def.parameters.size());
      for (std::size_t i = 0; i < lists.size(); ++i)
        values[lists[i]] = def.parameters[lists[i]].values[level[i]];
      for (std::size_t i = 0; i < ranges.size(); ++i)
        values[ranges[i]] = range_value(def.parameters[ranges[i]], sample[i]);
      std::string why;
      for (std::size_t k = 0; k < values.size(); ++k)
        set_pointer(document, def.parameters[k].pointer, values[k], why);
      document["replicate"] = 0;
      io::LoadedScenario loaded;
      try {
        loaded = io::load_scenario_json(document, label);
      } catch (const InputError& e) {
        // Name the parameter the problem is about; else the base, if the
        // base alone has it; else the point (a combination of values).
        for (const auto& problem : e.problems()) {
          if (const auto k = owner_of(def, problem.location)) {
            const Parameter& p = def.parameters[*k];
            std::string at = "/parameters/" + std::to_string(*k);
            if (p.is_range) {
              at += "/range";
            } else {
              for (std::size_t i = 0; i < lists.size(); ++i) {
                if (lists[i] == *k) at += "/values/" + std::to_string(level[i]);
              }
            }
            blame(*k, at, values[*k], problem);
            continue;
          }
          if (!base_problems) base_problems = scenario_problems(def.base);
          bool in_base = false;
          for (const auto& b : *base_problems)
            in_base = in_base || (b.location == problem.location && b.reason == problem.reason);
          if (in_base) {
            report("/base", "the base scenario is invalid: " + describe({problem}));
            continue;
          }
          std::string combination;
          for (std::size_t k = 0; k < values.size(); ++k) {
            combination += (k ? ", " : "") + def.parameters[k].name + "=" + value_text(values[k]);
          }
          report("/parameters", "point " + std::to_string(point) + " (" + combination +
                                    ") makes the scenario invalid: " + describe({problem}));
        }
      }
      if (!problems.empty()) {
        ++point;
        continue;
      }
      add_replicates(plan, loaded.def, point, values, seen, label);
      ++point;
    }
    // Odometer over the list levels, last parameter fastest.
    bool more = false;
    for (std::size_t i = lists.size(); i-- > 0;) {
      if (++level[i] < def.parameters[lists[i]].values.size()) {
        more = true;
        break;
      }
      level[i] = 0;
    }
    if (!more) break;
  }
  if (!problems.empty()) throw InputError(label, problems);
  return plan;
}

Plan expand_points(const SweepDef& def, const std::vector<std::vector<nlohmann::json>>& points,
                   const std::string& label) {
  Plan plan;
  plan.def = def;
  std::set<std::string> seen;
  for (std::size_t k = 0; k < points.size(); ++k) {
    const std::string at = "/points/" + std::to_string(k);
    if (points[k].size() != def.parameters.size())
      throw InputError(label, {{at, "has " + std::to_string(points[k].size()) + " values for " +
                                        std::to_string(def.parameters.size()) + " parameters"}});
    nlohmann::json document = def.base;
    std::string combination;
    for (std::size_t j = 0; j < points[k].size(); ++j) {
      std::string why;
      if (!set_pointer(document, def.parameters[j].pointer, points[k][j], why))
        throw InputError(label, {{at, "cannot set " + def.parameters[j].pointer + ": " + why}});
      combination += (j ? ", " : "") + def.parameters[j].name + "=" + value_text(points[k][j]);
    }
    document["replicate"] = 0;
    io::LoadedScenario loaded;
    try {
      loaded = io::load_scenario_json(document, label);
    } catch (const InputError& e) {
      throw InputError(
          label,
          {{at, "(" + combination + ") makes the scenario invalid: " + describe(e.problems())}});
    }
    add_replicates(plan, loaded.def, static_cast<std::int64_t>(k), points[k], seen, label);
  }
  return plan;
}

std::string csv_quote(const std::string& text) {
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string csv_cell(const nlohmann::json& value) {
  if (value.is_string()) return csv_quote(value.get<std::string>());
  return csv_quote(value.dump());
}

void write_plan(const Plan& plan, const std::string& sweep_text, const std::string& dir,
                bool force) {
  const std::string sweep_hash = io::to_hex(io::fnv1a64(sweep_text));
  std::error_code ec;
  if (fs::exists(dir + "/plan.json", ec) && !force) {
    PlanIndex previous;
    try {
      previous = read_plan(dir);
    } catch (const InputError&) {
    }
    if (previous.sweep_hash != sweep_hash) {
      throw InputError(dir, {{"",
                              "already holds the plan of a different sweep file; choose "
                              "another directory, or pass --force to replan it"}});
    }
  }
  fs::create_directories(dir + "/runs", ec);
  if (ec) throw OutputError("cannot create " + dir + "/runs: " + ec.message());

  std::string csv = "index,run_id,point,replicate,seed";
  for (const auto& p : plan.def.parameters) csv += "," + p.name;
  csv += "\n";
  nlohmann::json runs = nlohmann::json::array();
  for (const auto& run : plan.runs) {
    csv += std::to_string(run.index) + "," + run.run_id + "," + std::to_string(run.point) + "," +
           std::to_string(run.replicate) + "," + std::to_string(run.seed);
    for (const auto& v : run.values) csv += "," + csv_cell(v);
    csv += "\n";
    runs.push_back({{"index", run.index},
                    {"run_id", run.run_id},
                    {"point", run.point},
                    {"replicate", run.replicate},
                    {"seed", run.seed},
                    {"values", run.values}});
    const std::string path = dir + "/runs/" + run.run_id + ".json";
    const std::string text = run.scenario.dump(2) + "\n";
    // Rewriting an identical file on a replan would only cost time.
    bool same = false;
    try {
      same = fs::exists(path, ec) && io::read_text_file(path) == text;
    } catch (const InputError&) {
    }
    if (!same) io::write_file_atomically(path, text);
  }
  nlohmann::json columns = nlohmann::json::array();
  for (const auto& p : plan.def.parameters) columns.push_back(p.name);
  const nlohmann::json index = {{"plan_version", 1},
                                {"name", plan.def.name},
                                {"sweep_hash", sweep_hash},
                                {"columns", columns},
                                {"runs", runs}};
  io::write_file_atomically(dir + "/sweep.json", sweep_text);
  io::write_file_atomically(dir + "/plan.csv", csv);
  // plan.json last: its presence says the plan is whole.
  io::write_file_atomically(dir + "/plan.json", index.dump(1) + "\n");
}

PlanIndex read_plan(const std::string& dir) {
  const std::string path = dir + "/plan.json";
  const nlohmann::json doc = io::parse_json_text(io::read_text_file(path, 1u << 30), path);
  PlanIndex plan;
  try {
    plan.name = doc.at("name").get<std::string>();
    plan.sweep_hash = doc.at("sweep_hash").get<std::string>();
    plan.columns = doc.at("columns").get<std::vector<std::string>>();
    for (const auto& r : doc.at("runs")) {
      PlannedRun run;
      run.index = r.at("index").get<std::int64_t>();
      run.run_id = r.at("run_id").get<std::string>();
      run.point = r.at("point").get<std::int64_t>();
      run.replicate = r.at("replicate").get<std::int64_t>();
      run.seed = r.at("seed").get<std::uint64_t>();
      run.values = r.at("values").get<std::vector<nlohmann::json>>();
      if (run.index != static_cast<std::int64_t>(plan.runs.size()) || run.run_id.size() != 16 ||
          run.run_id.find_first_not_of("0123456789abcdef") != std::string::npos) {
        throw InputError(path,
                         {{"/runs/" + std::to_string(plan.runs.size()), "corrupt run entry"}});
      }
      plan.runs.push_back(std::move(run));
    }
  } catch (const nlohmann::json::exception& e) {
    throw InputError(path, {{"", std::string("not a sweep plan: ") + e.what()}});
  }
  return plan;
}

void check_sweep_unchanged(const std::string& dir, const PlanIndex& plan) {
  const std::string text = io::read_text_file(dir + "/sweep.json");
  if (io::to_hex(io::fnv1a64(text)) != plan.sweep_hash) {
    throw InputError(dir + "/sweep.json",
                     {{"", "changed since the sweep was planned (hash " + plan.sweep_hash +
                               "); replan into a new directory, "
                               "or pass --force to run the plan as it is"}});
  }
}

}  // namespace hearth::sweep
