// The indicators phase (docs/OUTPUTS.md): reads the World, writes only the
// Frame. One pass over the households (household_sums.cpp) and one over the
// dwellings (dwelling_sums.cpp) gather everything; the other files of this
// folder turn those sums into the Frame's sections. Counts are integer sums
// and money sums use fixed-chunk reductions, so every figure is identical at
// any thread count. The map payload (map_payload.cpp) is added by the
// Simulation when map frames are on.
#include "hearth/frame.hpp"
#include "housing/sites.hpp"
#include "indicators/city_indicators.hpp"
#include "indicators/date_at_tick.hpp"
#include "indicators/dwelling_sums.hpp"
#include "indicators/flow_indicators.hpp"
#include "indicators/group_indicators.hpp"
#include "indicators/household_sums.hpp"
#include "indicators/income_quintiles.hpp"
#include "indicators/life_cycle_indicators.hpp"
#include "indicators/neighbourhoods.hpp"
#include "indicators/outcome_indicators.hpp"
#include "indicators/policy_indicators.hpp"
#include "phases/phases.hpp"

namespace hearth {

Frame compute_indicators(const ScenarioDef& scenario, const World& world, bool neighbourhoods) {
  Frame frame;
  frame.tick = world.tick;
  frame.date = date_at_tick(scenario.start_date, world.tick);

  const IncomeQuintiles quintiles = income_quintiles(world.households);
  const HouseholdSums households = sum_households(world, quintiles);
  const DwellingSums dwellings = sum_dwellings(world, quintiles);
  const DwellingMedians medians = dwelling_medians(world);
  if (neighbourhoods) {
    frame.neighbourhoods = neighbourhood_rows(dwellings, households.away_by_neighbourhood);
  }

  const Tallies tallies{quintiles, households, dwellings, medians};
  set_flow_indicators(frame.city, world.flows);
  set_life_cycle_indicators(frame.city, scenario, world);
  set_household_and_market_indicators(frame.city, world, tallies);
  set_disaster_indicators(frame.city, scenario, world, tallies);
  set_policy_indicators(frame, scenario, world);
  set_group_indicators(frame, households.groups);
  if (!scenario.hazards.empty()) {
    frame.outcomes = outcome_rows(world, quintiles, neighbourhoods);
    frame.flows = count_flows(world.flows.moves_log);
    frame.sites = disasters::site_rows(world);
  }
  return frame;
}

}  // namespace hearth
