// The columns each phase may change (phases.hpp, phase_writes), as names of
// state/columns.hpp. Checked under SimulationOptions::check_phase_writes by
// tests/phases/test_phase_writes.cpp over every shipped scenario. A phase that
// starts writing another column adds it here, in the same commit.
#include <array>

#include "phases/phases.hpp"

namespace hearth {
namespace {

// economy: incomes (AR(1)), savings, unpaid housing costs; voucher payments and the unpaid months
// of voucher holders.
constexpr std::array<std::string_view, 7> kEconomyWrites = {
    "households.housing_subsidy_per_month",
    "households.income_log_deviation",
    "households.income_per_month",
    "households.rent_arrears",
    "households.savings",
    "households.voucher",
    "households.voucher_months_unpaid",
};

// policy: programme steps (docs/POLICIES.md): shelter places, record restoration, retrofits,
// buyouts, voucher issue, the upkeep cut of capped landlords, social housing starts and lettings,
// upgrading; they build, let, demolish and move households through the tenancy seam.
constexpr std::array<std::string_view, 48> kPolicyWrites = {
    "dwellings.damage",
    "dwellings.grant_tenant",
    "dwellings.hedonic",
    "dwellings.lease_months",
    "dwellings.months_on_market",
    "dwellings.occupant",
    "dwellings.owner_household",
    "dwellings.owner_kind",
    "dwellings.programme",
    "dwellings.quality",
    "dwellings.record_intact",
    "dwellings.rent_per_month",
    "dwellings.repair_funded",
    "dwellings.repair_grant",
    "dwellings.rows",
    "dwellings.structure",
    "dwellings.submarket",
    "dwellings.tenure",
    "dwellings.value",
    "dwellings.work_remaining_months",
    "grid.drainage_m",
    "grid.land_use",
    "grid.service_electricity",
    "grid.service_sanitation",
    "grid.service_water",
    "households.anchor_cell",
    "households.dwelling",
    "households.host",
    "households.housing_cost_per_month",
    "households.months_displaced",
    "households.months_in_arrears",
    "households.mortgage_balance",
    "households.mortgage_payment_per_month",
    "households.moves",
    "households.origin_dwelling",
    "households.origin_housing_cost_per_month",
    "households.origin_status",
    "households.rent_arrears",
    "households.savings",
    "households.status",
    "households.voucher",
    "households.voucher_months_unpaid",
    "market.dwellings_in_cell",
    "market.price_index",
    "market.rent_index",
    "market.rental_stock",
    "market.sale_stock",
    "market.under_construction",
};

// hazard: damage to dwellings (state, value, records, insurance, repair work) and livelihood losses
// (incomes).
constexpr std::array<std::string_view, 9> kHazardWrites = {
    "dwellings.damage",
    "dwellings.damaged_at_tick",
    "dwellings.insured",
    "dwellings.record_intact",
    "dwellings.repair_funded",
    "dwellings.value",
    "dwellings.work_remaining_months",
    "households.income_log_deviation",
    "households.income_per_month",
};

// displacement: dislocation (links, the home of origin), placement (hosts), evictions (arrears),
// migration (departures through the tenancy seam; arrivals append rows).
constexpr std::array<std::string_view, 23> kDisplacementWrites = {
    "dwellings.grant_tenant",
    "dwellings.lease_months",
    "dwellings.months_on_market",
    "dwellings.occupant",
    "dwellings.owner_household",
    "dwellings.owner_kind",
    "households.anchor_cell",
    "households.displaced_at_tick",
    "households.dwelling",
    "households.host",
    "households.housing_cost_per_month",
    "households.months_displaced",
    "households.months_in_arrears",
    "households.mortgage_balance",
    "households.mortgage_payment_per_month",
    "households.origin_dwelling",
    "households.origin_housing_cost_per_month",
    "households.origin_status",
    "households.rent_arrears",
    "households.returned_at_tick",
    "households.rows",
    "households.savings",
    "households.status",
};

// market: values and rents, the indices and vacancies, tenure changes by investors, lettings, sales
// and informal entries through the tenancy seam, self-built dwellings appended.
constexpr std::array<std::string_view, 27> kMarketWrites = {
    "dwellings.lease_months",
    "dwellings.months_on_market",
    "dwellings.occupant",
    "dwellings.owner_household",
    "dwellings.owner_kind",
    "dwellings.rent_per_month",
    "dwellings.rows",
    "dwellings.tenure",
    "dwellings.value",
    "households.anchor_cell",
    "households.dwelling",
    "households.host",
    "households.housing_cost_per_month",
    "households.months_in_arrears",
    "households.mortgage_balance",
    "households.mortgage_payment_per_month",
    "households.moves",
    "households.rent_arrears",
    "households.savings",
    "households.status",
    "market.dwellings_in_cell",
    "market.price_index",
    "market.rent_index",
    "market.rental_stock",
    "market.rental_vacancy",
    "market.sale_stock",
    "market.sale_vacancy",
};

// recovery: the construction pipeline and new starts (rows appended), depreciation (quality,
// hedonic, submarket), repairs (damage, funding, grants, owners' loans and savings).
constexpr std::array<std::string_view, 23> kRecoveryWrites = {
    "dwellings.damage",
    "dwellings.grant_tenant",
    "dwellings.hedonic",
    "dwellings.owner_kind",
    "dwellings.quality",
    "dwellings.rent_per_month",
    "dwellings.repair_funded",
    "dwellings.repair_grant",
    "dwellings.rows",
    "dwellings.structure",
    "dwellings.submarket",
    "dwellings.tenure",
    "dwellings.value",
    "dwellings.work_remaining_months",
    "households.housing_cost_per_month",
    "households.mortgage_balance",
    "households.mortgage_payment_per_month",
    "households.origin_housing_cost_per_month",
    "households.savings",
    "market.dwellings_in_cell",
    "market.rental_stock",
    "market.sale_stock",
    "market.under_construction",
};

// return: returns and settling elsewhere through the tenancy seam; months displaced.
constexpr std::array<std::string_view, 21> kReturnWrites = {
    "dwellings.grant_tenant",
    "dwellings.lease_months",
    "dwellings.months_on_market",
    "dwellings.occupant",
    "dwellings.owner_household",
    "dwellings.owner_kind",
    "dwellings.rent_per_month",
    "households.anchor_cell",
    "households.dwelling",
    "households.host",
    "households.housing_cost_per_month",
    "households.months_displaced",
    "households.months_in_arrears",
    "households.mortgage_balance",
    "households.mortgage_payment_per_month",
    "households.moves",
    "households.origin_dwelling",
    "households.rent_arrears",
    "households.returned_at_tick",
    "households.savings",
    "households.status",
};

// indicators: nothing: indicators read the World and publish a Frame.
constexpr std::array<std::string_view, 0> kIndicatorsWrites = {};

}  // namespace

std::span<const std::string_view> phase_writes(Phase phase) {
  switch (phase) {
    case Phase::Economy:
      return kEconomyWrites;
    case Phase::Policy:
      return kPolicyWrites;
    case Phase::Hazard:
      return kHazardWrites;
    case Phase::Displacement:
      return kDisplacementWrites;
    case Phase::Market:
      return kMarketWrites;
    case Phase::Recovery:
      return kRecoveryWrites;
    case Phase::Return:
      return kReturnWrites;
    case Phase::Indicators:
      return kIndicatorsWrites;
    case Phase::Count:
      break;
  }
  return {};
}

}  // namespace hearth
