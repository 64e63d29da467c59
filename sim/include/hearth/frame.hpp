#pragma once
// Frame: an immutable snapshot of what observers need after a tick. The
// simulation publishes one per tick by an atomic shared_ptr swap; the output
// writers and the viewer read Frames only, never the World, so the numbers
// on disk and the picture on screen cannot disagree.
#include <array>
#include <cstdint>
#include <limits>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace hearth {

// A value that is not available (no households in a group, a share of
// nothing): NaN in a Frame, written as an empty cell or n/a in every table.
inline constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// The city-wide indicators, one column each in indicators.csv (in this
// order; names and meanings in docs/OUTPUTS.md). X(name, description)
#define HEARTH_CITY_INDICATORS(X)                                                                  \
  X(households_in_city, "households living in the city (any status but left_city)")                \
  X(owners, "households with status owner")                                                        \
  X(renters, "households with status renter (private rental)")                                     \
  X(social_tenants, "households with status social_tenant")                                        \
  X(informal_dwellers, "households with status informal_dweller")                                  \
  X(homeless, "households with status homeless")                                                   \
  X(doubled_up, "households staying with another household for want of a home (doubled_up)")       \
  X(housed_households, "households in a dwelling of their own: owners, renters, social, informal") \
  X(displaced_shelter, "displaced households in a public shelter")                                 \
  X(displaced_host, "displaced households staying with a host household")                          \
  X(displaced_camp, "displaced households in a camp")                                              \
  X(left_city, "households that have left the city (cumulative)")                                  \
  X(arrivals, "households that arrived this tick")                                                 \
  X(departures, "households that left the city this tick")                                         \
  X(moves, "households that moved dwelling this tick")                                             \
  X(moves_owners, "of moves: households that were owners before the move")                         \
  X(moves_renters, "of moves: households that were private renters before the move")               \
  X(evictions, "households evicted this tick")                                                     \
  X(dwellings, "dwellings in the stock")                                                           \
  X(vacant_dwellings, "formal dwellings without an occupant")                                      \
  X(vacancy_rate, "vacant formal dwellings / formal dwellings")                                    \
  X(rental_vacancy_rate, "HVS rental vacancy: private rentals vacant for rent / (let + those)")    \
  X(owner_vacancy_rate, "HVS homeowner vacancy: homes vacant for sale / (owner-occupied + those)") \
  X(median_income_per_month, "median monthly income of households in the city")                    \
  X(mean_income_per_month, "mean monthly income of households in the city")                        \
  X(median_rent_per_month, "median rent of occupied private rentals")                              \
  X(median_price, "median value of owner-occupied dwellings")                                      \
  X(rent_to_income, "median over private renters of rent / income")                                \
  X(price_to_income, "median_price / (12 x median_income_per_month)")                              \
  X(cost_burdened_share, "housed households paying over 30% of income for housing")                \
  X(severely_cost_burdened_share, "housed households paying over 50% of income for housing")       \
  X(informal_share, "SDG 11.1.1 proxy: informal dwellers and homeless / households in city")       \
  X(mean_savings, "mean savings of households in the city")                                        \
  X(households_in_arrears, "households owing unpaid housing costs")                                \
  X(total_arrears, "sum of unpaid housing costs owed")                                             \
  X(flood_exposed_share, "housed households in the 100-year floodplain")                           \
  X(flood_exposed_share_q1, "same, lowest income quintile")                                        \
  X(flood_exposed_share_q5, "same, highest income quintile")                                       \
  X(dissimilarity_q1_q5, "dissimilarity index of income quintile 1 vs 5 over neighbourhoods")      \
  X(owner_share, "owners / households in city")                                                    \
  X(searchers, "households that searched for a dwelling this tick")                                \
  X(lettings, "private tenancies started this tick")                                               \
  X(sales, "dwellings bought this tick")                                                           \
  X(informal_entries, "households that went into the informal sector this tick")                   \
  X(informal_self_built, "informal dwellings self-built this tick")                                \
  X(construction_starts, "formal dwellings started this tick")                                     \
  X(completions, "formal dwellings completed this tick")                                           \
  X(dwellings_under_construction, "formal dwellings started and not yet completed")                \
  X(mean_months_on_market, "mean months on the market of vacant formal dwellings")                 \
  X(rent_index_relative, "mean submarket rent index / its value at the start")                     \
  X(price_index_relative, "mean submarket price index / its value at the start")                   \
  X(households_with_mortgage, "owners with an outstanding mortgage")                               \
  X(hazard_events, "hazard events that struck this tick (arrival waves: when they start)")         \
  X(dwellings_damaged, "dwellings that took damage this tick")                                     \
  X(dwellings_ds1, "dwellings now in damage state DS1 (slight)")                                   \
  X(dwellings_ds2, "dwellings now in damage state DS2 (moderate)")                                 \
  X(dwellings_ds3, "dwellings now in damage state DS3 (extensive; uninhabitable)")                 \
  X(dwellings_ds4, "dwellings now in damage state DS4 (complete; uninhabitable)")                  \
  X(displaced_rental, "households away from a damaged home, renting elsewhere meanwhile")          \
  X(displaced_total, "displaced households: shelter, host, camp and displaced_rental")             \
  X(away_from_home, "households with a home of origin they may return to")                         \
  X(new_displacements, "households displaced from their home by damage this tick")                 \
  X(damage_evictions,                                                                              \
    "tenants of damaged, habitable rentals whose landlord ended the tenancy this tick (also in "   \
    "evictions)")                                                                                  \
  X(evacuations,                                                                                   \
    "households in flooded cells that left a habitable home for days this tick (back within it)")  \
  X(evacuee_days, "days away of this tick's evacuations")                                          \
  X(structure_loss, "value lost by dwellings damaged this tick (currency)")                        \
  X(contents_loss, "flood losses of contents this tick (currency; not charged to households)")     \
  X(wave_arrivals, "households of arrival waves that arrived this tick")                           \
  X(returns, "displaced households back in their home of origin this tick")                        \
  X(settled_after_displacement, "displaced households that gave up returning this tick")           \
  X(displaced_departures, "displaced households that left the city this tick")                     \
  X(displaced_again,                                                                               \
    "of new_displacements: households already away from a home of origin, which they keep")        \
  X(away_departures, "of displaced_departures: households away from a home of origin")             \
  X(away_bought_out, "households away from home whose home of origin a buyout took this tick")     \
  X(return_holds_lapsed,                                                                           \
    "rentals held for a displaced tenant whose right to return ran out this tick")                 \
  X(relet_after_displacement,                                                                      \
    "rentals of tenants waiting to return let to someone else this tick")                          \
  X(relet_at_higher_rent, "of relet_after_displacement: let at a rent above the tenant's own")     \
  X(median_months_displaced,                                                                       \
    "median months displaced (spells so far) of households in the city ever displaced")            \
  X(p90_months_displaced, "90th percentile of the same")                                           \
  X(returned_share_6m,                                                                             \
    "of households displaced by an event 6+ months ago: share back home within 6 months")          \
  X(returned_share_12m, "same for 12 months")                                                      \
  X(returned_share_24m, "same for 24 months")                                                      \
  X(repair_backlog_crew_months, "repair work left on damaged dwellings, crew-months")              \
  X(dwellings_awaiting_repair, "damaged dwellings whose repair is not yet funded")                 \
  X(repairs_completed, "damaged dwellings repaired this tick")                                     \
  X(recovery_inspection, "damaged dwellings waiting for or under inspection")                      \
  X(recovery_insurance_claim, "damaged dwellings whose insurance claim is being settled")          \
  X(recovery_public_aid, "damaged dwellings whose owner's public aid application is pending")      \
  X(recovery_repair_loan, "damaged dwellings whose owner's repair loan application is pending")    \
  X(recovery_unfunded, "damaged dwellings whose owner cannot pay for the repair yet")              \
  X(recovery_permit, "damaged dwellings waiting for a building permit")                            \
  X(recovery_contractor, "damaged dwellings waiting for a contractor to mobilise")                 \
  X(recovery_repair, "damaged dwellings on the crews' queue or being repaired")                    \
  X(inspections, "damaged dwellings inspected this tick")                                          \
  X(claims_settled, "insurance claims for damaged dwellings settled this tick")                    \
  X(aid_approved, "public aid applications for repairs approved this tick")                        \
  X(aid_denied, "public aid applications for repairs denied this tick")                            \
  X(aid_paid, "public aid awarded for repairs this tick (currency)")                               \
  X(loans_approved, "repair loan applications approved this tick")                                 \
  X(loans_denied, "repair loan applications refused this tick")                                    \
  X(repair_cost_multiplier, "demand surge: repair cost / normal repair cost")                      \
  X(shelter_occupancy, "households in public shelters")                                            \
  X(shelter_occupancy_share, "shelter_occupancy / shelter capacity")                               \
  X(camp_occupancy, "households in camps")                                                         \
  X(camp_occupancy_share, "camp_occupancy / camp capacity")                                        \
  X(voucher_households, "households holding a housing voucher (vouchers)")                         \
  X(voucher_waiting_list, "households on the waiting lists of voucher programmes")                 \
  X(social_programme_units, "social dwellings built by social_housing programmes (completed)")     \
  X(social_programme_tenants, "households in social dwellings built by social_housing programmes") \
  X(evictions_deferred, "private tenants past the arrears tolerance kept housed by a moratorium")  \
  X(upgraded_dwellings, "informal dwellings upgraded in situ by upgrading programmes")             \
  X(relocated_households, "households living in relocation units of upgrading programmes")         \
  X(cleared_dwellings, "dwellings demolished by upgrading programmes (clearance, relocation)")     \
  X(retrofits, "dwellings retrofitted this tick by building_code programmes")                      \
  X(repair_grants, "damaged dwellings granted a reconstruction grant this tick")                   \
  X(buyouts, "dwellings bought out (and demolished) this tick by buyout programmes")               \
  X(buyout_households, "households moved on this tick by buyouts (owners and tenants)")            \
  X(bought_out_dwellings, "dwellings demolished by buyout programmes since the start")             \
  X(policy_shelter_places, "shelter places kept open by shelter_capacity programmes")              \
  X(policy_camp_places, "camp places kept open by shelter_capacity programmes")                    \
  X(records_restored, "lost tenure records restored this tick by record_restoration")              \
  X(records_lost, "household-owned formal homes whose tenure record is lost")                      \
  X(spending_vouchers, "public money paid this tick by voucher programmes")                        \
  X(spending_social_housing, "public money spent this tick building social housing")               \
  X(spending_upgrading, "public money spent this tick on informal settlement upgrading")           \
  X(spending_building_code, "public money spent this tick on retrofit subsidies")                  \
  X(spending_reconstruction_grants, "public money paid this tick as reconstruction grants")        \
  X(spending_buyouts, "public money spent this tick buying out homes in a hazard zone")            \
  X(spending_shelter_capacity, "public money spent this tick on extra shelter and camp places")    \
  X(spending_record_restoration, "public money spent this tick restoring property records")        \
  X(spending_total, "public money spent this tick by all policy programmes")                       \
  X(spending_cumulative, "public money spent by all policy programmes since the start")            \
  X(formations, "households formed this tick (young adults leaving home, splits)")                 \
  X(dissolutions, "households dissolved this tick (death of a head alone, merging, care)")         \
  X(deaths, "deaths this tick in households of the city (heads and members)")                      \
  X(births, "children born this tick into households of the city")                                 \
  X(mean_head_age_years, "mean age of the heads of households in the city")                        \
  X(mean_household_size, "mean persons per household in the city")                                 \
  X(owners_in_arrears, "owners owing unpaid mortgage payments")                                    \
  X(owners_in_default, "owners in arrears for at least mortgages.default_months_in_arrears")       \
  X(mortgage_defaults, "owners whose mortgage went into default this tick")                        \
  X(foreclosures, "foreclosed homes put up for sale this tick")                                    \
  X(mortgage_rate_per_year, "mortgage interest rate this tick (mortgages.rate_path)")

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
#define HEARTH_GROUP_INDICATORS(X)                                                            \
  X(households, "households of the group in the city")                                        \
  X(cost_burdened_share, "housed members paying over 30% of income for housing")              \
  X(severely_cost_burdened_share, "housed members paying over 50%")                           \
  X(informal_share, "informal dwellers and homeless / members in the city")                   \
  X(homeless, "members that are homeless")                                                    \
  X(displaced, "members displaced (shelter, host or camp)")                                   \
  X(mean_income_per_month, "mean monthly income of members in the city")                      \
  X(flood_exposed_share, "housed members in the 100-year floodplain")                         \
  X(owner_share, "members that are owner-occupiers / members in the city")                    \
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
  std::int64_t households = 0;  // housed households whose dwelling is there
  std::int64_t dwellings = 0;
  std::int64_t vacant_dwellings = 0;
  double mean_income_per_month = 0;
  double mean_rent_per_month = 0;  // occupied private rentals
  double cost_burdened_share = 0;
  std::int64_t damaged_dwellings = 0;        // dwellings there in DS1..DS4
  std::int64_t uninhabitable_dwellings = 0;  // dwellings there in DS3 or DS4
  std::int64_t away_from_home = 0;           // households whose home of origin is there
};

// What became of the households displaced from their homes (outcomes.csv):
// the latest spell away of every household ever displaced by an event, in
// the city or gone, where it stands now, and how long it stayed away.
struct OutcomeRow {
  std::string scope;  // all, tenure (at displacement), income_quintile, neighbourhood (of the home)
  std::string group;
  std::int64_t displaced = 0;                    // households ever displaced (latest spell)
  std::int64_t returned_home = 0;                // living in the home they were displaced from
  std::int64_t rehoused_same_neighbourhood = 0;  // in another home in its neighbourhood
  std::int64_t resettled_elsewhere = 0;          // in a home elsewhere in the city
  std::int64_t left_city = 0;
  std::int64_t still_away = 0;  // a claim on the home open, or not housed yet
  // Windows of 0 (a week: not back within the tick of displacement), 1, 6
  // and 12 months: households displaced at least that long ago, and those
  // of them not back home within it (including those never back).
  std::array<std::int64_t, 4> cohort{}, away_over{};
};
inline constexpr std::array<int, 4> kOutcomeWindowsMonths{0, 1, 6, 12};
inline constexpr std::array<std::string_view, 4> kOutcomeWindowNames{"1w", "1m", "6m", "12m"};

// One shelter or camp site this tick (sites.csv, docs/OUTPUTS.md).
struct SiteRow {
  std::string name;
  std::string_view kind;       // shelter or camp
  std::int32_t x = 0, y = 0;   // the site's cell (column, row)
  std::int64_t capacity = 0;   // places this tick (programmes' open places included)
  std::int64_t occupancy = 0;  // households staying there at the end of the tick
};

// Households that moved in a displacement flow this tick, by kind and
// places (flows.csv); places are neighbourhood ids or, when negative,
// shelter (-1), camp (-2), homeless (-3, no place), outside the city (-4).
struct FlowRow {
  std::string_view kind;  // displaced, moved_on, rehoused, returned, left_city, arrived
  std::int32_t from = 0;
  std::int32_t to = 0;
  std::int64_t households = 0;
};

// ---- The map payload (the viewer, docs/VIEWER.md) -------------------------
// Per-cell figures for maps and neighbourhood-to-neighbourhood displacement
// flows, computed in the indicators phase only when SimulationOptions::map_frames
// asks for them (headless runs pay nothing). Values are quantised to 16 bits:
// value = q * step; kMapNoData where the cell has nothing to show (no
// dwellings, no rentals, no event yet). X(name, unit, step, description)
#define HEARTH_MAP_LAYERS(X)                                                                     \
  X(tenure, "category", 1.0,                                                                     \
    "dominant tenure of the cell's dwellings: 0 owner-occupied, 1 private rental, "              \
    "2 social rental, 3 informal")                                                               \
  X(rent, "currency/month", 1.0, "mean rent of the cell's occupied private rentals")             \
  X(price, "currency", 100.0, "mean value of the cell's owner-occupied dwellings")               \
  X(cost_burden, "share", 1e-4, "housed households there paying over 30% of income for housing") \
  X(damage, "damage state", 1e-3,                                                                \
    "mean damage state of the cell's dwellings (0 none .. 4 complete)")                          \
  X(displaced, "households", 1.0, "households in the city away from a home in this cell")        \
  X(flood_depth_100yr, "m", 1e-3, "depth of the 100-year flood")                                 \
  X(last_event, "m or g", 1e-3,                                                                  \
    "intensity of the latest flood (depth, m) or earthquake (peak ground acceleration, g)")      \
  X(informal, "share", 1e-4, "informal dwellings / dwellings in the cell")                       \
  X(services, "share", 1e-4, "mean share served by water, sanitation and electricity")           \
  X(households, "households", 1.0, "housed households living in the cell")                       \
  X(dwellings, "dwellings", 1.0, "dwellings in the stock (not those still being built)")

enum class MapLayer : int {
#define HEARTH_ENUM_ENTRY(name, unit, step, description) name,
  HEARTH_MAP_LAYERS(HEARTH_ENUM_ENTRY)
#undef HEARTH_ENUM_ENTRY
      Count
};
inline constexpr int kMapLayerCount = static_cast<int>(MapLayer::Count);
inline constexpr std::uint16_t kMapNoData = 0xFFFF;
inline constexpr std::array<std::string_view, kMapLayerCount> kMapLayerNames = {
#define HEARTH_NAME_ENTRY(name, unit, step, description) #name,
    HEARTH_MAP_LAYERS(HEARTH_NAME_ENTRY)
#undef HEARTH_NAME_ENTRY
};
inline constexpr std::array<std::string_view, kMapLayerCount> kMapLayerUnits = {
#define HEARTH_UNIT_ENTRY(name, unit, step, description) unit,
    HEARTH_MAP_LAYERS(HEARTH_UNIT_ENTRY)
#undef HEARTH_UNIT_ENTRY
};
inline constexpr std::array<double, kMapLayerCount> kMapLayerSteps = {
#define HEARTH_STEP_ENTRY(name, unit, step, description) step,
    HEARTH_MAP_LAYERS(HEARTH_STEP_ENTRY)
#undef HEARTH_STEP_ENTRY
};
inline constexpr std::array<std::string_view, kMapLayerCount> kMapLayerDescriptions = {
#define HEARTH_DESCRIPTION_ENTRY(name, unit, step, description) description,
    HEARTH_MAP_LAYERS(HEARTH_DESCRIPTION_ENTRY)
#undef HEARTH_DESCRIPTION_ENTRY
};

// What does not change during a run: the raster and its neighbourhoods.
struct MapGrid {
  std::int32_t width = 0;
  std::int32_t height = 0;
  double cell_size_m = 0;
  std::int32_t neighbourhood_count = 0;
  std::vector<std::uint16_t> neighbourhood;   // per cell
  std::vector<float> centroid_x, centroid_y;  // per neighbourhood, in cells (cell centres)
};

// Households away from a home in neighbourhood `from`, now in neighbourhood
// `to` (where they live, their host lives, or for shelter, camp and homeless
// households their anchor cell).
struct MapFlow {
  std::uint16_t from = 0;
  std::uint16_t to = 0;
  std::uint32_t households = 0;
};

struct MapFrame {
  std::shared_ptr<const MapGrid> grid;
  std::array<std::vector<std::uint16_t>, kMapLayerCount> layers;  // per cell, quantised
  std::vector<MapFlow> flows;   // sorted by (from, to); zero counts left out
  std::string last_event_type;  // "flood", "earthquake" or "" (none yet)

  // The value of a layer in a cell, NaN where there is none.
  double value(MapLayer layer, std::size_t cell) const {
    const std::uint16_t q = layers[static_cast<int>(layer)][cell];
    return q == kMapNoData ? std::numeric_limits<double>::quiet_NaN()
                           : q * kMapLayerSteps[static_cast<int>(layer)];
  }
};
// ---- end of the map payload ------------------------------------------------

struct Frame {
  std::int32_t tick = 0;
  std::string date;  // YYYY-MM
  std::array<double, kCityIndicatorCount> city{};
  std::array<std::array<double, kGroupIndicatorCount>, kGroupCount> groups{};
  std::vector<NeighbourhoodRow> neighbourhoods;  // empty unless requested
  std::shared_ptr<const MapFrame> map;           // null unless SimulationOptions::map_frames
  // Per entry of the scenario's policies list, in its order: money spent this
  // tick and since the start (policies.csv).
  std::vector<double> programme_spent;
  std::vector<double> programme_spent_total;
  std::vector<OutcomeRow> outcomes;  // outcomes.csv: all, tenure, quintile (, neighbourhood)
  std::vector<FlowRow> flows;        // flows.csv: sorted by (kind, from, to)
  std::vector<SiteRow> sites;        // sites.csv: in the scenario's order

  double operator[](CityIndicator i) const { return city[static_cast<int>(i)]; }
};

}  // namespace hearth
