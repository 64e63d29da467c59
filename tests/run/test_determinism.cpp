#include <catch2/catch.hpp>

#include "hearth/run.hpp"
#include "io/scenario_loader.hpp"
#include "support/test_support.hpp"

using namespace hearth;

namespace {

// Runs a scenario into dir/name and returns the bytes of its outputs.
std::string run_outputs(const test::TempDir& dir, const std::string& name,
                        const nlohmann::json& doc, int threads) {
  const auto loaded = io::load_scenario_json(doc, "test");
  run_scenario(loaded.def, loaded.resolved, loaded.hash,
               test::run_options(dir.file(name), threads));
  return test::read_file(dir.file(name + "/indicators.csv")) + "\n--\n" +
         test::read_file(dir.file(name + "/groups.csv")) + "\n--\n" +
         test::read_file(dir.file(name + "/neighbourhoods.csv"));
}

}  // namespace

TEST_CASE("the same scenario and seed give byte-identical outputs at 1, 2 and 4 threads",
          "[run][determinism]") {
  test::TempDir dir;
  const auto doc = test::small_scenario_json(6000, 24);
  const std::string one = run_outputs(dir, "t1", doc, 1);
  REQUIRE(one.size() > 1000);
  CHECK(run_outputs(dir, "t2", doc, 2) == one);
  CHECK(run_outputs(dir, "t4", doc, 4) == one);
}

TEST_CASE("different seeds and replicates give different outputs", "[run][determinism]") {
  test::TempDir dir;
  auto doc = test::small_scenario_json(3000, 6);
  const std::string base = run_outputs(dir, "a", doc, 2);
  doc["seed"] = 8;
  CHECK(run_outputs(dir, "b", doc, 2) != base);
  doc["seed"] = 7;
  doc["replicate"] = 1;
  CHECK(run_outputs(dir, "c", doc, 2) != base);
}

TEST_CASE("determinism holds on a larger city over ten years", "[run][determinism][slow]") {
  test::TempDir dir;
  auto doc = test::small_scenario_json(200000, 120);
  doc["city"]["grid"] = {{"width_cells", 150}, {"height_cells", 150}};
  const std::string one = run_outputs(dir, "t1", doc, 1);
  CHECK(run_outputs(dir, "t2", doc, 2) == one);
  CHECK(run_outputs(dir, "t4", doc, 4) == one);
}
