#pragma once
// A sweep: one base scenario, parameters varied by JSON pointer, replicates.
// Loading validates the sweep file against scenarios/sweep.schema.json and
// every resolved run scenario against the scenario schema, so a plan on disk
// only ever holds runs that `hearth run` accepts. Expansion is a pure
// function of the sweep file (and the base scenario), so the same file gives
// the same plan, run ids included, on any machine.
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "hearth/errors.hpp"

namespace hearth::sweep {

struct Parameter {
  std::string pointer;                 // JSON pointer into the scenario
  std::string name;                    // column name in plan.csv and collected tables
  std::vector<nlohmann::json> values;  // list parameters: full factorial levels
  bool is_range = false;               // range parameters: Latin hypercube
  double min = 0, max = 0;
  bool integer = false;  // round range samples down to integers
};

struct SweepDef {
  std::string name;
  nlohmann::json base;  // the base scenario document, as written (not resolved)
  std::vector<Parameter> parameters;
  std::int64_t samples = 0;  // Latin hypercube points (0: no range parameters)
  std::uint64_t lhs_seed = 1;
  std::int64_t replicates = 1;
};

struct PlannedRun {
  std::int64_t index = 0;  // position in the plan: point * replicates + replicate
  std::string run_id;      // FNV-1a 64 of the resolved scenario (seed and replicate included)
  std::int64_t point = 0;
  std::int64_t replicate = 0;
  std::uint64_t seed = 0;
  std::vector<nlohmann::json> values;  // one per parameter, in declaration order
  nlohmann::json scenario;             // resolved: every key, defaults filled in
};

struct Plan {
  SweepDef def;
  std::vector<PlannedRun> runs;
};

// Parses and validates a sweep file; a relative `base` path is read relative
// to the sweep file's folder. Throws InputError naming file, pointer, reason.
SweepDef load_sweep_file(const std::string& path);
SweepDef load_sweep_json(const nlohmann::json& document, const std::string& label,
                         const std::string& base_dir);

// Problems with a sweep document against the sweep schema (empty when valid).
std::vector<InputProblem> validate_sweep_json(const nlohmann::json& document);

// n samples x dims coordinates in [0, 1): each of the n equal strata of each
// dimension holds exactly one sample. Deterministic in `seed` on any platform
// (its own generator and shuffle, not the standard library's, whose
// distributions differ between implementations).
std::vector<std::vector<double>> latin_hypercube(std::int64_t samples, std::size_t dims,
                                                 std::uint64_t seed);

// Every run of the sweep, validated. Throws InputError (labelled `label`)
// naming the parameter and value that make a scenario invalid.
Plan expand(const SweepDef& def, const std::string& label);

// The runs of explicitly given design points (calibration and sensitivity
// designs, sim/src/calibrate/): point k sets parameter j to points[k][j] on
// def.base; each point is run def.replicates times. The points must differ.
// Throws InputError (labelled `label`, located at /points/k) naming the
// point that makes the scenario invalid.
Plan expand_points(const SweepDef& def, const std::vector<std::vector<nlohmann::json>>& points,
                   const std::string& label);

// A value as a CSV cell: numbers and booleans as JSON writes them, strings
// bare (quoted when they hold a comma, quote or line break).
std::string csv_cell(const nlohmann::json& value);
std::string csv_quote(const std::string& text);

// Writes DIR/plan.csv, DIR/plan.json (the runs and the sweep file's hash),
// DIR/sweep.json (the sweep file, byte for byte) and DIR/runs/<id>.json.
// Refuses (InputError) a DIR planned from a different sweep file unless force.
void write_plan(const Plan& plan, const std::string& sweep_text, const std::string& dir,
                bool force);

// The plan as `sweep run|status|collect` read it back from DIR/plan.json.
struct PlanIndex {
  std::string name;
  std::string sweep_hash;            // FNV-1a 64 of sweep.json at plan time
  std::vector<std::string> columns;  // parameter names
  std::vector<PlannedRun> runs;      // without `scenario` (in runs/<id>.json)
};
PlanIndex read_plan(const std::string& dir);

// Throws InputError when DIR/sweep.json no longer matches the hash recorded
// at plan time (someone edited the sweep after planning).
void check_sweep_unchanged(const std::string& dir, const PlanIndex& plan);

}  // namespace hearth::sweep
