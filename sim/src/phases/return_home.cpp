// Return phase (docs/MODEL.md 7.6): displaced households go back to their
// home of origin once they are ready (a time drawn once per spell from the
// survey-fitted return rate) and the home is repaired and still theirs;
// they give up at a time drawn from the give-up rate. Owners need an intact
// tenure record. A private tenant keeps a right to return for
// right_to_return_months: its unit is held and offered back on the same
// terms; afterwards the landlord may let it to someone else. Households that
// give up settle where they are (an owner sells the damaged home as it is)
// and go on searching through the market. ("return" is a keyword, hence
// the file name.)
// Reads: Households (status, origin_dwelling, origin_status, months_displaced,
//        displaced_at_tick, income), Dwellings (damage, work, occupant, owner,
//        tenure, record_intact, grant_tenant, repair_grant, rent), the
//        submarket indices.
// Writes: slot i of months_displaced and a decision (parallel); the serial
//        commit in id order writes the dwelling links, status, housing cost,
//        origin_dwelling, returned_at_tick, host, grant_tenant (lapsed
//        holds) and the occupancy counts. Counts flows.returns, settled,
//        return_holds_lapsed, relet_after_displacement, relet_at_higher_rent.
#include <algorithm>

#include "housing/doubling_up.hpp"
#include "housing/market_model.hpp"
#include "housing/placement.hpp"
#include "parallel/parallel.hpp"
#include "parallel/rng.hpp"
#include "phases/phases.hpp"
#include "phases/return_times.hpp"
#include "state/rents.hpp"
#include "state/tenancy.hpp"

namespace hearth {
namespace {

enum Decision : std::uint8_t { kWait = 0, kReturn = 1, kSettle = 2, kSettleRelet = 3 };

using return_times::owns_origin;
using return_times::spell_times;
using return_times::SpellTimes;

// A private rental held for a displaced tenant under its right to return
// (not one held by a reconstruction grant, which holds until the tenant
// returns or gives up).
bool held_by_right_to_return(const Dwellings& dw, DwellingId d, HouseholdId h) {
  return dw.grant_tenant[d] == h && dw.repair_grant[d] <= 0;
}

// A home its household can live in: undamaged and built, or with slight or
// moderate damage (DS1, DS2), which is repaired around its occupants (the
// Hazus displaced-household model counts such homes as habitable: docs/MODEL.md
// 7.6). DS3 and DS4 homes are uninhabitable until repaired (7.5).
bool habitable(const Dwellings& dw, DwellingId d) {
  if (bought_out(dw, d)) return false;
  if (dw.damage[d] == DamageState::None) return dw.work_remaining_months[d] <= 0;
  return dw.damage[d] < DamageState::Extensive;
}

// Housing cost on returning, or a negative value if the household cannot take it up.
double cost_on_return(const ScenarioDef& s, const World& world, HouseholdId h, DwellingId d) {
  const Households& hh = world.households;
  const Dwellings& dw = world.dwellings;
  switch (hh.origin_status[h]) {
    case Status::Owner:
    case Status::InformalDweller:
      return hh.origin_housing_cost_per_month[h];
    case Status::SocialTenant:
      // The social rent of the home of origin: its programme's share, if a
      // social_housing programme built it, else the city's.
      return rents::social_rent(rents::social_rent_share(s, dw, d), hh.income_per_month[h]);
    case Status::Renter: {
      // The landlord re-lets at the market rent; the former tenant comes back
      // only if it passes the landlord's screen.
      double rent = market::asking(s.market, world.market, dw, d);
      // A unit held for the tenant (its right to return, or a landlord's
      // reconstruction grant, docs/POLICIES.md) is offered back on the same
      // terms: at most the pre-event rent.
      if (dw.grant_tenant[d] == h)
        rent = std::min<double>(rent, hh.origin_housing_cost_per_month[h]);
      return rent <= s.market.max_rent_share_of_income * hh.income_per_month[h] ? rent : -1.0;
    }
    default:
      return -1.0;
  }
}

// What household i, away from its home of origin, does this month. Reads
// only (the parallel part of the phase).
Decision decide(const ScenarioDef& s, const World& world, HouseholdId i) {
  const Households& hh = world.households;
  const Dwellings& dw = world.dwellings;
  const DwellingId d = hh.origin_dwelling[i];
  const Status status = hh.status[i];
  const Status origin = hh.origin_status[i];
  const bool held = dw.grant_tenant[d] == i;
  // Housed again elsewhere: a tenant (or anyone who bought) has settled,
  // unless its unit is still held for it.
  if (is_housed(status) && (status == Status::Owner || (!owns_origin(origin) && !held)))
    return kSettle;
  const bool habitable_now = habitable(dw, d);
  bool theirs;
  if (owns_origin(origin)) {
    theirs = dw.owner_household[d] == i && dw.occupant[d] == kNone &&
             (origin == Status::InformalDweller || dw.record_intact[d]);
  } else {
    // A tenancy can be taken up again while the dwelling stands empty and is still let.
    const Tenure want =
        origin == Status::SocialTenant ? Tenure::SocialRental : Tenure::PrivateRental;
    theirs = dw.occupant[d] == kNone && dw.tenure[d] == want && dw.owner_household[d] == kNone;
    const bool relet = dw.occupant[d] != kNone && dw.tenure[d] == Tenure::PrivateRental;
    if (!theirs) return relet && origin == Status::Renter ? kSettleRelet : kSettle;
    if (habitable_now && cost_on_return(s, world, i, d) < 0) return kSettle;  // now too dear
  }
  // Months away, counting this one: a time within it has come by its end.
  const double months = hh.months_displaced[i];
  const SpellTimes times = spell_times(s, hh, dw, i, d);
  if (habitable_now && theirs && times.ready < months && times.ready < times.give_up)
    return kReturn;
  if (times.give_up < months) return kSettle;
  return kWait;
}

}  // namespace

void run_return(const PhaseContext& ctx, World& world) {
  const ScenarioDef& s = ctx.scenario;
  // Hosts that lost their home after the market (recovery) end their guests'
  // doubling up; this phase moves hosts only between homes.
  doubling_up::release_orphans(s, world);
  if (s.hazards.empty()) return;
  Households& hh = world.households;
  Dwellings& dw = world.dwellings;

  std::vector<std::uint8_t> decision(hh.count(), kWait);
  parallel::for_each_index(hh.count(), [&](std::size_t i) {
    const Status status = hh.status[i];
    const DwellingId d = hh.origin_dwelling[i];
    if (!is_in_city(status) || (d == kNone && !is_displaced(status))) return;
    hh.months_displaced[i] =
        static_cast<std::uint16_t>(std::min<int>(hh.months_displaced[i] + 1, 65535));
    if (d == kNone) return;
    decision[i] = decide(s, world, static_cast<HouseholdId>(i));
  });

  // Serial commit in id order (a dwelling is taken once).
  const auto acting =
      market::collect_ids(hh.count(), [&](std::size_t i) { return decision[i] != kWait; });
  for (const HouseholdId h : acting) {
    const DwellingId d = hh.origin_dwelling[h];
    if (decision[h] == kSettle || decision[h] == kSettleRelet) {
      if (decision[h] == kSettleRelet) tenancy::count_relet(world, h, d);
      tenancy::release_origin(s, world, h);
      ++world.flows.settled;
      continue;
    }
    if (dw.occupant[d] != kNone) continue;  // taken by a lower id this tick
    const double cost = cost_on_return(s, world, h, d);
    if (cost < 0) continue;
    tenancy::return_home(s, world, h, static_cast<float>(cost), ctx.tick);
    ++world.flows.returns;
  }

  // Rights to return that ran out: the landlord may let the unit again.
  const double window = s.disasters.return_home.right_to_return_months;
  for (HouseholdId h = 0; h < hh.count(); ++h) {
    const DwellingId d = hh.origin_dwelling[h];
    if (d != kNone && held_by_right_to_return(dw, d, h) && hh.months_displaced[h] > window)
      tenancy::lapse_hold(world, d);
  }

  // Guests whose stay ended elsewhere (housed by the market, returned) drop their host.
  parallel::for_each_index(hh.count(), [&](std::size_t i) {
    if (hh.status[i] != Status::DisplacedHost)
      tenancy::leave_host(world, static_cast<HouseholdId>(i));
  });
  disasters::recount_occupancy(world);
}

}  // namespace hearth
