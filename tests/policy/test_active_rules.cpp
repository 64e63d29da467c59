// Typed programmes and the active rules (docs/ARCHITECTURE.md, "Typed
// policies and active rules"): every mode name of the schema reads into its
// enum and writes back as the same name; the rules a tick's context carries
// are those of the programmes in force.
#include <catch2/catch.hpp>
#include <cmath>
#include <fstream>
#include <string>
#include <variant>

#include "io/scenario_json.hpp"
#include "phases/phases.hpp"
#include "policy/housing_policy_support.hpp"

using namespace hearth;
using nlohmann::json;

namespace {

// The lever a programme's key belongs to, as the schema's documentation of
// the keys groups them (prefix -> type).
std::string lever_of_key(const std::string& key) {
  if (key.rfind("social_", 0) == 0) return "social_housing";
  if (key.rfind("upgrading_", 0) == 0) return "upgrading";
  if (key.rfind("code_", 0) == 0 || key.rfind("retrofit_", 0) == 0) return "building_code";
  if (key.rfind("grants_", 0) == 0) return "reconstruction_grants";
  if (key.rfind("moratorium_", 0) == 0) return "eviction_moratorium";
  if (key.rfind("buyout_", 0) == 0) return "buyout";
  return "";
}

}  // namespace

TEST_CASE("every mode name of the schema reads into a lever and writes back unchanged",
          "[policy]") {
  std::ifstream in(HEARTH_SOURCE_DIR "/scenarios/scenario.schema.json");
  const json schema = json::parse(in);
  const json& keys = schema["properties"]["policies"]["items"]["properties"];
  int names = 0;
  for (const auto& [key, spec] : keys.items()) {
    if (key == "type" || !spec.contains("enum")) continue;
    const std::string type = lever_of_key(key);
    INFO(key);
    REQUIRE_FALSE(type.empty());
    for (const auto& name : spec["enum"]) {
      json programme = {{"type", type}, {key, name}, {"budget_per_year", 1000.0}};
      if (key == "upgrading_target" && name == "neighbourhoods")
        programme["upgrading_neighbourhoods"] = json::array({0});
      if (key == "retrofit_structure") programme["retrofit_eligible_structure"] = "informal";
      if (key == "retrofit_eligible_structure") programme["retrofit_structure"] = "code_compliant";
      INFO(name.get<std::string>());
      const ScenarioDef s =
          test::housing_scenario(test::small_scenario_json(500, 6), json::array({programme}));
      CHECK(io::scenario_to_json(s)["policies"][0][key] == name);
      ++names;
    }
  }
  CHECK(names >= 32);  // 11 mode keys had 32 names between them when this was written
}

TEST_CASE("the active rules are those of the programmes in force at the tick", "[policy]") {
  const ScenarioDef s = test::housing_scenario(
      test::small_scenario_json(500, 6),
      json::array({
          {{"type", "rent_cap"},
           {"start_tick", 3},
           {"rent_cap_max_increase_per_year", 0.02},
           {"rent_cap_conversion_rate_per_month", 0.01}},
          {{"type", "rent_cap"}, {"start_tick", 1}, {"rent_cap_max_increase_per_year", 0.05}},
          {{"type", "mortgage_rules"},
           {"start_tick", 2},
           {"end_tick", 4},
           {"mortgage_loan_to_value_cap", 0.8}},
          {{"type", "eviction_moratorium"},
           {"start_tick", 5},
           {"moratorium_window", "months_after_event"},
           {"moratorium_months", 4}},
          {{"type", "eviction_moratorium"},
           {"start_tick", 5},
           {"moratorium_window", "months_after_event"},
           {"moratorium_months", 9}},
          {{"type", "vouchers"},
           {"budget_per_year", 1000.0},
           {"voucher_payment_standard_per_month", 900.0}},
          {{"type", "building_code"}, {"start_tick", 6}, {"code_new_structure", "rc_frame"}},
      }));
  const MarketDef& m = s.market;

  const PhaseContext first{s, 1};
  // Only the second rent cap is in force; the market's credit limits hold.
  REQUIRE(first.rules.rent_cap != nullptr);
  CHECK(first.rules.rent_cap->rent_cap_max_increase_per_year == 0.05);
  CHECK(
      first.rules.max_rent_increase_per_review ==
      std::min(m.max_rent_increase_per_review, std::pow(1.05, m.rent_review_months / 12.0) - 1.0));
  CHECK(first.rules.credit.loan_to_value_cap == m.loan_to_value_cap);
  CHECK_FALSE(first.rules.moratorium_fixed);
  CHECK(first.rules.moratorium_months_after_event == 0);
  CHECK(first.rules.building_code == nullptr);
  // Voucher terms are known for every voucher programme, by programme index.
  REQUIRE(first.rules.voucher_terms.size() == s.policies.size());
  REQUIRE(first.rules.voucher_terms[5] != nullptr);
  CHECK(first.rules.voucher_terms[5]->voucher_payment_standard_per_month == 900.0);
  CHECK(first.rules.voucher_terms[0] == nullptr);
  CHECK(first.rules.pay_vouchers != nullptr);
  CHECK(first.rules.pay_reconstruction_grants == nullptr);

  const PhaseContext third{s, 3};
  // The first rent cap in list order wins once both are in force.
  CHECK(third.rules.rent_cap->rent_cap_max_increase_per_year == 0.02);
  CHECK(third.rules.capped_rental_conversion_rate_per_month == 0.01);
  // Mortgage rules replace the caps they set, and only those.
  CHECK(third.rules.credit.loan_to_value_cap == 0.8);
  CHECK(third.rules.credit.loan_to_income_cap == m.loan_to_income_cap);
  CHECK(third.rules.credit.max_payment_share_of_income == m.max_mortgage_payment_share_of_income);

  const PhaseContext sixth{s, 6};
  CHECK(sixth.rules.credit.loan_to_value_cap == m.loan_to_value_cap);  // ended at tick 4
  CHECK(sixth.rules.moratorium_months_after_event == 9);  // the longest window in force
  REQUIRE(sixth.rules.building_code != nullptr);
  CHECK(sixth.rules.building_code->code_new_structure == StructureClass::ReinforcedConcreteFrame);
}
