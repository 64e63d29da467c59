// Builds the rules the phases read at a tick from the programmes in force
// (rules/active_rules.hpp): the first programme of a lever in list order
// sets the rent cap, the credit limits and the building code; any
// moratorium in force stops evictions.
#include <algorithm>
#include <cmath>

#include "policy/disaster_levers.hpp"
#include "policy/housing_levers.hpp"
#include "policy/policies.hpp"
#include "rules/active_rules.hpp"

namespace hearth {
namespace {

// Largest rise allowed at one rent review of review_months: the market's cap,
// lowered to the programme's annual cap scaled to the review interval (an
// annual cap compounds over the months between reviews).
double capped_increase_per_review(const RentCapLever& cap, double market_cap,
                                  std::int32_t review_months) {
  const double per_review =
      std::pow(1.0 + cap.rent_cap_max_increase_per_year, review_months / 12.0) - 1.0;
  return std::min(market_cap, per_review);
}

void apply_mortgage_rules(const MortgageRulesLever& rules, CreditLimits& credit) {
  if (rules.mortgage_loan_to_value_cap > 0)
    credit.loan_to_value_cap = rules.mortgage_loan_to_value_cap;
  if (rules.mortgage_loan_to_income_cap > 0)
    credit.loan_to_income_cap = rules.mortgage_loan_to_income_cap;
  if (rules.mortgage_payment_to_income_cap > 0)
    credit.max_payment_share_of_income = rules.mortgage_payment_to_income_cap;
}

}  // namespace

ActiveRules rules_in_force(const ScenarioDef& scenario, std::int32_t tick) {
  const MarketDef& m = scenario.market;
  ActiveRules rules;
  rules.max_rent_increase_per_review = m.max_rent_increase_per_review;
  rules.credit = market_credit_limits(m);
  rules.voucher_terms.assign(scenario.policies.size(), nullptr);
  bool mortgage_rules_found = false;
  for (std::size_t k = 0; k < scenario.policies.size(); ++k) {
    const ProgrammeDef& programme = scenario.policies[k];
    if (const auto* vouchers = std::get_if<VouchersLever>(&programme.lever)) {
      rules.voucher_terms[k] = vouchers;
      rules.pay_vouchers = policy::pay_vouchers;
    }
    if (!policy::active(programme, tick)) continue;
    if (const auto* cap = std::get_if<RentCapLever>(&programme.lever)) {
      if (rules.rent_cap != nullptr) continue;
      rules.rent_cap_programme = &programme;
      rules.rent_cap = cap;
      rules.max_rent_increase_per_review =
          capped_increase_per_review(*cap, m.max_rent_increase_per_review, m.rent_review_months);
      rules.capped_rental_conversion_rate_per_month = cap->rent_cap_conversion_rate_per_month;
    } else if (const auto* credit = std::get_if<MortgageRulesLever>(&programme.lever)) {
      if (mortgage_rules_found) continue;
      mortgage_rules_found = true;
      apply_mortgage_rules(*credit, rules.credit);
    } else if (const auto* moratorium = std::get_if<EvictionMoratoriumLever>(&programme.lever)) {
      if (moratorium->moratorium_window == MoratoriumWindow::Fixed) {
        rules.moratorium_fixed = true;
      } else {
        rules.moratorium_months_after_event =
            std::max(rules.moratorium_months_after_event, moratorium->moratorium_months);
      }
    } else if (const auto* code = std::get_if<BuildingCodeLever>(&programme.lever)) {
      if (rules.building_code == nullptr) rules.building_code = code;
    } else if (std::holds_alternative<ReconstructionGrantsLever>(programme.lever)) {
      rules.pay_reconstruction_grants = policy::pay_reconstruction_grants;
    }
  }
  return rules;
}

}  // namespace hearth
