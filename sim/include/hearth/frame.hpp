#pragma once
// Frame: an immutable snapshot of what observers need after a tick. The
// simulation publishes one per tick by an atomic shared_ptr swap; the output
// writers and the viewer read Frames only, never the World, so the numbers
// on disk and the picture on screen cannot disagree.
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace hearth {

// The city-wide indicators, one column each in indicators.csv (in this
// order; names and meanings in docs/OUTPUTS.md). X(name, description)
#define HEARTH_CITY_INDICATORS(X)                                                          \
  X(households_in_city, "households living in the city (any status but left_city)")         \
  X(owners, "households with status owner")                                                 \
  X(renters, "households with status renter (private rental)")                              \
  X(social_tenants, "households with status social_tenant")                                 \
  X(informal_dwellers, "households with status informal_dweller")                           \
  X(homeless, "households with status homeless")                                            \
  X(displaced_shelter, "displaced households in a public shelter")                          \
  X(displaced_host, "displaced households staying with a host household")                   \
  X(displaced_camp, "displaced households in a camp")                                       \
  X(left_city, "households that have left the city (cumulative)")                           \
  X(arrivals, "households that arrived this tick")                                          \
  X(departures, "households that left the city this tick")                                  \
  X(moves, "households that moved dwelling this tick")                                      \
  X(evictions, "households evicted this tick")                                              \
  X(dwellings, "dwellings in the stock")                                                    \
  X(vacant_dwellings, "formal dwellings without an occupant")                               \
  X(vacancy_rate, "vacant formal dwellings / formal dwellings")                             \
  X(median_income_per_month, "median monthly income of households in the city")             \
  X(mean_income_per_month, "mean monthly income of households in the city")                 \
  X(median_rent_per_month, "median rent of occupied private rentals")                       \
  X(median_price, "median value of owner-occupied dwellings")                               \
  X(rent_to_income, "median over private renters of rent / income")                        \
  X(price_to_income, "median_price / (12 x median_income_per_month)")                       \
  X(cost_burdened_share, "housed households paying over 30% of income for housing")         \
  X(severely_cost_burdened_share, "housed households paying over 50% of income for housing") \
  X(informal_share, "SDG 11.1.1 proxy: informal dwellers and homeless / households in city") \
  X(mean_savings, "mean savings of households in the city")                                 \
  X(households_in_arrears, "households owing unpaid housing costs")                         \
  X(total_arrears, "sum of unpaid housing costs owed")                                      \
  X(flood_exposed_share, "housed households in the 100-year floodplain")                    \
  X(flood_exposed_share_q1, "same, lowest income quintile")                                 \
  X(flood_exposed_share_q5, "same, highest income quintile")                                \
  X(dissimilarity_q1_q5, "dissimilarity index of income quintile 1 vs 5 over neighbourhoods") \
  X(owner_share, "owners / households in city")                                             \
  X(searchers, "households that searched for a dwelling this tick")                         \
  X(lettings, "private tenancies started this tick")                                        \
  X(sales, "dwellings bought this tick")                                                    \
  X(informal_entries, "households that went into the informal sector this tick")            \
  X(informal_self_built, "informal dwellings self-built this tick")                         \
  X(construction_starts, "formal dwellings started this tick")                              \
  X(completions, "formal dwellings completed this tick")                                    \
  X(dwellings_under_construction, "formal dwellings started and not yet completed")         \
  X(mean_months_on_market, "mean months on the market of vacant formal dwellings")          \
  X(rent_index_relative, "mean submarket rent index / its value at the start")              \
  X(price_index_relative, "mean submarket price index / its value at the start")            \
  X(households_with_mortgage, "owners with an outstanding mortgage")                        \
  X(hazard_events, "hazard events that struck this tick (arrival waves: when they start)")  \
  X(dwellings_damaged, "dwellings that took damage this tick")                              \
  X(dwellings_ds1, "dwellings now in damage state DS1 (slight)")                            \
  X(dwellings_ds2, "dwellings now in damage state DS2 (moderate)")                          \
  X(dwellings_ds3, "dwellings now in damage state DS3 (extensive; uninhabitable)")          \
  X(dwellings_ds4, "dwellings now in damage state DS4 (complete; uninhabitable)")           \
  X(displaced_rental, "households away from a damaged home, renting elsewhere meanwhile")   \
  X(displaced_total, "displaced households: shelter, host, camp and displaced_rental")      \
  X(away_from_home, "households with a home of origin they may return to")                  \
  X(new_displacements, "households displaced from their home by damage this tick")          \
  X(wave_arrivals, "households of arrival waves that arrived this tick")                    \
  X(returns, "displaced households back in their home of origin this tick")                 \
  X(settled_after_displacement, "displaced households that gave up returning this tick")    \
  X(displaced_departures, "displaced households that left the city this tick")              \
  X(median_months_displaced, "median months displaced (spells so far) of households in the city ever displaced") \
  X(p90_months_displaced, "90th percentile of the same")                                    \
  X(returned_share_6m, "of households displaced by an event 6+ months ago: share back home within 6 months") \
  X(returned_share_12m, "same for 12 months")                                               \
  X(returned_share_24m, "same for 24 months")                                               \
  X(repair_backlog_crew_months, "repair work left on damaged dwellings, crew-months")       \
  X(dwellings_awaiting_repair, "damaged dwellings whose repair is not yet funded")          \
  X(repairs_completed, "damaged dwellings repaired this tick")                              \
  X(repair_cost_multiplier, "demand surge: repair cost / normal repair cost")               \
  X(shelter_occupancy, "households in public shelters")                                     \
  X(shelter_occupancy_share, "shelter_occupancy / shelter capacity")                        \
  X(camp_occupancy, "households in camps")                                                  \
  X(camp_occupancy_share, "camp_occupancy / camp capacity")

enum class CityIndicator : int {
#define HEARTH_ENUM_ENTRY(name, description) name,
  HEARTH_CITY_INDICATORS(HEARTH_ENUM_ENTRY)
#undef HEARTH_ENUM_ENTRY
      Count
};
inline constexpr int kCityIndicatorCount = static_cast<int>(CityIndicator::Count);

std::string_view city_indicator_name(int index);
std::string_view city_indicator_description(int index);

// Figures for one group of households (groups.csv). X(name, description)
#define HEARTH_GROUP_INDICATORS(X)                                                  \
  X(households, "households of the group in the city")                              \
  X(cost_burdened_share, "housed members paying over 30% of income for housing")    \
  X(severely_cost_burdened_share, "housed members paying over 50%")                 \
  X(informal_share, "informal dwellers and homeless / members in the city")         \
  X(homeless, "members that are homeless")                                          \
  X(displaced, "members displaced (shelter, host or camp)")                         \
  X(mean_income_per_month, "mean monthly income of members in the city")            \
  X(flood_exposed_share, "housed members in the 100-year floodplain")                \
  X(owner_share, "members that are owner-occupiers / members in the city")          \
  X(away_from_home, "members with a home of origin they may return to (displaced by damage)") \
  X(mean_months_displaced, "mean months displaced of members displaced now")

enum class GroupIndicator : int {
#define HEARTH_ENUM_ENTRY(name, description) name,
  HEARTH_GROUP_INDICATORS(HEARTH_ENUM_ENTRY)
#undef HEARTH_ENUM_ENTRY
      Count
};
inline constexpr int kGroupIndicatorCount = static_cast<int>(GroupIndicator::Count);
std::string_view group_indicator_name(int index);

// The groups, as (kind, value) pairs: all/all, income_quintile/q1..q5,
// female_headed/yes|no, elderly_head/yes|no, disability/yes|no, origin/<origin>,
// tenure/owner_occupied|private_rental|social_rental|informal|none (of the home or home of origin).
inline constexpr int kGroupCount = 1 + 5 + 2 + 2 + 2 + 4 + 5;
std::string_view group_kind(int group);
std::string_view group_value(int group);

struct NeighbourhoodRow {
  std::int64_t households = 0;       // housed households whose dwelling is there
  std::int64_t dwellings = 0;
  std::int64_t vacant_dwellings = 0;
  double mean_income_per_month = 0;
  double mean_rent_per_month = 0;    // occupied private rentals
  double cost_burdened_share = 0;
  std::int64_t damaged_dwellings = 0;        // dwellings there in DS1..DS4
  std::int64_t uninhabitable_dwellings = 0;  // dwellings there in DS3 or DS4
  std::int64_t away_from_home = 0;           // households whose home of origin is there
};

struct Frame {
  std::int32_t tick = 0;
  std::string date;  // YYYY-MM
  std::array<double, kCityIndicatorCount> city{};
  std::array<std::array<double, kGroupIndicatorCount>, kGroupCount> groups{};
  std::vector<NeighbourhoodRow> neighbourhoods;  // empty unless requested

  double operator[](CityIndicator i) const { return city[static_cast<int>(i)]; }
};

}  // namespace hearth
