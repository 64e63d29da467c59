#pragma once
// A study: design points over parameter ranges, run through the sweep
// engine, reduced to moments. `plan_study` writes an ordinary sweep
// directory (plan.json, runs/<id>.json) whose points are the design's, so
// `hearth sweep run` runs it locally with -j, under MPI or as job-array
// shards, and resumes it after a kill; `read_study` reads the finished runs'
// tables back as moments, design row by design row.
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "calibrate/designs.hpp"
#include "calibrate/moments.hpp"
#include "calibrate/parameters.hpp"

namespace hearth::calibrate {

// Writes the sweep directory `dir` for the design rows `unit_points` (unit
// coordinates, mapped through `params`) on `base` (a resolved scenario), each
// run `replicates` times. Rows that give the same values (integer rounding,
// a Morris grid) share one point. Replanning the same design is a no-op; a
// directory planned from another design is refused (InputError).
void plan_study(const std::string& dir, const std::string& name, const nlohmann::json& base,
                const std::vector<ParamRange>& params, const Design& unit_points,
                std::int64_t replicates);

// True when `dir` holds a plan (plan.json).
bool study_planned(const std::string& dir);

// Runs the runs of `dir` that are not complete yet with the local sweep
// runner. Returns 0, or the exit code to stop with: 1 when runs failed,
// 128 + signal when stopped by SIGINT/SIGTERM (the same call resumes).
int run_study(const std::string& dir, int jobs, int threads_per_run, bool quiet,
              const std::string& resume_command);

// The moments of every run: values[row][replicate][moment] for each design
// row. Throws InputError naming the missing runs and how to run them.
using StudyValues = std::vector<std::vector<std::vector<double>>>;
StudyValues read_study(const std::string& dir, const std::vector<Moment>& moments);

// The inputs of a study, DIR/<file> (calibration.json, sensitivity.json):
// written on the first call; a later call with other inputs is refused
// (InputError naming `what` and `continue_command`) once the study's first
// sweep directory DIR/<first_sweep> is planned, and replaces the record
// before that (a design the scenario refused leaves nothing to protect).
void keep_record(const std::string& dir, const std::string& file, const nlohmann::json& record,
                 const std::string& first_sweep, const std::string& what,
                 const std::string& continue_command);
nlohmann::json read_record(const std::string& dir, const std::string& file);

// A number as a CSV cell: %.10g, NaN as an empty cell.
std::string number_cell(double value);
// Appends ",cell" to a CSV row.
void add_cell(std::string& row, const std::string& cell);

}  // namespace hearth::calibrate
