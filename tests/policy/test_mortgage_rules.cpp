// mortgage_rules (docs/POLICIES.md#mortgage_rules): the programme's caps
// replace the market's while active: every new loan keeps to tighter caps,
// looser caps let more households buy with a mortgage (paired over seeds),
// and neither costs public money.
#include "policy/housing_policy_support.hpp"
#include "support/paired_seeds.hpp"

namespace hearth {

TEST_CASE("mortgage rules bind every new loan under tight caps", "[policy][mortgage_rules]") {
  const auto doc = test::small_scenario_json(3000, 18);
  const ScenarioDef tight = test::housing_scenario(
      doc, nlohmann::json::array({{{"type", "mortgage_rules"},
                                   {"mortgage_loan_to_value_cap", 0.6},
                                   {"mortgage_loan_to_income_cap", 3.0},
                                   {"mortgage_payment_to_income_cap", 0.3}}}));
  std::vector<float> balance_before;
  std::int64_t new_loans = 0;
  double spent = 0;
  const World w = test::run_each(tight, [&](const World& now) {
    const Households& hh = now.households;
    // Owners at the start carry mortgages from the generator (docs/MODEL.md
    // 7.11), which no programme bound; loans are told apart from them from
    // the second tick on.
    for (HouseholdId h = 0; h < hh.count() && !balance_before.empty(); ++h) {
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
  INFO(new_loans << " new loans under tight rules");
  CHECK(new_loans > 0);
  CHECK(spent == 0);
  (void)w;
}

TEST_CASE("looser mortgage rules mean more mortgages (paired over seeds)",
          "[policy][mortgage_rules][paired]") {
  auto count_mortgages = [](const World& w) {
    std::int64_t n = 0;
    for (HouseholdId h = 0; h < w.households.count(); ++h)
      n += w.households.status[h] == Status::Owner && w.households.mortgage_balance[h] > 0;
    return n;
  };
  const test::PairedRuns runs = test::paired_over_seeds([&](int arm, std::uint64_t seed) {
    auto doc = test::small_scenario_json(3000, 18);
    doc["seed"] = seed;
    const nlohmann::json loose = nlohmann::json::array({{{"type", "mortgage_rules"},
                                                         {"mortgage_loan_to_value_cap", 0.97},
                                                         {"mortgage_loan_to_income_cap", 7.0},
                                                         {"mortgage_payment_to_income_cap", 0.5}}});
    const World w = test::run_each(test::housing_scenario(doc, arm == 0 ? nullptr : loose));
    return test::Figures{{"mortgages", static_cast<double>(count_mortgages(w))}};
  });
  // The direction holds on the interval. The one-seed test this replaces also
  // asked for "more than 10 more" than under the default caps; over seeds 1-8
  // the difference is +9.6 on average, 95% interval [+5.3, +14.0] (measured
  // 2026-12-07), so that margin was one seed's and is not claimed here.
  test::check_b_higher(runs["mortgages"]);
}

}  // namespace hearth
