#pragma once
// Dislocation (docs/MODEL.md 7.3): who leaves a damaged home, and arrival
// waves. Part of the displacement phase, run before evictions.
#include <cstdint>
#include <vector>

#include "hearth/scenario.hpp"
#include "phases/phases.hpp"
#include "state/world.hpp"

namespace hearth::disasters {

// Probability that a household leaves a damaged dwelling that lost
// value_loss_percent of its value (Lin 2009's logistic; docs/MODEL.md 7.3).
double dislocation_probability(const DislocationDef& d, double value_loss_percent,
                               bool single_family);

// Per dwelling, 1 where it counts as a single-family structure: informal, or
// in a cell of at most single_family_max_dwellings_per_hectare dwellings.
std::vector<std::uint8_t> single_family_dwellings(const DislocationDef& d, const World& world);

// Displacement phase, disaster part: dislocation from damaged dwellings,
// re-placement of guests whose hosts are gone, and arrival waves.
void run_dislocation(const PhaseContext& ctx, World& world);

}  // namespace hearth::disasters
