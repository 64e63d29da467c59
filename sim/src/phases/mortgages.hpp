#pragma once
// Owners' mortgages (docs/MODEL.md 7.11): the interest rate path, the loans
// of owners present at the start, repricing of outstanding (variable-rate)
// loans when the rate moves, and default and foreclosure of owners in
// arrears. Arrears themselves accrue in the economy phase (economy.cpp),
// as tenants' rent arrears do; months in arrears are counted in the
// displacement phase (evictions::Rule::decide) for owners and tenants alike.
// Reads: status, dwelling, income, head_age_years, mortgage columns,
//        months_in_arrears, rent_arrears; Dwellings::value.
// Writes: see each function.
#include <cstdint>

#include "hearth/scenario.hpp"
#include "phases/phases.hpp"
#include "state/world.hpp"

namespace hearth::mortgages {

// The mortgage rate per year at `tick`: the last step of the rate path at or
// before it, else market.mortgage_rate_per_year.
double rate_at(const ScenarioDef& scenario, std::int32_t tick);

// Months left on a loan of `balance` paid off by `payment` a month at the
// monthly rate r (the annuity formula solved for n); 0 without a balance.
double months_left(double balance, double payment, double monthly_rate);

// Tick 0 (Simulation, after the city is built): every initial owner h bought its home at
// first_purchase_age_years some years ago (a uniform draw up to its age less that age, stream
// InitialMortgages) with a loan of initial_loan_to_value x today's value
// (prices taken as constant in real terms), capped by the lenders'
// loan-to-income cap; what is left of a 25-year annuity is its balance.
// Writes slot h of mortgage_balance, mortgage_payment_per_month and
// housing_cost_per_month (the payment plus upkeep, as for a buyer); parallel.
void originate_initial(const ScenarioDef& scenario, World& world);

// Economy phase, parallel: when the rate changes at `tick`, every
// outstanding loan is repriced over the months it has left. Writes slot i of
// mortgage_payment_per_month and housing_cost_per_month.
void reprice(const PhaseContext& ctx, World& world);

// What the lender does about owner h this tick (called in the displacement
// phase's parallel pass after the months in arrears are counted): nothing,
// count a new default, or foreclose.
enum class LenderAction : std::uint8_t { None, Default, Foreclose };
LenderAction decide(const ScenarioDef& scenario, const World& world, HouseholdId h);

// Serial: the lender forecloses on owner h. The home is sold through the
// market at the forced-sale discount (tenancy::foreclose); what the sale
// leaves after the loan and the arrears goes to the household, which is
// homeless and searches. Counts flows.foreclosures.
void foreclose(const ScenarioDef& scenario, World& world, HouseholdId h);

}  // namespace hearth::mortgages
