// neighbourhoods.csv rows and the q1/q5 dissimilarity (neighbourhoods.hpp),
// from DwellingSums::by_neighbourhood and HouseholdSums::away_by_neighbourhood.
#include "indicators/neighbourhoods.hpp"

#include <cmath>

#include "indicators/frame_values.hpp"

namespace hearth {

std::vector<NeighbourhoodRow> neighbourhood_rows(
    const DwellingSums& dwellings, const std::vector<std::int64_t>& away_by_neighbourhood) {
  std::vector<NeighbourhoodRow> rows(dwellings.by_neighbourhood.size());
  for (std::size_t n = 0; n < rows.size(); ++n) {
    const NeighbourhoodSums& nb = dwellings.by_neighbourhood[n];
    NeighbourhoodRow& row = rows[n];
    row.households = nb.households;
    row.dwellings = nb.dwellings;
    row.vacant_dwellings = nb.vacant;
    row.damaged_dwellings = nb.damaged;
    row.uninhabitable_dwellings = nb.uninhabitable;
    row.away_from_home = away_by_neighbourhood[n];
    row.mean_income_per_month = nb.households ? nb.income / nb.households : kNaN;
    row.mean_rent_per_month = nb.rentals ? nb.rent / nb.rentals : kNaN;
    row.cost_burdened_share = share(nb.burdened, nb.households);
  }
  return rows;
}

double dissimilarity_q1_q5(const DwellingSums& dwellings) {
  std::int64_t q1_total = 0, q5_total = 0;
  for (const NeighbourhoodSums& nb : dwellings.by_neighbourhood) {
    q1_total += nb.q1, q5_total += nb.q5;
  }
  if (q1_total <= 0 || q5_total <= 0) return kNaN;
  double dissimilarity = 0;
  for (const NeighbourhoodSums& nb : dwellings.by_neighbourhood) {
    dissimilarity +=
        std::fabs(static_cast<double>(nb.q1) / q1_total - static_cast<double>(nb.q5) / q5_total);
  }
  return dissimilarity * 0.5;
}

}  // namespace hearth
