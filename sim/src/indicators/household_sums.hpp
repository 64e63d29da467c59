#pragma once
// The one pass of the indicators phase over the households: status counts,
// money sums, return after displacement, spells away, households away by
// neighbourhood, and the per-group sums behind groups.csv.
// Reads Households (status, income, savings, arrears, mortgage, housing cost
// and subsidy, dwelling, origin_dwelling, displaced/returned ticks, months
// displaced, head and origin traits) and of the Dwellings tenure and cell,
// with the 100-year flood layer of the Grid.
#include <array>
#include <cstdint>
#include <vector>

#include "hearth/frame.hpp"
#include "indicators/income_quintiles.hpp"
#include "state/world.hpp"

namespace hearth {

// Sums over the members of one group (or of one combination of traits).
struct GroupSums {
  std::int64_t members = 0, housed = 0, burdened = 0, severe = 0, informal = 0, homeless = 0,
               displaced = 0, flood_exposed = 0, owners = 0, away = 0, displaced_now = 0,
               months_displaced = 0;
  double income = 0;
};

struct HouseholdSums {
  std::array<std::int64_t, kStatusCount> status{};  // every household, by status
  // The rest counts households in the city only.
  double income = 0, savings = 0, arrears = 0;
  std::int64_t in_arrears = 0, mortgaged = 0;
  std::int64_t displaced_rental = 0;  // away from home and housed elsewhere
  // Households displaced by an event at least 6/12/24 months ago (in the
  // city or gone), and those of them back home within that time.
  std::array<std::int64_t, 3> cohort{}, returned_within{};
  std::vector<std::uint16_t> months_displaced;      // of the households ever displaced
  std::vector<std::int64_t> away_by_neighbourhood;  // away, by the neighbourhood of their home
  std::array<GroupSums, kGroupCount> groups{};      // in the order of group_kind/group_value
};

// Sums are combined per fixed chunk in chunk order, so the result is the same
// at any thread count.
HouseholdSums sum_households(const World& world, const IncomeQuintiles& quintiles);

}  // namespace hearth
