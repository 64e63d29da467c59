#pragma once
// Neighbourhood figures from the pass over the dwellings (dwelling_sums.hpp)
// and the households away by neighbourhood (household_sums.hpp): the rows
// of neighbourhoods.csv and the dissimilarity of q1 and q5.
#include <cstdint>
#include <vector>

#include "hearth/frame.hpp"
#include "indicators/dwelling_sums.hpp"

namespace hearth {

std::vector<NeighbourhoodRow> neighbourhood_rows(
    const DwellingSums& dwellings, const std::vector<std::int64_t>& away_by_neighbourhood);

// D = 1/2 sum_n |q1_n / Q1 - q5_n / Q5| over the households housed in each
// neighbourhood (Duncan and Duncan 1955); kNaN without q1 or q5 households.
double dissimilarity_q1_q5(const DwellingSums& dwellings);

}  // namespace hearth
