#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>

#include "phases/phases.hpp"
#include "state/city_generator.hpp"
#include "support/test_support.hpp"

using namespace hearth;

namespace {
double median(std::vector<float> v) {
  std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(v.size() / 2), v.end());
  return v[v.size() / 2];
}
}  // namespace

TEST_CASE("log income is a stationary AR(1): the median holds, the spread settles", "[economy]") {
  const ScenarioDef s = test::small_scenario(20000);
  World w = generate_city(s);
  const double start_median = median(w.households.income_per_month);
  for (int t = 1; t <= 240; ++t) run_economy({s, t}, w);
  CHECK(median(w.households.income_per_month) == Approx(start_median).epsilon(0.03));
  // Stationary s.d. of the deviation: sigma / sqrt(1 - rho^2) = 0.05 / sqrt(1 - 0.9025) ~ 0.16.
  double sum_sq = 0;
  for (float d : w.households.income_log_deviation) sum_sq += d * d;
  CHECK(std::sqrt(sum_sq / w.households.count()) == Approx(0.16).epsilon(0.1));
}

TEST_CASE("savings never go negative, tenants who cannot pay fall into arrears", "[economy]") {
  const ScenarioDef s = test::small_scenario(2000);
  World w = generate_city(s);
  // A renter whose income no longer covers subsistence and rent.
  HouseholdId renter = 0;
  while (w.households.status[renter] != Status::Renter) ++renter;
  w.households.base_income_per_month[renter] = 100.0f;
  w.households.savings[renter] = 0.0f;
  w.households.housing_cost_per_month[renter] = 800.0f;
  // An owner in the same position cuts consumption instead.
  HouseholdId owner = 0;
  while (w.households.status[owner] != Status::Owner) ++owner;
  w.households.base_income_per_month[owner] = 100.0f;
  w.households.savings[owner] = 0.0f;

  run_economy({s, 1}, w);
  for (float v : w.households.savings) REQUIRE(v >= 0.0f);
  CHECK(w.households.rent_arrears[renter] == Approx(800.0f));
  CHECK(w.households.rent_arrears[owner] == 0.0f);
  run_economy({s, 2}, w);
  CHECK(w.households.rent_arrears[renter] == Approx(1600.0f));
}

TEST_CASE("arrears are repaid from savings once income recovers", "[economy]") {
  const ScenarioDef s = test::small_scenario(2000);
  World w = generate_city(s);
  HouseholdId renter = 0;
  while (w.households.status[renter] != Status::Renter) ++renter;
  w.households.rent_arrears[renter] = 50.0f;
  w.households.savings[renter] = 1000.0f;
  w.households.base_income_per_month[renter] = 10000.0f;
  run_economy({s, 1}, w);
  CHECK(w.households.rent_arrears[renter] == 0.0f);
}

TEST_CASE("households that left the city are not touched", "[economy]") {
  const ScenarioDef s = test::small_scenario(2000);
  World w = generate_city(s);
  w.households.status[0] = Status::LeftCity;
  const float before = w.households.income_per_month[0];
  run_economy({s, 1}, w);
  CHECK(w.households.income_per_month[0] == before);
}
