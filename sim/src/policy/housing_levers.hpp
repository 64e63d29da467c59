#pragma once
// The housing levers of the policy framework (docs/POLICIES.md): rent_cap,
// vouchers, social_housing, eviction_moratorium, mortgage_rules and
// upgrading. Each lever reads only its own keys of PolicyDef. Hooks that
// change another phase's mechanism are called from inside that phase and do
// nothing (and change no output) when no programme of the lever is active;
// programme steps run in the policy phase (run_policies).
#include <cstdint>

#include "hearth/scenario.hpp"
#include "phases/phases.hpp"
#include "state/world.hpp"

namespace hearth::policy {

// ---- rent_cap (policy/rent_cap.cpp)
// The programme in force at the tick (the first active one in list order), or nullptr.
const PolicyDef* rent_cap_in_force(const ScenarioDef& scenario, std::int32_t tick);
// Largest rise allowed at one rent review of review_months: the market's cap,
// lowered to the programme's annual cap scaled to the review interval.
double capped_increase_per_review(const PolicyDef& cap, double market_cap,
                                  std::int32_t review_months);
// Policy phase: landlords' documented responses (conversion of vacant capped
// rentals to owner-occupation happens in the market's investor stage; the
// upkeep cut once a year here).
void run_rent_cap(const PhaseContext& ctx, World& world);

// ---- vouchers (policy/vouchers.cpp)
// Economy phase, before incomes are drawn: pays each holder's voucher for the
// month (serial, id order, within the budget) into housing_subsidy_per_month.
void pay_vouchers(const PhaseContext& ctx, World& world);
// Policy phase: holders who lost eligibility give the voucher up, new
// applicants join the waiting list, vouchers are issued from its front while
// the programme year's budget covers the commitments.
void run_vouchers(const PhaseContext& ctx, World& world);
// What household h's voucher would pay towards a rent (0 without a voucher).
double voucher_subsidy(const ScenarioDef& scenario, const Households& hh, HouseholdId h,
                       double rent_per_month);
// The most rent a searcher's landlord screen accepts, counting its voucher:
// rent_budget itself without one; with one, the holder's own share (at most
// 40% of income at lease-up) plus the most the voucher pays.
double voucher_rent_limit(const ScenarioDef& scenario, const Households& hh, HouseholdId h,
                          double rent_budget);
// The most the voucher could pay (payment standard - rent share x income), 0 without.
double voucher_top_up(const ScenarioDef& scenario, const Households& hh, HouseholdId h);

// ---- social_housing (policy/social_housing.cpp)
// Policy phase: starts the year's units (paid from the budget) and lets the
// programme's vacant units by its allocation rule.
void run_social_housing(const PhaseContext& ctx, World& world);

// ---- eviction_moratorium (policy/eviction_moratorium.cpp)
// Whether a moratorium stops evictions for arrears at the tick.
bool moratorium_in_force(const ScenarioDef& scenario, const World& world, std::int32_t tick);

// ---- mortgage_rules (policy/mortgage_rules.cpp)
// The scenario the market should use at the tick: `scenario` itself when no
// mortgage_rules programme is active, else `copy` with the market's caps replaced.
const ScenarioDef& with_mortgage_rules(const ScenarioDef& scenario, std::int32_t tick,
                                       ScenarioDef& copy);

// ---- upgrading (policy/upgrading.cpp)
// Policy phase: treats up to the month's rate of targeted informal dwellings
// (in situ, relocation or clearance) within the budget; relocated households
// with poor job access drift back.
void run_upgrading(const PhaseContext& ctx, World& world);
// Whether an upgrading programme has cleared the dwelling (it is never occupied again).
inline bool demolished(const Dwellings& dw, DwellingId d) {
  return dw.programme[d] == kDemolished;
}

// ---- outcome indicators of the housing levers (policy/housing_counts.cpp)
struct HousingCounts {
  std::int64_t voucher_households = 0;
  std::int64_t voucher_waiting_list = 0;
  std::int64_t social_programme_units = 0;    // completed units of social_housing programmes
  std::int64_t social_programme_tenants = 0;  // households living in them
  std::int64_t evictions_deferred = 0;  // private tenants past the arrears tolerance, still housed
  std::int64_t upgraded_dwellings = 0;
  std::int64_t relocated_households = 0;
  std::int64_t cleared_dwellings = 0;
};
// All zero (and nothing is read) when the scenario has no policies.
HousingCounts count_housing(const ScenarioDef& scenario, const World& world);

}  // namespace hearth::policy
