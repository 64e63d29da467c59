#pragma once
// Dislocation (docs/MODEL.md 7.3): who leaves a damaged home, and arrival
// waves. Part of the displacement phase, run before evictions.
#include <cstdint>

#include "hearth/scenario.hpp"
#include "phases/phases.hpp"
#include "state/world.hpp"

namespace hearth::disasters {

// Probability that a household leaves a dwelling in damage state ds (DS3+: 1).
double dislocation_probability(const DislocationDef& d, const FragilityDef& f, DamageState ds,
                               bool owner, double income_per_month, double median_income);

// Displacement phase, disaster part: dislocation from damaged dwellings,
// re-placement of guests whose hosts are gone, and arrival waves.
void run_dislocation(const PhaseContext& ctx, World& world);

}  // namespace hearth::disasters
