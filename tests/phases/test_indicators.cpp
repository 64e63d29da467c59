#include <catch2/catch.hpp>

#include <cmath>

#include "phases/phases.hpp"
#include "state/city_generator.hpp"
#include "state/tenancy.hpp"
#include "support/test_support.hpp"

using namespace hearth;

TEST_CASE("city indicators agree with a direct count", "[indicators]") {
  const ScenarioDef s = test::small_scenario(4000);
  World w = generate_city(s);
  w.households.status[0] = Status::LeftCity;  // one departure, recorded as such
  w.dwellings.occupant[w.households.dwelling[0]] = kNone;
  w.households.dwelling[0] = kNone;
  const Frame f = compute_indicators(s, w, true);

  int in_city = 0, burdened = 0, housed = 0, owners = 0, informal = 0;
  for (std::size_t i = 0; i < w.households.count(); ++i) {
    const Status st = w.households.status[i];
    if (st == Status::LeftCity) continue;
    ++in_city;
    owners += st == Status::Owner;
    informal += st == Status::InformalDweller || st == Status::Homeless;
    if (is_housed(st)) {
      ++housed;
      burdened += w.households.housing_cost_per_month[i] > 0.3f * w.households.income_per_month[i];
    }
  }
  CHECK(f[CityIndicator::households_in_city] == in_city);
  CHECK(f[CityIndicator::left_city] == 1);
  CHECK(f[CityIndicator::owners] == owners);
  CHECK(f[CityIndicator::cost_burdened_share] == Approx(static_cast<double>(burdened) / housed));
  CHECK(f[CityIndicator::informal_share] == Approx(static_cast<double>(informal) / in_city));
  CHECK(f.groups[0][static_cast<int>(GroupIndicator::households)] == in_city);
  // The five income quintiles partition the households in the city, a fifth each.
  double quintiles = 0;
  for (int g = 1; g <= 5; ++g) {
    const double members = f.groups[g][static_cast<int>(GroupIndicator::households)];
    CHECK(members == Approx(in_city / 5.0).margin(2));
    quintiles += members;
  }
  CHECK(quintiles == in_city);
  // So do the five tenure groups (the last five groups).
  double tenures = 0;
  for (int g = kGroupCount - 5; g < kGroupCount; ++g) {
    CHECK(group_kind(g) == "tenure");
    tenures += f.groups[g][static_cast<int>(GroupIndicator::households)];
  }
  CHECK(tenures == in_city);
  CHECK(f.groups[kGroupCount - 5][static_cast<int>(GroupIndicator::owner_share)] == 1.0);
  // Neighbourhood rows add up to the city.
  std::int64_t rows_households = 0, rows_dwellings = 0;
  for (const auto& row : f.neighbourhoods)
    rows_households += row.households, rows_dwellings += row.dwellings;
  CHECK(rows_households == in_city);
  CHECK(rows_dwellings == static_cast<std::int64_t>(w.dwellings.count()));
}

TEST_CASE("the dissimilarity index is 0 when mixed and 1 when apart", "[indicators]") {
  const ScenarioDef s = test::small_scenario(4000);
  World w = generate_city(s);
  // Make income follow the neighbourhood exactly: total separation of q1 and q5.
  for (std::size_t i = 0; i < w.households.count(); ++i) {
    const NeighbourhoodId n = w.grid.neighbourhood[w.dwellings.cell[w.households.dwelling[i]]];
    w.households.income_per_month[i] = 1000.0f + 100.0f * n + 0.001f * static_cast<float>(i);
  }
  const double apart = compute_indicators(s, w, false)[CityIndicator::dissimilarity_q1_q5];
  CHECK(apart > 0.95);
  // Income independent of place: the index falls near zero.
  for (std::size_t i = 0; i < w.households.count(); ++i) {
    w.households.income_per_month[i] = 1000.0f + static_cast<float>((i * 7919) % 4000);
  }
  const double mixed = compute_indicators(s, w, false)[CityIndicator::dissimilarity_q1_q5];
  CHECK(mixed < 0.3);
}

TEST_CASE("a tick's date counts months from the start date", "[indicators]") {
  ScenarioDef s = test::small_scenario(500);
  s.start_date = "2030-11";
  World w = generate_city(s);
  CHECK(compute_indicators(s, w, false).date == "2030-11");
  w.tick = 14;
  CHECK(compute_indicators(s, w, false).date == "2032-01");
}

namespace {

// The HVS vacancy rates counted straight from the dwellings, as docs/OUTPUTS.md
// defines them: formal stock (not under construction), vacant for rent or for
// sale only when habitable (below DS3), not held for a displaced tenant and,
// for owner-occupied homes, owned by no household.
struct HvsCounts {
  std::int64_t let = 0, for_rent = 0, owned = 0, for_sale = 0;
};

HvsCounts count_hvs(const World& w) {
  const Dwellings& dw = w.dwellings;
  HvsCounts c;
  for (std::size_t d = 0; d < dw.count(); ++d) {
    const bool occupied = dw.occupant[d] != kNone;
    if (dw.work_remaining_months[d] > 0 && !occupied && dw.damage[d] == DamageState::None)
      continue;  // still being built
    const bool habitable = dw.damage[d] < DamageState::Extensive;
    if (dw.tenure[d] == Tenure::PrivateRental) {
      if (occupied) ++c.let;
      if (!occupied && habitable && dw.grant_tenant[d] == kNone) ++c.for_rent;
    } else if (dw.tenure[d] == Tenure::OwnerOccupied) {
      if (occupied) ++c.owned;
      if (!occupied && habitable && dw.owner_household[d] == kNone) ++c.for_sale;
    }
  }
  return c;
}

}  // namespace

TEST_CASE("rental and homeowner vacancy follow the HVS definitions", "[indicators]") {
  const ScenarioDef s = test::small_scenario(3000);
  World w = generate_city(s);
  Dwellings& dw = w.dwellings;
  Households& hh = w.households;
  // Three private tenants leave their homes: one home is let again to no one
  // (vacant for rent), one is held for its displaced tenant, one is wrecked
  // (DS3). Only the first is for rent; none of the three is let.
  std::vector<DwellingId> emptied;
  for (HouseholdId h = 0; h < hh.count() && emptied.size() < 3; ++h) {
    if (hh.status[h] != Status::Renter) continue;
    const DwellingId d = hh.dwelling[h];
    tenancy::vacate(s, w, h);
    hh.status[h] = Status::Homeless;
    emptied.push_back(d);
  }
  REQUIRE(emptied.size() == 3);
  dw.grant_tenant[emptied[1]] = 0;
  dw.damage[emptied[2]] = DamageState::Extensive;
  // An owner moves out and sells: its home is for sale.
  HouseholdId seller = 0;
  while (hh.status[seller] != Status::Owner) ++seller;
  tenancy::vacate(s, w, seller);
  hh.status[seller] = Status::Homeless;

  const HvsCounts c = count_hvs(w);
  REQUIRE(c.let > 0);
  REQUIRE(c.for_rent > 0);
  REQUIRE(c.owned > 0);
  REQUIRE(c.for_sale > 0);
  const Frame f = compute_indicators(s, w, false);
  CHECK(f[CityIndicator::rental_vacancy_rate] ==
        Approx(static_cast<double>(c.for_rent) / static_cast<double>(c.let + c.for_rent)));
  CHECK(f[CityIndicator::owner_vacancy_rate] ==
        Approx(static_cast<double>(c.for_sale) / static_cast<double>(c.owned + c.for_sale)));
  // The held and the wrecked rental are neither let nor for rent: emptying
  // them changed the rate's denominator, not its numerator, beyond the first.
  dw.grant_tenant[emptied[1]] = kNone;
  dw.damage[emptied[2]] = DamageState::None;
  const Frame g = compute_indicators(s, w, false);
  CHECK(g[CityIndicator::rental_vacancy_rate] ==
        Approx(static_cast<double>(c.for_rent + 2) / static_cast<double>(c.let + c.for_rent + 2)));
}

TEST_CASE("moves are split by the mover's status before the move", "[indicators]") {
  const ScenarioDef s = test::small_scenario(3000);
  World w = generate_city(s);
  Households& hh = w.households;
  const Dwellings& dw = w.dwellings;
  auto vacant_rental = [&] {
    for (DwellingId d = 0; d < dw.count(); ++d) {
      if (dw.tenure[d] == Tenure::PrivateRental && dw.occupant[d] == kNone) return d;
    }
    FAIL("no vacant private rental");
    return DwellingId{0};
  };
  auto first_with = [&](Status status) {
    HouseholdId h = 0;
    while (hh.status[h] != status) ++h;
    return h;
  };
  // An owner and a private renter move into vacant rentals, and a homeless
  // household is housed: three moves, one of an owner, one of a renter.
  for (const Status status : {Status::Owner, Status::Renter}) {
    const HouseholdId h = first_with(status);
    const DwellingId d = vacant_rental();
    tenancy::vacate(s, w, h);
    tenancy::occupy(w, h, d, Status::Renter, 500.0f);
  }
  const HouseholdId h = first_with(Status::Owner);
  tenancy::vacate(s, w, h);  // as a foreclosure leaves it
  hh.status[h] = Status::Homeless;
  tenancy::occupy(w, h, vacant_rental(), Status::Renter, 500.0f);
  const Frame f = compute_indicators(s, w, false);
  CHECK(f[CityIndicator::moves] == 3);
  CHECK(f[CityIndicator::moves_owners] == 1);
  CHECK(f[CityIndicator::moves_renters] == 1);
}
