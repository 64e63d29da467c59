#pragma once
// Helpers shared by the tests: small scenarios, temporary directories, files.
#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "hearth/errors.hpp"
#include "hearth/run.hpp"
#include "hearth/scenario.hpp"

namespace hearth::test {

// A small valid scenario document (a few thousand households, a 40x40 grid).
nlohmann::json small_scenario_json(int households = 3000, int ticks = 12);
// The same, loaded and validated.
ScenarioDef small_scenario(int households = 3000, int ticks = 12);

// Makes the source tree the working directory while it lives: the shipped
// scenarios' data paths (city.tracts.file, depth_file) are relative to it.
class InSourceDir {
 public:
  InSourceDir();
  ~InSourceDir();
  InSourceDir(const InSourceDir&) = delete;
  InSourceDir& operator=(const InSourceDir&) = delete;

 private:
  std::filesystem::path before_;
};

// A fresh, empty directory under the system temp dir, removed at destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  const std::string& path() const { return path_; }
  std::string file(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

// Whether a problem at `location` mentions `fragment`; all problems as text.
bool has_problem(const std::vector<InputProblem>& problems, const std::string& location,
                 const std::string& fragment);
std::string describe(const std::vector<InputProblem>& problems);

std::string read_file(const std::string& path);

// Options of a test run into out_dir: quiet, invariants checked every tick.
RunOptions run_options(const std::string& out_dir, int threads);

// Runs the scenario document to its end at 1, 2 and 4 threads, and once more
// for each tick in `stops`: stopped after it on 1 thread and resumed on 2.
// Checks that indicators.csv, groups.csv, neighbourhoods.csv and policies.csv
// (those the run writes) are byte-identical
// across all of them (with invariants checked every tick), and returns the
// 1-thread indicators.csv for further checks.
std::string check_identical_across_threads_and_resume(const nlohmann::json& doc,
                                                      const std::vector<int>& stops);
void write_file(const std::string& path, const std::string& content);

}  // namespace hearth::test
