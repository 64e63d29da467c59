#pragma once
// The rules the policy programmes in force set for one tick, as the phases
// read them (docs/ARCHITECTURE.md, "Typed policies and active rules"). The
// tick builds them once (PhaseContext's constructor calls rules_in_force,
// which the policy module defines) and hands them to every phase in the
// context: a phase reads the rent cap, the credit limits, the moratorium, the
// building code and the voucher terms here, and never includes policy code.
// The two levers that decide inside a phase's own loop (voucher payments at
// the start of the economy, reconstruction grants inside repairs) are handed
// over as hooks, set only while such a programme exists.
#include <cstdint>
#include <vector>

#include "hearth/scenario.hpp"
#include "state/world.hpp"

namespace hearth {

struct PhaseContext;

// Lenders' caps: the market's defaults, each replaced by the first
// mortgage_rules programme in force that sets it (> 0).
struct CreditLimits {
  double loan_to_value_cap = 0;
  double loan_to_income_cap = 0;
  double max_payment_share_of_income = 0;  // mortgage payment plus upkeep, of income
};
CreditLimits market_credit_limits(const MarketDef& market);

// What repairs offer a reconstruction grant for dwelling d: `fund` tries to
// fund d's repair with a grant paid (true: funded, commits the owner's
// share); `can_fund` asks the same without committing anything.
struct RepairFunding {
  virtual ~RepairFunding() = default;
  virtual double gap(DwellingId d) const = 0;  // cost not covered by insurance
  virtual bool can_fund(DwellingId d, double grant) const = 0;
  virtual void fund(DwellingId d, double grant) = 0;
};

struct ActiveRules {
  // ---- rent_cap: the first programme in force (list order), or none.
  const ProgrammeDef* rent_cap_programme = nullptr;
  const RentCapLever* rent_cap = nullptr;
  double max_rent_increase_per_review = 0;             // the market's cap, lowered by a rent cap
  double capped_rental_conversion_rate_per_month = 0;  // vacant capped rentals sold off

  // ---- mortgage_rules
  CreditLimits credit;

  // ---- eviction_moratorium: in force over a fixed window, or for the
  // longest moratorium_months of the programmes in force after each event.
  bool moratorium_fixed = false;
  std::int32_t moratorium_months_after_event = 0;

  // ---- building_code: the first programme in force, or none.
  const BuildingCodeLever* building_code = nullptr;

  // ---- vouchers: the lever of each programme (by index into
  // scenario.policies; nullptr for other levers). A household's voucher
  // names its programme, and keeps its terms after the programme ends.
  std::vector<const VouchersLever*> voucher_terms;

  // ---- hooks, set while the scenario has a programme of the lever
  // Pays each holder's voucher for the month (serial, within the budget).
  void (*pay_vouchers)(const PhaseContext& ctx, World& world) = nullptr;
  // Grants towards the repair of the damaged dwellings (reconstruction_grants in force).
  void (*pay_reconstruction_grants)(const PhaseContext& ctx, World& world,
                                    const std::vector<DwellingId>& damaged,
                                    RepairFunding& funding) = nullptr;
};

// The rules at the tick (policy/active_rules.cpp).
ActiveRules rules_in_force(const ScenarioDef& scenario, std::int32_t tick);

// Whether a moratorium stops evictions for arrears at the tick (the events
// that started this tick count, so call it after the hazard phase).
bool moratorium_in_force(const ActiveRules& rules, const ScenarioDef& scenario, const World& world,
                         std::int32_t tick);

// What household h's voucher would pay towards a rent (0 without a voucher).
double voucher_subsidy(const ActiveRules& rules, const Households& hh, HouseholdId h,
                       double rent_per_month);
// The most the voucher could pay (payment standard - rent share x income), 0 without.
double voucher_top_up(const ActiveRules& rules, const Households& hh, HouseholdId h);
// The most rent a searcher's landlord screen accepts, counting its voucher:
// rent_budget itself without one; with one, the holder's own share (at most
// 40% of income at lease-up) plus the most the voucher pays.
double voucher_rent_limit(const ActiveRules& rules, const Households& hh, HouseholdId h,
                          double rent_budget);

}  // namespace hearth
