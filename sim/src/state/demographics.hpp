#pragma once
// Drawing a household's size and group attributes, shared by the city
// generator (initial households) and in-migration (arrivals), so that both
// follow the scenario's distributions the same way.
#include "hearth/scenario.hpp"
#include "parallel/rng.hpp"
#include "state/head_ages.hpp"
#include "state/households.hpp"

namespace hearth {

// A household size, 1..5 and 6+ persons, from `size_shares` (one draw).
std::uint8_t draw_household_size(Rng& rng, const std::array<double, 6>& size_shares);

// Income at an age of head relative to the city's median: the age profile
// of income (state/head_ages.hpp) while the life cycle applies it, else the
// elderly heads' income ratio for heads of 65+.
double age_income_ratio(const ScenarioDef& scenario, int age_years);

// Draws, in this order: size (from `size_shares`, 1..5 and 6+ persons),
// female head, disability, age of head (from `ages`) and its band, origin
// (shares normalised to sum to one). Writes slot h of size, female_headed,
// disability, head_age_years, head_age, origin.
void draw_demographics(Rng& rng, const std::array<double, 6>& size_shares, const GroupsDef& groups,
                       const OriginSharesDef& origin_shares, const HeadAgeTable& ages,
                       Households& hh, HouseholdId h);

// An initial household of either city generator (stream CityHouseholds):
// a lognormal income draw of spread `income_sigma_log`, its demographics,
// the groups' income ratios and the age's on the draw, and savings around the scenario's
// months of income. Writes slot h's demographics, base income (relative:
// the caller scales it to its median) and savings, and a zero income
// deviation.
void draw_initial_household(const ScenarioDef& scenario, double income_sigma_log,
                            const HeadAgeTable& ages, Households& hh, HouseholdId h);

}  // namespace hearth
