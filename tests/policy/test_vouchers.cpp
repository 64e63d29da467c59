// vouchers (docs/POLICIES.md#vouchers): holders pay about 30% of income, so
// fewer eligible households are cost-burdened than without the programme; a
// small budget leaves a waiting list; spending equals what the holders
// received and stays within the budget of each programme year.
#include "policy/housing_policy_support.hpp"
#include "support/paired_seeds.hpp"

namespace hearth {
namespace {

nlohmann::json vouchers(double budget, std::int32_t start = 1) {
  return nlohmann::json::array({{{"type", "vouchers"},
                                 {"start_tick", start},
                                 {"budget_per_year", budget},
                                 {"voucher_rent_share_of_income", 0.3},
                                 {"voucher_payment_standard_per_month", 1200},
                                 {"voucher_income_limit_share_of_median", 0.5}}});
}

// Among households below the income limit that rent privately: the share
// paying more than 30% of income themselves (net of a voucher).
double burdened_share_of_eligible(const ScenarioDef& s, const World& w) {
  const double limit = 0.5 * s.city.income.median_per_month;
  std::int64_t eligible = 0, burdened = 0;
  for (HouseholdId h = 0; h < w.households.count(); ++h) {
    if (w.households.status[h] != Status::Renter) continue;
    const double income = w.households.income_per_month[h];
    if (income >= limit) continue;
    ++eligible;
    const double paid =
        w.households.housing_cost_per_month[h] - w.households.housing_subsidy_per_month[h];
    burdened += paid > 0.3 * std::max(income, 1.0);
  }
  return eligible ? static_cast<double>(burdened) / eligible : 0.0;
}

}  // namespace

TEST_CASE("vouchers lower the cost-burdened share among eligible households",
          "[policy][vouchers][paired]") {
  // Paired over seeds (support/paired_seeds.hpp): at least 10 points lower on the interval.
  const test::PairedRuns runs = test::paired_over_seeds([](int arm, std::uint64_t seed) {
    auto doc = test::small_scenario_json(3000, 18);
    doc["seed"] = seed;
    const ScenarioDef s = test::housing_scenario(doc, arm == 0 ? nullptr : vouchers(1e9));
    std::int64_t holders = 0;
    const World w = test::run_each(s, [&](const World& now) {
      holders = 0;
      for (HouseholdId h = 0; h < now.households.count(); ++h)
        holders += now.households.voucher[h] != 0;
    });
    if (arm == 1) CHECK(holders > 20);
    return test::Figures{{"burdened share of eligible renters", burdened_share_of_eligible(s, w)}};
  });
  const test::PairedOutcome& burdened = runs["burdened share of eligible renters"];
  test::check_b_lower(burdened);
  INFO(burdened.describe());
  CHECK(burdened.difference.upper < -0.1);
}

TEST_CASE("vouchers cost what the holders receive, within the budget, with a waiting list",
          "[policy][vouchers]") {
  const ScenarioDef s =
      test::housing_scenario(test::small_scenario_json(3000, 27), vouchers(2e5, 3));
  std::vector<double> spent(1, 0.0);
  double received = 0;
  std::int64_t max_waiting = 0, max_holders = 0;
  const double limit = 0.5 * s.city.income.median_per_month;
  test::run_each(s, [&](const World& now) {
    spent.push_back(now.policies.programmes[0].spent_this_tick);
    std::int64_t holders = 0;
    for (HouseholdId h = 0; h < now.households.count(); ++h) {
      received += now.households.housing_subsidy_per_month[h];
      if (now.households.voucher[h] == 0) continue;
      ++holders;
    }
    if (now.tick < 3) REQUIRE(holders == 0);  // not started
    max_holders = std::max(max_holders, holders);
    if (!now.policies.waiting.empty())
      max_waiting = std::max<std::int64_t>(
          max_waiting, static_cast<std::int64_t>(now.policies.waiting[0].size()));
    for (const HouseholdId h :
         now.policies.waiting.empty() ? std::vector<HouseholdId>{} : now.policies.waiting[0]) {
      REQUIRE(now.households.voucher[h] == 0);
      REQUIRE(now.households.income_per_month[h] < limit);
    }
  });
  double total = 0;
  for (const double x : spent) total += x;
  INFO("spent " << total << ", received " << received << ", holders up to " << max_holders
                << ", waiting up to " << max_waiting);
  CHECK(total > 0);
  CHECK(total == Approx(received).epsilon(1e-6));
  CHECK(max_waiting > 0);
  test::check_yearly_budget(spent, s.policies[0]);
}

}  // namespace hearth
