#pragma once
// The parametric synthetic city (docs/MODEL.md, "Initialisation"): a raster
// with a job centre, rings of density, a meandering river with its
// floodplain, informal settlements on hazardous or peripheral land, and a
// peripheral relocation site; then dwellings placed by density and tenure,
// and households drawn from the scenario's distributions and matched to
// dwellings of their tenure by income rank.
#include "hearth/scenario.hpp"
#include "state/world.hpp"

namespace hearth {

// Builds the whole world for tick 0. Deterministic in (scenario, seed, replicate).
// Throws InputError when the scenario cannot be laid out (e.g. no residential land).
World generate_city(const ScenarioDef& scenario);

// Name of the 100-year flood depth layer the generator writes.
inline constexpr const char* kFloodDepth100yrLayer = "flood_depth_100yr_m";

}  // namespace hearth
