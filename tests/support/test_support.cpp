#include "support/test_support.hpp"

#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <sstream>

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

}  // namespace hearth::test
