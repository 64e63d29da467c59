#pragma once
// The city-wide indicators of indicators.csv that come from the passes over
// the households and dwellings, with the World's market indices and
// disaster state: households and housing market, then disasters.
// Flow counters are in flow_indicators.hpp, policy ones in
// policy_indicators.hpp.
#include "hearth/frame.hpp"
#include "hearth/scenario.hpp"
#include "indicators/dwelling_sums.hpp"
#include "indicators/frame_values.hpp"
#include "indicators/household_sums.hpp"
#include "indicators/income_quintiles.hpp"
#include "state/world.hpp"

namespace hearth {

// What the passes of the indicators phase found, for the city indicators.
struct Tallies {
  const IncomeQuintiles& quintiles;
  const HouseholdSums& households;
  const DwellingSums& dwellings;
  const DwellingMedians& medians;
};

// Population by status, flows, income, cost burden, flood exposure,
// segregation, and the housing market (stock, vacancy, prices, indices).
void set_household_and_market_indicators(CityValues& city, const World& world,
                                         const Tallies& tallies);

// Damage, displacement and return, repairs, shelter and camp occupancy.
void set_disaster_indicators(CityValues& city, const ScenarioDef& scenario, const World& world,
                             const Tallies& tallies);

}  // namespace hearth
