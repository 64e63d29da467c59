// The disaster levers together: identical outputs at any thread count, an
// interrupted run resumes to identical outputs (their state is
// checkpointed), and the loader rejects what a lever would misread.
#include <catch2/catch.hpp>

#include "hearth/run.hpp"
#include "policy/disaster_policy_support.hpp"

namespace hearth {
namespace {

// A flood and an earthquake, with all five disaster levers acting.
nlohmann::json all_levers() {
  auto doc = test::small_scenario_json(3000, 16);
  doc["hazards"] = nlohmann::json::array({test::flood_event(3), test::quake_event(5, 6.5)});
  doc["disasters"] = {{"dislocation",
                       {{"shelter_capacity_households", 40},
                        {"camp_capacity_households", 60},
                        {"record_loss_probability", 0.5}}}};
  doc["policies"] = nlohmann::json::array({{{"type", "building_code"},
                                            {"budget_per_year", 2e6},
                                            {"retrofit_share_per_year", 0.5},
                                            {"code_rebuild_min_damage_state", 2}},
                                           {{"type", "reconstruction_grants"},
                                            {"start_tick", 4},
                                            {"budget_per_year", 4e6},
                                            {"grants_targeting", "everyone"}},
                                           {{"type", "buyout"},
                                            {"start_tick", 4},
                                            {"budget_per_year", 6e6},
                                            {"buyout_zone", "damaged"}},
                                           {{"type", "shelter_capacity"},
                                            {"start_tick", 3},
                                            {"end_tick", 9},
                                            {"budget_per_year", 1e5},
                                            {"shelter_extra_places", 30},
                                            {"camp_extra_places", 30}},
                                           {{"type", "record_restoration"},
                                            {"start_tick", 6},
                                            {"budget_per_year", 1e4},
                                            {"records_per_month", 3}}});
  return doc;
}

}  // namespace

TEST_CASE("the disaster levers give identical outputs at 1, 2 and 4 threads and resume exactly",
          "[policy][determinism][resume]") {
  const std::string indicators =
      test::check_identical_across_threads_and_resume(all_levers(), {4, 7, 10});
  CHECK(indicators.find("spending_total") != std::string::npos);
}

TEST_CASE("disaster levers that never start leave every output unchanged", "[policy]") {
  test::TempDir dir;
  auto with = all_levers();
  for (auto& programme : with["policies"]) {
    programme["start_tick"] = 1000;
    programme.erase("end_tick");
  }
  auto without = all_levers();
  without.erase("policies");
  for (const auto& [name, doc] : {std::pair{"with", with}, std::pair{"without", without}}) {
    const auto loaded = io::load_scenario_json(doc, "test");
    run_scenario(loaded.def, loaded.resolved, loaded.hash, test::run_options(dir.file(name), 2));
  }
  for (const char* file : {"/indicators.csv", "/groups.csv", "/neighbourhoods.csv"}) {
    INFO(file);
    const std::string a = test::read_file(dir.file(std::string("with") + file));
    REQUIRE(a.size() > 1000);
    CHECK(a == test::read_file(dir.file(std::string("without") + file)));
  }
}

TEST_CASE("every disaster lever spends in the all-levers run", "[policy]") {
  const ScenarioDef s = test::load_doc(all_levers());
  test::SpendingLog log;
  std::int64_t retrofits = 0, grants = 0, buyouts = 0, restored = 0, places = 0;
  test::run_watching(
      s,
      [&](const World& w) {
        retrofits += w.flows.retrofits;
        grants += w.flows.repair_grants;
        buyouts += w.flows.buyouts;
        restored += w.flows.records_restored;
        places = std::max(places, w.policies.shelter_extra_places + w.policies.camp_extra_places);
      },
      &log);
  CHECK(retrofits > 0);
  CHECK(grants > 0);
  CHECK(buyouts > 0);
  CHECK(restored > 0);
  CHECK(places == 60);
  for (std::size_t k = 0; k < s.policies.size(); ++k) {
    INFO("programme " << k << " (" << policy::lever_name(policy::lever_of(s.policies[k])) << ")");
    CHECK(log.by_programme[k] > 0);
  }
  log.check_budgets(s);
}

TEST_CASE("the loader rejects disaster lever keys it would misread", "[policy][io]") {
  auto doc = test::small_scenario_json(500, 6);
  doc["policies"] = nlohmann::json::array(
      {{{"type", "buyout"}, {"budget_per_year", 1.0}, {"grants_cap_per_dwelling", 5.0}},
       {{"type", "building_code"},
        {"retrofit_share_per_year", 0.1},
        {"retrofit_eligible_structure", "rc_frame"},
        {"retrofit_structure", "rc_frame"}},
       {{"type", "shelter_capacity"}, {"budget_per_year", 1.0}}});
  const auto problems = io::validate_scenario_json(doc);
  INFO(test::describe(problems));
  CHECK(
      test::has_problem(problems, "/policies/0/grants_cap_per_dwelling", "reconstruction_grants"));
  CHECK(test::has_problem(problems, "/policies/1/budget_per_year", "subsidy"));
  CHECK(test::has_problem(problems, "/policies/1/retrofit_structure", "better class"));
  CHECK(test::has_problem(problems, "/policies/2/shelter_extra_places", "adds places"));
  // Keys holding their default are fine (resolved scenarios list every key).
  doc["policies"] = nlohmann::json::array(
      {{{"type", "buyout"}, {"budget_per_year", 1.0}, {"grants_cap_per_dwelling", 75000.0}}});
  CHECK(io::validate_scenario_json(doc).empty());
  // The schema knows the targeting rules.
  doc["policies"] = nlohmann::json::array({{{"type", "reconstruction_grants"},
                                            {"budget_per_year", 1.0},
                                            {"grants_targeting", "friends"}}});
  CHECK(test::has_problem(io::validate_scenario_json(doc), "/policies/0/grants_targeting",
                          "must be one of: owners_only"));
}

}  // namespace hearth
