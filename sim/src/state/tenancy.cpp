#include "state/tenancy.hpp"
#include "state/rents.hpp"

#include <algorithm>

#include "state/rents.hpp"

namespace hearth::tenancy {
namespace {

// An owner sells dwelling d at `price_share` of its value less selling
// costs: what is left after `debt` goes to savings (a negative equity is
// written off), and the dwelling no longer belongs to anyone.
void sell(const ScenarioDef& scenario, World& world, HouseholdId h, DwellingId d, double debt,
          double price_share = 1.0) {
  const double equity =
      world.dwellings.value[d] * price_share * (1.0 - scenario.market.selling_cost_share) - debt;
  world.households.savings[h] += static_cast<float>(std::max(0.0, equity));
}

// The owning household's tie to dwelling d ends.
void disown(World& world, DwellingId d) {
  world.dwellings.owner_household[d] = kNone;
  world.dwellings.owner_kind[d] = OwnerKind::None;
}

}  // namespace

void settle_at_start(const ScenarioDef& scenario, World& world, HouseholdId h, DwellingId d,
                     Tenure t, double monthly_owner_cost) {
  Households& hh = world.households;
  Dwellings& dw = world.dwellings;
  hh.dwelling[h] = d;
  dw.occupant[d] = h;
  switch (t) {
    case Tenure::OwnerOccupied:
      hh.status[h] = Status::Owner;
      dw.owner_kind[d] = OwnerKind::Household;
      dw.owner_household[d] = h;
      hh.housing_cost_per_month[h] = static_cast<float>(dw.value[d] * monthly_owner_cost);
      break;
    case Tenure::PrivateRental:
      hh.status[h] = Status::Renter;
      hh.housing_cost_per_month[h] = dw.rent_per_month[d];
      break;
    case Tenure::SocialRental:
      hh.status[h] = Status::SocialTenant;
      rents::set_rent(
          world, d,
          rents::social_rent(scenario.city.social_rent_income_share, hh.income_per_month[h]));
      break;
    case Tenure::Informal:
      hh.status[h] = Status::InformalDweller;
      dw.owner_kind[d] = OwnerKind::Household;  // self-built
      dw.owner_household[d] = h;
      hh.housing_cost_per_month[h] = dw.rent_per_month[d];
      break;
  }
}

void occupy(World& world, HouseholdId h, DwellingId d, Status status,
            float housing_cost_per_month) {
  Households& hh = world.households;
  Dwellings& dw = world.dwellings;
  hh.dwelling[h] = d;
  hh.status[h] = status;
  hh.housing_cost_per_month[h] = housing_cost_per_month;
  hh.anchor_cell[h] = dw.cell[d];
  hh.moves[h] = static_cast<std::uint16_t>(std::min<int>(hh.moves[h] + 1, 65535));
  dw.occupant[d] = h;
  dw.months_on_market[d] = 0;
  dw.lease_months[d] = 0;
  dw.forced_sale[d] = 0;  // a foreclosed home is sold: its discount ends
  ++world.flows.moves;
}

void occupy_owned(World& world, HouseholdId h, DwellingId d, Status status,
                  float housing_cost_per_month) {
  world.dwellings.owner_kind[d] = OwnerKind::Household;
  world.dwellings.owner_household[d] = h;
  occupy(world, h, d, status, housing_cost_per_month);
}

namespace {

// Frees household h's dwelling; an owner sells at `price_share` of the value
// and repays its mortgage and `extra_debt` from the proceeds.
void release_home(const ScenarioDef& scenario, World& world, HouseholdId h, double price_share,
                  double extra_debt) {
  Households& hh = world.households;
  Dwellings& dw = world.dwellings;
  const DwellingId d = hh.dwelling[h];
  if (d == kNone) return;
  dw.occupant[d] = kNone;
  dw.months_on_market[d] = 0;
  dw.lease_months[d] = 0;
  if (dw.owner_household[d] == h) {
    if (dw.tenure[d] == Tenure::OwnerOccupied) {
      // The sale is settled at market value less costs when the owner moves
      // out (as if bridged); the dwelling is then listed for sale.
      sell(scenario, world, h, d, hh.mortgage_balance[h] + extra_debt, price_share);
    }
    disown(world, d);
    // The mortgage belongs to the home sold. (A displaced owner renting
    // elsewhere keeps the mortgage of its damaged home when it moves on.)
    hh.mortgage_balance[h] = 0;
    hh.mortgage_payment_per_month[h] = 0;
  }
  hh.dwelling[h] = kNone;
  hh.housing_cost_per_month[h] = 0;
}

}  // namespace

void vacate(const ScenarioDef& scenario, World& world, HouseholdId h) {
  release_home(scenario, world, h, 1.0, 0.0);
}

void foreclose(const ScenarioDef& scenario, World& world, HouseholdId h) {
  Households& hh = world.households;
  const DwellingId d = hh.dwelling[h];
  if (d == kNone) return;
  // The lender sells at the forced-sale discount; the listing keeps it until sold.
  world.dwellings.forced_sale[d] = 1;
  release_home(scenario, world, h, 1.0 - scenario.mortgages.foreclosure_discount,
               hh.rent_arrears[h]);
  hh.rent_arrears[h] = 0;
  hh.months_in_arrears[h] = 0;
  hh.status[h] = Status::Homeless;
}

bool displace(World& world, HouseholdId h, std::int32_t tick) {
  Households& hh = world.households;
  Dwellings& dw = world.dwellings;
  const DwellingId d = hh.dwelling[h];
  const bool first = hh.origin_dwelling[h] == kNone;
  if (first) {
    hh.origin_dwelling[h] = d;
    hh.origin_status[h] = hh.status[h];
    hh.origin_housing_cost_per_month[h] = hh.housing_cost_per_month[h];
    hh.months_displaced[h] = 0;
    hh.displaced_at_tick[h] = tick;
    hh.returned_at_tick[h] = 0;
  }
  // Owners keep their home (and their mortgage, in forbearance while away);
  // a tenancy ends, arrears are written off with it.
  dw.occupant[d] = kNone;
  dw.lease_months[d] = 0;
  dw.months_on_market[d] = 0;
  hh.dwelling[h] = kNone;
  hh.housing_cost_per_month[h] = 0;
  hh.rent_arrears[h] = 0;
  hh.months_in_arrears[h] = 0;
  hh.status[h] = Status::Homeless;  // until placed
  return first;
}

void place_with_host(World& world, HouseholdId h, HouseholdId host) {
  world.households.status[h] = Status::DisplacedHost;
  world.households.host[h] = host;
}

void place_in_shelter(World& world, HouseholdId h) {
  world.households.status[h] = Status::DisplacedShelter;
  ++world.disasters.shelter_occupancy;
}

void place_in_camp(World& world, HouseholdId h) {
  world.households.status[h] = Status::DisplacedCamp;
  ++world.disasters.camp_occupancy;
}

void leave_host(World& world, HouseholdId h) {
  world.households.host[h] = kNone;
}

void return_home(const ScenarioDef& scenario, World& world, HouseholdId h, float cost,
                 std::int32_t tick) {
  Households& hh = world.households;
  Dwellings& dw = world.dwellings;
  const DwellingId d = hh.origin_dwelling[h];
  const Status origin = hh.origin_status[h];
  // Leaves a rental (or a shack) taken meanwhile; the mortgage belongs to
  // the home of origin, whatever vacate does with the place left.
  const float balance = hh.mortgage_balance[h], payment = hh.mortgage_payment_per_month[h];
  vacate(scenario, world, h);
  hh.mortgage_balance[h] = balance;
  hh.mortgage_payment_per_month[h] = payment;
  hh.host[h] = kNone;
  if (origin == Status::Renter) {
    rents::set_rent(world, d, cost);
    dw.owner_kind[d] = OwnerKind::PrivateLandlord;
  } else if (origin == Status::SocialTenant) {
    rents::set_rent(world, d, cost);
  }
  occupy(world, h, d, origin, cost);
  hh.origin_dwelling[h] = kNone;
  dw.grant_tenant[d] = kNone;  // a grant's hold ends with the return
  hh.returned_at_tick[h] = tick;
}

void release_origin(const ScenarioDef& scenario, World& world, HouseholdId h) {
  Households& hh = world.households;
  Dwellings& dw = world.dwellings;
  const DwellingId d = hh.origin_dwelling[h];
  if (d == kNone) return;
  hh.origin_dwelling[h] = kNone;
  if (dw.grant_tenant[d] == h) dw.grant_tenant[d] = kNone;  // the landlord may let it now
  if (dw.owner_household[d] != h || dw.occupant[d] != kNone) return;
  if (dw.tenure[d] == Tenure::OwnerOccupied) {
    // Sold as it is: the damaged value (less costs) pays off the mortgage
    // first, unless the mortgage columns now belong to a home bought since.
    const DwellingId now = hh.dwelling[h];
    const bool owns_another = now != kNone && dw.owner_household[now] == h;
    sell(scenario, world, h, d, owns_another ? 0.0 : hh.mortgage_balance[h]);
    if (!owns_another) {
      hh.mortgage_balance[h] = 0;
      hh.mortgage_payment_per_month[h] = 0;
    }
  }
  disown(world, d);
}

void end_claim_bought_out(World& world, HouseholdId h) {
  world.households.origin_dwelling[h] = kNone;
  ++world.flows.away_bought_out;
}

namespace {

// Household h leaves the city's households from wherever it is.
void leave(const ScenarioDef& scenario, World& world, HouseholdId h) {
  Households& hh = world.households;
  DisasterState& state = world.disasters;
  const Status was = hh.status[h];
  if (is_displaced(was) || hh.origin_dwelling[h] != kNone) ++world.flows.displaced_departures;
  if (hh.origin_dwelling[h] != kNone) ++world.flows.away_departures;
  if (was == Status::DisplacedShelter) --state.shelter_occupancy;
  if (was == Status::DisplacedCamp) --state.camp_occupancy;
  vacate(scenario, world, h);
  release_origin(scenario, world, h);
  hh.host[h] = kNone;
  hh.status[h] = Status::LeftCity;
  hh.months_in_arrears[h] = 0;
}

}  // namespace

void leave_city(const ScenarioDef& scenario, World& world, HouseholdId h) {
  leave(scenario, world, h);
  ++world.flows.departures;
}

void dissolve(const ScenarioDef& scenario, World& world, HouseholdId h) {
  leave(scenario, world, h);
  ++world.flows.dissolutions;
}

void hand_over(World& world, DwellingId d) {
  world.dwellings.owner_household[d] = kNone;
}

void clear_for_demolition(World& world, DwellingId d) {
  world.dwellings.occupant[d] = kNone;
  world.dwellings.owner_household[d] = kNone;
}

}  // namespace hearth::tenancy
