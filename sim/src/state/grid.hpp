#pragma once
// The raster city: one entry per cell in row-major order (cell = y * width + x).
// Owned by World; written by the city generator (and by later phases that
// change land use or services), read by every phase.
#include <cstdint>
#include <string>
#include <vector>

#include "hearth/ids.hpp"

namespace hearth {

// A named raster layer, e.g. "flood_depth_100yr_m" or "pga_g".
struct HazardLayer {
  std::string name;
  std::string unit;
  std::vector<float> value;  // one per cell
};

struct Grid {
  std::int32_t width = 0;
  std::int32_t height = 0;
  double cell_size_m = 100.0;
  std::int32_t neighbourhood_count = 0;

  std::vector<LandUse> land_use;
  std::vector<float> elevation_m;
  std::vector<NeighbourhoodId> neighbourhood;
  // Basic services, each 0..1 (share of the cell served).
  std::vector<float> service_water;
  std::vector<float> service_sanitation;
  std::vector<float> service_electricity;
  std::vector<float> job_access;               // 0..1, 1 at the job centre
  std::vector<std::uint32_t> zoning_capacity;  // dwellings the cell may hold
  std::vector<float> drainage_m;               // flood depth that drainage (upgrading) takes off, m
  std::vector<HazardLayer> hazards;
  CellId relocation_site = kNone;  // peripheral site for resettlement programmes

  std::size_t cell_count() const { return static_cast<std::size_t>(width) * height; }
  CellId cell_at(std::int32_t x, std::int32_t y) const {
    return static_cast<CellId>(y * width + x);
  }
  std::int32_t x_of(CellId c) const { return static_cast<std::int32_t>(c % width); }
  std::int32_t y_of(CellId c) const { return static_cast<std::int32_t>(c / width); }
  float services(CellId c) const {
    return (service_water[c] + service_sanitation[c] + service_electricity[c]) / 3.0f;
  }
  // Index of a hazard layer by name, or -1.
  int hazard_index(const std::string& name) const;
  void resize(std::int32_t w, std::int32_t h);
};

}  // namespace hearth
