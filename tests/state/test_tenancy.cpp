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
  doc["disasters"] = {{"return",
                       {{"return_rate_owner_per_month", 1000.0},
                        {"return_rate_renter_per_month", 1000.0},
                        {"give_up_rate_owner_per_month", 0.0},
                        {"give_up_rate_renter_per_month", 0.0}}}};
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
  tenancy::place_at_site(w, h, Status::DisplacedShelter, 0);
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
  tenancy::place_at_site(w, h, Status::DisplacedShelter, 0);
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

namespace hearth {
namespace {

// The social city with a right to return of `months` and returns that never
// give up; `ready_rate` 1000 makes a household ready at once.
ScenarioDef right_to_return_city(double months, double ready_rate) {
  auto doc = test::small_scenario_json(2000, 12);
  doc["hazards"] = nlohmann::json::array({{{"type", "flood"}, {"tick", 100}}});
  doc["ticks"] = 120;
  doc["disasters"] = {{"return",
                       {{"return_rate_owner_per_month", ready_rate},
                        {"return_rate_renter_per_month", ready_rate},
                        {"give_up_rate_owner_per_month", 0.0},
                        {"give_up_rate_renter_per_month", 0.0},
                        {"right_to_return_months", months}}}};
  return io::load_scenario_json(doc, "test").def;
}

// A private tenant paying at most a fifth of its income (it passes the
// landlord's screen on return), and a second tenant.
std::pair<HouseholdId, HouseholdId> two_private_tenants(const World& w) {
  HouseholdId first = kNone;
  for (HouseholdId h = 0; h < w.households.count(); ++h) {
    const DwellingId d = w.households.dwelling[h];
    if (w.households.status[h] != Status::Renter || d == kNone ||
        w.dwellings.tenure[d] != Tenure::PrivateRental)
      continue;
    if (first == kNone &&
        w.households.housing_cost_per_month[h] < 0.2 * w.households.income_per_month[h]) {
      first = h;
    } else if (first != kNone) {
      return {first, h};
    }
  }
  return {kNone, kNone};
}

// The generated city, its market indices and shelter capacities set up.
World world_for(const ScenarioDef& s) {
  World w = generate_city(s);
  market::ensure_initialised(s, w);
  disasters::ensure_event_state(s, w);
  return w;
}

}  // namespace

TEST_CASE(
    "a displaced private tenant's unit is held for it until its right to return runs out, a "
    "re-let at a higher rent is counted",
    "[tenancy][return]") {
  const ScenarioDef s = right_to_return_city(2, 1000.0);
  World w = world_for(s);
  const auto [h, other] = two_private_tenants(w);
  REQUIRE(other != kNone);
  Dwellings& dw = w.dwellings;
  const DwellingId home = w.households.dwelling[h];
  const float rent_before = w.households.housing_cost_per_month[h];

  tenancy::displace(w, h, 1);
  tenancy::place_at_site(w, h, Status::DisplacedShelter, 0);
  CHECK(dw.grant_tenant[home] == h);
  CHECK_FALSE(market::is_listed(dw, home));  // the landlord cannot let it
  CHECK(w.households.displaced_from[h] == home);
  REQUIRE_NOTHROW(check_invariants(w));

  // Under repair for three months: the right runs (months 1 and 2), then
  // lapses. Extensive damage (DS3): a home left habitable (DS1, DS2) would be
  // returned to while repaired (docs/MODEL.md 7.6).
  dw.damage[home] = DamageState::Extensive;
  dw.recovery_stage[home] = RecoveryStage::Permit;  // damaged: in the recovery process
  dw.work_remaining_months[home] = 10;
  for (int month = 1; month <= 2; ++month) {
    w.flows = TickFlows{};
    run_return(PhaseContext{s, 1 + month}, w);
    CHECK(dw.grant_tenant[home] == h);
    CHECK(w.flows.return_holds_lapsed == 0);
  }
  w.flows = TickFlows{};
  run_return(PhaseContext{s, 4}, w);
  CHECK(dw.grant_tenant[home] == kNone);
  CHECK(w.flows.return_holds_lapsed == 1);
  CHECK(w.households.origin_dwelling[h] == home);  // still hoping
  REQUIRE_NOTHROW(check_invariants(w));

  // Repaired and let to someone else at twice the rent: the tenant settles.
  dw.damage[home] = DamageState::None;
  dw.recovery_stage[home] = RecoveryStage::None;
  dw.work_remaining_months[home] = 0;
  tenancy::vacate(s, w, other);
  tenancy::occupy(w, other, home, Status::Renter, 2 * rent_before);
  rents::set_rent(w, home, 2 * rent_before);
  w.flows = TickFlows{};
  run_return(PhaseContext{s, 5}, w);
  CHECK(w.households.origin_dwelling[h] == kNone);
  CHECK(w.flows.relet_after_displacement == 1);
  CHECK(w.flows.relet_at_higher_rent == 1);
  CHECK(w.flows.settled == 1);
  REQUIRE_NOTHROW(check_invariants(w));
}

TEST_CASE(
    "a tenant whose right to return runs returns to the repaired unit at its pre-event rent, "
    "even from a rental taken meanwhile",
    "[tenancy][return][rents]") {
  const ScenarioDef s = right_to_return_city(12, 1000.0);
  World w = world_for(s);
  const auto [h, other] = two_private_tenants(w);
  REQUIRE(other != kNone);
  const DwellingId home = w.households.dwelling[h];
  const float rent_before = w.households.housing_cost_per_month[h];
  tenancy::displace(w, h, 1);
  // Rents meanwhile the other tenant's place (the other moved out).
  const DwellingId meanwhile = w.households.dwelling[other];
  tenancy::vacate(s, w, other);
  w.households.status[other] = Status::Homeless;
  tenancy::occupy(w, h, meanwhile, Status::Renter, w.dwellings.rent_per_month[meanwhile]);
  // The moves were logged for flows.csv: displaced straight into a rental.
  auto kinds = [&] {
    std::vector<FlowKind> all;
    for (const FlowEvent& e : w.flows.moves_log) all.push_back(e.kind);
    return all;
  };
  CHECK(kinds() == std::vector<FlowKind>{FlowKind::Displaced});
  CHECK(w.flows.moves_log[0].to ==
        static_cast<std::int32_t>(w.grid.neighbourhood[w.dwellings.cell[meanwhile]]));
  // Market rents doubled; the unit is habitable again.
  for (float& index : w.market.rent_index) index *= 2;
  w.flows = TickFlows{};
  run_return(PhaseContext{s, 2}, w);
  REQUIRE(w.households.dwelling[h] == home);
  CHECK(w.households.housing_cost_per_month[h] <= rent_before);
  CHECK(w.dwellings.grant_tenant[home] == kNone);
  CHECK(w.dwellings.occupant[meanwhile] == kNone);
  CHECK(w.flows.returns == 1);
  CHECK(kinds() == std::vector<FlowKind>{FlowKind::Returned});
  REQUIRE_NOTHROW(check_invariants(w));
}

}  // namespace hearth
