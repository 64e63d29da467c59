// mortgage_rules (docs/POLICIES.md#mortgage_rules): loan-to-value,
// loan-to-income and payment-to-income caps that replace the market's
// defaults while a programme is active (the first active one in list order).
#include "policy/housing_levers.hpp"
#include "policy/policies.hpp"

namespace hearth::policy {

const ScenarioDef& with_mortgage_rules(const ScenarioDef& scenario, std::int32_t tick,
                                       ScenarioDef& copy) {
  const PolicyDef* rules = nullptr;
  for (const PolicyDef& p : scenario.policies) {
    if (p.type == "mortgage_rules" && active(p, tick)) {
      rules = &p;
      break;
    }
  }
  if (rules == nullptr) return scenario;
  copy = scenario;
  MarketDef& m = copy.market;
  if (rules->mortgage_loan_to_value_cap > 0)
    m.loan_to_value_cap = rules->mortgage_loan_to_value_cap;
  if (rules->mortgage_loan_to_income_cap > 0)
    m.loan_to_income_cap = rules->mortgage_loan_to_income_cap;
  if (rules->mortgage_payment_to_income_cap > 0)
    m.max_mortgage_payment_share_of_income = rules->mortgage_payment_to_income_cap;
  return copy;
}

}  // namespace hearth::policy
