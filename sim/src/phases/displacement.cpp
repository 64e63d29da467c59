// Displacement phase (docs/MODEL.md, "Submodel: housing market", evictions
// and migration; 7.3 for disaster displacement, which runs first, in
// phases/dislocation.cpp).
// Reads: status, dwelling, rent_arrears, Dwellings::tenure, damage and
//        damaged_at_tick, the migration, market and dislocation parameters.
// Writes: slot i of months_in_arrears (parallel); evictions and departures
//        are committed serially in id order (status, dwelling links,
//        rent_arrears, savings of selling owners); arrivals append household
//        rows at the end. Counts flows.evictions (of which
//        damage_evictions), departures, arrivals.
#include <cmath>

#include "parallel/parallel.hpp"
#include "parallel/rng.hpp"
#include "phases/disasters.hpp"
#include "phases/market_common.hpp"
#include "phases/phases.hpp"
#include "policy/housing_levers.hpp"
#include "state/demographics.hpp"
#include "state/tenancy.hpp"

namespace hearth {
namespace {

enum Action : std::uint8_t { kStay = 0, kEvict = 1, kDepart = 2, kEvictDamaged = 3 };

// Whether the landlord of damaged dwelling d ends tenant h's tenancy this
// tick: only for damage this tick that leaves the dwelling habitable (DS1,
// DS2; DS3+ tenants were displaced already), with a chance per damage state.
bool landlord_ends_damaged_tenancy(const PhaseContext& ctx, const Dwellings& dw, DwellingId d,
                                   HouseholdId h) {
  if (dw.damaged_at_tick[d] != ctx.tick) return false;
  const DislocationDef& p = ctx.scenario.disasters.dislocation;
  const auto state = static_cast<int>(dw.damage[d]);
  const double chance = state == 1   ? p.landlord_eviction_probability_ds1
                        : state == 2 ? p.landlord_eviction_probability_ds2
                                     : 0.0;
  if (chance <= 0) return false;
  Rng rng(ctx.scenario.seed, ctx.scenario.replicate, static_cast<std::uint32_t>(ctx.tick),
          RngStream::DamageEvictions, h);
  return rng.bernoulli(chance);
}

// Cumulative arrivals up to the end of tick t (real-valued); a tick's
// arrivals are the difference of the floors, so fractions carry over.
double cumulative_arrivals(const ScenarioDef& s, double initial, std::int32_t t) {
  const MigrationDef& m = s.migration;
  double shock_ticks = 0;
  if (m.shock_end_tick >= m.shock_start_tick) {
    shock_ticks = std::max(0, std::min(t, m.shock_end_tick) - m.shock_start_tick + 1);
  }
  return initial * (m.arrival_rate_per_month * t + m.shock_arrival_rate_per_month * shock_ticks);
}

void add_arrivals(const PhaseContext& ctx, World& world, std::int64_t n) {
  if (n <= 0) return;
  const ScenarioDef& s = ctx.scenario;
  const MigrationDef& m = s.migration;
  const auto& groups = s.city.groups;
  Households& hh = world.households;
  const Dwellings& dw = world.dwellings;
  const std::size_t first = hh.count();
  hh.resize(first + static_cast<std::size_t>(n));
  parallel::for_each_index(static_cast<std::size_t>(n), [&](std::size_t k) {
    const auto h = static_cast<HouseholdId>(first + k);
    Rng rng(s.seed, s.replicate, static_cast<std::uint32_t>(ctx.tick), RngStream::Arrivals, h);
    const double income =
        m.arrival_income_median_per_month * std::exp(m.arrival_income_sigma_log * rng.normal());
    draw_demographics(rng, s.city.household_size_shares, groups, m.arrival_origin_shares, hh, h);
    hh.base_income_per_month[h] = static_cast<float>(income);
    hh.income_per_month[h] = static_cast<float>(income);
    hh.income_log_deviation[h] = 0.0f;
    hh.savings[h] = static_cast<float>(m.arrival_savings_months_of_income * income *
                                       std::exp(0.8 * rng.normal() - 0.32));
    // Arrivals join their network: the anchor is where a random dwelling is.
    hh.anchor_cell[h] = dw.count() ? dw.cell[rng.below(static_cast<std::uint32_t>(dw.count()))] : 0;
    // Homeless (new rows have no dwelling) until the market houses them, this tick or later.
    hh.status[h] = Status::Homeless;
  });
  world.flows.arrivals += n;
}

}  // namespace

void run_displacement(const PhaseContext& ctx, World& world) {
  const ScenarioDef& s = ctx.scenario;
  market::ensure_initialised(s, world);
  const MarketDef& m = s.market;
  const MigrationDef& mig = s.migration;
  Households& hh = world.households;
  const Dwellings& dw = world.dwellings;
  const auto tick = static_cast<std::uint32_t>(ctx.tick);
  const auto tolerance = static_cast<std::uint16_t>(m.eviction_tolerance_months);
  // An eviction moratorium stops evictions for arrears; arrears and months in
  // arrears keep counting (docs/POLICIES.md#eviction_moratorium).
  const bool moratorium = policy::moratorium_in_force(s, world, ctx.tick);
  // Disasters first: a household displaced by damage is not then evicted.
  disasters::run_dislocation(ctx, world);
  const double displaced_rate = s.disasters.dislocation.displaced_departure_rate_per_month;

  // Parallel: each household updates its own arrears counter and decides.
  std::vector<std::uint8_t> action(hh.count(), kStay);
  parallel::for_range(hh.count(), [&](std::size_t begin, std::size_t end) {
    LaneRng rng(s.seed, s.replicate, tick, RngStream::Displacement);
    for (std::size_t i = begin; i < end; ++i) {
      const Status status = hh.status[i];
      if (!is_in_city(status)) continue;
      const bool in_arrears = hh.rent_arrears[i] > 0.0f;
      hh.months_in_arrears[i] =
          in_arrears ? static_cast<std::uint16_t>(std::min<int>(hh.months_in_arrears[i] + 1, 65535))
                     : 0;
      // Private landlords evict tenants in arrears past their tolerance; the
      // public landlord does not (its rents follow income). They also end the
      // tenancies of some sitting tenants whose dwelling was damaged this tick
      // but stays habitable, to repair and re-let (docs/MODEL.md 7.3).
      if (!moratorium && status == Status::Renter && hh.dwelling[i] != kNone &&
          dw.tenure[hh.dwelling[i]] == Tenure::PrivateRental) {
        if (hh.months_in_arrears[i] >= tolerance) {
          action[i] = kEvict;
          continue;
        }
        if (landlord_ends_damaged_tenancy(ctx, dw, hh.dwelling[i], static_cast<HouseholdId>(i))) {
          action[i] = kEvictDamaged;
          continue;
        }
      }
      const double rate = status == Status::Homeless ? mig.homeless_departure_rate_per_month
                          : is_displaced(status)     ? displaced_rate
                                                     : mig.departure_rate_per_month;
      if (rng.bernoulli(static_cast<std::uint32_t>(i), rate)) action[i] = kDepart;
    }
  });

  // Serial commit in id order: the dwellings freed go back on the market.
  const auto acting =
      market::collect_ids(hh.count(), [&](std::size_t i) { return action[i] != kStay; });
  for (const HouseholdId h : acting) {
    if (action[h] == kEvict || action[h] == kEvictDamaged) {
      tenancy::vacate(s, world, h);
      hh.status[h] = Status::Homeless;
      // The landlord writes off what it cannot collect; a new landlord
      // judges the household by its own rent only.
      hh.rent_arrears[h] = 0;
      ++world.flows.evictions;
      world.flows.damage_evictions += action[h] == kEvictDamaged;
    } else {
      // Frees its dwelling, its home of origin and its shelter or camp place.
      tenancy::leave_city(s, world, h);
    }
  }

  const double initial = static_cast<double>(world.initial_households);
  const auto arrivals =
      static_cast<std::int64_t>(std::floor(cumulative_arrivals(s, initial, ctx.tick))) -
      static_cast<std::int64_t>(std::floor(cumulative_arrivals(s, initial, ctx.tick - 1)));
  add_arrivals(ctx, world, arrivals);
  disasters::replace_orphaned_guests(ctx, world);
}

}  // namespace hearth
