#include "io/cells_file.hpp"

#include <cstdio>

#include "io/csv_writer.hpp"
#include "state/city_generator.hpp"
#include "state/grid.hpp"

namespace hearth::io {

std::string cells_csv(const Grid& grid) {
  std::string text = "cell,x,y,neighbourhood,land_use,flood_depth_100yr_m,informal_settlement\n";
  const int flood = grid.hazard_index(kFloodDepth100yrLayer);
  text.reserve(grid.cell_count() * 40 + text.size());
  char buffer[160];
  for (std::size_t c = 0; c < grid.cell_count(); ++c) {
    const auto cell = static_cast<CellId>(c);
    const LandUse use = grid.land_use[c];
    const double depth = flood >= 0 ? grid.hazards[static_cast<std::size_t>(flood)].value[c] : 0.0;
    const std::string_view use_name = to_string(use);
    std::snprintf(buffer, sizeof buffer, "%zu,%d,%d,%lld,%.*s,%.4g,%d\n", c, grid.x_of(cell),
                  grid.y_of(cell), static_cast<long long>(grid.neighbourhood[c]),
                  static_cast<int>(use_name.size()), use_name.data(), depth,
                  use == LandUse::Informal ? 1 : 0);
    text += buffer;
  }
  return text;
}

void write_cells_file(const Grid& grid, const std::string& dir) {
  write_file_atomically(dir + "/" + kCellsFile, cells_csv(grid));
}

}  // namespace hearth::io
