#include "state/tenancy.hpp"

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

// ---- The log of displacement flows (flows.csv) -----------------------------

std::int32_t neighbourhood_of(const World& world, CellId c) {
  return static_cast<std::int32_t>(world.grid.neighbourhood[c]);
}

// Where household h is now, as a place of flows.csv. A household between
// homes (vacated by the caller, or displaced and not yet placed) is where
// its life is: the anchor cell's neighbourhood (its last home).
std::int32_t place_of(const World& world, HouseholdId h) {
  const Households& hh = world.households;
  if (hh.dwelling[h] != kNone) return neighbourhood_of(world, world.dwellings.cell[hh.dwelling[h]]);
  switch (hh.status[h]) {
    case Status::DisplacedShelter:
    case Status::DisplacedCamp:
      return kFlowFirstSite - static_cast<std::int32_t>(hh.site[h]);
    case Status::DisplacedHost:
    case Status::DoubledUp: {
      const HouseholdId host = hh.host[h];
      if (host != kNone && hh.dwelling[host] != kNone)
        return neighbourhood_of(world, world.dwellings.cell[hh.dwelling[host]]);
      return neighbourhood_of(world, hh.anchor_cell[h]);
    }
    case Status::Homeless:
      return kFlowHomeless;
    case Status::LeftCity:
      return kFlowOutside;
    default:
      return neighbourhood_of(world, hh.anchor_cell[h]);
  }
}

bool is_away(const World& world, HouseholdId h) {
  return world.households.origin_dwelling[h] != kNone || is_displaced(world.households.status[h]);
}

void log_flow(World& world, std::int32_t from, std::int32_t to, FlowKind kind) {
  world.flows.moves_log.push_back(FlowEvent{from, to, kind});
}

// A household displaced this tick reaches its first place `to`: its logged
// displacement gets a destination. Returns false if it was not waiting.
bool complete_displacement(World& world, HouseholdId h, std::int32_t to) {
  auto& waiting = world.flows.awaiting_placement;
  const auto it = waiting.find(h);
  if (it == waiting.end()) return false;
  world.flows.moves_log[it->second].to = to;
  waiting.erase(it);
  return true;
}

// Household h is placed in `to` (a host's neighbourhood, a shelter, a camp).
void log_placement(World& world, HouseholdId h, std::int32_t to) {
  if (complete_displacement(world, h, to)) return;
  const Households& hh = world.households;
  const bool arrival = hh.status[h] == Status::Homeless && hh.origin_dwelling[h] == kNone &&
                       hh.displaced_at_tick[h] == 0 && hh.moves[h] == 0;
  if (arrival) {
    log_flow(world, kFlowOutside, to, FlowKind::Arrived);
  } else {
    log_flow(world, place_of(world, h), to, FlowKind::MovedOn);
  }
}

// The occupation itself, not logged (occupy and return_home log their own kind).
void move_in(World& world, HouseholdId h, DwellingId d, Status status,
             float housing_cost_per_month) {
  Households& hh = world.households;
  Dwellings& dw = world.dwellings;
  // The callers vacate the old home without touching the status, so it is
  // still the tenure the household moves from.
  world.flows.moves_owners += hh.status[h] == Status::Owner;
  world.flows.moves_renters += hh.status[h] == Status::Renter;
  // A household doubled up with kin has a home of its own again. (A displaced
  // guest drops its host in the return phase, 7.3.)
  if (hh.status[h] == Status::DoubledUp) hh.host[h] = kNone;
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
  const std::int32_t to = neighbourhood_of(world, world.dwellings.cell[d]);
  if (!complete_displacement(world, h, to) && is_away(world, h))
    log_flow(world, place_of(world, h), to, FlowKind::Rehoused);
  move_in(world, h, d, status, housing_cost_per_month);
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
  world.flows.awaiting_placement[h] = world.flows.moves_log.size();
  log_flow(world, neighbourhood_of(world, dw.cell[d]), kFlowHomeless, FlowKind::Displaced);
  if (first) {
    hh.displaced_from[h] = d;
    // A private tenant's right to return: the landlord holds the unit.
    if (hh.status[h] == Status::Renter && dw.tenure[d] == Tenure::PrivateRental &&
        dw.grant_tenant[d] == kNone)
      dw.grant_tenant[d] = h;
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
  const DwellingId at = world.households.dwelling[host];
  log_placement(world, h,
                at != kNone ? neighbourhood_of(world, world.dwellings.cell[at])
                            : neighbourhood_of(world, world.households.anchor_cell[host]));
  world.households.status[h] = Status::DisplacedHost;
  world.households.host[h] = host;
}

void place_at_site(World& world, HouseholdId h, Status status, std::uint16_t site) {
  log_placement(world, h, kFlowFirstSite - static_cast<std::int32_t>(site));
  world.households.status[h] = status;
  world.households.site[h] = site;
  ++(status == Status::DisplacedCamp ? world.disasters.camp_occupancy
                                     : world.disasters.shelter_occupancy);
}

void leave_host(World& world, HouseholdId h) {
  world.households.host[h] = kNone;
}

void double_up(World& world, HouseholdId h, HouseholdId host) {
  world.households.status[h] = Status::DoubledUp;
  world.households.host[h] = host;
}

void end_doubling_up(World& world, HouseholdId h) {
  world.households.status[h] = Status::Homeless;
  world.households.host[h] = kNone;
}

void return_home(const ScenarioDef& scenario, World& world, HouseholdId h, float cost,
                 std::int32_t tick) {
  Households& hh = world.households;
  Dwellings& dw = world.dwellings;
  const DwellingId d = hh.origin_dwelling[h];
  const Status origin = hh.origin_status[h];
  log_flow(world, place_of(world, h), neighbourhood_of(world, dw.cell[d]), FlowKind::Returned);
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
  move_in(world, h, d, origin, cost);
  hh.origin_dwelling[h] = kNone;
  dw.grant_tenant[d] = kNone;  // a grant's hold ends with the return
  hh.returned_at_tick[h] = tick;
}

void lapse_hold(World& world, DwellingId d) {
  world.dwellings.grant_tenant[d] = kNone;
  ++world.flows.return_holds_lapsed;
}

void count_relet(World& world, HouseholdId h, DwellingId d) {
  ++world.flows.relet_after_displacement;
  if (world.dwellings.rent_per_month[d] > world.households.origin_housing_cost_per_month[h])
    ++world.flows.relet_at_higher_rent;
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
  if (!complete_displacement(world, h, kFlowOutside) && is_away(world, h))
    log_flow(world, place_of(world, h), kFlowOutside, FlowKind::LeftCity);
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
