#pragma once
// What became of the households displaced from their homes (outcomes.csv,
// docs/OUTPUTS.md): for the latest spell away of every household ever
// displaced by an event (in the city or gone), where it stands now
// (returned home, rehoused in the same neighbourhood, resettled elsewhere in
// the city, left the city, still away) and how long it stayed away, for the
// city, by tenure at displacement, by income quintile and (when the
// neighbourhood table is on) by the neighbourhood of the home it left.
// Reads Households (status, dwelling, origin_dwelling, displaced_from,
// origin_status, displaced/returned ticks, income) and Dwellings' cells.
#include <vector>

#include "hearth/frame.hpp"
#include "indicators/income_quintiles.hpp"
#include "state/world.hpp"

namespace hearth {

// Counts are integer sums over fixed chunks: identical at any thread count.
std::vector<OutcomeRow> outcome_rows(const World& world, const IncomeQuintiles& quintiles,
                                     bool by_neighbourhood);

}  // namespace hearth
