#include "bench/workloads.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>

#include "bench/machine_info.hpp"
#include "parallel/parallel.hpp"
#include "state/columns.hpp"
#include "state/world.hpp"

namespace hearth::bench {

ScenarioDef synthetic_city(std::int64_t households, std::int32_t ticks, std::uint64_t seed) {
  ScenarioDef s;
  s.name = "bench-" + std::to_string(households);
  s.description = "hearth bench households: baseline defaults, scaled grid";
  s.seed = seed;
  s.ticks = ticks;
  s.city.households = households;
  const double baseline_side = s.city.grid.width_cells;  // 120
  const auto side = static_cast<std::int32_t>(std::clamp<double>(
      std::ceil(std::sqrt(static_cast<double>(households) / kBaselineHouseholdsPerCell)), 16.0,
      kMaxGridSide));
  s.city.grid.width_cells = side;
  s.city.grid.height_cells = side;
  // Lengths in cells scale with the side, so the city keeps the baseline's
  // shape (and its households per residential cell) at every size.
  const double k = side / baseline_side;
  auto& layout = s.city.layout;
  layout.job_centre_radius_cells *= k;
  layout.density_decay_cells *= k;
  layout.job_access_decay_cells *= k;
  layout.river.meander_amplitude_cells *= k;
  layout.river.width_cells *= k;
  layout.river.floodplain_width_cells *= k;
  s.market.search_radius_cells *= k;
  s.outputs.neighbourhood_table = false;
  return s;
}

HouseholdsBenchResult run_households_bench(std::int64_t households, std::int32_t ticks, int threads,
                                           std::uint64_t seed, std::vector<ColumnMemory>* columns) {
  parallel::ThreadLimit limit(threads);
  HouseholdsBenchResult result;
  const ScenarioDef scenario = synthetic_city(households, ticks, seed);
  result.households = households;
  result.grid_side = scenario.city.grid.width_cells;
  result.ticks = ticks;
  result.threads = limit.threads();
  result.peak_rss_isolated = reset_peak_rss();

  SimulationOptions options;
  options.check_invariants = false;
  options.neighbourhood_frames = false;
  Simulation sim(scenario, options);
  result.dwellings = static_cast<std::int64_t>(sim.world().dwellings.count());
  const auto start = std::chrono::steady_clock::now();
  for (std::int32_t t = 0; t < ticks; ++t) sim.step();
  result.wall_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  result.profile = sim.profile();
  result.household_ticks_per_second =
      result.wall_seconds > 0 ? static_cast<double>(households) * ticks / result.wall_seconds : 0;
  result.households_in_city_end = sim.world().households_in_city();
  result.peak_rss_bytes = peak_rss_bytes();
  if (columns) *columns = column_memory(sim.world());
  return result;
}

namespace {

template <typename T>
void add_column(std::vector<ColumnMemory>& out, const char* table, const char* column,
                const std::vector<T>& v) {
  out.push_back({table, column, sizeof(T), v.size(), v.capacity() * sizeof(T)});
}

}  // namespace

std::vector<ColumnMemory> column_memory(const World& world) {
  std::vector<ColumnMemory> out;
  // Every column of the state, from the one list in state/columns.hpp.
  auto table = [&](const char* name) {
    return
        [&out, name](const char* column, const auto& v, auto) { add_column(out, name, column, v); };
  };
  visit_columns(world.households, table("households"));
  visit_columns(world.dwellings, table("dwellings"));
  visit_columns(world.grid, table("grid"));
  for (const auto& layer : world.grid.hazards)
    add_column(out, "grid", layer.name.c_str(), layer.value);
  add_column(out, "market", "dwellings_in_cell", world.market.dwellings_in_cell);
  return out;
}

}  // namespace hearth::bench
