// vouchers (docs/POLICIES.md#vouchers): a housing choice voucher pays the
// part of a private rent above voucher_rent_share_of_income of the holder's
// income, up to the payment standard. Eligibility by income (a share of the
// city's median); vouchers are issued within the programme year's budget,
// first come, first served from a waiting list in order of application.
// Reads: the programme's voucher_* keys; Households (status, dwelling,
//        income_per_month, housing_cost_per_month); Dwellings::tenure.
// Writes: Households::voucher, housing_subsidy_per_month (serial, id order);
//        PolicyState::waiting; the programme's ledger.
#include <algorithm>

#include "parallel/parallel.hpp"
#include "policy/housing_levers.hpp"
#include "policy/policies.hpp"

namespace hearth::policy {
namespace {

bool is_voucher_programme(const PolicyDef& p) { return p.type == "vouchers"; }

bool income_eligible(const ScenarioDef& s, const PolicyDef& p, const Households& hh,
                     HouseholdId h) {
  return hh.income_per_month[h] <
         p.voucher_income_limit_share_of_median * s.city.income.median_per_month;
}

// Households that may hold a voucher: private renters and those looking for a
// rental (homeless, informal dwellers); not owners, social tenants or those gone.
bool status_eligible(Status status) {
  return status == Status::Renter || status == Status::Homeless ||
         status == Status::InformalDweller;
}

bool rents_privately(const World& world, HouseholdId h) {
  const DwellingId d = world.households.dwelling[h];
  return world.households.status[h] == Status::Renter && d != kNone &&
         world.dwellings.tenure[d] == Tenure::PrivateRental;
}

// The monthly payment a holder (or applicant) is expected to draw: what the
// voucher pays towards its current rent, or the most it could pay if it is
// still looking for a rental.
double expected_payment(const ScenarioDef& s, const World& world, HouseholdId h,
                        const PolicyDef& p) {
  const Households& hh = world.households;
  const double share = p.voucher_rent_share_of_income * hh.income_per_month[h];
  const double rent = rents_privately(world, h) ? hh.housing_cost_per_month[h]
                                                : p.voucher_payment_standard_per_month;
  (void)s;
  return std::max(0.0, std::min(rent, p.voucher_payment_standard_per_month) - share);
}

}  // namespace

double voucher_subsidy(const ScenarioDef& scenario, const Households& hh, HouseholdId h,
                       double rent_per_month) {
  const std::uint8_t k = hh.voucher[h];
  if (k == 0) return 0.0;
  const PolicyDef& p = scenario.policies[k - 1u];
  return std::max(0.0, std::min(rent_per_month, p.voucher_payment_standard_per_month) -
                           p.voucher_rent_share_of_income * hh.income_per_month[h]);
}

double voucher_top_up(const ScenarioDef& scenario, const Households& hh, HouseholdId h) {
  const std::uint8_t k = hh.voucher[h];
  if (k == 0) return 0.0;
  const PolicyDef& p = scenario.policies[k - 1u];
  return std::max(0.0, p.voucher_payment_standard_per_month -
                           p.voucher_rent_share_of_income * hh.income_per_month[h]);
}

void pay_vouchers(const PhaseContext& ctx, World& world) {
  const ScenarioDef& s = ctx.scenario;
  if (std::none_of(s.policies.begin(), s.policies.end(), is_voucher_programme)) return;
  Households& hh = world.households;
  // Serial, in id order: who gets the last of a year's budget does not
  // depend on the thread count. The payment is set on last month's income
  // (as a housing authority sets it on the income it last certified).
  for (HouseholdId h = 0; h < hh.count(); ++h) {
    hh.housing_subsidy_per_month[h] = 0.0f;
    if (hh.voucher[h] == 0 || !rents_privately(world, h)) continue;
    const int k = hh.voucher[h] - 1;
    const double owed = voucher_subsidy(s, hh, h, hh.housing_cost_per_month[h]);
    hh.housing_subsidy_per_month[h] = static_cast<float>(spend(s, world, k, ctx.tick, owed));
  }
}

void run_vouchers(const PhaseContext& ctx, World& world) {
  const ScenarioDef& s = ctx.scenario;
  Households& hh = world.households;
  auto& waiting = world.policies.waiting;
  waiting.resize(s.policies.size());
  for (std::size_t k = 0; k < s.policies.size(); ++k) {
    const PolicyDef& p = s.policies[k];
    if (!is_voucher_programme(p)) continue;
    const auto mark = static_cast<std::uint8_t>(k + 1);
    const bool on = active(p, ctx.tick);
    if (!on && ctx.tick < p.start_tick) continue;
    // 1. Holders who left, stopped renting privately or whose income rose
    //    above the limit give the voucher up (all of them once the programme ends).
    double committed = 0;
    for (HouseholdId h = 0; h < hh.count(); ++h) {
      if (hh.voucher[h] != mark) continue;
      if (!on || !status_eligible(hh.status[h]) || !income_eligible(s, p, hh, h)) {
        hh.voucher[h] = 0;  // (this month's payment, already made, stands)
        continue;
      }
      committed += expected_payment(s, world, h, p);
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
    // 3. Issue from the front while the budget left in this programme year
    //    covers every holder's expected payments to its end (in the year's
    //    last month: a whole year at the annual budget).
    const std::int32_t into_year = (ctx.tick - p.start_tick) % 12;
    const std::int32_t months_left = 11 - into_year;
    const double available =
        months_left > 0 ? budget_left(s, world, static_cast<int>(k), ctx.tick) : p.budget_per_year;
    const double months = months_left > 0 ? months_left : 12;
    std::size_t issued = 0;
    for (const HouseholdId h : list) {
      const double add = expected_payment(s, world, h, p);
      if ((committed + add) * months > available) break;  // first come, first served: no skipping
      committed += add;
      hh.voucher[h] = mark;
      ++issued;
    }
    list.erase(list.begin(), list.begin() + static_cast<std::ptrdiff_t>(issued));
  }
}

}  // namespace hearth::policy
