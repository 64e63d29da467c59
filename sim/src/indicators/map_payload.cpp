// The map payload (docs/VIEWER.md): per-cell layers and displacement flows,
// part of the indicators phase when SimulationOptions::map_frames is on.
// Reads: Grid, Dwellings (cell, tenure, occupant, rent, value, damage,
//        work_remaining_months), Households (status, dwelling, income,
//        housing cost, origin_dwelling, host, anchor_cell), DisasterState.
// Writes: only the MapFrame it returns and the MapState caches. Cells are
// filled in parallel, each by its own task; the households away from home are
// gathered per fixed chunk and combined in chunk order, so the payload is
// identical at any thread count.
#include "indicators/map_payload.hpp"
#include "hearth/frame.hpp"

#include <algorithm>
#include <cmath>

#include "parallel/parallel.hpp"
#include "state/city_generator.hpp"

namespace hearth {
namespace {

std::uint16_t quantise(double value, MapLayer layer) {
  if (std::isnan(value)) return kMapNoData;
  const double q = std::round(value / kMapLayerSteps[static_cast<int>(layer)]);
  return static_cast<std::uint16_t>(std::clamp(q, 0.0, 65534.0));
}

std::shared_ptr<const MapGrid> make_grid(const Grid& grid) {
  auto map = std::make_shared<MapGrid>();
  map->width = grid.width;
  map->height = grid.height;
  map->cell_size_m = grid.cell_size_m;
  map->neighbourhood_count = grid.neighbourhood_count;
  map->neighbourhood.assign(grid.neighbourhood.begin(), grid.neighbourhood.end());
  const auto n = static_cast<std::size_t>(grid.neighbourhood_count);
  std::vector<double> sx(n, 0.0), sy(n, 0.0), count(n, 0.0);
  for (std::size_t c = 0; c < grid.cell_count(); ++c) {
    const std::size_t k = grid.neighbourhood[c];
    if (k >= n) continue;
    sx[k] += grid.x_of(static_cast<CellId>(c)) + 0.5;
    sy[k] += grid.y_of(static_cast<CellId>(c)) + 0.5;
    count[k] += 1;
  }
  map->centroid_x.resize(n);
  map->centroid_y.resize(n);
  for (std::size_t k = 0; k < n; ++k) {
    map->centroid_x[k] = count[k] > 0 ? static_cast<float>(sx[k] / count[k]) : 0.0f;
    map->centroid_y[k] = count[k] > 0 ? static_cast<float>(sy[k] / count[k]) : 0.0f;
  }
  return map;
}

// Dwellings ordered by cell (a counting sort; dwellings never change cell,
// so it is rebuilt only when dwellings are added).
void order_dwellings(const Dwellings& dw, std::size_t cells, MapState& state) {
  state.cell_start.assign(cells + 1, 0);
  for (std::size_t d = 0; d < dw.count(); ++d) ++state.cell_start[dw.cell[d] + 1];
  for (std::size_t c = 0; c < cells; ++c) state.cell_start[c + 1] += state.cell_start[c];
  std::vector<std::uint32_t> next(state.cell_start.begin(), state.cell_start.end() - 1);
  state.order.resize(dw.count());
  for (std::size_t d = 0; d < dw.count(); ++d) {
    state.order[next[dw.cell[d]]++] = static_cast<DwellingId>(d);
  }
  state.ordered_dwellings = dw.count();
}

// The latest flood or earthquake that struck, by tick (a later entry of the
// hazards list wins a tie: it was applied last).
void update_event(const ScenarioDef& scenario, const World& world, MapState& state) {
  int latest = -1;
  std::int32_t latest_tick = 0;
  const auto& started = world.disasters.event_start_tick;
  for (std::size_t k = 0; k < scenario.hazards.size() && k < started.size(); ++k) {
    const std::string& type = scenario.hazards[k].type;
    if (type != "flood" && type != "earthquake") continue;
    if (started[k] > 0 && started[k] >= latest_tick)
      latest = static_cast<int>(k), latest_tick = started[k];
  }
  if (latest == state.event && latest_tick == state.event_tick) return;
  state.event = latest;
  state.event_tick = latest_tick;
  state.intensity.clear();
  state.event_type.clear();
  if (latest < 0) return;
  state.event_type = scenario.hazards[static_cast<std::size_t>(latest)].type;
  const std::vector<float> x =
      event_intensity(scenario, world.grid, static_cast<std::size_t>(latest));
  state.intensity.resize(x.size());
  parallel::for_each_index(
      x.size(), [&](std::size_t c) { state.intensity[c] = quantise(x[c], MapLayer::last_event); });
}

// Where a household away from home is now: its dwelling, its host's
// dwelling, or (shelter, camp, homeless) its anchor cell.
CellId current_cell(const World& world, std::size_t h) {
  const Households& hh = world.households;
  const Dwellings& dw = world.dwellings;
  const Status status = hh.status[h];
  if (is_housed(status) && hh.dwelling[h] != kNone) return dw.cell[hh.dwelling[h]];
  if (is_guest(status) && hh.host[h] != kNone) {
    const DwellingId d = hh.dwelling[hh.host[h]];
    if (d != kNone) return dw.cell[d];
  }
  return hh.anchor_cell[h];
}

struct Away {
  std::vector<CellId> origin_cells;
  std::vector<std::uint32_t> flows;  // (from << 16) | to
};

// Bring the caches up to date: the static grid and flood layer once, the
// dwellings' cell order when dwellings were added, the latest event's
// intensity when a new one struck.
void refresh_caches(const ScenarioDef& scenario, const World& world, MapState& state) {
  const Grid& grid = world.grid;
  const std::size_t cells = grid.cell_count();
  if (!state.grid) {
    state.grid = make_grid(grid);
    const int layer = grid.hazard_index(kFloodDepth100yrLayer);
    state.static_flood.assign(cells, 0);
    if (layer >= 0) {
      const auto& depth = grid.hazards[static_cast<std::size_t>(layer)].value;
      for (std::size_t c = 0; c < cells; ++c) {
        state.static_flood[c] = quantise(depth[c], MapLayer::flood_depth_100yr);
      }
    }
  }
  if (state.ordered_dwellings != world.dwellings.count()) {
    order_dwellings(world.dwellings, cells, state);
  }
  update_event(scenario, world, state);
}

// Households away from home: where from, and where now. Fills map.flows
// (counted by neighbourhood pair, sorted) and returns the households away
// from a home in each cell.
std::vector<std::uint32_t> away_from_home(const World& world, MapFrame& map) {
  const Grid& grid = world.grid;
  const Dwellings& dw = world.dwellings;
  const Households& hh = world.households;
  const std::size_t cells = grid.cell_count();
  const Away away = parallel::reduce(
      hh.count(), Away{},
      [&](std::size_t begin, std::size_t end) {
        Away a;
        for (std::size_t h = begin; h < end; ++h) {
          const DwellingId origin = hh.origin_dwelling[h];
          if (origin == kNone || !is_in_city(hh.status[h])) continue;
          const CellId from = dw.cell[origin];
          CellId to = current_cell(world, h);
          if (to >= cells) to = from;
          a.origin_cells.push_back(from);
          a.flows.push_back(static_cast<std::uint32_t>(grid.neighbourhood[from]) << 16 |
                            grid.neighbourhood[to]);
        }
        return a;
      },
      [](Away& a, const Away& b) {
        a.origin_cells.insert(a.origin_cells.end(), b.origin_cells.begin(), b.origin_cells.end());
        a.flows.insert(a.flows.end(), b.flows.begin(), b.flows.end());
      });
  std::vector<std::uint32_t> displaced(cells, 0);
  for (CellId c : away.origin_cells) ++displaced[c];
  std::vector<std::uint32_t> keys = away.flows;
  std::sort(keys.begin(), keys.end());
  for (std::size_t i = 0; i < keys.size();) {
    std::size_t j = i;
    while (j < keys.size() && keys[j] == keys[i]) ++j;
    map.flows.push_back({static_cast<std::uint16_t>(keys[i] >> 16),
                         static_cast<std::uint16_t>(keys[i] & 0xFFFF),
                         static_cast<std::uint32_t>(j - i)});
    i = j;
  }
  return displaced;
}

// The layers computed per cell from its own dwellings: each task writes
// only its cells.
void fill_cell_layers(const World& world, const MapState& state,
                      const std::vector<std::uint32_t>& displaced, MapFrame& map) {
  const Grid& grid = world.grid;
  const Dwellings& dw = world.dwellings;
  const Households& hh = world.households;
  auto& L = map.layers;
  parallel::for_range(grid.cell_count(), [&](std::size_t begin, std::size_t end) {
    for (std::size_t c = begin; c < end; ++c) {
      std::array<std::int64_t, kTenureCount> tenure{};
      std::int64_t dwellings = 0, households = 0, burdened = 0, rentals = 0, owned = 0,
                   informal = 0, damage = 0;
      double rent = 0, price = 0;
      for (std::uint32_t k = state.cell_start[c]; k < state.cell_start[c + 1]; ++k) {
        const DwellingId d = state.order[k];
        const HouseholdId h = dw.occupant[d];
        // Dwellings still being built are not stock yet (as in the indicators).
        if (dw.tenure[d] != Tenure::Informal && dw.work_remaining_months[d] > 0 && h == kNone &&
            dw.damage[d] == DamageState::None) {
          continue;
        }
        ++dwellings;
        ++tenure[static_cast<int>(dw.tenure[d])];
        informal += dw.tenure[d] == Tenure::Informal;
        damage += static_cast<int>(dw.damage[d]);
        if (h == kNone) continue;
        ++households;
        const float income = hh.income_per_month[h];
        burdened += hh.housing_cost_per_month[h] / std::max(income, 1.0f) > 0.3f;
        if (dw.tenure[d] == Tenure::PrivateRental) ++rentals, rent += dw.rent_per_month[d];
        if (dw.tenure[d] == Tenure::OwnerOccupied) ++owned, price += dw.value[d];
      }
      auto put = [&](MapLayer layer, double value) {
        L[static_cast<int>(layer)][c] = quantise(value, layer);
      };
      int dominant = 0;
      for (int t = 1; t < kTenureCount; ++t) {
        if (tenure[t] > tenure[dominant]) dominant = t;
      }
      const double n = static_cast<double>(dwellings);
      put(MapLayer::tenure, dwellings ? dominant : kNaN);
      put(MapLayer::rent, rentals ? rent / static_cast<double>(rentals) : kNaN);
      put(MapLayer::price, owned ? price / static_cast<double>(owned) : kNaN);
      put(MapLayer::cost_burden,
          households ? static_cast<double>(burdened) / static_cast<double>(households) : kNaN);
      put(MapLayer::damage, dwellings ? static_cast<double>(damage) / n : kNaN);
      put(MapLayer::displaced, dwellings || displaced[c] ? displaced[c] : kNaN);
      put(MapLayer::informal, dwellings ? static_cast<double>(informal) / n : kNaN);
      put(MapLayer::services, grid.services(static_cast<CellId>(c)));
      put(MapLayer::households, static_cast<double>(households));
      put(MapLayer::dwellings, n);
    }
  });
}

}  // namespace

std::shared_ptr<const MapFrame> compute_map(const ScenarioDef& scenario, const World& world,
                                            MapState& state) {
  refresh_caches(scenario, world, state);
  auto map = std::make_shared<MapFrame>();
  map->grid = state.grid;
  map->last_event_type = state.event_type;
  for (auto& layer : map->layers) layer.resize(world.grid.cell_count());
  map->layers[static_cast<int>(MapLayer::flood_depth_100yr)] = state.static_flood;
  auto& last_event = map->layers[static_cast<int>(MapLayer::last_event)];
  if (!state.intensity.empty()) {
    last_event = state.intensity;
  } else {
    std::fill(last_event.begin(), last_event.end(), kMapNoData);
  }
  const std::vector<std::uint32_t> displaced = away_from_home(world, *map);
  fill_cell_layers(world, state, displaced, *map);
  return map;
}

}  // namespace hearth
