#pragma once
// The parametric synthetic city (docs/MODEL.md, "Initialisation"): a raster
// with a job centre, rings of density, a meandering river with its
// floodplain, informal settlements on hazardous or peripheral land, and a
// peripheral relocation site; then dwellings placed by density and tenure,
// and households drawn from the scenario's distributions and matched to
// dwellings of their tenure by income rank.
#include <cstdint>
#include <functional>
#include <vector>

#include "hearth/scenario.hpp"
#include "state/world.hpp"

namespace hearth {

// Builds the whole world for tick 0. Deterministic in (scenario, seed, replicate).
// Throws InputError when the scenario cannot be laid out (e.g. no residential land).
World generate_city(const ScenarioDef& scenario);

// Creates the dwellings, cell by cell and within a cell tenure by tenure:
// cell c gets count(c, t) dwellings of tenure t, with ids from offset[c]
// (offset[cells] dwellings in all). Sets each dwelling's cell and tenure.
// Shared by the synthetic and the tract-based city.
void create_dwellings(World& world, const std::vector<std::uint64_t>& offset,
                      const std::function<std::uint32_t(std::size_t cell, int tenure)>& count);

// Name of the 100-year flood depth layer the generator writes.
inline constexpr const char* kFloodDepth100yrLayer = "flood_depth_100yr_m";

}  // namespace hearth
