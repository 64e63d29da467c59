#pragma once
// The map payload of a Frame (Frame::map; docs/VIEWER.md): per-cell layers
// and displacement flows by neighbourhood, part of the indicators phase and
// computed only when SimulationOptions::map_frames is on. Reads the World,
// writes only the payload and its caches.
#include <cstdint>
#include <memory>
#include <vector>

#include "hearth/frame.hpp"
#include "hearth/scenario.hpp"
#include "state/world.hpp"

namespace hearth {

// Caches kept by the Simulation between ticks: the static grid, dwellings
// ordered by cell, and the quantised intensity of the latest event.
struct MapState {
  std::shared_ptr<const MapGrid> grid;
  std::vector<std::uint32_t>
      cell_start;                 // dwellings of cell c: order[cell_start[c] .. cell_start[c+1])
  std::vector<DwellingId> order;  // dwelling ids sorted by cell, then id
  std::size_t ordered_dwellings = 0;     // dwellings when `order` was built
  int event = -1;                        // hazards index of the cached intensity
  std::int32_t event_tick = 0;           // the tick it struck
  std::vector<std::uint16_t> intensity;  // quantised like MapLayer::last_event
  std::string event_type;
  std::vector<std::uint16_t> static_flood;  // MapLayer::flood_depth_100yr
};

std::shared_ptr<const MapFrame> compute_map(const ScenarioDef& scenario, const World& world,
                                            MapState& state);

// Intensity per cell of hazard event k of the scenario: flood depth (m) or
// peak ground acceleration (g); empty for other event types. Defined in
// phases/hazard.cpp, next to the damage it drives.
std::vector<float> event_intensity(const ScenarioDef& scenario, const Grid& grid, std::size_t k);

}  // namespace hearth
