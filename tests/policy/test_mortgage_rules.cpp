// mortgage_rules (docs/POLICIES.md#mortgage_rules): the programme's caps
// replace the market's while active: every new loan keeps to tighter caps,
// looser caps let more households buy with a mortgage, and neither costs
// public money.
#include "policy/housing_policy_support.hpp"

namespace hearth {

TEST_CASE("mortgage rules bind every new loan; looser rules mean more mortgages",
          "[policy][mortgage_rules]") {
  const auto doc = test::small_scenario_json(3000, 18);
  const ScenarioDef tight = test::housing_scenario(
      doc, nlohmann::json::array({{{"type", "mortgage_rules"},
                                   {"mortgage_loan_to_value_cap", 0.6},
                                   {"mortgage_loan_to_income_cap", 3.0},
                                   {"mortgage_payment_to_income_cap", 0.3}}}));
  std::vector<float> balance_before;
  std::int64_t new_loans = 0;
  double spent = 0;
  auto count_mortgages = [](const World& w) {
    std::int64_t n = 0;
    for (HouseholdId h = 0; h < w.households.count(); ++h)
      n += w.households.status[h] == Status::Owner && w.households.mortgage_balance[h] > 0;
    return n;
  };
  const World w = test::run_each(tight, [&](const World& now) {
    const Households& hh = now.households;
    for (HouseholdId h = 0; h < hh.count(); ++h) {
      const bool fresh = hh.status[h] == Status::Owner && hh.mortgage_balance[h] > 0 &&
                         (h >= balance_before.size() || balance_before[h] == 0.0f);
      if (!fresh) continue;
      ++new_loans;
      const DwellingId d = hh.dwelling[h];
      REQUIRE(hh.mortgage_balance[h] <= 0.6 * now.dwellings.value[d] * (1 + 1e-4) + 1);
      REQUIRE(hh.mortgage_balance[h] <=
              3.0 * 12 * std::max(1.0f, hh.income_per_month[h]) * (1 + 1e-4) + 1);
    }
    balance_before = hh.mortgage_balance;
    for (const auto& ledger : now.policies.programmes) spent += ledger.spent_this_tick;
  });
  const World baseline = test::run_each(test::housing_scenario(doc, nullptr));
  const World loose = test::run_each(test::housing_scenario(
      doc, nlohmann::json::array({{{"type", "mortgage_rules"},
                                   {"mortgage_loan_to_value_cap", 0.97},
                                   {"mortgage_loan_to_income_cap", 7.0},
                                   {"mortgage_payment_to_income_cap", 0.5}}})));
  INFO(new_loans << " new loans under tight rules; mortgages: default caps "
                 << count_mortgages(baseline) << ", tight " << count_mortgages(w) << ", loose "
                 << count_mortgages(loose));
  CHECK(new_loans > 0);
  CHECK(count_mortgages(loose) > count_mortgages(baseline) + 10);
  CHECK(spent == 0);
  (void)w;
}

}  // namespace hearth
