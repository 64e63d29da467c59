#pragma once
// cells.csv: the static map of a run (docs/OUTPUTS.md), one row per grid
// cell with its neighbourhood, land use, 100-year flood depth and informal
// settlement flag as generated at the start. `hearth report` draws maps
// from it, colouring cells by their neighbourhood's row in neighbourhoods.csv.
#include <string>

namespace hearth {
struct Grid;
}

namespace hearth::io {

inline constexpr const char* kCellsFile = "cells.csv";

// The file's text: header `cell,x,y,neighbourhood,land_use,flood_depth_100yr_m,
// informal_settlement`, rows in cell order (row-major, y = 0 first).
std::string cells_csv(const Grid& grid);

// Writes DIR/cells.csv whole (temporary name, fsync, rename).
void write_cells_file(const Grid& grid, const std::string& dir);

}  // namespace hearth::io
