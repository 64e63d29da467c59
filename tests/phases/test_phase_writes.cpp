// Each phase changes only the columns its header declares (phases/phases.hpp,
// phase_writes): every shipped scenario runs 40 ticks (which covers every
// event of the shipped scenarios and months of its aftermath, and every
// policy programme's start) with SimulationOptions::check_phase_writes, which
// compares a copy of every column before and after each phase.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>

#include "hearth/simulation.hpp"
#include "io/scenario_loader.hpp"
#include "phases/phases.hpp"
#include "state/column_snapshot.hpp"
#include "state/world.hpp"
#include "support/test_support.hpp"

using namespace hearth;

namespace {

// Months of each shipped scenario run with the write check. Under
// ThreadSanitizer (about 30 times slower: 298 s of the TSan suite's 482 s
// at 40 months) the first 15: every scenario's first event and every
// policy's start except Boston's month-24 flood and the upgrading
// comparison's month-30 flood (the code paths of flood_100yr's month-3
// flood); the release and ASan suites check all 40.
#if defined(__SANITIZE_THREAD__)
constexpr int kMonthsChecked = 15;
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
constexpr int kMonthsChecked = 15;
#else
constexpr int kMonthsChecked = 40;
#endif
#else
constexpr int kMonthsChecked = 40;
#endif

}  // namespace

TEST_CASE("every phase changes only the columns it declares, in every shipped scenario",
          "[phases][access]") {
  std::vector<std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(HEARTH_SOURCE_DIR "/scenarios")) {
    const auto path = entry.path();
    if (path.extension() == ".json" && path.filename() != "scenario.schema.json" &&
        path.filename() != "sweep.schema.json") {
      files.push_back(path.string());
    }
  }
  std::sort(files.begin(), files.end());
  REQUIRE(files.size() >= 20);
  const test::InSourceDir in_source_dir;
  for (const auto& file : files) {
    SECTION(std::filesystem::path(file).filename().string()) {
      ScenarioDef def = io::load_scenario_file(file).def;
      def.ticks = std::min(def.ticks, kMonthsChecked);
      SimulationOptions options;
      options.check_phase_writes = true;
      options.neighbourhood_frames = false;
      Simulation simulation(def, options);
      for (int t = 0; t < def.ticks; ++t) REQUIRE_NOTHROW(simulation.step());
    }
  }
}

TEST_CASE("the write check sees a changed column and appended rows", "[phases][access]") {
  World world;
  world.households.resize(3);
  world.dwellings.resize(2);
  const ColumnSnapshot before(world);
  CHECK(before.changed_in(world).empty());
  world.households.savings[1] = 5.0f;
  world.dwellings.resize(3);
  const auto changed = before.changed_in(world);
  CHECK(changed == std::vector<std::string>{"households.savings", "dwellings.rows"});
}
