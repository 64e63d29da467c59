#include "state/grid.hpp"

namespace hearth {

int Grid::hazard_index(const std::string& name) const {
  for (std::size_t i = 0; i < hazards.size(); ++i) {
    if (hazards[i].name == name) return static_cast<int>(i);
  }
  return -1;
}

void Grid::resize(std::int32_t w, std::int32_t h) {
  width = w;
  height = h;
  const std::size_t n = cell_count();
  land_use.assign(n, LandUse::Open);
  elevation_m.assign(n, 0.0f);
  neighbourhood.assign(n, 0);
  service_water.assign(n, 0.0f);
  service_sanitation.assign(n, 0.0f);
  service_electricity.assign(n, 0.0f);
  job_access.assign(n, 0.0f);
  zoning_capacity.assign(n, 0);
}

}  // namespace hearth
