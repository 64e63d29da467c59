// vouchers (docs/POLICIES.md#vouchers): a housing choice voucher pays the
// part of a private rent above voucher_rent_share_of_income of the holder's
// income, up to the payment standard. Eligibility by income (a share of the
// city's median); vouchers are issued within the programme year's budget,
// first come, first served from a waiting list in order of application.
// Reads: the programme's VouchersLever; Households (status, dwelling,
//        income_per_month, housing_cost_per_month); Dwellings::tenure.
// Writes: Households::voucher, housing_subsidy_per_month (serial, id order);
//        PolicyState::waiting; the programme's ledger.
#include <algorithm>
#include <cmath>

#include "parallel/parallel.hpp"
#include "policy/housing_levers.hpp"
#include "policy/policies.hpp"

namespace hearth::policy {
namespace {

bool income_eligible(const ScenarioDef& s, const VouchersLever& p, const Households& hh,
                     HouseholdId h) {
  return hh.income_per_month[h] <
         p.voucher_income_limit_share_of_median * s.city.income.median_per_month;
}

// Households that may hold a voucher: private renters and those looking for a
// rental (homeless, informal dwellers); not owners, social tenants or those gone.
bool status_eligible(Status status) {
  return status == Status::Renter || status == Status::Homeless || status == Status::DoubledUp ||
         status == Status::InformalDweller;
}

bool rents_privately(const World& world, HouseholdId h) {
  const DwellingId d = world.households.dwelling[h];
  return world.households.status[h] == Status::Renter && d != kNone &&
         world.dwellings.tenure[d] == Tenure::PrivateRental;
}

// The monthly payment a holder (or applicant) is committed: the most the
// voucher could pay at its income (payment standard - share x income), so
// that rent rises at reviews and moves do not outrun the budget.
double expected_payment(const World& world, HouseholdId h, const VouchersLever& p) {
  const Households& hh = world.households;
  const double share = p.voucher_rent_share_of_income * hh.income_per_month[h];
  return std::max(0.0, p.voucher_payment_standard_per_month - share);
}

}  // namespace

void pay_vouchers(const PhaseContext& ctx, World& world) {
  const ScenarioDef& s = ctx.scenario;
  const ActiveRules& rules = ctx.rules;
  if (std::none_of(rules.voucher_terms.begin(), rules.voucher_terms.end(),
                   [](const VouchersLever* terms) { return terms != nullptr; }))
    return;
  Households& hh = world.households;
  // Serial, in id order: who gets the last of a year's budget does not
  // depend on the thread count. The payment is set on last month's income
  // (as a housing authority sets it on the income it last certified).
  for (HouseholdId h = 0; h < hh.count(); ++h) {
    hh.housing_subsidy_per_month[h] = 0.0f;
    if (hh.voucher[h] == 0) continue;
    const int k = hh.voucher[h] - 1;
    const double owed = rents_privately(world, h)
                            ? voucher_subsidy(rules, hh, h, hh.housing_cost_per_month[h])
                            : 0.0;
    // Months in a row the holder was owed nothing (still searching, or an
    // income at which 30% covers the rent): the voucher lapses after a while.
    hh.voucher_months_unpaid[h] =
        owed > 0 ? 0 : static_cast<std::uint8_t>(std::min(255, hh.voucher_months_unpaid[h] + 1));
    hh.housing_subsidy_per_month[h] = static_cast<float>(spend(s, world, k, ctx.tick, owed));
  }
}

void run_vouchers(const PhaseContext& ctx, World& world) {
  const ScenarioDef& s = ctx.scenario;
  Households& hh = world.households;
  auto& waiting = world.policies.waiting;
  waiting.resize(s.policies.size());
  for (std::size_t k = 0; k < s.policies.size(); ++k) {
    const ProgrammeDef& programme = s.policies[k];
    const auto* terms = std::get_if<VouchersLever>(&programme.lever);
    if (terms == nullptr) continue;
    const VouchersLever& p = *terms;
    const auto mark = static_cast<std::uint8_t>(k + 1);
    const bool on = active(programme, ctx.tick);
    if (!on && ctx.tick < programme.start_tick) continue;
    // 1. Holders who left, became owners or social tenants, or were owed
    //    nothing for voucher_lapse_months in a row give the voucher up (all of
    //    them once the programme ends). The income limit applies at entry
    //    only: a holder whose income rises pays more until the payment is 0.
    double committed = 0;
    for (HouseholdId h = 0; h < hh.count(); ++h) {
      if (hh.voucher[h] != mark) continue;
      if (!on || !status_eligible(hh.status[h]) ||
          hh.voucher_months_unpaid[h] >= p.voucher_lapse_months) {
        hh.voucher[h] = 0;  // (this month's payment, already made, stands)
        continue;
      }
      committed += expected_payment(world, h, p);
    }
    std::vector<HouseholdId>& list = waiting[k];
    if (!on) {
      list.clear();
      continue;
    }
    // 2. The waiting list keeps its order; those no longer eligible drop out,
    //    new applicants (this tick's eligible households not yet on it) join
    //    at the end in id order.
    std::vector<std::uint8_t> listed(hh.count(), 0);
    std::size_t keep = 0;
    for (const HouseholdId h : list) {
      if (h >= hh.count() || hh.voucher[h] != 0 || !status_eligible(hh.status[h]) ||
          !income_eligible(s, p, hh, h)) {
        continue;
      }
      listed[h] = 1;
      list[keep++] = h;
    }
    list.resize(keep);
    for (HouseholdId h = 0; h < hh.count(); ++h) {
      if (listed[h] || hh.voucher[h] != 0 || !status_eligible(hh.status[h]) ||
          !income_eligible(s, p, hh, h)) {
        continue;
      }
      list.push_back(h);
    }
    // 3. Issue from the front while the budget covers every holder's
    //    expected payments both to the end of this programme year (from what
    //    is left of it) and over a whole year (so that the commitments carry
    //    into the next year too).
    const std::int32_t months_left = 11 - (ctx.tick - programme.start_tick) % 12;
    const double left = budget_left(s, world, static_cast<int>(k), ctx.tick);
    std::size_t issued = 0;
    for (const HouseholdId h : list) {
      const double add = expected_payment(world, h, p);
      const double monthly = committed + add;
      // First come, first served: the list is never skipped.
      if (monthly * months_left > left || monthly * 12 > programme.budget_per_year) break;
      committed += add;
      hh.voucher[h] = mark;
      hh.voucher_months_unpaid[h] = 0;
      ++issued;
    }
    list.erase(list.begin(), list.begin() + static_cast<std::ptrdiff_t>(issued));
  }
}

}  // namespace hearth::policy
