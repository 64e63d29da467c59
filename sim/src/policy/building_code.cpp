// building_code (docs/POLICIES.md#building_code): the structure class of new
// and rebuilt stock, and a retrofit programme for weak existing stock.
// New stock: formal dwellings started while the programme acts get
// code_new_structure (construction.cpp reads ActiveRules::building_code).
// Rebuilt stock: see repairs.cpp (code_rebuild_structure, with its cost premium).
// Retrofits (policy phase): each month every eligible dwelling (undamaged,
// built, of retrofit_eligible_structure or weaker, informal ones only with
// retrofit_informal) is offered a retrofit with the monthly chance of
// retrofit_share_per_year and its owner accepts with retrofit_uptake (one
// Philox draw each, keyed by dwelling); a household owner must also have its
// share (1 - subsidy) in savings above a month of income. Accepted retrofits
// are committed serially in dwelling id order while the programme year's
// budget pays the subsidy; the rest wait for a later offer.
// Reads: Dwellings (structure, tenure, damage, work, owner), owners' savings.
// Writes (serial): Dwellings::structure, owners' savings, the ledger.
//        Counts flows.retrofits.
#include <algorithm>
#include <cmath>

#include "parallel/parallel.hpp"
#include "parallel/rng.hpp"
#include "policy/disaster_levers.hpp"
#include "policy/policies.hpp"

namespace hearth::policy {

void run_retrofits(const PhaseContext& ctx, World& world) {
  const ScenarioDef& s = ctx.scenario;
  for (const int k : active_programmes(s, Lever::BuildingCode, ctx.tick)) {
    const ProgrammeDef& programme = s.policies[k];
    const auto& p = std::get<BuildingCodeLever>(programme.lever);
    if (p.retrofit_share_per_year <= 0) continue;
    const StructureClass eligible = p.retrofit_eligible_structure;
    const StructureClass target = p.retrofit_structure;
    const double offer = 1.0 - std::pow(1.0 - p.retrofit_share_per_year, 1.0 / 12.0);
    Dwellings& dw = world.dwellings;
    Households& hh = world.households;
    // Parallel: each dwelling draws its offer and its owner's answer.
    std::vector<std::uint8_t> accepts(dw.count(), 0);
    parallel::for_each_index(dw.count(), [&](std::size_t i) {
      const auto d = static_cast<DwellingId>(i);
      const StructureClass c = dw.structure[d];
      if (c > eligible || c >= target || dw.damage[d] != DamageState::None ||
          dw.work_remaining_months[d] > 0)
        return;
      if (dw.tenure[d] == Tenure::Informal && !p.retrofit_informal) return;
      if (dw.programme[d] == kDemolished) return;  // cleared by an upgrading programme
      Rng rng(s.seed, s.replicate, static_cast<std::uint32_t>(ctx.tick), RngStream::PolicyRetrofit,
              d);
      const double u_offer = rng.uniform(), u_accept = rng.uniform();
      accepts[i] = u_offer < offer && u_accept < p.retrofit_uptake ? 1 : 0;
    });
    // Serial commit in id order: the subsidy from the budget, the rest from the owner.
    const double subsidy = p.retrofit_subsidy_share * p.retrofit_cost_per_dwelling;
    const double own_share = p.retrofit_cost_per_dwelling - subsidy;
    for (DwellingId d = 0; d < dw.count(); ++d) {
      if (!accepts[d]) continue;
      const HouseholdId o = dw.owner_household[d];
      const bool household = dw.owner_kind[d] == OwnerKind::Household && o != kNone;
      if (household && hh.savings[o] - hh.income_per_month[o] < own_share) continue;
      if (subsidy > 0 && !try_spend(s, world, k, ctx.tick, subsidy)) break;  // budget spent
      if (household) hh.savings[o] -= static_cast<float>(own_share);
      dw.structure[d] = target;
      ++world.flows.retrofits;
    }
  }
}

}  // namespace hearth::policy
