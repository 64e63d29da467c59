// Recovery phase, disaster part (docs/MODEL.md 7.5), called from
// run_recovery after the construction pipeline has advanced: damaged
// dwellings are funded (savings, insurance, repair loans; landlords repair
// when it pays; the public landlord always does) and repaired with a limited
// number of crew-months per month, owner-occupiers first, then the public
// landlord, then landlords and vacant stock. A backlog larger than the
// capacity raises costs (demand surge). A dwelling in DS3+ is uninhabitable
// until its work is done.
// Reads: Dwellings (damage, work, tenure, owner, insured, hedonic,
//        submarket), the submarket indices, owners' income and savings.
// Writes (serial, in priority and id order): Dwellings::work_remaining_months,
//        damage, repair_funded, structure, value, hedonic, submarket;
//        owners' savings, mortgage_balance, mortgage_payment_per_month,
//        housing_cost_per_month or origin_housing_cost_per_month;
//        DisasterState::repair_cost_multiplier, repair_capacity_left.
//        Counts flows.repairs_completed.
#include <algorithm>
#include <cmath>
#include <tuple>

#include "housing/market_model.hpp"
#include "phases/mortgages.hpp"
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

// Whether the owner can pay `gap` of d's repair (savings, a repair loan; a
// landlord when it pays); commits the payment when `commit`.
bool pay(const ScenarioDef& s, World& world, DwellingId d, double gap, bool commit) {
  const RecoveryDef& r = s.disasters.recovery;
  const MarketDef& m = s.market;
  const Dwellings& dw = world.dwellings;
  Households& hh = world.households;
  const MarketState& state = world.market;
  if (dw.owner_kind[d] == OwnerKind::Public || dw.tenure[d] == Tenure::SocialRental) return true;
  if (dw.owner_kind[d] == OwnerKind::Household && dw.owner_household[d] != kNone) {
    const HouseholdId o = dw.owner_household[d];
    const double income = hh.income_per_month[o];
    const double available = std::max(0.0, hh.savings[o] - r.savings_buffer_months * income);
    if (available >= gap) {
      if (commit) hh.savings[o] -= static_cast<float>(gap);
      return true;
    }
    // Informal builders have no lender; formal owners borrow the rest.
    const double loan = gap - available;
    if (dw.tenure[d] == Tenure::Informal ||
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

// Tries to fund the repair of d at this month's cost; true if paid for.
bool fund(const ScenarioDef& s, World& world, DwellingId d, double multiplier,
          const BuildingCodeLever* code) {
  return pay(s, world, d, repair_gap(s, world, d, multiplier, code), true);
}

// Funding with a reconstruction grant towards the gap (policy/reconstruction_grants.cpp,
// called through ActiveRules::pay_reconstruction_grants).
class GrantFunding final : public RepairFunding {
 public:
  GrantFunding(const ScenarioDef& s, World& world, double multiplier, const BuildingCodeLever* code)
      : s_(s), world_(world), multiplier_(multiplier), code_(code) {}
  double gap(DwellingId d) const override { return repair_gap(s_, world_, d, multiplier_, code_); }
  bool can_fund(DwellingId d, double grant) const override {
    return pay(s_, world_, d, std::max(0.0, gap(d) - grant), false);
  }
  void fund(DwellingId d, double grant) override {
    pay(s_, world_, d, std::max(0.0, gap(d) - grant), true);
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
  // Reconstruction grants first (they decide in their own order), then the
  // owners' own means for the rest.
  if (ctx.rules.pay_reconstruction_grants != nullptr) {
    GrantFunding funding(s, world, multiplier, code);
    ctx.rules.pay_reconstruction_grants(ctx, world, damaged, funding);
  }
  std::vector<std::tuple<int, DwellingId>> queue;
  for (const DwellingId d : damaged) {
    if (!dw.repair_funded[d] && fund(s, world, d, multiplier, code)) dw.repair_funded[d] = 1;
    if (dw.repair_funded[d]) queue.emplace_back(priority_of(dw, d), d);
  }
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
    market::refresh_dwelling(s, world, d);
    if (dw.tenure[d] != Tenure::Informal) {
      dw.value[d] = world.market.price_index[dw.submarket[d]] * dw.hedonic[d];
    }
    ++world.flows.repairs_completed;
  }
  world.disasters.repair_capacity_left = std::max(0.0, left);
}

}  // namespace hearth::disasters
