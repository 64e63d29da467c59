// Flow counters of TickFlows as city indicators (flow_indicators.hpp): one
// table says which counter feeds which column.
#include "indicators/flow_indicators.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <tuple>
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
    {I::moves_owners, &F::moves_owners},
    {I::moves_renters, &F::moves_renters},
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
    {I::return_holds_lapsed, &F::return_holds_lapsed},
    {I::relet_after_displacement, &F::relet_after_displacement},
    {I::relet_at_higher_rent, &F::relet_at_higher_rent},
    {I::repairs_completed, &F::repairs_completed},
    {I::inspections, &F::inspections},
    {I::claims_settled, &F::claims_settled},
    {I::aid_approved, &F::aid_approved},
    {I::aid_denied, &F::aid_denied},
    {I::aid_paid, &F::aid_paid},
    {I::loans_approved, &F::loans_approved},
    {I::loans_denied, &F::loans_denied},
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

constexpr std::array<std::string_view, kFlowKindCount> kFlowKindNames{
    "displaced", "moved_on", "rehoused", "returned", "left_city", "arrived"};

}  // namespace

std::vector<FlowRow> count_flows(const std::vector<FlowEvent>& log) {
  std::vector<std::tuple<int, std::int32_t, std::int32_t>> keys;
  keys.reserve(log.size());
  for (const FlowEvent& e : log) keys.emplace_back(static_cast<int>(e.kind), e.from, e.to);
  std::sort(keys.begin(), keys.end());
  std::vector<FlowRow> rows;
  for (std::size_t i = 0; i < keys.size();) {
    std::size_t j = i;
    while (j < keys.size() && keys[j] == keys[i]) ++j;
    const auto& [kind, from, to] = keys[i];
    rows.push_back(FlowRow{kFlowKindNames[static_cast<std::size_t>(kind)], from, to,
                           static_cast<std::int64_t>(j - i)});
    i = j;
  }
  return rows;
}

void set_flow_indicators(CityValues& city, const TickFlows& flows) {
  for (const auto& [indicator, counter] : kFlowIndicators) {
    set(city, indicator, static_cast<double>(flows.*counter));
  }
}

}  // namespace hearth
