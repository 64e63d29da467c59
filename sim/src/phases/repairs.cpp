// Recovery phase, disaster part (docs/MODEL.md 7.5), called from
// run_recovery after the construction pipeline has advanced: damaged
// dwellings go through the recovery process (phases/recovery_process.cpp:
// inspection, insurance claim, public aid, repair loan, permit, contractor),
// are funded (savings, insurance, public aid, repair loans; landlords repair
// when it pays; the public landlord always does) and repaired with a limited
// number of crew-months per month, owner-occupiers first, then the public
// landlord, then landlords and vacant stock. A backlog larger than the
// capacity raises costs (demand surge). A dwelling in DS3+ is uninhabitable
// until its work is done.
// Reads: Dwellings (damage, work, tenure, owner, insured, hedonic,
//        submarket, recovery stage, repair aid), the submarket indices,
//        owners' income and savings.
// Writes (serial, in priority and id order): Dwellings::work_remaining_months,
//        damage, repair_funded, recovery_stage (and the process's columns),
//        structure, value, hedonic, submarket;
//        owners' savings, mortgage_balance, mortgage_payment_per_month,
//        housing_cost_per_month or origin_housing_cost_per_month;
//        DisasterState::repair_cost_multiplier, repair_capacity_left.
//        Counts flows.repairs_completed.
#include <algorithm>
#include <cmath>
#include <tuple>

#include "housing/market_model.hpp"
#include "phases/mortgages.hpp"
#include "phases/recovery_process.hpp"
#include "phases/repairs.hpp"

namespace hearth::disasters {
namespace {

// Crews go to owner-occupiers (and self-builders) first, then the public
// landlord, then private landlords and unsold stock.
int priority_of(const Dwellings& dw, DwellingId d) {
  // Repairs a reconstruction grant pays for are scheduled by the programme
  // with the owner-occupiers' (docs/POLICIES.md#reconstruction_grants).
  if (dw.owner_kind[d] == OwnerKind::Household || dw.repair_grant[d] > 0) return 0;
  if (dw.owner_kind[d] == OwnerKind::Public || dw.tenure[d] == Tenure::SocialRental) return 1;
  return 2;
}

// A building_code programme's rebuild rule applies to d's repair.
bool rebuilds_to_code(const BuildingCodeLever* code, const Dwellings& dw, DwellingId d) {
  return code != nullptr && dw.tenure[d] != Tenure::Informal &&
         static_cast<int>(dw.damage[d]) >= code->code_rebuild_min_damage_state &&
         dw.structure[d] < code->code_rebuild_structure;
}

// What the repair of d costs at this month's prices and what insurance leaves to pay.
double repair_gap(const ScenarioDef& s, const World& world, DwellingId d, double multiplier,
                  const BuildingCodeLever* code) {
  const RecoveryDef& r = s.disasters.recovery;
  const FragilityDef& f = s.disasters.fragility;
  const Dwellings& dw = world.dwellings;
  const MarketState& state = world.market;
  const int ds = static_cast<int>(dw.damage[d]);
  // What an undamaged equivalent is worth: the replacement value.
  const double replacement = dw.tenure[d] == Tenure::Informal
                                 ? 0.1 * state.price_index[dw.submarket[d]] * dw.hedonic[d]
                                 : state.price_index[dw.submarket[d]] * dw.hedonic[d];
  double cost = f.loss_ratio[ds - 1] * replacement * multiplier;
  // Building to a better code costs more (building_code programmes only).
  if (rebuilds_to_code(code, dw, d)) cost *= 1.0 + code->code_rebuild_cost_premium;
  const double insured = dw.insured[d] ? (1.0 - r.insurance_deductible_share) * cost : 0.0;
  return std::max(0.0, cost - insured);
}

// What the owner of d has to find: the repair's cost less insurance and
// public aid.
double owner_gap(const ScenarioDef& s, const World& world, DwellingId d, double multiplier,
                 const BuildingCodeLever* code) {
  return std::max(0.0, repair_gap(s, world, d, multiplier, code) - world.dwellings.repair_aid[d]);
}

// Savings an owner-occupier can put to a repair.
double savings_available(const ScenarioDef& s, const World& world, HouseholdId o) {
  const Households& hh = world.households;
  return std::max(
      0.0, hh.savings[o] - s.disasters.recovery.savings_buffer_months * hh.income_per_month[o]);
}

// Whether the owner can pay `gap` of d's repair (savings, a repair loan when
// `may_borrow`; a landlord when it pays); commits the payment when `commit`.
bool pay(const ScenarioDef& s, World& world, DwellingId d, double gap, bool commit,
         bool may_borrow) {
  const RecoveryDef& r = s.disasters.recovery;
  const MarketDef& m = s.market;
  const Dwellings& dw = world.dwellings;
  Households& hh = world.households;
  const MarketState& state = world.market;
  if (dw.owner_kind[d] == OwnerKind::Public || dw.tenure[d] == Tenure::SocialRental) return true;
  if (dw.owner_kind[d] == OwnerKind::Household && dw.owner_household[d] != kNone) {
    const HouseholdId o = dw.owner_household[d];
    const double income = hh.income_per_month[o];
    const double available = savings_available(s, world, o);
    if (available >= gap) {
      if (commit) hh.savings[o] -= static_cast<float>(gap);
      return true;
    }
    // Informal builders have no lender; formal owners whose loan was
    // approved (recovery_process.cpp) borrow the rest.
    const double loan = gap - available;
    if (!may_borrow || dw.tenure[d] == Tenure::Informal ||
        loan > r.repair_loan_max_income_multiple * 12.0 * income)
      return false;
    if (!commit) return true;
    hh.savings[o] -= static_cast<float>(available);
    const double balance = hh.mortgage_balance[o] + loan;
    const double payment =
        // At this month's rate (world.tick is the tick before the one running).
        market::annuity_payment(balance, mortgages::rate_at(s, world.tick + 1),
                                m.mortgage_term_years);
    const double extra = payment - hh.mortgage_payment_per_month[o];
    hh.mortgage_balance[o] = static_cast<float>(balance);
    hh.mortgage_payment_per_month[o] = static_cast<float>(payment);
    // The larger payment is due from when the owner lives there again.
    if (hh.dwelling[o] == d)
      hh.housing_cost_per_month[o] += static_cast<float>(extra);
    else
      hh.origin_housing_cost_per_month[o] += static_cast<float>(extra);
    return true;
  }
  // Landlords and sellers repair when the rent the dwelling would earn repays
  // their share of the cost soon enough.
  const double rent_per_year = 12.0 * state.rent_index[dw.submarket[d]] * dw.hedonic[d];
  return gap <= r.landlord_payback_years * rent_per_year;
}

// The recovery process's money questions, answered at this month's cost.
class OwnersMoney final : public RepairMoney {
 public:
  OwnersMoney(const ScenarioDef& s, World& world, double multiplier, const BuildingCodeLever* code)
      : s_(s), world_(world), multiplier_(multiplier), code_(code) {}
  double uninsured_cost(DwellingId d) const override {
    return repair_gap(s_, world_, d, multiplier_, code_);
  }
  bool savings_cover(DwellingId d) const override {
    const Dwellings& dw = world_.dwellings;
    if (dw.owner_kind[d] != OwnerKind::Household || dw.owner_household[d] == kNone) return true;
    return savings_available(s_, world_, dw.owner_household[d]) >=
           owner_gap(s_, world_, d, multiplier_, code_);
  }
  bool fund(DwellingId d, bool may_borrow) override {
    return pay(s_, world_, d, owner_gap(s_, world_, d, multiplier_, code_), true, may_borrow);
  }

 private:
  const ScenarioDef& s_;
  World& world_;
  double multiplier_;
  const BuildingCodeLever* code_;
};

// Funding with a reconstruction grant towards the gap (policy/reconstruction_grants.cpp,
// called through ActiveRules::pay_reconstruction_grants). A programme's grant
// comes with the loan it needs (the programme's own terms).
class GrantFunding final : public RepairFunding {
 public:
  GrantFunding(const ScenarioDef& s, World& world, double multiplier, const BuildingCodeLever* code)
      : s_(s), world_(world), multiplier_(multiplier), code_(code) {}
  double gap(DwellingId d) const override { return owner_gap(s_, world_, d, multiplier_, code_); }
  bool can_fund(DwellingId d, double grant) const override {
    return pay(s_, world_, d, std::max(0.0, gap(d) - grant), false, true);
  }
  void fund(DwellingId d, double grant) override {
    pay(s_, world_, d, std::max(0.0, gap(d) - grant), true, true);
  }

 private:
  const ScenarioDef& s_;
  World& world_;
  double multiplier_;
  const BuildingCodeLever* code_;
};

}  // namespace

void run_repairs(const PhaseContext& ctx, World& world) {
  const ScenarioDef& s = ctx.scenario;
  if (s.hazards.empty()) return;
  const RecoveryDef& r = s.disasters.recovery;
  Dwellings& dw = world.dwellings;
  // Damaged dwellings with work left (not the construction pipeline, whose dwellings are
  // undamaged).
  const auto damaged = market::collect_ids(dw.count(), [&](std::size_t d) {
    return dw.damage[d] != DamageState::None && dw.work_remaining_months[d] > 0;
  });
  const double capacity =
      r.crew_months_per_month_per_1000_dwellings * static_cast<double>(dw.count()) / 1000.0;
  double backlog = 0;
  for (const DwellingId d : damaged) backlog += dw.work_remaining_months[d];
  // Demand surge: costs rise when the backlog is more than a month's capacity
  // (Olsen and Porter 2011 on post-disaster demand surge).
  const double over = capacity > 0 ? backlog / capacity - 1.0 : 0.0;
  const double multiplier =
      1.0 + std::min(r.demand_surge_max, r.demand_surge_slope * std::max(0.0, over));
  world.disasters.repair_cost_multiplier = static_cast<float>(multiplier);

  const BuildingCodeLever* code = ctx.rules.building_code;
  // Inspection, then reconstruction grants (they decide in their own order)
  // for the inspected dwellings not yet funded, then the financing steps,
  // permits and contractors (phases/recovery_process.cpp).
  OwnersMoney money(s, world, multiplier, code);
  RecoveryProcess process(ctx, world, money, damaged);
  process.inspect();
  if (ctx.rules.pay_reconstruction_grants != nullptr) {
    GrantFunding funding(s, world, multiplier, code);
    ctx.rules.pay_reconstruction_grants(ctx, world, process.awaiting_funding(), funding);
  }
  process.finance_and_prepare();
  std::vector<std::tuple<int, DwellingId>> queue;
  for (const DwellingId d : damaged)
    if (dw.recovery_stage[d] == RecoveryStage::Repair) queue.emplace_back(priority_of(dw, d), d);
  std::sort(queue.begin(), queue.end());
  double left = capacity;
  const auto per_site = static_cast<float>(r.max_crew_months_per_dwelling_per_month);
  for (const auto& [priority, d] : queue) {
    if (left <= 0) break;
    const float crews = std::min({dw.work_remaining_months[d], per_site, static_cast<float>(left)});
    dw.work_remaining_months[d] -= crews;
    left -= crews;
    if (dw.work_remaining_months[d] > 1e-6f) continue;
    // Repaired: habitable again, at full value; build back better if asked.
    dw.work_remaining_months[d] = 0;
    if (r.build_back_better && dw.damage[d] >= DamageState::Extensive &&
        dw.tenure[d] != Tenure::Informal) {
      dw.structure[d] = StructureClass::CodeCompliant;
    }
    // A building code in force: rebuilt to its class (never down).
    if (rebuilds_to_code(code, dw, d)) dw.structure[d] = code->code_rebuild_structure;
    dw.damage[d] = DamageState::None;
    dw.repair_funded[d] = 0;
    dw.recovery_stage[d] = RecoveryStage::None;
    dw.repair_aid[d] = 0;
    dw.recovery_flags[d] = 0;
    market::refresh_dwelling(s, world, d);
    if (dw.tenure[d] != Tenure::Informal) {
      dw.value[d] = world.market.price_index[dw.submarket[d]] * dw.hedonic[d];
    }
    ++world.flows.repairs_completed;
  }
  world.disasters.repair_capacity_left = std::max(0.0, left);
}

}  // namespace hearth::disasters
