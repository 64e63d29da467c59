#pragma once
// The housing levers of the policy framework (docs/POLICIES.md): rent_cap,
// vouchers, social_housing, eviction_moratorium, mortgage_rules and
// upgrading. Each lever reads only its own lever struct (hearth/scenario.hpp).
// What a lever changes in another phase's mechanism (the rent cap, credit
// limits, the moratorium, voucher terms) reaches that phase through the
// active rules (rules/active_rules.hpp, built by policy/active_rules.cpp);
// programme steps run in the policy phase (run_policies).
#include <cstdint>

#include "hearth/scenario.hpp"
#include "phases/phases.hpp"
#include "state/world.hpp"

namespace hearth::policy {

// ---- rent_cap (policy/rent_cap.cpp)
// Policy phase: landlords' documented responses (conversion of vacant capped
// rentals to owner-occupation happens in the market's investor stage; the
// upkeep cut once a year here).
void run_rent_cap(const PhaseContext& ctx, World& world);

// ---- vouchers (policy/vouchers.cpp)
// Economy phase, before incomes are drawn (through ActiveRules::pay_vouchers):
// pays each holder's voucher for the month (serial, id order, within the
// budget) into housing_subsidy_per_month.
void pay_vouchers(const PhaseContext& ctx, World& world);
// Policy phase: holders who lost eligibility give the voucher up, new
// applicants join the waiting list, vouchers are issued from its front while
// the programme year's budget covers the commitments.
void run_vouchers(const PhaseContext& ctx, World& world);

// ---- social_housing (policy/social_housing.cpp)
// Policy phase: starts the year's units (paid from the budget) and lets the
// programme's vacant units by its allocation rule.
void run_social_housing(const PhaseContext& ctx, World& world);

// ---- upgrading (policy/upgrading.cpp)
// Policy phase: treats up to the month's rate of targeted informal dwellings
// (in situ, relocation or clearance) within the budget; relocated households
// with poor job access drift back.
void run_upgrading(const PhaseContext& ctx, World& world);

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
