#pragma once
// Which cells belong to which tract: every tract gets a seed cell near its
// centroid, cells within reach of a centroid are residential land of the
// nearest tract, and open land joins the nearest residential cell's tract.
#include <cstdint>
#include <vector>

#include "city/tract_projection.hpp"
#include "hearth/scenario.hpp"
#include "io/tract_reader.hpp"
#include "state/grid.hpp"

namespace hearth {

struct TractLayout {
  std::vector<CellId> seed;                // per tract
  std::vector<std::vector<CellId>> cells;  // residential cells per tract, seed first
  std::vector<std::int64_t> tract_of;      // per cell: its tract
  std::vector<char> residential;           // per cell: within reach of a centroid
  std::vector<char> is_seed;               // per cell: a tract's seed cell
};

// Sizes `grid` to the scenario's grid and gives every cell to a tract;
// sets the neighbourhood count and the relocation site (the seed cell of
// the tract farthest from employment). Throws InputError when a tract
// finds no free cell near its centroid.
TractLayout lay_out_tracts(const ScenarioDef& scenario, const io::TractTable& table,
                           const TractPositions& pos, Grid& grid);

}  // namespace hearth
