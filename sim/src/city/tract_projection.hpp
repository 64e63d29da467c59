#pragma once
// Where the tracts lie on the city grid: their centroids (degrees) projected
// to metres in a local equirectangular projection, and the smallest grid
// that holds them (hearth import-tracts).
#include <vector>

#include "hearth/scenario.hpp"
#include "io/tract_reader.hpp"

namespace hearth {

// Centroids projected onto the scenario's grid: metres from the grid's
// south-west corner (equirectangular projection about the centroids' bounding
// box centre, which sits at the grid's centre).
struct TractPositions {
  std::vector<double> x_m, y_m;
};
TractPositions project_tracts(const io::TractTable& table, const GridDef& grid);

// The smallest grid of `cell_size_m` cells that holds every centroid with a
// margin of `margin_m` on each side. Throws InputError if it would exceed the
// schema's 4096 cells a side.
GridDef grid_for_tracts(const io::TractTable& table, double cell_size_m, double margin_m);

}  // namespace hearth
