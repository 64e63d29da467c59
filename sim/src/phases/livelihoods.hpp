#pragma once
// Livelihood losses after damage (docs/MODEL.md 7.3), part of the hazard phase.
#include "phases/phases.hpp"
#include "state/world.hpp"

namespace hearth::disasters {

// Hazard phase, livelihood part: households of neighbourhoods whose homes
// were damaged this tick lose income (sim/src/phases/livelihoods.cpp).
void cut_incomes_after_damage(const PhaseContext& ctx, World& world);

}  // namespace hearth::disasters
