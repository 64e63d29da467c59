#pragma once
// Doubling up (docs/MODEL.md 7.4): a household that the market and the
// informal sector left without a home may move in with a housed household
// of its neighbourhood (kin or friends) instead of sleeping rough. The
// guest (status DoubledUp) pays no housing cost of its own, keeps searching
// the market every month, and is not homeless in HUD's count.
#include <vector>

#include "phases/phases.hpp"
#include "state/world.hpp"

namespace hearth::doubling_up {

// Each household of `unhoused` (ascending ids, status Homeless) still
// Homeless tries, with the scenario's monthly chance
// (market.doubling_up_rate_per_month), to move in with a willing host of
// its neighbourhood with room and means (the hosts of 7.3, HostPool).
// Serial and seeded.
void double_up(const PhaseContext& ctx, World& world, const std::vector<HouseholdId>& unhoused);

// Guests whose host is no longer housed in the city (it left, was evicted,
// was displaced or dissolved) are Homeless again and search. Called where a
// phase may have unhoused a host: before the market and at the end of the tick.
void release_orphans(const ScenarioDef& s, World& world);

}  // namespace hearth::doubling_up
