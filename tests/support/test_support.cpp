#include "support/test_support.hpp"

#include <catch2/catch.hpp>

#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "hearth/run.hpp"
#include "io/scenario_loader.hpp"

namespace hearth::test {

nlohmann::json small_scenario_json(int households, int ticks) {
  return {{"schema_version", 1},
          {"name", "test-small"},
          {"seed", 7},
          {"ticks", ticks},
          {"city",
           {{"grid", {{"width_cells", 40}, {"height_cells", 40}}},
            {"households", households},
            {"layout", {{"neighbourhoods_per_side", 4}}}}}};
}

ScenarioDef small_scenario(int households, int ticks) {
  return io::load_scenario_json(small_scenario_json(households, ticks), "test").def;
}

InSourceDir::InSourceDir() : before_(std::filesystem::current_path()) {
  std::filesystem::current_path(HEARTH_SOURCE_DIR);
}

InSourceDir::~InSourceDir() {
  std::error_code ec;
  std::filesystem::current_path(before_, ec);
}

TempDir::TempDir() {
  static std::atomic<int> counter{0};
  path_ = (std::filesystem::temp_directory_path() /
           ("hearth-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++)))
              .string();
  std::filesystem::remove_all(path_);
  std::filesystem::create_directories(path_);
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

bool has_problem(const std::vector<InputProblem>& problems, const std::string& location,
                 const std::string& fragment) {
  for (const auto& p : problems) {
    if (p.location == location && p.reason.find(fragment) != std::string::npos) return true;
  }
  return false;
}

std::string describe(const std::vector<InputProblem>& problems) {
  std::string out;
  for (const auto& p : problems) out += p.location + ": " + p.reason + "\n";
  return out;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

void write_file(const std::string& path, const std::string& content) {
  std::ofstream(path, std::ios::binary) << content;
}

RunOptions run_options(const std::string& out_dir, int threads) {
  RunOptions options;
  options.out_dir = out_dir;
  options.threads = threads;
  options.quiet = true;
  options.check_invariants = true;
  return options;
}

std::string check_identical_across_threads_and_resume(const nlohmann::json& doc,
                                                      const std::vector<int>& stops) {
  TempDir dir;
  const auto loaded = io::load_scenario_json(doc, "test");
  auto options_for = [&](const std::string& name, int threads) {
    return run_options(dir.file(name), threads);
  };
  auto outputs = [&](const std::string& name) {
    std::string all;
    for (const char* file : {"/indicators.csv", "/groups.csv", "/neighbourhoods.csv",
                             "/policies.csv", "/outcomes.csv", "/flows.csv"}) {
      if (std::filesystem::exists(dir.file(name + file))) all += read_file(dir.file(name + file));
    }
    return all;
  };
  run_scenario(loaded.def, loaded.resolved, loaded.hash, options_for("t1", 1));
  const std::string one = outputs("t1");
  REQUIRE(one.size() > 1000);
  for (int threads : {2, 4}) {
    // Appended rather than "t" + ...: GCC 12 warns falsely (-Wrestrict) on
    // operator+(const char*, std::string&&) once inlined.
    std::string name = "t";
    name += std::to_string(threads);
    run_scenario(loaded.def, loaded.resolved, loaded.hash, options_for(name, threads));
    INFO(threads << " threads");
    CHECK(outputs(name) == one);
  }
  for (int stop : stops) {
    std::string name = "cut";
    name += std::to_string(stop);
    RunOptions first = options_for(name, 1);
    first.stop_after_tick = stop;
    REQUIRE(run_scenario(loaded.def, loaded.resolved, loaded.hash, first).interrupted);
    CHECK_FALSE(resume_run(options_for(name, 2)).interrupted);
    INFO("stopped after tick " << stop);
    CHECK(outputs(name) == one);
  }
  return read_file(dir.file("t1/indicators.csv"));
}

}  // namespace hearth::test
