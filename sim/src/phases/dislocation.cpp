// Displacement phase, disaster part (docs/MODEL.md 7.3), called from
// run_displacement before the market's evictions: households leave dwellings
// damaged this tick (DS3+ always; DS1-DS2 with a dislocation probability
// that rises with the loss and falls with ownership and income), guests whose
// hosts are gone move on, and arrival waves enter. All of them go through
// the same serial placement: a host nearby, a shelter, a camp, or away.
// Reads: Dwellings (damage, damaged_at_tick, owner_household), Households
//        (status, dwelling, income, host), the scenario's hazards.
// Writes: decisions per household in parallel (own slot); the serial commit
//        in id order writes status, dwelling links, origin_dwelling,
//        origin_status, origin_housing_cost_per_month, months_displaced,
//        displaced_at_tick, returned_at_tick, host, rent_arrears; appends
//        wave households. Counts flows.new_displacements, arrivals,
//        wave_arrivals, departures, displaced_departures.
#include <algorithm>
#include <cmath>

#include "housing/household_economy.hpp"
#include "housing/market_model.hpp"
#include "housing/placement.hpp"
#include "parallel/parallel.hpp"
#include "parallel/rng.hpp"
#include "phases/dislocation.hpp"
#include "phases/migration.hpp"
#include "state/demographics.hpp"
#include "state/tenancy.hpp"

namespace hearth::disasters {
namespace {

enum Decision : std::uint8_t { kStay = 0, kDislocate = 1, kDislocateAndLeave = 2 };

// Households of wave k that arrive at tick t (cumulative floors, so fractions carry over).
std::int64_t wave_households(const HazardEventDef& e, std::int32_t start, std::int32_t t) {
  auto cumulative = [&](std::int32_t upto) {
    const std::int32_t elapsed = std::clamp(upto - start + 1, 0, e.duration_ticks);
    return static_cast<std::int64_t>(std::floor(e.households_per_tick * elapsed));
  };
  return cumulative(t) - cumulative(t - 1);
}

// Appends n households of wave event e; they enter without a dwelling.
std::vector<HouseholdId> add_wave(const PhaseContext& ctx, World& world, const HazardEventDef& e,
                                  std::int64_t n) {
  // Waves bring no residents of this city; the mix is normalised.
  OriginSharesDef mix{0.0, e.rural_migrant_share, e.internally_displaced_share, e.refugee_share};
  if (mix.rural_migrant + mix.internally_displaced + mix.refugee <= 0) mix.internally_displaced = 1;
  const HouseholdId first =
      migration::append_arrivals(ctx, world, n,
                                 {e.income_median_per_month, e.income_sigma_log,
                                  e.savings_months_of_income, mix, RngStream::ArrivalWave});
  world.flows.wave_arrivals += n;
  std::vector<HouseholdId> ids(static_cast<std::size_t>(n));
  for (std::size_t k = 0; k < ids.size(); ++k) ids[k] = static_cast<HouseholdId>(first + k);
  return ids;
}

}  // namespace

double dislocation_probability(const DislocationDef& d, const FragilityDef& f, DamageState ds,
                               bool owner, double income_per_month, double median_income) {
  if (ds >= DamageState::Extensive) return 1.0;  // uninhabitable
  if (ds == DamageState::None) return 0.0;
  const double loss_percent = 100.0 * f.loss_ratio[static_cast<int>(ds) - 1];
  const double relative = std::max(income_per_month, 1.0) / std::max(median_income, 1.0);
  const double logit = d.intercept + d.per_loss_percent * loss_percent + (owner ? d.owner : 0.0) +
                       d.log_income * std::log(relative);
  return 1.0 / (1.0 + std::exp(-logit));
}

void run_dislocation(const PhaseContext& ctx, World& world) {
  const ScenarioDef& s = ctx.scenario;
  if (s.hazards.empty()) return;
  ensure_event_state(s, world);
  const DislocationDef& p = s.disasters.dislocation;
  const FragilityDef& f = s.disasters.fragility;
  Households& hh = world.households;
  Dwellings& dw = world.dwellings;
  recount_occupancy(world);

  // Parallel: each household in a dwelling damaged this tick decides.
  std::vector<std::uint8_t> decision(hh.count(), kStay);
  if (world.flows.dwellings_damaged > 0) {
    const double median = median_income(world);
    parallel::for_each_index(hh.count(), [&](std::size_t i) {
      const DwellingId d = hh.dwelling[i];
      if (d == kNone || !is_housed(hh.status[i]) || dw.damaged_at_tick[d] != ctx.tick) return;
      const bool owner = dw.owner_household[d] == i;
      const double prob =
          dislocation_probability(p, f, dw.damage[d], owner, hh.income_per_month[i], median);
      Rng rng(s.seed, s.replicate, static_cast<std::uint32_t>(ctx.tick), RngStream::Dislocation,
              static_cast<std::uint32_t>(i));
      if (!rng.bernoulli(prob)) return;
      decision[i] = rng.bernoulli(p.leave_city_share) ? kDislocateAndLeave : kDislocate;
    });
  }

  // Serial commit in id order: leave the dwelling, keep the claim on it.
  const auto leaving =
      market::collect_ids(hh.count(), [&](std::size_t i) { return decision[i] != kStay; });
  for (const HouseholdId h : leaving) {
    const DwellingId d = hh.dwelling[h];
    if (hh.origin_dwelling[h] != kNone && hh.status[h] == Status::Owner &&
        dw.owner_household[d] == h) {
      // Away, but the damaged place is a home bought since (not a shack built
      // meanwhile): the household had settled there, so the old claim is
      // given up and this home is the one to return to.
      tenancy::release_origin(s, world, h);
      ++world.flows.settled;
    }
    // Already away from home, in a place taken meanwhile: that place is
    // lost, the claim on the home of origin and the time away are kept.
    if (!tenancy::displace(world, h, ctx.tick)) ++world.flows.displaced_again;
    ++world.flows.new_displacements;  // placed below
  }

  // Who needs a place: the newly displaced (guests whose host is gone are
  // placed again at the end of the displacement phase, after evictions and
  // departures, by replace_orphaned_guests).
  std::vector<HouseholdId> to_place;
  for (const HouseholdId h : leaving) {
    if (decision[h] == kDislocate) {
      to_place.push_back(h);
    } else {
      tenancy::leave_city(s, world, h);
    }
  }
  // Arrival waves under way.
  std::vector<HouseholdId> wave;
  for (std::size_t k = 0; k < s.hazards.size(); ++k) {
    const HazardEventDef& e = s.hazards[k];
    const std::int32_t start = world.disasters.event_start_tick[k];
    if (e.type != "arrival_wave" || start == 0) continue;
    const std::int64_t n = wave_households(e, start, ctx.tick);
    if (n <= 0) continue;
    const auto ids = add_wave(ctx, world, e, n);
    wave.insert(wave.end(), ids.begin(), ids.end());
  }
  if (to_place.empty() && wave.empty()) return;
  Placement placement(ctx, world);
  for (const HouseholdId h : to_place) placement.place(h);
  for (const HouseholdId h : wave) placement.place(h);
}

}  // namespace hearth::disasters
