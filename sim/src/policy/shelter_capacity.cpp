// shelter_capacity (docs/POLICIES.md#shelter_capacity): extra public shelter
// and camp places while the programme acts. Each month, in the policy phase,
// every active programme opens as many of its places (shelter places first,
// then camp places) as the programme year's budget left pays at
// shelter_cost_per_place_per_month, and pays for them, used or not. The
// dislocation code's capacities (DisasterState::shelter_capacity and
// camp_capacity) are the scenario's plus the places open. When places close
// (the programme ends or its year's money runs out) and a shelter or camp
// holds more households than it now has places, the last households in
// (latest displacement, then highest id) move on through the same placement
// as the newly displaced: a host nearby, another site with room, or away
// from the city. The places open are shared out among the sites of their
// kind (housing/sites.hpp).
// Writes: PolicyState::shelter_extra_places, camp_extra_places; the
//        capacities; statuses of those who move on (serial); the ledger.
#include <algorithm>
#include <cmath>
#include <tuple>

#include "housing/placement.hpp"
#include "policy/disaster_levers.hpp"
#include "policy/policies.hpp"

namespace hearth::policy {
namespace {

// Moves the last households in out of every site that holds more than its
// places now (docs/MODEL.md 7.3: sites share a kind's places).
void close_places(const PhaseContext& ctx, World& world) {
  Households& hh = world.households;
  const auto& sites = world.disasters.sites;  // made by ensure_event_state
  std::vector<std::vector<std::tuple<std::int32_t, HouseholdId>>> inside(sites.size());
  for (HouseholdId h = 0; h < hh.count(); ++h) {
    if (is_at_site(hh.status[h]) && hh.site[h] < sites.size())
      inside[hh.site[h]].emplace_back(hh.displaced_at_tick[h], h);
  }
  std::vector<HouseholdId> moving;
  for (std::size_t k = 0; k < sites.size(); ++k) {
    const auto excess = static_cast<std::int64_t>(inside[k].size()) - sites[k].capacity;
    if (excess <= 0) continue;
    std::sort(inside[k].begin(), inside[k].end(), std::greater<>());
    for (std::int64_t i = 0; i < excess; ++i) moving.push_back(std::get<1>(inside[k][i]));
  }
  if (moving.empty()) return;
  std::sort(moving.begin(), moving.end());
  for (const HouseholdId h : moving) hh.status[h] = Status::Homeless;  // placed below
  disasters::recount_occupancy(world);
  disasters::Placement placement(ctx, world);
  for (const HouseholdId h : moving) placement.place(h);
}

}  // namespace

void run_shelter_capacity(const PhaseContext& ctx, World& world) {
  const ScenarioDef& s = ctx.scenario;
  PolicyState& ps = world.policies;
  const auto programmes = active_programmes(s, Lever::ShelterCapacity, ctx.tick);
  if (programmes.empty() && ps.shelter_extra_places == 0 && ps.camp_extra_places == 0) return;
  std::int64_t shelter = 0, camp = 0;
  for (const int k : programmes) {
    const ProgrammeDef& programme = s.policies[k];
    const auto& p = std::get<ShelterCapacityLever>(programme.lever);
    const double cost = p.shelter_cost_per_place_per_month;
    const auto affordable =
        static_cast<std::int64_t>(std::floor(budget_left(s, world, k, ctx.tick) / cost));
    const std::int64_t open = std::min(p.shelter_extra_places + p.camp_extra_places,
                                       std::max<std::int64_t>(0, affordable));
    const std::int64_t shelter_open = std::min(open, p.shelter_extra_places);
    spend(s, world, k, ctx.tick, static_cast<double>(open) * cost);
    shelter += shelter_open;
    camp += open - shelter_open;
  }
  ps.shelter_extra_places = shelter;
  ps.camp_extra_places = camp;
  if (s.hazards.empty()) return;  // nobody is displaced without events
  disasters::ensure_event_state(s, world);
  disasters::recount_occupancy(world);
  close_places(ctx, world);
}

}  // namespace hearth::policy
