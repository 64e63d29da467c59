#pragma once
// Schelling's segregation model, run through the engine's own machinery: a
// row-major raster (hearth::Grid geometry, CellId = y * width + x), agents as
// struct-of-arrays with stable 32-bit ids, counter-based Philox draws, and
// the parallel relocation pattern of the housing market (bids in parallel,
// conflicts resolved by (cell, agent id), the first bidder wins, losers retry).
//
// The specification follows the public ABM framework comparisons (Agents.jl,
// Mesa and FLAME GPU 2 versions of the benchmark; docs/PERFORMANCE.md):
// two groups of equal expected size, Moore neighbourhood of radius R,
// non-periodic grid, one agent per cell, an agent is happy when at least K
// neighbours are of its own group, unhappy agents move to a random empty cell.
//
// One step is synchronous: every agent judges its neighbourhood as it was at
// the start of the step, unhappy agents bid for cells that were empty at the
// start of the step, and all moves are committed together. The result is a
// pure function of (seed, parameters), identical at any thread count.
#include <cstdint>
#include <vector>

#include "hearth/ids.hpp"
#include "state/grid.hpp"

namespace hearth::bench {

struct SchellingParams {
  std::int64_t agents = 1000000;
  double density = 0.8;        // agents / cells; the square grid is sized from it
  std::int32_t homophily = 3;  // happy with at least this many same-group neighbours
  std::int32_t radius = 1;     // Moore neighbourhood radius, 1..7
  std::int32_t rounds = 3;     // bidding rounds per step; losers of the last round stay
  std::uint64_t seed = 42;
};

// Counters of one step.
struct SchellingStepStats {
  std::int64_t unhappy = 0;  // agents unhappy at the start of the step
  std::int64_t moved = 0;    // agents that won a cell and moved
  std::int64_t empty_cells = 0;
};

// Cumulative wall time of the stages of a step, seconds.
struct SchellingProfile {
  double neighbour_counts = 0;  // row sweeps over the raster, empty cell list
  double evaluate = 0;          // each agent's happiness, mover list
  double relocate = 0;          // bidding rounds and commit
};

class SchellingModel {
 public:
  // Places the agents on distinct random cells (deterministic in the seed).
  // Throws std::invalid_argument for parameters out of range.
  explicit SchellingModel(const SchellingParams& params);

  SchellingStepStats step();

  std::int32_t steps_done() const { return step_; }
  const SchellingParams& params() const { return params_; }
  const SchellingProfile& profile() const { return profile_; }
  const Grid& grid() const { return grid_; }  // geometry only: width, height, cell ids

  // Agent columns (id = index) and the raster, for tests and tools.
  std::int64_t agent_count() const { return static_cast<std::int64_t>(cell_.size()); }
  const std::vector<CellId>& agent_cell() const { return cell_; }
  const std::vector<std::uint8_t>& agent_group() const { return group_; }
  // Happiness judged in the latest step (1 happy, 0 unhappy); all 0 before the first step.
  const std::vector<std::uint8_t>& agent_happy() const { return happy_; }
  // Group id per cell: 0 empty, 1 or 2.
  const std::vector<std::uint8_t>& cell_group() const { return cell_group_; }

  // Same-group neighbours of the agent in cell c (excluding itself), counted
  // directly from the raster; the slow reference the tests compare with.
  std::int32_t same_group_neighbours_reference(CellId c) const;
  // Digest of the agents' cells and groups in id order (determinism checks).
  std::uint64_t digest() const;

 private:
  void neighbour_counts();
  template <typename Count, int Shift>
  void neighbour_counts_packed(std::vector<Count>& out);

  SchellingParams params_;
  Grid grid_;
  std::int32_t step_ = 0;
  SchellingProfile profile_;

  // Agents.
  std::vector<CellId> cell_;
  std::vector<std::uint8_t> group_;
  std::vector<std::uint8_t> happy_;

  // Raster layers, one entry per cell.
  std::vector<std::uint8_t> cell_group_;
  // Per-group neighbour counts packed in one integer: group 1 in the low
  // nibble/byte, group 2 in the high one. Bytes for radius 1, 16 bits up to 7.
  std::vector<std::uint8_t> counts8_;
  std::vector<std::uint16_t> counts16_;
  std::vector<std::uint32_t> winner_;  // lowest bidding agent id per cell this round, kNone
  std::vector<std::uint8_t> claimed_;  // cell won in an earlier round of this step

  // Scratch reused between steps.
  std::vector<CellId> empty_cells_;
  std::vector<std::uint32_t> movers_;
  std::vector<std::uint32_t> bid_cell_;
  std::vector<std::uint32_t> gather_scratch_;
};

}  // namespace hearth::bench
