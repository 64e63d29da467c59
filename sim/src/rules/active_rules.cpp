#include "rules/active_rules.hpp"

#include <algorithm>
#include <cmath>

namespace hearth {

CreditLimits market_credit_limits(const MarketDef& market) {
  return {market.loan_to_value_cap, market.loan_to_income_cap,
          market.max_mortgage_payment_share_of_income};
}

bool moratorium_in_force(const ActiveRules& rules, const ScenarioDef& scenario, const World& world,
                         std::int32_t tick) {
  if (rules.moratorium_fixed) return true;
  if (rules.moratorium_months_after_event <= 0) return false;
  const auto& starts = world.disasters.event_start_tick;
  for (std::size_t k = 0; k < starts.size() && k < scenario.hazards.size(); ++k) {
    if (scenario.hazards[k].type == "arrival_wave") continue;
    const std::int32_t at = starts[k];
    if (at > 0 && tick >= at && tick < at + rules.moratorium_months_after_event) return true;
  }
  return false;
}

namespace {

// The terms of household h's voucher, or nullptr without one.
const VouchersLever* terms_of(const ActiveRules& rules, const Households& hh, HouseholdId h) {
  const std::uint8_t k = hh.voucher[h];
  if (k == 0 || k > rules.voucher_terms.size()) return nullptr;
  return rules.voucher_terms[k - 1u];
}

}  // namespace

double voucher_subsidy(const ActiveRules& rules, const Households& hh, HouseholdId h,
                       double rent_per_month) {
  const VouchersLever* p = terms_of(rules, hh, h);
  if (p == nullptr) return 0.0;
  // In whole currency units, rounded up (the holder pays at most its share).
  const double gap = std::min(rent_per_month, p->voucher_payment_standard_per_month) -
                     p->voucher_rent_share_of_income * hh.income_per_month[h];
  return std::clamp(std::ceil(gap), 0.0, std::max(0.0, rent_per_month));
}

double voucher_top_up(const ActiveRules& rules, const Households& hh, HouseholdId h) {
  const VouchersLever* p = terms_of(rules, hh, h);
  if (p == nullptr) return 0.0;
  return std::max(0.0, p->voucher_payment_standard_per_month -
                           p->voucher_rent_share_of_income * hh.income_per_month[h]);
}

double voucher_rent_limit(const ActiveRules& rules, const Households& hh, HouseholdId h,
                          double rent_budget) {
  const VouchersLever* p = terms_of(rules, hh, h);
  if (p == nullptr) return rent_budget;
  const double income = hh.income_per_month[h];
  // At lease-up the holder's own share may not exceed 40% of income (or the
  // programme's share, if higher), as in the US programme.
  const double own = std::min(rent_budget, std::max(p->voucher_rent_share_of_income, 0.4) * income);
  return own + voucher_top_up(rules, hh, h);
}

}  // namespace hearth
