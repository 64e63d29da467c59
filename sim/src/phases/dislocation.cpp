// Displacement phase, disaster part (docs/MODEL.md 7.3), called from
// run_displacement before the market's evictions: households leave dwellings
// damaged this tick with the dislocation probability of Lin (2009) (every
// damage state; it rises with the value lost), households in flooded cells
// who stay evacuate for days, guests whose hosts are gone move on, and
// arrival waves enter. All of them go through
// the same serial placement: a host nearby, a shelter, a camp, or away.
// Reads: Dwellings (damage_loss_ratio, damaged_at_tick, owner_household, cell,
//        structure), flood depths of the tick's floods, Households
//        (status, dwelling, income, host), the scenario's hazards.
// Writes: decisions per household in parallel (own slot); the serial commit
//        in id order writes status, dwelling links, origin_dwelling,
//        origin_status, origin_housing_cost_per_month, months_displaced,
//        displaced_at_tick, returned_at_tick, host, rent_arrears; appends
//        wave households. Counts flows.new_displacements, arrivals,
//        wave_arrivals, departures, displaced_departures, evacuations,
//        evacuee_days.
#include <algorithm>
#include <cmath>

#include "housing/household_economy.hpp"
#include "housing/market_model.hpp"
#include "housing/placement.hpp"
#include "indicators/map_payload.hpp"
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

// Households in cells flooded this tick that stay (decision kStay) evacuate
// for days with probability EvacuationDef::probability and are back within
// the tick: counted, their tenancy untouched.
void evacuate(const PhaseContext& ctx, World& world, const std::vector<std::uint8_t>& decision) {
  const ScenarioDef& s = ctx.scenario;
  const EvacuationDef& e = s.disasters.evacuation;
  std::vector<float> depth;  // deepest flood of the tick per cell, above ground
  for (std::size_t k = 0; k < s.hazards.size(); ++k) {
    if (s.hazards[k].type != "flood" || world.disasters.event_start_tick[k] != ctx.tick) continue;
    const std::vector<float> event = event_intensity(s, world.grid, k);
    depth.resize(event.size(), 0.0f);
    for (std::size_t c = 0; c < event.size(); ++c)
      depth[c] = std::max(depth[c], event[c] - world.grid.drainage_m[c]);
  }
  if (depth.empty() || e.probability <= 0) return;
  const Households& hh = world.households;
  const Dwellings& dw = world.dwellings;
  std::vector<std::uint8_t> days(hh.count(), 0);
  parallel::for_each_index(hh.count(), [&](std::size_t i) {
    const DwellingId d = hh.dwelling[i];
    if (decision[i] != kStay || d == kNone || !is_housed(hh.status[i])) return;
    if (!(depth[dw.cell[d]] > e.min_depth_m)) return;
    Rng rng(s.seed, s.replicate, static_cast<std::uint32_t>(ctx.tick), RngStream::Evacuation,
            static_cast<std::uint32_t>(i));
    if (!rng.bernoulli(e.probability)) return;
    // An exponential stay of mean_days, whole days, at least one and capped.
    const double stay = std::ceil(-e.mean_days * std::log(rng.uniform()));
    days[i] = static_cast<std::uint8_t>(std::clamp(stay, 1.0, e.max_days));
  });
  for (const std::uint8_t n : days) {
    world.flows.evacuations += n > 0;
    world.flows.evacuee_days += n;
  }
}

}  // namespace

double dislocation_probability(const DislocationDef& d, double value_loss_percent,
                               bool single_family) {
  const double logit = d.intercept + d.per_loss_percent * value_loss_percent +
                       (single_family ? d.single_family : 0.0) +
                       d.per_percent_black_block_group * d.percent_black_block_group +
                       d.per_percent_hispanic_block_group * d.percent_hispanic_block_group;
  return 1.0 / (1.0 + std::exp(-logit));
}

std::vector<std::uint8_t> single_family_dwellings(const DislocationDef& d, const World& world) {
  const Dwellings& dw = world.dwellings;
  std::vector<std::int32_t> per_cell(world.grid.cell_count(), 0);
  for (std::size_t i = 0; i < dw.count(); ++i) ++per_cell[dw.cell[i]];
  const double hectares = world.grid.cell_size_m * world.grid.cell_size_m / 10000.0;
  std::vector<std::uint8_t> single(dw.count(), 0);
  for (std::size_t i = 0; i < dw.count(); ++i) {
    single[i] = dw.structure[i] == StructureClass::InformalMakeshift ||
                per_cell[dw.cell[i]] <= d.single_family_max_dwellings_per_hectare * hectares;
  }
  return single;
}

void run_dislocation(const PhaseContext& ctx, World& world) {
  const ScenarioDef& s = ctx.scenario;
  if (s.hazards.empty()) return;
  ensure_event_state(s, world);
  const DislocationDef& p = s.disasters.dislocation;
  Households& hh = world.households;
  Dwellings& dw = world.dwellings;
  recount_occupancy(world);

  // Parallel: each household in a dwelling damaged this tick decides (Lin's
  // logistic, every damage state).
  std::vector<std::uint8_t> decision(hh.count(), kStay);
  if (world.flows.dwellings_damaged > 0) {
    const std::vector<std::uint8_t> single_family = single_family_dwellings(p, world);
    parallel::for_each_index(hh.count(), [&](std::size_t i) {
      const DwellingId d = hh.dwelling[i];
      if (d == kNone || !is_housed(hh.status[i]) || dw.damaged_at_tick[d] != ctx.tick) return;
      const double prob =
          dislocation_probability(p, 100.0 * dw.damage_loss_ratio[d], single_family[d] != 0);
      Rng rng(s.seed, s.replicate, static_cast<std::uint32_t>(ctx.tick), RngStream::Dislocation,
              static_cast<std::uint32_t>(i));
      if (!rng.bernoulli(prob)) return;
      decision[i] = rng.bernoulli(p.leave_city_share) ? kDislocateAndLeave : kDislocate;
    });
  }
  evacuate(ctx, world, decision);

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
