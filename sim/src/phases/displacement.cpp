// Displacement phase: who leaves a home this month, in this order
// (docs/MODEL.md, "Submodel: housing market"; 7.3 for disasters; 7.10, 7.11):
//   1. dislocation from dwellings damaged this tick, and arrival waves
//      (phases/dislocation.cpp), each placed at once (housing/placement.cpp);
//   2. birthdays: ageing, deaths, births, merges (phases/life_cycle.cpp);
//   3. evictions by landlords (phases/evictions.cpp) and foreclosures by
//      lenders (phases/mortgages.cpp);
//   4. departures from the city (phases/migration.cpp);
//   5. dissolved households replaced by young adults leaving home
//      (phases/life_cycle.cpp), then arrivals (phases/migration.cpp);
//   6. guests whose stay ended are placed again (housing/placement.cpp).
// Steps 2 to 4 share one parallel pass over the households: a household
// that dissolves or is evicted this tick does not also draw a departure.
// Reads and writes: see each step's header.
#include "housing/market_model.hpp"
#include "housing/placement.hpp"
#include "parallel/parallel.hpp"
#include "parallel/rng.hpp"
#include "phases/dislocation.hpp"
#include "phases/evictions.hpp"
#include "phases/life_cycle.hpp"
#include "phases/migration.hpp"
#include "phases/mortgages.hpp"
#include "phases/phases.hpp"

namespace hearth {
namespace {

// What a household does this tick in steps 2 and 3.
enum Action : std::uint8_t {
  kStay = 0,
  kEvict = 1,
  kDepart = 2,
  kEvictDamaged = 3,
  kDissolve = 4,
  kForeclose = 5,
  kDefault = 6  // counted only: the owner stays until foreclosure
};

}  // namespace

void run_displacement(const PhaseContext& ctx, World& world) {
  const ScenarioDef& s = ctx.scenario;
  market::ensure_initialised(s, world);
  Households& hh = world.households;
  const auto tick = static_cast<std::uint32_t>(ctx.tick);
  // Disasters first: a household displaced by damage is not then evicted.
  disasters::run_dislocation(ctx, world);
  const evictions::Rule eviction_rule(ctx, world);
  // The city's pull on migrants, from the state at the start of the step.
  const migration::Pull pull = migration::city_pull(s, world);
  const bool life_cycle = s.life_cycle.enabled;
  life_cycle::Birthdays birthdays(ctx);

  // Parallel: each household updates its own arrears counter and decides.
  std::vector<std::uint8_t> action(hh.count(), kStay);
  parallel::for_range(hh.count(), [&](std::size_t begin, std::size_t end) {
    LaneRng rng(s.seed, s.replicate, tick, RngStream::Displacement);
    for (std::size_t i = begin; i < end; ++i) {
      const Status status = hh.status[i];
      if (!is_in_city(status)) continue;
      const auto h = static_cast<HouseholdId>(i);
      if (life_cycle && birthdays.visit(hh, h) == life_cycle::Event::Dissolve) {
        action[i] = kDissolve;
        continue;
      }
      switch (eviction_rule.decide(world, h)) {
        case evictions::Eviction::ForArrears:
          action[i] = kEvict;
          continue;
        case evictions::Eviction::AfterDamage:
          action[i] = kEvictDamaged;
          continue;
        case evictions::Eviction::None:
          break;
      }
      switch (mortgages::decide(s, world, h)) {
        case mortgages::LenderAction::Foreclose:
          action[i] = kForeclose;
          continue;
        case mortgages::LenderAction::Default:
          action[i] = kDefault;
          break;
        case mortgages::LenderAction::None:
          break;
      }
      if (rng.bernoulli(h, migration::departure_rate(s, status, pull))) action[i] = kDepart;
    }
  });
  birthdays.add_counts_to(world.flows);

  // Serial commit in id order: the dwellings freed go back on the market.
  const auto acting =
      market::collect_ids(hh.count(), [&](std::size_t i) { return action[i] != kStay; });
  std::int64_t dissolved = 0;
  for (const HouseholdId h : acting) {
    switch (action[h]) {
      case kDepart:
        migration::depart(s, world, h);
        break;
      case kDissolve:
        life_cycle::dissolve(ctx, world, h);
        ++dissolved;
        break;
      case kForeclose:
        mortgages::foreclose(s, world, h);
        break;
      case kDefault:
        ++world.flows.mortgage_defaults;
        break;
      default:
        evictions::evict(s, world, h,
                         action[h] == kEvict ? evictions::Eviction::ForArrears
                                             : evictions::Eviction::AfterDamage);
    }
  }
  life_cycle::form_households(ctx, world, dissolved);
  migration::add_arrivals(ctx, world, pull);
  disasters::replace_orphaned_guests(ctx, world);
}

}  // namespace hearth
