// Evictions (see evictions.hpp).
#include "phases/evictions.hpp"

#include <algorithm>

#include "parallel/rng.hpp"
#include "state/tenancy.hpp"

namespace hearth::evictions {
namespace {

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

}  // namespace

Rule::Rule(const PhaseContext& ctx, const World& world)
    : ctx_(ctx),
      tolerance_months_(static_cast<std::uint16_t>(ctx.scenario.market.eviction_tolerance_months)),
      // An eviction moratorium stops evictions for arrears; arrears and months
      // in arrears keep counting (docs/POLICIES.md#eviction_moratorium).
      moratorium_(moratorium_in_force(ctx.rules, ctx.scenario, world, ctx.tick)) {}

Eviction Rule::decide(World& world, HouseholdId i) const {
  Households& hh = world.households;
  const Dwellings& dw = world.dwellings;
  const bool in_arrears = hh.rent_arrears[i] > 0.0f;
  hh.months_in_arrears[i] =
      in_arrears ? static_cast<std::uint16_t>(std::min<int>(hh.months_in_arrears[i] + 1, 65535))
                 : 0;
  const DwellingId d = hh.dwelling[i];
  if (moratorium_ || hh.status[i] != Status::Renter || d == kNone ||
      dw.tenure[d] != Tenure::PrivateRental) {
    return Eviction::None;
  }
  if (hh.months_in_arrears[i] >= tolerance_months_) return Eviction::ForArrears;
  if (landlord_ends_damaged_tenancy(ctx_, dw, d, i)) return Eviction::AfterDamage;
  return Eviction::None;
}

void evict(const ScenarioDef& scenario, World& world, HouseholdId h, Eviction why) {
  Households& hh = world.households;
  tenancy::vacate(scenario, world, h);
  hh.status[h] = Status::Homeless;
  // The landlord writes off what it cannot collect; a new landlord
  // judges the household by its own rent only.
  hh.rent_arrears[h] = 0;
  ++world.flows.evictions;
  world.flows.damage_evictions += why == Eviction::AfterDamage;
}

}  // namespace hearth::evictions
