// buyout (docs/POLICIES.md#buyout): voluntary purchase of homes in a hazard
// zone, which are then demolished and not rebuilt (managed retreat).
// Zone: floodplain (cells whose 100-year flood depth is at least
// buyout_min_flood_depth_m) or damaged (dwellings at least
// buyout_min_damage_state). Offered: formal owner-occupied homes and private
// rentals (informal dwellings have no title; the public landlord's stock is
// left out). Each month the owner of an offered home sells with the monthly
// chance of buyout_uptake_per_year (one Philox draw keyed by dwelling).
// Sales are committed serially in dwelling id order while the programme
// year's budget pays the price (buyout_price_share x the undamaged market
// value: price index x hedonic) plus relocation assistance of
// buyout_tenant_relocation_months of rent to each tenant; a sale the budget
// left cannot pay waits (a smaller one later in the order may go through).
// On a sale: an owner-occupier receives the price less its mortgage (repaid;
// a shortfall is the lender's loss) and, if it lives there, moves out and
// searches the market (status homeless, anchored where it lived); a displaced
// owner's claim on the home ends and it goes on from where it is. A sitting
// tenant is given notice with the relocation payment and searches; a
// displaced tenant still holding the tenancy receives the payment and its
// claim ends. The dwelling leaves the stock for good (kDemolishedWorkMonths)
// and keeps its place in the cell, so the land is not built on again.
// Writes (serial): household links, status, savings, mortgage, origin claims;
//        Dwellings (occupant, owner, work, damage, value, rent); the stock
//        counts; the ledger. Counts flows.buyouts, buyout_households.
#include <algorithm>
#include <cmath>

#include "housing/market_model.hpp"
#include "parallel/parallel.hpp"
#include "parallel/rng.hpp"
#include "policy/disaster_levers.hpp"
#include "policy/policies.hpp"
#include "state/city_generator.hpp"
#include "state/rents.hpp"
#include "state/tenancy.hpp"

namespace hearth::policy {
namespace {

bool in_zone(const BuyoutLever& p, const World& world, const std::vector<float>* depth100,
             DwellingId d) {
  const Dwellings& dw = world.dwellings;
  if (p.buyout_zone == BuyoutZone::Damaged)
    return static_cast<int>(dw.damage[d]) >= p.buyout_min_damage_state;
  return depth100 != nullptr && (*depth100)[dw.cell[d]] >= p.buyout_min_flood_depth_m;
}

// The household leaves the dwelling it lives in and searches from where it was.
void move_out(const ScenarioDef& s, World& world, HouseholdId h) {
  Households& hh = world.households;
  tenancy::vacate(s, world, h);
  hh.status[h] = Status::Homeless;
  hh.rent_arrears[h] = 0;
  hh.months_in_arrears[h] = 0;
}

}  // namespace

void run_buyouts(const PhaseContext& ctx, World& world) {
  const ScenarioDef& s = ctx.scenario;
  const auto programmes = active_programmes(s, Lever::Buyout, ctx.tick);
  if (programmes.empty()) return;
  market::ensure_initialised(s, world);
  Dwellings& dw = world.dwellings;
  Households& hh = world.households;
  const int layer = world.grid.hazard_index(kFloodDepth100yrLayer);
  const std::vector<float>* depth100 =
      layer < 0 ? nullptr : &world.grid.hazards[static_cast<std::size_t>(layer)].value;
  bool any = false;
  for (const int k : programmes) {
    const ProgrammeDef& programme = s.policies[k];
    const auto& p = std::get<BuyoutLever>(programme.lever);
    const double accept = 1.0 - std::pow(1.0 - p.buyout_uptake_per_year, 1.0 / 12.0);
    std::vector<std::uint8_t> sells(dw.count(), 0);
    parallel::for_each_index(dw.count(), [&](std::size_t i) {
      const auto d = static_cast<DwellingId>(i);
      const bool formal =
          dw.tenure[d] == Tenure::OwnerOccupied || dw.tenure[d] == Tenure::PrivateRental;
      const bool private_owner = dw.owner_kind[d] == OwnerKind::Household ||
                                 dw.owner_kind[d] == OwnerKind::PrivateLandlord;
      // Built stock only (not the pipeline, not what is already demolished).
      if (!formal || !private_owner || dw.work_remaining_months[d] == kDemolishedWorkMonths ||
          (dw.work_remaining_months[d] > 0 && dw.damage[d] == DamageState::None))
        return;
      if (!in_zone(p, world, depth100, d)) return;
      Rng rng(s.seed, s.replicate, static_cast<std::uint32_t>(ctx.tick), RngStream::PolicyBuyout,
              d);
      sells[i] = rng.uniform() < accept ? 1 : 0;
    });
    // Displaced households still holding a claim on each home (owner or tenant).
    std::vector<HouseholdId> claimant(dw.count(), kNone);
    for (HouseholdId h = 0; h < hh.count(); ++h) {
      const DwellingId d = hh.origin_dwelling[h];
      if (d != kNone && sells[d] && is_in_city(hh.status[h])) claimant[d] = h;
    }
    const double months = p.buyout_tenant_relocation_months;
    for (DwellingId d = 0; d < dw.count(); ++d) {
      if (!sells[d]) continue;
      const HouseholdId owner =
          dw.owner_kind[d] == OwnerKind::Household ? dw.owner_household[d] : kNone;
      const HouseholdId sitting = dw.occupant[d] != owner ? dw.occupant[d] : kNone;
      const HouseholdId away = claimant[d] != owner ? claimant[d] : kNone;
      const double price =
          p.buyout_price_share * world.market.price_index[dw.submarket[d]] * dw.hedonic[d];
      const double sitting_aid = sitting != kNone ? months * hh.housing_cost_per_month[sitting] : 0;
      const double away_aid = away != kNone ? months * hh.origin_housing_cost_per_month[away] : 0;
      if (!try_spend(s, world, k, ctx.tick, price + sitting_aid + away_aid)) continue;
      if (owner != kNone) {
        hh.savings[owner] += static_cast<float>(std::max(0.0, price - hh.mortgage_balance[owner]));
        hh.mortgage_balance[owner] = 0;
        hh.mortgage_payment_per_month[owner] = 0;
        if (hh.dwelling[owner] == d) {
          tenancy::hand_over(world, d);  // sold to the programme, not on the market
          move_out(s, world, owner);
        } else if (hh.origin_dwelling[owner] == d) {
          tenancy::end_claim_bought_out(world, owner);
          hh.origin_housing_cost_per_month[owner] = 0;
        }
        ++world.flows.buyout_households;
      }
      if (sitting != kNone) {
        move_out(s, world, sitting);
        hh.savings[sitting] += static_cast<float>(sitting_aid);
        ++world.flows.buyout_households;
      }
      if (away != kNone) {
        tenancy::end_claim_bought_out(world, away);
        hh.savings[away] += static_cast<float>(away_aid);
        ++world.flows.buyout_households;
      }
      // Demolished: out of the stock for good, the land left open.
      tenancy::clear_for_demolition(world, d);
      dw.owner_kind[d] = OwnerKind::Public;
      dw.work_remaining_months[d] = kDemolishedWorkMonths;
      dw.damage[d] = DamageState::None;
      dw.repair_funded[d] = 0;
      dw.recovery_stage[d] = RecoveryStage::None;
      dw.grant_tenant[d] = kNone;
      dw.value[d] = 0;
      rents::set_rent(world, d, 0.0f);
      dw.months_on_market[d] = 0;
      dw.lease_months[d] = 0;
      ++world.flows.buyouts;
      any = true;
    }
  }
  if (any) market::recount_stock(world);
}

}  // namespace hearth::policy
