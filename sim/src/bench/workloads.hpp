#pragma once
// The households workload of `hearth bench households`: a synthetic city of a
// given size built from the baseline defaults, stepped through every phase
// that exists, timed per phase, with the process's peak memory. Nothing is
// written to disk; the caller prints and records the figures.
#include <cstdint>
#include <string>
#include <vector>

#include "hearth/scenario.hpp"
#include "hearth/simulation.hpp"

namespace hearth {
struct World;
}

namespace hearth::bench {

// Households per cell of the baseline city (20,000 on 120 x 120).
inline constexpr double kBaselineHouseholdsPerCell = 1.4;
inline constexpr std::int32_t kMaxGridSide = 4096;

// The baseline defaults with `households` households on a square grid sized
// so that households per cell match the baseline, and every length given in
// cells (job centre, density decay, river, search radius) scaled with the
// grid's side, so a bigger city keeps the baseline's shape. Neighbourhood
// table off: the benchmark measures the model, not the writers.
ScenarioDef synthetic_city(std::int64_t households, std::int32_t ticks, std::uint64_t seed = 42);

struct HouseholdsBenchResult {
  std::int64_t households = 0;  // at the start
  std::int64_t dwellings = 0;   // at the start
  std::int32_t grid_side = 0;   // cells
  std::int32_t ticks = 0;
  int threads = 0;
  double wall_seconds = 0;                // stepping only (generation apart)
  double household_ticks_per_second = 0;  // households at the start x ticks / wall_seconds
  PhaseProfile profile;                   // per phase, and generation
  std::int64_t peak_rss_bytes = 0;        // process peak while the workload ran
  bool peak_rss_isolated = false;         // the peak was reset before the workload started
  std::int64_t households_in_city_end = 0;
};

// Memory held by one column of the state (capacity, not just size).
struct ColumnMemory {
  std::string table;  // households, dwellings, grid, market
  std::string column;
  std::size_t bytes_per_entry = 0;
  std::size_t entries = 0;
  std::size_t bytes = 0;
};
std::vector<ColumnMemory> column_memory(const World& world);

// Runs one workload on `threads` worker threads (0 = all). When `columns` is
// given it receives the state's per-column memory after the last tick.
HouseholdsBenchResult run_households_bench(std::int64_t households, std::int32_t ticks, int threads,
                                           std::uint64_t seed = 42,
                                           std::vector<ColumnMemory>* columns = nullptr);

}  // namespace hearth::bench
