// Return phase (docs/MODEL.md 7.6): displaced households go back to their
// home of origin once it is repaired and still theirs, with a chance that
// falls the longer they have been away; owners need an intact tenure record.
// Households that give up settle where they are (an owner sells the damaged
// home as it is) and go on searching through the market. Tenants who have
// found a home elsewhere have settled. ("return" is a keyword, hence the
// file name.)
// Reads: Households (status, origin_dwelling, origin_status, months_displaced,
//        income), Dwellings (damage, work, occupant, owner, tenure,
//        record_intact), the submarket indices.
// Writes: slot i of months_displaced and a decision (parallel); the serial
//        commit in id order writes the dwelling links, status, housing cost,
//        origin_dwelling, returned_at_tick, host, and the occupancy counts.
//        Counts flows.returns, settled.
#include <algorithm>
#include <cmath>

#include "housing/market_model.hpp"
#include "housing/placement.hpp"
#include "parallel/parallel.hpp"
#include "parallel/rng.hpp"
#include "phases/phases.hpp"
#include "state/rents.hpp"
#include "state/tenancy.hpp"

namespace hearth {
namespace {

enum Decision : std::uint8_t { kWait = 0, kReturn = 1, kSettle = 2 };

bool owns_origin(Status origin_status) {
  return origin_status == Status::Owner || origin_status == Status::InformalDweller;
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
      // A landlord repaired with a reconstruction grant re-lets to its
      // displaced tenant at the pre-event rent (docs/POLICIES.md).
      if (dw.repair_grant[d] > 0)
        rent = std::min<double>(rent, hh.origin_housing_cost_per_month[h]);
      return rent <= s.market.max_rent_share_of_income * hh.income_per_month[h] ? rent : -1.0;
    }
    default:
      return -1.0;
  }
}

}  // namespace

void run_return(const PhaseContext& ctx, World& world) {
  const ScenarioDef& s = ctx.scenario;
  if (s.hazards.empty()) return;
  const ReturnDef& r = s.disasters.return_home;
  Households& hh = world.households;
  Dwellings& dw = world.dwellings;
  const auto tick = static_cast<std::uint32_t>(ctx.tick);

  std::vector<std::uint8_t> decision(hh.count(), kWait);
  parallel::for_range(hh.count(), [&](std::size_t begin, std::size_t end) {
    LaneRng rng(s.seed, s.replicate, tick, RngStream::Return);
    for (std::size_t i = begin; i < end; ++i) {
      const Status status = hh.status[i];
      const DwellingId d = hh.origin_dwelling[i];
      if (!is_in_city(status) || (d == kNone && !is_displaced(status))) continue;
      hh.months_displaced[i] =
          static_cast<std::uint16_t>(std::min<int>(hh.months_displaced[i] + 1, 65535));
      if (d == kNone) continue;
      const double u = rng.uniform(static_cast<std::uint32_t>(i));
      const Status origin = hh.origin_status[i];
      // Housed again elsewhere: a tenant (or anyone who bought) has settled.
      if (is_housed(status) && (!owns_origin(origin) || status == Status::Owner)) {
        decision[i] = kSettle;
        continue;
      }
      const bool habitable = dw.damage[d] == DamageState::None && dw.work_remaining_months[d] <= 0;
      bool theirs;
      if (owns_origin(origin)) {
        theirs = dw.owner_household[d] == i && dw.occupant[d] == kNone &&
                 (origin == Status::InformalDweller || dw.record_intact[d]);
      } else {
        // A tenancy can be taken up again while the dwelling stands empty and is still let.
        const Tenure want =
            origin == Status::SocialTenant ? Tenure::SocialRental : Tenure::PrivateRental;
        theirs = dw.occupant[d] == kNone && dw.tenure[d] == want && dw.owner_household[d] == kNone;
        if (!theirs ||
            (habitable && cost_on_return(s, world, static_cast<HouseholdId>(i), d) < 0)) {
          decision[i] = kSettle;  // re-let, sold, or now too dear: nothing to go back to
          continue;
        }
      }
      const double months = hh.months_displaced[i];
      if (habitable && theirs) {
        if (u < r.return_probability_per_month * std::exp(-months / r.return_decay_months))
          decision[i] = kReturn;
      } else if (u < r.give_up_rate_per_month * months / 12.0) {
        decision[i] = kSettle;
      }
    }
  });

  // Serial commit in id order (a dwelling is taken once).
  const auto acting =
      market::collect_ids(hh.count(), [&](std::size_t i) { return decision[i] != kWait; });
  for (const HouseholdId h : acting) {
    const DwellingId d = hh.origin_dwelling[h];
    if (decision[h] == kSettle) {
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

  // Guests whose stay ended elsewhere (housed by the market, returned) drop their host.
  parallel::for_each_index(hh.count(), [&](std::size_t i) {
    if (hh.status[i] != Status::DisplacedHost)
      tenancy::leave_host(world, static_cast<HouseholdId>(i));
  });
  disasters::recount_occupancy(world);
}

}  // namespace hearth
