// Construction (see construction.hpp).
#include "phases/construction.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

#include "housing/market_model.hpp"
#include "parallel/rng.hpp"

namespace hearth::construction {
namespace {

bool formal_land(LandUse u) {
  return u == LandUse::Residential || u == LandUse::Jobs;
}

}  // namespace

void advance_pipeline(World& world) {
  Dwellings& dw = world.dwellings;
  auto& pipeline = world.market.under_construction;
  std::size_t keep = 0;
  for (const DwellingId d : pipeline) {
    dw.work_remaining_months[d] = std::max(0.0f, dw.work_remaining_months[d] - 1.0f);
    if (dw.work_remaining_months[d] > 0.0f) {
      pipeline[keep++] = d;
    } else {
      market::count_built(world, d);
      ++world.flows.completions;
    }
  }
  pipeline.resize(keep);
}

void depreciate(const ScenarioDef& s, World& world) {
  Dwellings& dw = world.dwellings;
  const auto keep = static_cast<float>(1.0 - s.market.depreciation_rate_per_year);
  parallel::for_each_index(dw.count(), [&](std::size_t d) {
    if (dw.tenure[d] == Tenure::Informal) return;  // upkeep of shacks is their builders' own
    dw.quality[d] = std::max(0.02f, dw.quality[d] * keep);
    market::refresh_dwelling(s, world, static_cast<DwellingId>(d));
  });
  market::recount_stock(world);
}

namespace {

struct Start {
  CellId cell;
  Tenure tenure;
  std::uint8_t rooms;
  float quality;
};

// Private builders: in each formal cell with zoning room, a new dwelling's
// expected price is set against its cost; starts per month are proportional
// to the margin above the builders' hurdle and to the stock already there.
void private_starts(const PhaseContext& ctx, const World& world, std::vector<Start>& starts) {
  const ScenarioDef& s = ctx.scenario;
  const MarketDef& m = s.market;
  const Grid& grid = world.grid;
  const MarketState& state = world.market;
  const double cost = 3.0 * m.construction_cost_per_room;
  if (cost <= 0 || m.build_rate_per_month <= 0) return;
  const auto band = market::band_of(static_cast<float>(m.new_build_quality), state.bands);
  std::vector<std::uint8_t> count(grid.cell_count(), 0);
  parallel::for_each_index(grid.cell_count(), [&](std::size_t c) {
    if (!formal_land(grid.land_use[c])) return;
    const std::uint32_t existing = state.dwellings_in_cell[c];
    if (existing >= grid.zoning_capacity[c]) return;
    const auto cell = static_cast<CellId>(c);
    const std::uint32_t sm = grid.neighbourhood[c] * static_cast<std::uint32_t>(state.bands) + band;
    // What the dwelling is worth to a buyer, or to a landlord at its rent.
    const double unit =
        std::max<double>(state.price_index[sm], 12.0 * state.rent_index[sm] /
                                                    std::max(1e-3, m.investor_buy_yield_per_year));
    const double price =
        unit * market::hedonic_factor(m, grid, static_cast<float>(m.new_build_quality), 3, cell,
                                      market::flood_depth(grid, cell));
    const double margin = price / cost - 1.0 - m.builder_hurdle_margin;
    if (margin <= 0) return;
    const double expected =
        m.build_rate_per_month * std::min(margin, 1.0) * std::max<std::uint32_t>(existing, 4);
    Rng rng(s.seed, s.replicate, static_cast<std::uint32_t>(ctx.tick), RngStream::Recovery, cell);
    const auto n = static_cast<std::uint32_t>(std::floor(expected + rng.uniform()));
    count[c] = static_cast<std::uint8_t>(
        std::min<std::uint32_t>({n, grid.zoning_capacity[c] - existing, 255}));
  });
  for (CellId c = 0; c < grid.cell_count(); ++c) {
    for (std::uint8_t k = 0; k < count[c]; ++k) {
      Rng rng(s.seed, s.replicate, static_cast<std::uint32_t>(ctx.tick), RngStream::Recovery,
              static_cast<std::uint32_t>(grid.cell_count() + starts.size()));
      const Tenure tenure =
          rng.bernoulli(m.new_build_rental_share) ? Tenure::PrivateRental : Tenure::OwnerOccupied;
      starts.push_back({c, tenure, static_cast<std::uint8_t>(2 + rng.below(3)),
                        static_cast<float>(m.new_build_quality)});
    }
  }
}

// A supply programme: a fixed number of starts per month, on the formal
// cells with room that have the best job access (ties by cell id).
void programme_starts(const PhaseContext& ctx, const World& world, std::vector<Start>& starts) {
  const MarketDef& m = ctx.scenario.market;
  if (m.programme_dwellings_per_month <= 0 || ctx.tick < m.programme_start_tick ||
      ctx.tick > m.programme_end_tick) {
    return;
  }
  const double done_before = m.programme_dwellings_per_month * (ctx.tick - m.programme_start_tick);
  const auto n =
      static_cast<std::int64_t>(std::floor(done_before + m.programme_dwellings_per_month)) -
      static_cast<std::int64_t>(std::floor(done_before));
  const Grid& grid = world.grid;
  std::vector<std::uint32_t> used(grid.cell_count(), 0);
  for (const Start& st : starts) ++used[st.cell];
  std::vector<std::pair<float, CellId>> sites;
  for (CellId c = 0; c < grid.cell_count(); ++c) {
    if (formal_land(grid.land_use[c]) &&
        world.market.dwellings_in_cell[c] + used[c] < grid.zoning_capacity[c]) {
      sites.push_back({-grid.job_access[c], c});
    }
  }
  std::sort(sites.begin(), sites.end());
  std::int64_t placed = 0;
  for (const auto& [key, c] : sites) {
    while (placed < n && world.market.dwellings_in_cell[c] + used[c] < grid.zoning_capacity[c]) {
      // Tenure by cumulative share, so the split is exact over the programme.
      const double before = m.programme_rental_share * static_cast<double>(placed);
      const bool rental = std::floor(before + m.programme_rental_share) > std::floor(before);
      starts.push_back({c, rental ? Tenure::PrivateRental : Tenure::OwnerOccupied, 3,
                        static_cast<float>(m.programme_quality)});
      ++used[c];
      ++placed;
    }
    if (placed >= n) break;
  }
}

}  // namespace

void start_new_dwellings(const PhaseContext& ctx, World& world) {
  const ScenarioDef& s = ctx.scenario;
  std::vector<Start> starts;
  private_starts(ctx, world, starts);
  programme_starts(ctx, world, starts);
  // Appended serially at the end, in the order decided above.
  const auto months = static_cast<float>(s.market.construction_months);
  const auto first_new = static_cast<DwellingId>(world.dwellings.count());
  for (const Start& st : starts) {
    market::append_dwelling(s, world, st.cell, st.tenure, st.quality, st.rooms, months);
    if (months <= 0) ++world.flows.completions;
  }
  world.flows.construction_starts += static_cast<std::int64_t>(starts.size());
  // A building code in force sets the class of the new formal dwellings.
  if (const BuildingCodeLever* code = ctx.rules.building_code) {
    Dwellings& dw = world.dwellings;
    for (DwellingId d = first_new; d < dw.count(); ++d) {
      if (dw.tenure[d] != Tenure::Informal) dw.structure[d] = code->code_new_structure;
    }
  }
}

}  // namespace hearth::construction
