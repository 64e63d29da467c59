#pragma once
// Heavy consistency checks, run after every tick when the run asks for them
// (`hearth run --check-invariants`, and always in the tests). A failure
// throws InvariantViolation naming the invariant, the entity and the tick.
#include "state/world.hpp"

namespace hearth {

// Household conservation: initial + arrivals - departures = households in city.
// One valid status per household; housed <=> has a dwelling.
// Dwelling <-> household links agree both ways; at most one household per dwelling.
// No negative money (income, savings, arrears, costs) or prices.
// Displacement flows balance: households away from a home of origin now =
// at the tick's start + displaced - returned - settled - left the city -
// bought out (checked when the tick counted the stock at its start).
void check_invariants(const World& world);

// Households in the city away from a home of origin here (origin_dwelling set).
std::int64_t households_away_from_home(const World& world);

}  // namespace hearth
