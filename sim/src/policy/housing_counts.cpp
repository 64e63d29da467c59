// Outcome indicators of the housing levers (docs/POLICIES.md), read by the
// indicators phase.
#include "policy/housing_levers.hpp"
#include "policy/policies.hpp"

namespace hearth::policy {

HousingCounts count_housing(const ScenarioDef& scenario, const World& world) {
  HousingCounts out;
  if (scenario.policies.empty()) return out;
  const Households& hh = world.households;
  const Dwellings& dw = world.dwellings;
  const auto tolerance = static_cast<std::uint16_t>(scenario.market.eviction_tolerance_months);
  for (HouseholdId h = 0; h < hh.count(); ++h) {
    out.voucher_households += hh.voucher[h] != 0;
    const DwellingId d = hh.dwelling[h];
    out.evictions_deferred += hh.status[h] == Status::Renter && d != kNone &&
                              dw.tenure[d] == Tenure::PrivateRental &&
                              hh.months_in_arrears[h] >= tolerance;
  }
  for (std::size_t k = 0; k < world.policies.waiting.size() && k < scenario.policies.size(); ++k) {
    if (std::holds_alternative<VouchersLever>(scenario.policies[k].lever))
      out.voucher_waiting_list += static_cast<std::int64_t>(world.policies.waiting[k].size());
  }
  for (DwellingId d = 0; d < dw.count(); ++d) {
    const std::uint8_t mark = dw.programme[d];
    if (mark == 0) continue;
    if (mark == kDemolished) {
      ++out.cleared_dwellings;
      continue;
    }
    if (mark > scenario.policies.size()) continue;
    const LeverDef& lever = scenario.policies[mark - 1u].lever;
    if (std::holds_alternative<SocialHousingLever>(lever)) {
      if (dw.work_remaining_months[d] <= 0.0f) ++out.social_programme_units;
      out.social_programme_tenants += dw.occupant[d] != kNone;
    } else if (const auto* upgrading = std::get_if<UpgradingLever>(&lever)) {
      if (upgrading->upgrading_mode == UpgradingMode::InSitu)
        ++out.upgraded_dwellings;
      else
        out.relocated_households += dw.occupant[d] != kNone;
    }
  }
  return out;
}

}  // namespace hearth::policy
