// Owners' mortgages (see mortgages.hpp).
#include "phases/mortgages.hpp"

#include <algorithm>
#include <cmath>

#include "housing/market_model.hpp"
#include "parallel/parallel.hpp"
#include "parallel/rng.hpp"
#include "state/head_ages.hpp"
#include "state/tenancy.hpp"

namespace hearth::mortgages {

double rate_at(const ScenarioDef& scenario, std::int32_t tick) {
  double rate = scenario.market.mortgage_rate_per_year;
  for (const RateStepDef& step : scenario.mortgages.rate_path) {
    if (step.from_tick > tick) break;  // steps ascend (checked at load)
    rate = step.rate_per_year;
  }
  return rate;
}

double months_left(double balance, double payment, double monthly_rate) {
  if (balance <= 0 || payment <= 0) return 0;
  if (monthly_rate <= 0) return balance / payment;
  // balance = payment (1 - (1 + r)^-n) / r, solved for n; a payment that no
  // longer covers the interest (it cannot happen with annuities) is capped.
  const double x = 1.0 - monthly_rate * balance / payment;
  if (x <= 1e-9) return 1200;
  return -std::log(x) / std::log1p(monthly_rate);
}

namespace {

void originate_at_start(const ScenarioDef& s, World& world, HouseholdId h) {
  const MortgagesDef& m = s.mortgages;
  Households& hh = world.households;
  const Dwellings& dw = world.dwellings;
  const DwellingId d = hh.dwelling[h];
  if (!m.initial_mortgages || hh.status[h] != Status::Owner || d == kNone) return;
  Rng rng(s.seed, s.replicate, 0, RngStream::InitialMortgages, h);
  // Years since the purchase: uniform up to the years since the purchase age.
  const double owned_for = std::max(0.0, hh.head_age_years[h] - m.first_purchase_age_years);
  const int years_since = static_cast<int>(rng.uniform() * (owned_for + 1.0));
  const std::int32_t term = s.market.mortgage_term_years;
  const double price = dw.value[d];
  const double upkeep = s.market.owner_upkeep_rate_per_year / 12.0 * price;
  if (years_since >= term) {
    // Paid off: the housing cost is the upkeep alone, as for a buyer whose
    // loan ends (the market phase's amortisation).
    hh.housing_cost_per_month[h] = static_cast<float>(upkeep);
    return;
  }
  const double rate = rate_at(s, 0);
  // The lenders' income test at the purchase, on the income of the age then.
  const int age = hh.head_age_years[h];
  const double income_then = hh.income_per_month[h] *
                             income_profile(std::max(18, age - years_since)) / income_profile(age);
  const double loan =
      std::min(m.initial_loan_to_value * price, s.market.loan_to_income_cap * 12.0 * income_then);
  // The model's money is real: inflation since the purchase has eroded the
  // nominal payment and balance of an older loan.
  const double erosion = std::pow(1.0 + m.inflation_per_year, -years_since);
  const double payment = market::annuity_payment(loan, rate, term) * erosion;
  // Balance after k payments: the annuity of the months left.
  const double r = rate / 12.0;
  const double left = 12.0 * (term - years_since);
  const double balance = r > 0 ? payment * (1.0 - std::pow(1.0 + r, -left)) / r : payment * left;
  hh.mortgage_balance[h] = static_cast<float>(balance);
  hh.mortgage_payment_per_month[h] = static_cast<float>(payment);
  hh.housing_cost_per_month[h] = static_cast<float>(payment + upkeep);
}

}  // namespace

void originate_initial(const ScenarioDef& scenario, World& world) {
  if (!scenario.mortgages.initial_mortgages) return;
  parallel::for_each_index(world.households.count(), [&](std::size_t h) {
    originate_at_start(scenario, world, static_cast<HouseholdId>(h));
  });
}

void reprice(const PhaseContext& ctx, World& world) {
  const double rate = rate_at(ctx.scenario, ctx.tick);
  const double before = rate_at(ctx.scenario, ctx.tick - 1);
  if (rate == before) return;
  Households& hh = world.households;
  const std::int32_t term_months = 12 * ctx.scenario.market.mortgage_term_years;
  parallel::for_each_index(hh.count(), [&](std::size_t i) {
    const double balance = hh.mortgage_balance[i];
    const double payment = hh.mortgage_payment_per_month[i];
    if (balance <= 0 || payment <= 0) return;
    // The loan keeps its end date: the months left at the old rate.
    const double n = std::min<double>(term_months, months_left(balance, payment, before / 12.0));
    const double months = std::max(1.0, std::round(n));
    const double r = rate / 12.0;
    const double repriced =
        r > 0 ? balance * r / (1.0 - std::pow(1.0 + r, -months)) : balance / months;
    hh.mortgage_payment_per_month[i] = static_cast<float>(repriced);
    if (is_housed(hh.status[i])) {
      hh.housing_cost_per_month[i] += static_cast<float>(repriced - payment);
    } else {
      // Displaced owners resume the cost of their home of origin on return.
      hh.origin_housing_cost_per_month[i] += static_cast<float>(repriced - payment);
    }
  });
}

LenderAction decide(const ScenarioDef& scenario, const World& world, HouseholdId h) {
  const MortgagesDef& m = scenario.mortgages;
  const Households& hh = world.households;
  if (!m.owner_arrears || hh.status[h] != Status::Owner || hh.rent_arrears[h] <= 0.0f) {
    return LenderAction::None;
  }
  const std::uint16_t months = hh.months_in_arrears[h];
  if (months >= m.foreclosure_months_in_arrears) return LenderAction::Foreclose;
  if (months == m.default_months_in_arrears) return LenderAction::Default;
  return LenderAction::None;
}

void foreclose(const ScenarioDef& scenario, World& world, HouseholdId h) {
  tenancy::foreclose(scenario, world, h);
  ++world.flows.foreclosures;
}

}  // namespace hearth::mortgages
