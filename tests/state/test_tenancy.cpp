// The tenancy seam (state/tenancy.hpp) and the rents module (state/rents.hpp):
// a household displaced from its home and returning to it keeps the links
// consistent, and the rent it pays on return is the rule's for that home.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "housing/market_model.hpp"
#include "housing/placement.hpp"
#include "io/scenario_loader.hpp"
#include "phases/phases.hpp"
#include "state/city_generator.hpp"
#include "state/invariants.hpp"
#include "state/rents.hpp"
#include "state/tenancy.hpp"
#include "state/world.hpp"
#include "support/test_support.hpp"

namespace hearth {
namespace {

// A small city with a flood (so the return phase runs), a social_housing
// programme letting at 10% of income, and returns that happen at once.
ScenarioDef social_city() {
  auto doc = test::small_scenario_json(2000, 12);
  doc["hazards"] = nlohmann::json::array({{{"type", "flood"}, {"tick", 100}}});
  doc["ticks"] = 120;
  doc["disasters"] = {
      {"return", {{"return_probability_per_month", 1.0}, {"return_decay_months", 10000}}}};
  doc["policies"] = nlohmann::json::array({{{"type", "social_housing"},
                                            {"start_tick", 1},
                                            {"budget_per_year", 1.0},
                                            {"social_units_per_year", 1},
                                            {"social_rent_share_of_income", 0.10}}});
  return io::load_scenario_json(doc, "test").def;
}

HouseholdId first_social_tenant(const World& w) {
  for (HouseholdId h = 0; h < w.households.count(); ++h) {
    if (w.households.status[h] == Status::SocialTenant) return h;
  }
  return kNone;
}

}  // namespace

TEST_CASE("displaced and returned through the seam: links agree at every step",
          "[tenancy][state]") {
  const ScenarioDef s = social_city();
  World w = generate_city(s);
  market::ensure_initialised(s, w);
  disasters::ensure_event_state(s, w);  // shelter capacity
  const HouseholdId h = first_social_tenant(w);
  REQUIRE(h != kNone);
  const DwellingId home = w.households.dwelling[h];

  CHECK(tenancy::displace(w, h, 1));
  CHECK(w.households.origin_dwelling[h] == home);
  CHECK(w.dwellings.occupant[home] == kNone);
  tenancy::place_in_shelter(w, h);
  CHECK(w.disasters.shelter_occupancy == 1);
  REQUIRE_NOTHROW(check_invariants(w));

  tenancy::return_home(s, w, h, 123.0f, 2);
  CHECK(w.households.dwelling[h] == home);
  CHECK(w.dwellings.occupant[home] == h);
  CHECK(w.households.origin_dwelling[h] == kNone);
  CHECK(w.dwellings.rent_per_month[home] == 123.0f);
  CHECK(w.households.housing_cost_per_month[h] == 123.0f);
  CHECK(w.households.returned_at_tick[h] == 2);
}

TEST_CASE(
    "a social tenant returning to a social_housing programme's unit pays the programme's "
    "share of income, not the city's",
    "[tenancy][rents][return]") {
  const ScenarioDef s = social_city();
  REQUIRE(s.city.social_rent_income_share != Approx(0.10));
  World w = generate_city(s);
  market::ensure_initialised(s, w);
  const HouseholdId h = first_social_tenant(w);
  REQUIRE(h != kNone);
  disasters::ensure_event_state(s, w);
  const DwellingId home = w.households.dwelling[h];
  w.dwellings.programme[home] = 1;  // built by programme 0 (marks are index + 1)
  CHECK(rents::social_rent_share(s, w.dwellings, home) == Approx(0.10));

  tenancy::displace(w, h, 1);
  tenancy::place_in_shelter(w, h);
  w.tick = 1;
  run_return(PhaseContext{s, 2}, w);

  REQUIRE(w.households.dwelling[h] == home);
  const double income = w.households.income_per_month[h];
  CHECK(w.households.housing_cost_per_month[h] == Approx(0.10 * income));
  CHECK(w.dwellings.rent_per_month[home] == Approx(0.10 * income));
  REQUIRE_NOTHROW(check_invariants(w));
}

TEST_CASE("set_rent writes the dwelling's rent and its sitting tenant's housing cost",
          "[rents][state]") {
  const ScenarioDef s = social_city();
  World w = generate_city(s);
  const HouseholdId h = first_social_tenant(w);
  REQUIRE(h != kNone);
  const DwellingId d = w.households.dwelling[h];
  rents::set_rent(w, d, 321.0f);
  CHECK(w.dwellings.rent_per_month[d] == 321.0f);
  CHECK(w.households.housing_cost_per_month[h] == 321.0f);
  CHECK(rents::reviewed_rent(100.0f, 150.0f, 0.1) == Approx(110.0f));
  CHECK(rents::reviewed_rent(100.0f, 90.0f, 0.1) == Approx(90.0f));
}

}  // namespace hearth
