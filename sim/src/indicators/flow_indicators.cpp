// Flow counters of TickFlows as city indicators (flow_indicators.hpp): one
// table says which counter feeds which column.
#include "indicators/flow_indicators.hpp"

#include <cstdint>
#include <utility>

namespace hearth {
namespace {

using I = CityIndicator;
using F = TickFlows;
constexpr std::pair<CityIndicator, std::int64_t TickFlows::*> kFlowIndicators[] = {
    // Households and the housing market.
    {I::arrivals, &F::arrivals},
    {I::departures, &F::departures},
    {I::moves, &F::moves},
    {I::evictions, &F::evictions},
    {I::searchers, &F::searchers},
    {I::lettings, &F::lettings},
    {I::sales, &F::sales},
    {I::informal_entries, &F::informal_entries},
    {I::informal_self_built, &F::informal_self_built},
    {I::construction_starts, &F::construction_starts},
    {I::completions, &F::completions},
    // Disasters.
    {I::hazard_events, &F::hazard_events},
    {I::dwellings_damaged, &F::dwellings_damaged},
    {I::new_displacements, &F::new_displacements},
    {I::damage_evictions, &F::damage_evictions},
    {I::evacuations, &F::evacuations},
    {I::evacuee_days, &F::evacuee_days},
    {I::structure_loss, &F::structure_loss},
    {I::contents_loss, &F::contents_loss},
    {I::wave_arrivals, &F::wave_arrivals},
    {I::returns, &F::returns},
    {I::settled_after_displacement, &F::settled},
    {I::displaced_departures, &F::displaced_departures},
    {I::displaced_again, &F::displaced_again},
    {I::away_departures, &F::away_departures},
    {I::away_bought_out, &F::away_bought_out},
    {I::repairs_completed, &F::repairs_completed},
    // Outcomes of the disaster levers (all 0 without their programmes).
    {I::retrofits, &F::retrofits},
    {I::repair_grants, &F::repair_grants},
    {I::buyouts, &F::buyouts},
    {I::buyout_households, &F::buyout_households},
    {I::records_restored, &F::records_restored},
    // Life cycle and mortgages.
    {I::formations, &F::formations},
    {I::dissolutions, &F::dissolutions},
    {I::deaths, &F::deaths},
    {I::births, &F::births},
    {I::mortgage_defaults, &F::mortgage_defaults},
    {I::foreclosures, &F::foreclosures},
};

}  // namespace

void set_flow_indicators(CityValues& city, const TickFlows& flows) {
  for (const auto& [indicator, counter] : kFlowIndicators) {
    set(city, indicator, static_cast<double>(flows.*counter));
  }
}

}  // namespace hearth
