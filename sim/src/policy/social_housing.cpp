// social_housing (docs/POLICIES.md#social_housing): a public construction
// programme of social rental units in the existing social sector. Starts are
// spread evenly over the year, placed on formal cells with zoning room (in
// the listed neighbourhoods, best job access first), paid from the budget
// at the start; after the construction delay the units are let, at the
// programme's rent share of income, by need, lottery or waiting list.
// Reads: the programme's social_* keys; Grid; the market state; Households
//        (status, income); Dwellings.
// Writes: appends dwellings (serial, in the order decided); Dwellings::
//        programme; lettings of the programme's units (vacate/occupy,
//        rent_arrears, months_in_arrears); PolicyState::waiting; the ledger.
#include <algorithm>
#include <cmath>

#include "housing/market_model.hpp"
#include "parallel/rng.hpp"
#include "policy/housing_levers.hpp"
#include "policy/policies.hpp"
#include "state/rents.hpp"
#include "state/tenancy.hpp"

namespace hearth::policy {
namespace {

bool formal_land(LandUse u) {
  return u == LandUse::Residential || u == LandUse::Jobs;
}

// Households that may be allocated a unit: private renters, the homeless,
// households doubled up with kin and informal dwellers below the income limit (not owners, social
// tenants or households displaced by a disaster, who have their own path home).
bool eligible(const ScenarioDef& s, const SocialHousingLever& p, const Households& hh,
              HouseholdId h) {
  const Status st = hh.status[h];
  if (st != Status::Renter && st != Status::Homeless && st != Status::DoubledUp &&
      st != Status::InformalDweller)
    return false;
  return hh.income_per_month[h] <
         p.social_income_limit_share_of_median * s.city.income.median_per_month;
}

void start_units(const PhaseContext& ctx, World& world, int k) {
  const ScenarioDef& s = ctx.scenario;
  const ProgrammeDef& programme = s.policies[static_cast<std::size_t>(k)];
  const auto& p = std::get<SocialHousingLever>(programme.lever);
  const Grid& grid = world.grid;
  // Starts this tick: the whole-unit steps of units_per_year / 12 per month.
  const double rate = p.social_units_per_year / 12.0;
  const double before = rate * (ctx.tick - programme.start_tick);
  const auto n = static_cast<std::int64_t>(std::floor(before + rate)) -
                 static_cast<std::int64_t>(std::floor(before));
  if (n <= 0) return;
  const double cost = p.social_cost_per_unit > 0 ? p.social_cost_per_unit
                                                 : 3.0 * s.market.construction_cost_per_room;
  std::vector<std::uint8_t> site_hood(static_cast<std::size_t>(grid.neighbourhood_count), 0);
  for (const std::int32_t n_id : p.social_sites) {
    if (n_id >= 0 && n_id < grid.neighbourhood_count) site_hood[static_cast<std::size_t>(n_id)] = 1;
  }
  std::vector<std::pair<float, CellId>> sites;
  for (CellId c = 0; c < grid.cell_count(); ++c) {
    if (!formal_land(grid.land_use[c])) continue;
    if (!p.social_sites.empty() && !site_hood[grid.neighbourhood[c]]) continue;
    if (world.market.dwellings_in_cell[c] < grid.zoning_capacity[c]) {
      sites.push_back({-grid.job_access[c], c});
    }
  }
  std::sort(sites.begin(), sites.end());
  const auto months = static_cast<float>(p.social_construction_months);
  std::int64_t placed = 0;
  for (const auto& [key, c] : sites) {
    while (placed < n && world.market.dwellings_in_cell[c] < grid.zoning_capacity[c]) {
      if (!try_spend(s, world, k, ctx.tick, cost)) return;  // the year's budget is spent
      const DwellingId d =
          market::append_dwelling(s, world, c, Tenure::SocialRental,
                                  static_cast<float>(s.market.new_build_quality), 3, months);
      world.dwellings.programme[d] = static_cast<std::uint8_t>(k + 1);
      ++world.flows.construction_starts;
      if (months <= 0) ++world.flows.completions;
      ++placed;
    }
    if (placed >= n) break;
  }
}

// Lets the programme's vacant, finished, habitable units by its rule.
void allocate(const PhaseContext& ctx, World& world, int k) {
  const ScenarioDef& s = ctx.scenario;
  const ProgrammeDef& programme = s.policies[static_cast<std::size_t>(k)];
  const auto& p = std::get<SocialHousingLever>(programme.lever);
  Households& hh = world.households;
  Dwellings& dw = world.dwellings;
  const auto mark = static_cast<std::uint8_t>(k + 1);
  std::vector<DwellingId> vacant;
  for (DwellingId d = 0; d < dw.count(); ++d) {
    if (dw.programme[d] == mark && dw.tenure[d] == Tenure::SocialRental &&
        dw.occupant[d] == kNone && dw.work_remaining_months[d] <= 0.0f &&
        dw.damage[d] < DamageState::Extensive) {
      vacant.push_back(d);
    }
  }
  const bool by_list = p.social_allocation == SocialAllocation::WaitingList;
  std::vector<HouseholdId>& list = world.policies.waiting[static_cast<std::size_t>(k)];
  std::vector<HouseholdId> ranked;
  if (by_list) {
    // The list keeps its order; the ineligible drop out; new applicants join
    // at the end in id order (they apply as soon as they are eligible).
    std::vector<std::uint8_t> listed(hh.count(), 0);
    std::size_t keep = 0;
    for (const HouseholdId h : list) {
      if (h < hh.count() && eligible(s, p, hh, h)) listed[h] = 1, list[keep++] = h;
    }
    list.resize(keep);
    for (HouseholdId h = 0; h < hh.count(); ++h) {
      if (!listed[h] && eligible(s, p, hh, h)) list.push_back(h);
    }
    if (vacant.empty()) return;
    ranked.assign(list.begin(),
                  list.begin() + static_cast<std::ptrdiff_t>(std::min(list.size(), vacant.size())));
  } else {
    if (vacant.empty()) return;
    std::vector<std::pair<double, HouseholdId>> keyed;
    for (HouseholdId h = 0; h < hh.count(); ++h) {
      if (!eligible(s, p, hh, h)) continue;
      double key = hh.income_per_month[h];  // need: the lowest income first
      if (p.social_allocation == SocialAllocation::Lottery) {
        key = Rng(s.seed, s.replicate, static_cast<std::uint32_t>(ctx.tick),
                  RngStream::PolicySocialHousing, h)
                  .uniform();
      }
      keyed.push_back({key, h});
    }
    const std::size_t take = std::min(keyed.size(), vacant.size());
    std::partial_sort(keyed.begin(), keyed.begin() + static_cast<std::ptrdiff_t>(take),
                      keyed.end());
    for (std::size_t i = 0; i < take; ++i) ranked.push_back(keyed[i].second);
  }
  // Serial: unit i (ascending id) to the i-th household in rank order.
  for (std::size_t i = 0; i < ranked.size(); ++i) {
    const HouseholdId h = ranked[i];
    const DwellingId d = vacant[i];
    tenancy::vacate(s, world, h);
    hh.rent_arrears[h] = 0;  // a new landlord, as at any move
    hh.months_in_arrears[h] = 0;
    const float rent =
        rents::social_rent(p.social_rent_share_of_income, std::max(1.0f, hh.income_per_month[h]));
    rents::set_rent(world, d, rent);
    tenancy::occupy(world, h, d, Status::SocialTenant, rent);
  }
  if (by_list) {
    list.erase(list.begin(), list.begin() + static_cast<std::ptrdiff_t>(ranked.size()));
  }
}

}  // namespace

void run_social_housing(const PhaseContext& ctx, World& world) {
  const ScenarioDef& s = ctx.scenario;
  world.policies.waiting.resize(s.policies.size());
  for (std::size_t k = 0; k < s.policies.size(); ++k) {
    const ProgrammeDef& programme = s.policies[k];
    if (!std::holds_alternative<SocialHousingLever>(programme.lever) ||
        ctx.tick < programme.start_tick)
      continue;
    market::ensure_initialised(s, world);
    if (active(programme, ctx.tick)) start_units(ctx, world, static_cast<int>(k));
    // Units built stay social housing and are let by the programme's rule
    // after the programme's end too.
    allocate(ctx, world, static_cast<int>(k));
  }
}

}  // namespace hearth::policy
