#pragma once
// Helpers shared by the tests: small scenarios, temporary directories, files.
#include <string>

#include <nlohmann/json.hpp>

#include "hearth/scenario.hpp"

namespace hearth::test {

// A small valid scenario document (a few thousand households, a 40x40 grid).
nlohmann::json small_scenario_json(int households = 3000, int ticks = 12);
// The same, loaded and validated.
ScenarioDef small_scenario(int households = 3000, int ticks = 12);

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

std::string read_file(const std::string& path);
void write_file(const std::string& path, const std::string& content);

}  // namespace hearth::test
