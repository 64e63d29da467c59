// The housing levers together: identical outputs at any thread count, an
// interrupted run resumes to identical outputs (waiting lists, voucher
// holders, programme units and demolitions are checkpointed), and the loader
// rejects a lever's key given to another lever.
#include <catch2/catch.hpp>

#include "hearth/run.hpp"
#include "policy/housing_policy_support.hpp"

namespace hearth {
namespace {

// All six housing levers acting at once, with a flood for the moratorium.
nlohmann::json all_levers() {
  auto doc = test::small_scenario_json(3000, 16);
  doc["hazards"] = nlohmann::json::array({{{"type", "flood"}, {"tick", 6}}});
  doc["policies"] = nlohmann::json::array(
      {{{"type", "rent_cap"},
        {"rent_cap_vacancy_control", true},
        {"rent_cap_conversion_rate_per_month", 0.05},
        {"rent_cap_upkeep_cut_per_year", 0.05}},
       {{"type", "vouchers"}, {"start_tick", 2}, {"budget_per_year", 2e5}},
       {{"type", "social_housing"},
        {"budget_per_year", 2e6},
        {"social_units_per_year", 36},
        {"social_construction_months", 3},
        {"social_allocation", "waiting_list"}},
       {{"type", "eviction_moratorium"},
        {"moratorium_window", "months_after_event"},
        {"moratorium_months", 4}},
       {{"type", "mortgage_rules"}, {"start_tick", 5}, {"mortgage_loan_to_value_cap", 0.95}},
       {{"type", "upgrading"},
        {"budget_per_year", 1e5},
        {"upgrading_mode", "relocation"},
        {"upgrading_dwellings_per_month", 5},
        {"upgrading_cost_per_dwelling", 2000},
        {"upgrading_drift_back_rate_per_month", 0.1}},
       {{"type", "upgrading"},
        {"start_tick", 3},
        {"budget_per_year", 1e5},
        {"upgrading_mode", "in_situ"},
        {"upgrading_target", "floodplain"},
        {"upgrading_drainage_depth_m", 0.2},
        {"upgrading_dwellings_per_month", 5},
        {"upgrading_cost_per_dwelling", 2000}}});
  return doc;
}

}  // namespace

TEST_CASE("the housing levers give identical outputs at 1, 2 and 4 threads and resume exactly",
          "[policy][determinism][resume]") {
  test::check_identical_across_threads_and_resume(all_levers(), {4, 9});
}

TEST_CASE("every housing lever acts in the all-levers run", "[policy]") {
  const ScenarioDef s = test::housing_scenario(all_levers(), nullptr);
  std::int64_t vouchers = 0, social = 0, relocated = 0, upgraded = 0, waiting = 0;
  test::run_each(s, [&](const World& w) {
    const policy::HousingCounts c = policy::count_housing(s, w);
    vouchers = std::max(vouchers, c.voucher_households);
    social = std::max(social, c.social_programme_tenants);
    relocated = std::max(relocated, c.relocated_households);
    upgraded = std::max(upgraded, c.upgraded_dwellings);
    waiting = std::max(waiting, c.voucher_waiting_list);
  });
  CHECK(vouchers > 0);
  CHECK(waiting > 0);
  CHECK(social > 0);
  CHECK(relocated > 0);
  CHECK(upgraded > 0);
}

TEST_CASE("the loader rejects a housing lever's key on another lever", "[policy][io]") {
  auto doc = test::small_scenario_json(500, 6);
  doc["policies"] =
      nlohmann::json::array({{{"type", "rent_cap"}, {"voucher_payment_standard_per_month", 900}},
                             {{"type", "upgrading"},
                              {"budget_per_year", 1e5},
                              {"upgrading_target", "neighbourhoods"},
                              {"upgrading_site_cell", 999999}}});
  try {
    io::load_scenario_json(doc, "test");
    FAIL("loaded");
  } catch (const InputError& e) {
    INFO(test::describe(e.problems()));
    CHECK(test::has_problem(e.problems(), "/policies/0/voucher_payment_standard_per_month",
                            "key of vouchers"));
    CHECK(test::has_problem(e.problems(), "/policies/1/upgrading_neighbourhoods", "at least one"));
    CHECK(test::has_problem(e.problems(), "/policies/1/upgrading_site_cell", "cell of the grid"));
  }
  // A key holding its default is accepted (resolved scenarios list them all).
  doc["policies"] =
      nlohmann::json::array({{{"type", "rent_cap"}, {"voucher_payment_standard_per_month", 1200}}});
  CHECK_NOTHROW(io::load_scenario_json(doc, "test"));
}

}  // namespace hearth
