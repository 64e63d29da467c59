// Doubling up (see doubling_up.hpp).
#include "housing/doubling_up.hpp"

#include "housing/market_model.hpp"
#include "housing/placement.hpp"
#include "parallel/rng.hpp"
#include "state/tenancy.hpp"

namespace hearth::doubling_up {

void double_up(const PhaseContext& ctx, World& world, const std::vector<HouseholdId>& unhoused) {
  const ScenarioDef& s = ctx.scenario;
  const double rate = s.market.doubling_up_rate_per_month;
  if (rate <= 0.0 || unhoused.empty()) return;
  const Households& hh = world.households;
  std::vector<HouseholdId> trying;
  for (const HouseholdId h : unhoused) {
    if (hh.status[h] != Status::Homeless) continue;
    Rng rng(s.seed, s.replicate, static_cast<std::uint32_t>(ctx.tick), RngStream::DoublingUp, h);
    if (rng.bernoulli(rate)) trying.push_back(h);
  }
  if (trying.empty()) return;
  disasters::HostPool hosts(s, world);
  for (const HouseholdId h : trying) {
    const HouseholdId host = hosts.take(ctx.tick, h);
    if (host != kNone) tenancy::double_up(world, h, host);
  }
}

void release_orphans(const ScenarioDef& s, World& world) {
  // Guests exist only where one of the keys is on (a city may start with
  // guests and never double up again).
  if (s.market.doubling_up_rate_per_month <= 0.0 && s.city.doubled_up_share <= 0.0) return;
  const Households& hh = world.households;
  const auto orphans = market::collect_ids(hh.count(), [&](std::size_t i) {
    return hh.status[i] == Status::DoubledUp && !is_housed(hh.status[hh.host[i]]);
  });
  for (const HouseholdId h : orphans) tenancy::end_doubling_up(world, h);
}

}  // namespace hearth::doubling_up
