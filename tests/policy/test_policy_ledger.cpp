// The policy framework: when a programme acts, and how its budget is spent.
#include <catch2/catch.hpp>

#include "hearth/simulation.hpp"
#include "io/checkpoint.hpp"
#include "io/scenario_loader.hpp"
#include "policy/policies.hpp"
#include "state/world.hpp"
#include "support/test_support.hpp"

using namespace hearth;
using nlohmann::json;

namespace {

ScenarioDef with_programmes(const json& policies) {
  json doc = test::small_scenario_json(500, 6);
  doc["policies"] = policies;
  return io::load_scenario_json(doc, "policies").def;
}

World world_for(const ScenarioDef& scenario) {
  World world;
  world.policies.programmes.resize(scenario.policies.size());
  return world;
}

}  // namespace

TEST_CASE("a programme acts from its start tick to its end tick", "[policy]") {
  ProgrammeDef programme;
  programme.start_tick = 3;
  programme.end_tick = 5;
  CHECK_FALSE(policy::active(programme, 2));
  CHECK(policy::active(programme, 3));
  CHECK(policy::active(programme, 5));
  CHECK_FALSE(policy::active(programme, 6));
  programme.end_tick = 0;  // to the end of the run
  CHECK(policy::active(programme, 1000));
}

TEST_CASE("every lever name maps to its lever and back", "[policy]") {
  for (int k = 0; k < policy::kLeverCount; ++k) {
    const auto lever = static_cast<policy::Lever>(k);
    CHECK(policy::lever_of(policy::lever_name(lever)) == lever);
  }
  CHECK_THROWS_AS(policy::lever_of("free_money"), std::invalid_argument);
}

TEST_CASE("a programme never spends more than its budget in a programme year", "[policy]") {
  const ScenarioDef scenario = with_programmes(
      json::array({{{"type", "vouchers"}, {"start_tick", 2}, {"budget_per_year", 1200.0}}}));
  World world = world_for(scenario);
  CHECK(policy::budget_left(scenario, world, 0, 1) == 0);  // not started
  CHECK(policy::spend(scenario, world, 0, 1, 100) == 0);
  CHECK(policy::spend(scenario, world, 0, 2, 1000) == 1000);
  CHECK(policy::spend(scenario, world, 0, 3, 1000) == 200);  // only what is left
  CHECK_FALSE(policy::try_spend(scenario, world, 0, 4, 1));
  CHECK(world.policies.programmes[0].spent_total == 1200);
  // Ticks 2..13 are programme year 0; tick 14 opens year 1 with a fresh budget.
  CHECK(policy::budget_left(scenario, world, 0, 13) == 0);
  CHECK(policy::budget_left(scenario, world, 0, 14) == 1200);
  CHECK(policy::try_spend(scenario, world, 0, 14, 700));
  CHECK(world.policies.programmes[0].spent_this_year == 700);
  CHECK(world.policies.programmes[0].spent_total == 1900);
  policy::start_tick(world);
  CHECK(world.policies.programmes[0].spent_this_tick == 0);
}

TEST_CASE("the loader asks costly programmes for a budget and a sane window", "[policy][io]") {
  json doc = test::small_scenario_json(500, 6);
  doc["policies"] = json::array(
      {{{"type", "vouchers"}}, {{"type", "rent_cap"}, {"start_tick", 10}, {"end_tick", 4}}});
  const auto problems = io::validate_scenario_json(doc);
  CHECK(test::has_problem(problems, "/policies/0/budget_per_year", "budget_per_year > 0"));
  CHECK(test::has_problem(problems, "/policies/1/end_tick", "at least start_tick"));
  doc["policies"] = json::array({{{"type", "free_money"}, {"budget_per_year", 1}}});
  CHECK_FALSE(io::validate_scenario_json(doc).empty());
}

TEST_CASE("policy ledgers survive a checkpoint", "[policy][checkpoint]") {
  const ScenarioDef scenario = with_programmes(
      json::array({{{"type", "vouchers"}, {"budget_per_year", 5000.0}}, {{"type", "rent_cap"}}}));
  Simulation simulation(scenario, {});
  simulation.step();
  World& world = simulation.mutable_world();
  policy::spend(scenario, world, 0, 1, 1234.5);
  test::TempDir dir;
  io::CheckpointMeta meta;
  meta.build_id = io::current_build_id();
  meta.scenario_hash.assign(1, 'h');  // (= "h" draws a false GCC 12 -Wrestrict)
  io::write_checkpoint(dir.file("c.bin"), dir.file("c.prev.bin"), world, meta);
  io::CheckpointMeta read_meta;
  const World back = io::read_checkpoint(dir.file("c.bin"), read_meta, "h");
  REQUIRE(back.policies.programmes.size() == 2);
  CHECK(back.policies.programmes[0].spent_total == 1234.5);
  CHECK(back.policies.programmes[0].spent_this_tick == 1234.5);
  CHECK(back.policies.programmes[1].spent_total == 0);
}
