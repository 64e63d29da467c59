#pragma once
// Drawing a household's size and group attributes, shared by the city
// generator (initial households) and in-migration (arrivals), so that both
// follow the scenario's distributions the same way.
#include "hearth/scenario.hpp"
#include "parallel/rng.hpp"
#include "state/households.hpp"

namespace hearth {

// Draws, in this order: size (from `size_shares`, 1..5 and 6+ persons),
// female head, disability, head age band, origin (shares normalised to sum
// to one). Writes slot h of size, female_headed, disability, head_age, origin.
void draw_demographics(Rng& rng, const std::array<double, 6>& size_shares, const GroupsDef& groups,
                       const OriginSharesDef& origin_shares, Households& hh, HouseholdId h);

}  // namespace hearth
