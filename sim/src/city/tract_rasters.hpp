#pragma once
// The rasters of the tract city: land use, services, job access (from each
// tract's DIS), elevation, and the 100-year river flood layer along a river
// line drawn through the tracts that bound it (CHAS).
#include "city/tract_layout.hpp"
#include "city/tract_projection.hpp"
#include "hearth/scenario.hpp"
#include "io/tract_reader.hpp"
#include "state/grid.hpp"

namespace hearth {

// Fills every cell's attributes from its tract and appends the flood layer
// (kFloodDepth100yrLayer) to grid.hazards.
void paint_tract_rasters(const ScenarioDef& scenario, const io::TractTable& table,
                         const TractPositions& pos, const TractLayout& layout, Grid& grid);

}  // namespace hearth
