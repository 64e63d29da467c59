// upgrading (docs/POLICIES.md#upgrading): informal settlement programmes in
// three modes, treating up to upgrading_dwellings_per_month targeted informal
// dwellings a month (settlement cell by cell, dwelling ids ascending), each
// paid from the budget:
//  - in_situ: the dwelling gets a minimum quality, a sturdier structure
//    class and a title (secure tenure: no later clearance); its cell gets
//    water, sanitation and power up to a level and, optionally, drainage
//    that takes depth off floods there (hazard phase).
//  - relocation: the household moves to a new unit at the relocation site
//    (public, let at the city's social rent share of income); the shack is
//    demolished. Relocated households drift back each month with a
//    probability that falls with the site's job access.
//  - clearance: the household is evicted (it searches the market, then the
//    informal sector, or stays homeless) and the shack demolished; the cell
//    is closed to informal building.
// Reads: the programme's upgrading_* keys; Grid; Dwellings; Households.
// Writes: Dwellings (quality, structure, record_intact, programme,
//        owner_kind; appended relocation units), Grid (services, drainage_m,
//        land_use of cleared cells), household moves (serial, id order);
//        flows.evictions (clearance), moves; the ledger.
#include <algorithm>
#include <cmath>

#include "housing/market_model.hpp"
#include "parallel/rng.hpp"
#include "policy/disaster_levers.hpp"
#include "policy/housing_levers.hpp"
#include "policy/policies.hpp"
#include "state/rents.hpp"
#include "state/tenancy.hpp"

namespace hearth::policy {
namespace {

CellId site_of(const UpgradingLever& p, const Grid& grid) {
  if (p.upgrading_site_cell >= 0 &&
      static_cast<std::size_t>(p.upgrading_site_cell) < grid.cell_count())
    return static_cast<CellId>(p.upgrading_site_cell);
  return grid.relocation_site;
}

// Targeted informal dwellings not yet treated, by cell then id; at most n.
std::vector<DwellingId> targets(const UpgradingLever& p, const World& world, std::int64_t n) {
  const Dwellings& dw = world.dwellings;
  const Grid& grid = world.grid;
  std::vector<std::uint8_t> hood(static_cast<std::size_t>(grid.neighbourhood_count), 0);
  for (const std::int32_t id : p.upgrading_neighbourhoods) {
    if (id >= 0 && id < grid.neighbourhood_count) hood[static_cast<std::size_t>(id)] = 1;
  }
  std::vector<std::pair<CellId, DwellingId>> found;
  for (DwellingId d = 0; d < dw.count(); ++d) {
    if (dw.tenure[d] != Tenure::Informal || dw.programme[d] != 0) continue;
    if (dw.work_remaining_months[d] > 0.0f || dw.damage[d] != DamageState::None) continue;
    // Not a home held by a household away (displaced): it is not cleared under them.
    if (dw.owner_household[d] != kNone && dw.owner_household[d] != dw.occupant[d]) continue;
    const CellId c = dw.cell[d];
    if (p.upgrading_target == UpgradingTarget::Floodplain && !(market::flood_depth(grid, c) > 0.0f))
      continue;
    if (p.upgrading_target == UpgradingTarget::Neighbourhoods && !hood[grid.neighbourhood[c]])
      continue;
    found.push_back({c, d});
  }
  std::sort(found.begin(), found.end());
  std::vector<DwellingId> out;
  for (std::size_t i = 0; i < found.size() && static_cast<std::int64_t>(i) < n; ++i) {
    out.push_back(found[i].second);
  }
  return out;
}

// Demolished as buyouts demolish (policy/disaster_levers.hpp): the row stays,
// its work never ends, so the market, the hazard, repairs and the indicators'
// stock pass it by.
void demolish(World& world, DwellingId d) {
  Dwellings& dw = world.dwellings;
  dw.programme[d] = kDemolished;
  dw.work_remaining_months[d] = kDemolishedWorkMonths;
  dw.owner_kind[d] = OwnerKind::Public;
  tenancy::clear_for_demolition(world, d);
}

void drift_back(const PhaseContext& ctx, World& world, int k) {
  const ScenarioDef& s = ctx.scenario;
  const ProgrammeDef& programme = s.policies[static_cast<std::size_t>(k)];
  const auto& p = std::get<UpgradingLever>(programme.lever);
  if (p.upgrading_drift_back_rate_per_month <= 0) return;
  Households& hh = world.households;
  const Dwellings& dw = world.dwellings;
  const Grid& grid = world.grid;
  const auto mark = static_cast<std::uint8_t>(k + 1);
  // Where the jobs are: the cell of best job access (ties: lowest id).
  CellId jobs = 0;
  for (CellId c = 1; c < grid.cell_count(); ++c) {
    if (grid.job_access[c] > grid.job_access[jobs]) jobs = c;
  }
  for (HouseholdId h = 0; h < hh.count(); ++h) {
    const DwellingId d = hh.dwelling[h];
    if (hh.status[h] != Status::SocialTenant || d == kNone || dw.programme[d] != mark) continue;
    const double rate = p.upgrading_drift_back_rate_per_month *
                        (1.0 - std::clamp(grid.job_access[dw.cell[d]], 0.0f, 1.0f));
    Rng rng(s.seed, s.replicate, static_cast<std::uint32_t>(ctx.tick), RngStream::PolicyUpgrading,
            h);
    if (!rng.bernoulli(rate)) continue;
    // Back to the search near the jobs: the market, then the informal sector.
    tenancy::vacate(s, world, h);
    hh.status[h] = Status::Homeless;
    hh.anchor_cell[h] = jobs;
  }
}

}  // namespace

void run_upgrading(const PhaseContext& ctx, World& world) {
  const ScenarioDef& s = ctx.scenario;
  for (std::size_t kk = 0; kk < s.policies.size(); ++kk) {
    const ProgrammeDef& programme = s.policies[kk];
    if (!std::holds_alternative<UpgradingLever>(programme.lever) || ctx.tick < programme.start_tick)
      continue;
    const auto& p = std::get<UpgradingLever>(programme.lever);
    const int k = static_cast<int>(kk);
    market::ensure_initialised(s, world);
    if (p.upgrading_mode == UpgradingMode::Relocation) drift_back(ctx, world, k);
    if (!active(programme, ctx.tick)) continue;
    const double rate = p.upgrading_dwellings_per_month;
    const double before = rate * (ctx.tick - programme.start_tick);
    const auto n = static_cast<std::int64_t>(std::floor(before + rate)) -
                   static_cast<std::int64_t>(std::floor(before));
    if (n <= 0) continue;
    Dwellings& dw = world.dwellings;
    Households& hh = world.households;
    Grid& grid = world.grid;
    const auto mark = static_cast<std::uint8_t>(k + 1);
    const CellId site = site_of(p, grid);
    if (p.upgrading_mode == UpgradingMode::Relocation && site == kNone)
      continue;  // no site: nothing to do
    std::vector<std::uint8_t> touched(grid.cell_count(), 0);
    for (const DwellingId d : targets(p, world, n)) {
      if (!try_spend(s, world, k, ctx.tick, p.upgrading_cost_per_dwelling)) break;
      const CellId c = dw.cell[d];
      const HouseholdId h = dw.occupant[d];
      if (p.upgrading_mode == UpgradingMode::InSitu) {
        dw.quality[d] = std::max(dw.quality[d], static_cast<float>(p.upgrading_quality));
        dw.structure[d] = std::max(dw.structure[d], p.upgrading_structure);
        dw.record_intact[d] = 1;  // a title: secure tenure
        dw.programme[d] = mark;
        const auto level = static_cast<float>(p.upgrading_services_level);
        grid.service_water[c] = std::max(grid.service_water[c], level);
        grid.service_sanitation[c] = std::max(grid.service_sanitation[c], level);
        grid.service_electricity[c] = std::max(grid.service_electricity[c], level);
        grid.drainage_m[c] =
            std::max(grid.drainage_m[c], static_cast<float>(p.upgrading_drainage_depth_m));
        touched[c] = 1;
      } else if (p.upgrading_mode == UpgradingMode::Relocation) {
        if (h != kNone) {
          tenancy::vacate(s, world, h);
          const DwellingId unit =
              market::append_dwelling(s, world, site, Tenure::SocialRental,
                                      static_cast<float>(p.upgrading_quality), 2, 0.0f);
          dw.programme[unit] = mark;
          const float rent = rents::social_rent(rents::social_rent_share(s, dw, unit),
                                                std::max(1.0f, hh.income_per_month[h]));
          rents::set_rent(world, unit, rent);
          hh.rent_arrears[h] = 0;
          hh.months_in_arrears[h] = 0;
          tenancy::occupy(world, h, unit, Status::SocialTenant, rent);
        }
        demolish(world, d);
      } else {  // clearance
        if (h != kNone) {
          tenancy::vacate(s, world, h);
          hh.status[h] = Status::Homeless;
          hh.rent_arrears[h] = 0;
          hh.months_in_arrears[h] = 0;
          ++world.flows.evictions;
        }
        demolish(world, d);
        grid.land_use[c] = LandUse::Open;  // no rebuilding on cleared land
      }
    }
    if (p.upgrading_mode == UpgradingMode::InSitu) {
      // Services enter the hedonic factor of every dwelling of a touched cell.
      for (DwellingId d = 0; d < dw.count(); ++d) {
        if (touched[dw.cell[d]]) market::refresh_dwelling(s, world, d);
      }
      market::recount_stock(world);
    }
  }
}

}  // namespace hearth::policy
