#pragma once
// Repairs of damaged dwellings (docs/MODEL.md 7.5), part of the recovery phase.
#include "phases/phases.hpp"
#include "state/world.hpp"

namespace hearth::disasters {

// Recovery phase, disaster part: funding and repairs with limited crews.
void run_repairs(const PhaseContext& ctx, World& world);

}  // namespace hearth::disasters
