#pragma once
// Drawing a household's size and group attributes, shared by the city
// generator (initial households) and in-migration (arrivals), so that both
// follow the scenario's distributions the same way.
#include "hearth/scenario.hpp"
#include "parallel/rng.hpp"
#include "state/households.hpp"

namespace hearth {

// An age of head in years within its band: uniform in 18-29 and 30-64; 65+
// falling off with age (docs/MODEL.md 7.10, an assumption).
std::uint8_t age_in_band(Rng& rng, HeadAgeBand band);

// Draws, in this order: size (from `size_shares`, 1..5 and 6+ persons),
// female head, disability, head age band, origin (shares normalised to sum
// to one), age of head in its band. Writes slot h of size, female_headed,
// disability, head_age, origin, head_age_years.
void draw_demographics(Rng& rng, const std::array<double, 6>& size_shares, const GroupsDef& groups,
                       const OriginSharesDef& origin_shares, Households& hh, HouseholdId h);

// An initial household of either city generator (stream CityHouseholds):
// a lognormal income draw of spread `income_sigma_log`, its demographics,
// the groups' income ratios on the draw, and savings around the scenario's
// months of income. Writes slot h's demographics, base income (relative:
// the caller scales it to its median) and savings, and a zero income
// deviation.
void draw_initial_household(const ScenarioDef& scenario, double income_sigma_log, Households& hh,
                            HouseholdId h);

}  // namespace hearth
