// The columns each phase may change (phases.hpp, phase_writes), as named in
// state/columns.hpp, with the phases that write each. Checked under
// SimulationOptions::check_phase_writes by tests/phases/test_phase_writes.cpp
// over every shipped scenario. A phase that starts writing another column
// adds it here, in the same commit.
//
// What each phase writes, in short: economy, incomes, savings, arrears and
// voucher payments; policy, each lever's step (building, letting,
// demolishing, moving households through the tenancy seam); hazard, damage
// and livelihood losses; displacement, dislocation, placement, evictions and
// migration (arrivals append rows); market, values, rents, indices, lettings,
// sales and self-built dwellings (appended); recovery, the construction
// pipeline and new starts (appended), depreciation and repairs; return,
// returns and settling elsewhere; indicators, nothing.
#include <array>
#include <vector>

#include "phases/phases.hpp"

namespace hearth {
namespace {

constexpr unsigned bit(Phase p) {
  return 1u << static_cast<int>(p);
}
constexpr unsigned kEconomy = bit(Phase::Economy), kPolicy = bit(Phase::Policy),
                   kHazard = bit(Phase::Hazard), kDisplacement = bit(Phase::Displacement),
                   kMarket = bit(Phase::Market), kRecovery = bit(Phase::Recovery),
                   kReturn = bit(Phase::Return);

struct ColumnWriters {
  std::string_view column;
  unsigned phases;  // bits of the phases that may write it
};

constexpr std::array<ColumnWriters, 73> kWriters = {{
    {"dwellings.damage", kPolicy | kHazard | kRecovery},
    {"dwellings.damaged_at_tick", kHazard},
    {"dwellings.damage_loss_ratio", kHazard},
    // occupy() ends a foreclosed home's discount; foreclosure starts it;
    // investors buying it end it.
    {"dwellings.forced_sale", kPolicy | kDisplacement | kMarket | kReturn},
    {"dwellings.grant_tenant", kPolicy | kDisplacement | kRecovery | kReturn},
    {"dwellings.hedonic", kPolicy | kRecovery},
    {"dwellings.insured", kHazard},
    {"dwellings.lease_months", kPolicy | kDisplacement | kMarket | kReturn},
    {"dwellings.months_on_market", kPolicy | kDisplacement | kMarket | kReturn},
    {"dwellings.occupant", kPolicy | kDisplacement | kMarket | kReturn},
    {"dwellings.owner_household", kPolicy | kDisplacement | kMarket | kReturn},
    {"dwellings.owner_kind", kPolicy | kDisplacement | kMarket | kRecovery | kReturn},
    {"dwellings.programme", kPolicy},
    {"dwellings.quality", kPolicy | kRecovery},
    {"dwellings.record_intact", kPolicy | kHazard},
    {"dwellings.rent_per_month", kPolicy | kMarket | kRecovery | kReturn},
    {"dwellings.repair_funded", kPolicy | kHazard | kRecovery},
    {"dwellings.repair_grant", kPolicy | kRecovery},
    {"dwellings.recovery_stage", kPolicy | kHazard | kRecovery},
    {"dwellings.recovery_since_tick", kHazard | kRecovery},
    {"dwellings.recovery_until_tick", kHazard | kRecovery},
    {"dwellings.repair_aid", kHazard | kRecovery},
    {"dwellings.recovery_flags", kHazard | kRecovery},
    {"dwellings.rows", kPolicy | kMarket | kRecovery},
    {"dwellings.structure", kPolicy | kRecovery},
    {"dwellings.submarket", kPolicy | kRecovery},
    {"dwellings.tenure", kPolicy | kMarket | kRecovery},
    {"dwellings.value", kPolicy | kHazard | kMarket | kRecovery},
    {"dwellings.work_remaining_months", kPolicy | kHazard | kRecovery},
    {"grid.drainage_m", kPolicy},
    {"grid.land_use", kPolicy},
    {"grid.service_electricity", kPolicy},
    {"grid.service_sanitation", kPolicy},
    {"grid.service_water", kPolicy},
    {"households.anchor_cell", kPolicy | kDisplacement | kMarket | kReturn},
    // Birthdays: the age profile of income (life cycle).
    {"households.base_income_per_month", kDisplacement},
    {"households.displaced_at_tick", kDisplacement},
    {"households.displaced_from", kDisplacement},
    {"households.dwelling", kPolicy | kDisplacement | kMarket | kReturn},
    // Birthdays (life cycle) age heads in the displacement phase.
    {"households.head_age", kDisplacement},
    {"households.head_age_years", kDisplacement},
    {"households.host", kPolicy | kDisplacement | kMarket | kReturn},
    {"households.site", kPolicy | kDisplacement},
    // The economy reprices variable-rate mortgages when the rate moves.
    {"households.housing_cost_per_month",
     kEconomy | kPolicy | kDisplacement | kMarket | kRecovery | kReturn},
    {"households.housing_subsidy_per_month", kEconomy},
    {"households.income_log_deviation", kEconomy | kHazard},
    {"households.income_per_month", kEconomy | kHazard},
    {"households.months_displaced", kPolicy | kDisplacement | kReturn},
    {"households.months_in_arrears", kPolicy | kDisplacement | kMarket | kReturn},
    {"households.mortgage_balance", kPolicy | kDisplacement | kMarket | kRecovery | kReturn},
    {"households.mortgage_payment_per_month",
     kEconomy | kPolicy | kDisplacement | kMarket | kRecovery | kReturn},
    {"households.moves", kPolicy | kMarket | kReturn},
    {"households.origin_dwelling", kPolicy | kDisplacement | kReturn},
    {"households.origin_housing_cost_per_month", kEconomy | kPolicy | kDisplacement | kRecovery},
    {"households.origin_status", kPolicy | kDisplacement},
    {"households.rent_arrears", kEconomy | kPolicy | kDisplacement | kMarket | kReturn},
    {"households.returned_at_tick", kDisplacement | kReturn},
    {"households.rows", kDisplacement},
    {"households.savings", kEconomy | kPolicy | kDisplacement | kMarket | kRecovery | kReturn},
    // Births, deaths of members, children leaving home (life cycle).
    {"households.size", kDisplacement},
    {"households.status", kPolicy | kDisplacement | kMarket | kReturn},
    {"households.voucher", kEconomy | kPolicy},
    {"households.voucher_months_unpaid", kEconomy | kPolicy},
    {"market.dwellings_in_cell", kPolicy | kMarket | kRecovery},
    {"market.investor_balance", kMarket},
    {"market.price_index", kPolicy | kMarket},
    {"market.price_index_history", kMarket},
    {"market.rent_index", kPolicy | kMarket},
    {"market.rental_stock", kPolicy | kMarket | kRecovery},
    {"market.rental_vacancy", kMarket},
    {"market.sale_stock", kPolicy | kMarket | kRecovery},
    {"market.sale_vacancy", kMarket},
    {"market.under_construction", kPolicy | kRecovery},
}};

}  // namespace

std::span<const std::string_view> phase_writes(Phase phase) {
  // Built once: the columns of each phase, in the table's order.
  static const auto by_phase = [] {
    std::array<std::vector<std::string_view>, kPhaseCount> lists;
    for (const ColumnWriters& w : kWriters) {
      for (int p = 0; p < kPhaseCount; ++p) {
        if (w.phases & bit(static_cast<Phase>(p))) lists[p].push_back(w.column);
      }
    }
    return lists;
  }();
  if (phase == Phase::Count) return {};
  return by_phase[static_cast<int>(phase)];
}

}  // namespace hearth
