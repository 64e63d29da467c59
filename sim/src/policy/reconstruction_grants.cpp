// reconstruction_grants (docs/POLICIES.md#reconstruction_grants): public
// grants towards the repair of damaged homes, paid in the recovery phase
// before owners fall back on their savings, insurance pay-outs and loans
// (repairs.cpp). Each tick, for each active programme in list order, the
// damaged dwellings whose repair is not yet funded and that the targeting
// admits are ranked (worst damage first, then the lowest income of the
// household that would live there, then dwelling id) and granted, in that
// order, min(cap, what insurance leaves to pay); damage_based grants are
// capped at cap x the loss ratio of the damage state. A grant is paid only if
// it gets the repair funded (the owner can pay the rest, a landlord finds the
// rest repaid by the rent soon enough); when the budget left is smaller than
// the grant, a smaller grant is paid if it still gets the repair funded.
// Targeting: owners_only (formal owner-occupiers); everyone (those, and
// private landlords whose displaced tenant still holds the tenancy: the
// landlord repairs for that tenant and re-lets to it at the pre-event rent,
// see return_home.cpp); damage_based (as everyone, the grant by damage
// state); need_based (as everyone, the owner-occupier's or the tenant's
// income at most grants_income_limit_share_of_median x the city median).
// Informal dwellings (no title) and the public landlord (repairs anyway)
// receive none.
// Writes (serial): Dwellings::repair_funded, repair_grant; owners' savings
//        and loans (through RepairFunding); the ledger. Counts flows.repair_grants.
#include <algorithm>
#include <tuple>

#include "housing/household_economy.hpp"
#include "policy/disaster_levers.hpp"
#include "policy/policies.hpp"

namespace hearth::policy {

void pay_reconstruction_grants(const PhaseContext& ctx, World& world,
                               const std::vector<DwellingId>& damaged, RepairFunding& funding) {
  const ScenarioDef& s = ctx.scenario;
  const FragilityDef& f = s.disasters.fragility;
  Dwellings& dw = world.dwellings;
  const Households& hh = world.households;
  // The displaced tenant still holding each rental's tenancy.
  std::vector<HouseholdId> tenant(dw.count(), kNone);
  for (HouseholdId h = 0; h < hh.count(); ++h) {
    const DwellingId d = hh.origin_dwelling[h];
    if (d != kNone && hh.origin_status[h] == Status::Renter && is_in_city(hh.status[h]) &&
        !is_housed(hh.status[h]))
      tenant[d] = h;
  }
  const double median = median_income(world);
  for (const int k : active_programmes(s, Lever::ReconstructionGrants, ctx.tick)) {
    const ProgrammeDef& programme = s.policies[k];
    const auto& p = std::get<ReconstructionGrantsLever>(programme.lever);
    const bool owners_only = p.grants_targeting == GrantsTargeting::OwnersOnly;
    const bool need_based = p.grants_targeting == GrantsTargeting::NeedBased;
    const bool damage_based = p.grants_targeting == GrantsTargeting::DamageBased;
    // (damage state descending, income ascending, dwelling id)
    std::vector<std::tuple<int, float, DwellingId>> ranked;
    for (const DwellingId d : damaged) {
      if (dw.repair_funded[d] || static_cast<int>(dw.damage[d]) < p.grants_min_damage_state)
        continue;
      HouseholdId beneficiary = kNone;
      if (dw.tenure[d] == Tenure::OwnerOccupied && dw.owner_kind[d] == OwnerKind::Household) {
        beneficiary = dw.owner_household[d];
      } else if (!owners_only && dw.tenure[d] == Tenure::PrivateRental &&
                 dw.owner_kind[d] == OwnerKind::PrivateLandlord) {
        beneficiary = tenant[d];
      }
      if (beneficiary == kNone) continue;
      const float income = hh.income_per_month[beneficiary];
      if (need_based && income > p.grants_income_limit_share_of_median * median) continue;
      ranked.emplace_back(-static_cast<int>(dw.damage[d]), income, d);
    }
    std::sort(ranked.begin(), ranked.end());
    for (const auto& [minus_ds, income, d] : ranked) {
      const double left = budget_left(s, world, k, ctx.tick);
      if (left <= 0) break;
      double cap = p.grants_cap_per_dwelling;
      if (damage_based) cap *= f.loss_ratio[static_cast<std::size_t>(-minus_ds - 1)];
      const double want = std::min(cap, funding.gap(d));
      if (want <= 0) continue;
      const double grant = std::min(want, left);
      if (!funding.can_fund(d, grant)) continue;
      const double paid = spend(s, world, k, ctx.tick, grant);
      funding.fund(d, paid);
      dw.repair_funded[d] = 1;
      dw.repair_grant[d] += static_cast<float>(paid);
      if (dw.tenure[d] == Tenure::PrivateRental) dw.grant_tenant[d] = tenant[d];
      ++world.flows.repair_grants;
    }
  }
}

}  // namespace hearth::policy
