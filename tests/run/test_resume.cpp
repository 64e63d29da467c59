// A run interrupted at any tick and resumed gives byte-identical outputs to
// an uninterrupted one (docs/RELIABILITY.md).
#include <catch2/catch.hpp>

#include <filesystem>

#include "hearth/errors.hpp"
#include "hearth/run.hpp"
#include "io/scenario_loader.hpp"
#include "support/test_support.hpp"

using namespace hearth;
namespace fs = std::filesystem;

namespace {

const char* const kFiles[] = {"indicators.csv", "groups.csv", "neighbourhoods.csv"};

RunOptions options_for(const std::string& out, int threads) {
  RunOptions options;
  options.out_dir = out;
  options.quiet = true;
  options.threads = threads;
  options.check_invariants = true;
  return options;
}

std::string outputs(const std::string& dir) {
  std::string all;
  for (const char* f : kFiles) all += test::read_file(dir + "/" + f) + "\n--\n";
  return all;
}

}  // namespace

TEST_CASE("a run interrupted and resumed at several ticks matches an uninterrupted one",
          "[run][checkpoint][resume]") {
  test::TempDir dir;
  const auto loaded = io::load_scenario_json(test::small_scenario_json(3000, 30), "test");
  run_scenario(loaded.def, loaded.resolved, loaded.hash, options_for(dir.file("whole"), 2));
  const std::string reference = outputs(dir.file("whole"));

  for (int stop : {1, 7, 12, 29}) {
    for (int every : {0, 5}) {
      DYNAMIC_SECTION("stopped after tick " << stop << ", checkpoint every " << every) {
        const std::string out = dir.file("cut-" + std::to_string(stop) + "-" + std::to_string(every));
        RunOptions first = options_for(out, 1);
        first.stop_after_tick = stop;
        first.checkpoint_every = every;
        const RunResult cut = run_scenario(loaded.def, loaded.resolved, loaded.hash, first);
        REQUIRE(cut.interrupted);
        CHECK(cut.ticks_done == stop);
        CHECK_FALSE(fs::exists(out));
        const auto manifest = nlohmann::json::parse(test::read_file(out + ".partial/manifest.json"));
        CHECK(manifest["status"] == "interrupted");
        CHECK(manifest["ticks_done"] == stop);

        // Resume on another thread count.
        const RunResult rest = resume_run(options_for(out, 4));
        CHECK_FALSE(rest.interrupted);
        CHECK(rest.out_dir == out);
        CHECK(outputs(out) == reference);
        CHECK_FALSE(fs::exists(out + ".partial"));
        CHECK_FALSE(fs::exists(out + "/checkpoint.bin"));
        const auto done = nlohmann::json::parse(test::read_file(out + "/manifest.json"));
        CHECK(done["status"] == "complete");
      }
    }
  }
}

TEST_CASE("a resume that is interrupted again still ends identical", "[run][checkpoint][resume]") {
  test::TempDir dir;
  const auto loaded = io::load_scenario_json(test::small_scenario_json(2000, 20), "test");
  run_scenario(loaded.def, loaded.resolved, loaded.hash, options_for(dir.file("whole"), 2));
  const std::string out = dir.file("twice");
  RunOptions first = options_for(out, 2);
  first.stop_after_tick = 4;
  run_scenario(loaded.def, loaded.resolved, loaded.hash, first);
  RunOptions second = options_for(out, 1);
  second.stop_after_tick = 11;
  CHECK(resume_run(second).interrupted);
  CHECK_FALSE(resume_run(options_for(out, 2)).interrupted);
  CHECK(outputs(out) == outputs(dir.file("whole")));
}

TEST_CASE("an interrupted run blocks a fresh start until resumed or forced", "[run][checkpoint]") {
  test::TempDir dir;
  const auto loaded = io::load_scenario_json(test::small_scenario_json(1000, 10), "test");
  RunOptions first = options_for(dir.file("run"), 1);
  first.stop_after_tick = 3;
  run_scenario(loaded.def, loaded.resolved, loaded.hash, first);
  CHECK_THROWS_AS(run_scenario(loaded.def, loaded.resolved, loaded.hash, options_for(dir.file("run"), 1)),
                  InputError);
  RunOptions forced = options_for(dir.file("run"), 1);
  forced.force = true;
  CHECK_FALSE(run_scenario(loaded.def, loaded.resolved, loaded.hash, forced).interrupted);
  CHECK_THROWS_AS(resume_run(options_for(dir.file("run"), 1)), InputError);  // already complete
  CHECK_THROWS_AS(resume_run(options_for(dir.file("nothing"), 1)), InputError);
}
