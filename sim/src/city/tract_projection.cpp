#include "city/tract_projection.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "hearth/errors.hpp"

namespace hearth {
namespace {

constexpr double kPi = 3.141592653589793;
constexpr double kMetresPerDegreeLat = 110574.0;  // WGS84 mean near 42 N (within 0.2%)
constexpr double kMetresPerDegreeLonEquator = 111320.0;
constexpr std::int32_t kMaxGridSide = 4096;  // the schema's bound

struct Bounds {
  double lon_min = 1e9, lon_max = -1e9, lat_min = 1e9, lat_max = -1e9;
};
Bounds bounds_of(const io::TractTable& table) {
  Bounds b;
  for (const auto& t : table.tracts) {
    b.lon_min = std::min(b.lon_min, t.lon_deg), b.lon_max = std::max(b.lon_max, t.lon_deg);
    b.lat_min = std::min(b.lat_min, t.lat_deg), b.lat_max = std::max(b.lat_max, t.lat_deg);
  }
  return b;
}
double metres_per_degree_lon(const Bounds& b) {
  return kMetresPerDegreeLonEquator * std::cos((b.lat_min + b.lat_max) / 2 * kPi / 180);
}

}  // namespace

TractPositions project_tracts(const io::TractTable& table, const GridDef& grid) {
  const Bounds b = bounds_of(table);
  const double kx = metres_per_degree_lon(b);
  const double lon0 = (b.lon_min + b.lon_max) / 2, lat0 = (b.lat_min + b.lat_max) / 2;
  TractPositions pos;
  pos.x_m.reserve(table.tracts.size());
  pos.y_m.reserve(table.tracts.size());
  for (const auto& t : table.tracts) {
    pos.x_m.push_back((t.lon_deg - lon0) * kx + grid.width_cells * grid.cell_size_m / 2);
    pos.y_m.push_back((t.lat_deg - lat0) * kMetresPerDegreeLat +
                      grid.height_cells * grid.cell_size_m / 2);
  }
  return pos;
}

GridDef grid_for_tracts(const io::TractTable& table, double cell_size_m, double margin_m) {
  const Bounds b = bounds_of(table);
  const double span_x = (b.lon_max - b.lon_min) * metres_per_degree_lon(b) + 2 * margin_m;
  const double span_y = (b.lat_max - b.lat_min) * kMetresPerDegreeLat + 2 * margin_m;
  GridDef g;
  g.cell_size_m = cell_size_m;
  const double w = std::ceil(span_x / cell_size_m) + 2, h = std::ceil(span_y / cell_size_m) + 2;
  if (w > kMaxGridSide || h > kMaxGridSide) {
    char text[160];
    std::snprintf(text, sizeof text,
                  "the tracts span %.1f x %.1f km: more than 4096 cells of %g m a side; use "
                  "larger cells",
                  span_x / 1000, span_y / 1000, cell_size_m);
    throw InputError("tracts", {{"--cell-size", text}});
  }
  g.width_cells = std::max<std::int32_t>(8, static_cast<std::int32_t>(w));
  g.height_cells = std::max<std::int32_t>(8, static_cast<std::int32_t>(h));
  return g;
}

}  // namespace hearth
