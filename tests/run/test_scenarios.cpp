// Every scenario shipped in scenarios/ validates and runs ten ticks with the
// invariants checked (as Mesa runs each of its examples in its tests).
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>

#include "hearth/simulation.hpp"
#include "io/scenario_loader.hpp"
#include "support/test_support.hpp"

using namespace hearth;

TEST_CASE("every file in scenarios/ validates and runs 10 ticks", "[run][scenarios]") {
  std::vector<std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(HEARTH_SOURCE_DIR "/scenarios")) {
    const auto path = entry.path();
    if (path.filename() == "sweep.schema.json") continue;  // sweep files have their own schema
    if (path.extension() == ".json" && path.filename() != "scenario.schema.json") {
      files.push_back(path.string());
    }
  }
  std::sort(files.begin(), files.end());
  REQUIRE_FALSE(files.empty());
  // Paths inside scenarios (city.tracts.file, depth_file) are relative to the
  // working directory, which for the shipped scenarios is the source tree.
  const test::InSourceDir in_source_dir;
  for (const auto& file : files) {
    SECTION(std::filesystem::path(file).filename().string()) {
      io::LoadedScenario loaded;
      REQUIRE_NOTHROW(loaded = io::load_scenario_file(file));
      ScenarioDef def = loaded.def;
      def.ticks = 10;
      SimulationOptions options;
      options.check_invariants = true;
      Simulation simulation(def, options);
      for (int t = 0; t < 10; ++t) REQUIRE_NOTHROW(simulation.step());
      CHECK(simulation.tick() == 10);
      CHECK((*simulation.latest_frame())[CityIndicator::households_in_city] > 0);
    }
  }
}
