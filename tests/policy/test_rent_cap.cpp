// rent_cap (docs/POLICIES.md#rent_cap): sitting tenants' rents rise by no
// more than the cap at reviews, so they pay less than without it; vacancy
// control caps new tenancies too; the landlords' responses (sales of vacant
// rentals, deferred upkeep) shrink and degrade the rental stock; it costs
// no public money.
#include "policy/housing_policy_support.hpp"

namespace hearth {
namespace {

// Rents under pressure: an in-migration shock of poorer households.
nlohmann::json pressured_city() {
  nlohmann::json doc = test::small_scenario_json(3000, 30);
  doc["migration"] = {
      {"shock_arrival_rate_per_month", 0.01}, {"shock_start_tick", 1}, {"shock_end_tick", 30}};
  // Without the life cycle and mortgages (issue 16): these one-seed
  // comparisons of landlords' responses differ by a few dwellings, which
  // homes sold by dissolved and foreclosed owners blur.
  doc["life_cycle"]["enabled"] = false;
  doc["mortgages"]["owner_arrears"] = false;
  doc["mortgages"]["initial_mortgages"] = false;
  return doc;
}

nlohmann::json cap(double per_year, bool vacancy_control = false, double conversion = 0,
                   double upkeep = 0) {
  return nlohmann::json::array({{{"type", "rent_cap"},
                                 {"rent_cap_max_increase_per_year", per_year},
                                 {"rent_cap_vacancy_control", vacancy_control},
                                 {"rent_cap_conversion_rate_per_month", conversion},
                                 {"rent_cap_upkeep_cut_per_year", upkeep}}});
}

// Mean contract rent of sitting private tenancies at least a year old.
double sitting_rent(const World& w) {
  double sum = 0;
  int n = 0;
  for (DwellingId d = 0; d < w.dwellings.count(); ++d) {
    if (w.dwellings.tenure[d] != Tenure::PrivateRental || w.dwellings.occupant[d] == kNone)
      continue;
    if (w.dwellings.lease_months[d] < 12) continue;
    sum += w.dwellings.rent_per_month[d];
    ++n;
  }
  return n ? sum / n : 0.0;
}

}  // namespace

TEST_CASE("a rent cap holds sitting tenants' rent rises to the cap", "[policy][rent_cap]") {
  const ScenarioDef capped = test::housing_scenario(pressured_city(), cap(0.02));
  const ScenarioDef free = test::housing_scenario(pressured_city(), nullptr);
  // Every review of a sitting tenancy (same occupant, lease running on)
  // raises the rent by at most 2%.
  std::vector<float> rent_before;
  std::vector<HouseholdId> occupant_before;
  std::vector<std::uint16_t> lease_before;
  std::int64_t reviews = 0;
  double spent = 0;
  const World w = test::run_each(capped, [&](const World& now) {
    const Dwellings& dw = now.dwellings;
    for (DwellingId d = 0; d < rent_before.size(); ++d) {
      if (dw.tenure[d] != Tenure::PrivateRental || dw.occupant[d] == kNone) continue;
      if (dw.occupant[d] != occupant_before[d] || dw.lease_months[d] != lease_before[d] + 1)
        continue;
      if (dw.lease_months[d] % 12 != 0) continue;
      ++reviews;
      REQUIRE(dw.rent_per_month[d] <= rent_before[d] * 1.02f * (1 + 1e-6f));
    }
    rent_before = dw.rent_per_month;
    occupant_before = dw.occupant;
    lease_before = dw.lease_months;
    for (const auto& ledger : now.policies.programmes) spent += ledger.spent_this_tick;
  });
  CHECK(reviews > 100);
  CHECK(spent == 0);  // regulation: no public money
  const World baseline = test::run_each(free);
  INFO("sitting rent with cap " << sitting_rent(w) << ", without " << sitting_rent(baseline));
  CHECK(sitting_rent(w) < sitting_rent(baseline));
}

TEST_CASE("landlords' responses to a rent cap shrink and run down the rental stock",
          "[policy][rent_cap]") {
  auto rentals = [](const World& w) {
    std::int64_t n = 0;
    double quality = 0;
    for (DwellingId d = 0; d < w.dwellings.count(); ++d) {
      if (w.dwellings.tenure[d] == Tenure::PrivateRental) ++n, quality += w.dwellings.quality[d];
    }
    return std::pair<std::int64_t, double>{n, quality / std::max<std::int64_t>(1, n)};
  };
  const auto [n_plain, q_plain] =
      rentals(test::run_each(test::housing_scenario(pressured_city(), cap(0.02))));
  const auto [n_resp, q_resp] =
      rentals(test::run_each(test::housing_scenario(pressured_city(), cap(0.02, true, 0.2, 0.1))));
  INFO("private rentals " << n_plain << " -> " << n_resp << ", mean quality " << q_plain << " -> "
                          << q_resp);
  CHECK(n_resp < n_plain);
  CHECK(q_resp < q_plain);
}

}  // namespace hearth
