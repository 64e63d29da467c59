#include "city/tract_rasters.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>
#include <vector>

#include "parallel/parallel.hpp"
#include "state/city_generator.hpp"

namespace hearth {
namespace {

// Distance from point p to segment ab.
double segment_distance(double px, double py, double ax, double ay, double bx, double by) {
  const double dx = bx - ax, dy = by - ay;
  const double len2 = dx * dx + dy * dy;
  double u = len2 > 0 ? ((px - ax) * dx + (py - ay) * dy) / len2 : 0;
  u = std::clamp(u, 0.0, 1.0);
  return std::hypot(px - (ax + u * dx), py - (ay + u * dy));
}

// The river line: the minimum spanning tree of the CHAS tracts' centroids
// (Prim's algorithm, ties to the lower index). Tracts on the river lie along
// both of its banks, so the tree follows its course.
std::vector<std::pair<std::size_t, std::size_t>> river_line(
    const std::vector<std::size_t>& on_river, const TractPositions& pos) {
  std::vector<std::pair<std::size_t, std::size_t>> edges;
  const std::size_t n = on_river.size();
  if (n < 2) return edges;
  std::vector<double> best(n, std::numeric_limits<double>::infinity());
  std::vector<std::size_t> from(n, 0);
  std::vector<bool> in_tree(n, false);
  best[0] = 0;
  for (std::size_t step = 0; step < n; ++step) {
    std::size_t next = n;
    for (std::size_t i = 0; i < n; ++i) {
      if (!in_tree[i] && (next == n || best[i] < best[next])) next = i;
    }
    in_tree[next] = true;
    if (step > 0) edges.push_back({on_river[from[next]], on_river[next]});
    for (std::size_t i = 0; i < n; ++i) {
      if (in_tree[i]) continue;
      const double d = std::hypot(pos.x_m[on_river[i]] - pos.x_m[on_river[next]],
                                  pos.y_m[on_river[i]] - pos.y_m[on_river[next]]);
      if (d < best[i]) best[i] = d, from[i] = next;
    }
  }
  return edges;
}

// Distance to the river line, for the cells of river tracts near it: each
// segment stamps the cells within the floodplain width of points along it
// (cost: the river's length x the width, not cells x segments). Infinity
// elsewhere.
std::vector<double> river_distances(const ScenarioDef& s, const io::TractTable& table,
                                    const TractPositions& pos, const TractLayout& layout,
                                    const Grid& grid) {
  const double cs = s.city.grid.cell_size_m;
  std::vector<std::size_t> on_river;
  for (std::size_t t = 0; t < table.tracts.size(); ++t) {
    if (table.tracts[t].bounds_river) on_river.push_back(t);
  }
  auto river = river_line(on_river, pos);
  if (on_river.size() == 1) river.push_back({on_river[0], on_river[0]});
  const double width = s.city.tracts.floodplain_width_m;
  std::vector<double> river_distance(grid.cell_count(), std::numeric_limits<double>::infinity());
  const auto reach = static_cast<std::int32_t>(std::ceil(width / cs)) + 1;
  for (const auto& [a, b] : river) {
    const double ax = pos.x_m[a], ay = pos.y_m[a], bx = pos.x_m[b], by = pos.y_m[b];
    const double length = std::hypot(bx - ax, by - ay);
    const auto steps = static_cast<std::int64_t>(std::ceil(length / (cs / 2))) + 1;
    for (std::int64_t k = 0; k <= steps; ++k) {
      const double u = static_cast<double>(k) / static_cast<double>(steps);
      const auto px = static_cast<std::int32_t>(std::floor((ax + u * (bx - ax)) / cs));
      const auto py = static_cast<std::int32_t>(std::floor((ay + u * (by - ay)) / cs));
      for (std::int32_t y = std::max(0, py - reach); y <= std::min(grid.height - 1, py + reach);
           ++y) {
        for (std::int32_t x = std::max(0, px - reach); x <= std::min(grid.width - 1, px + reach);
             ++x) {
          const CellId c = grid.cell_at(x, y);
          if (!table.tracts[static_cast<std::size_t>(layout.tract_of[c])].bounds_river) continue;
          const double d = segment_distance((x + 0.5) * cs, (y + 0.5) * cs, ax, ay, bx, by);
          river_distance[c] = std::min(river_distance[c], d);
        }
      }
    }
  }
  return river_distance;
}

}  // namespace

void paint_tract_rasters(const ScenarioDef& s, const io::TractTable& table,
                         const TractPositions& pos, const TractLayout& layout, Grid& grid) {
  const TractsDef& def = s.city.tracts;
  const double width = def.floodplain_width_m;
  const std::vector<double> river_distance = river_distances(s, table, pos, layout, grid);
  HazardLayer flood{kFloodDepth100yrLayer, "m", std::vector<float>(grid.cell_count(), 0.0f)};
  parallel::for_each_index(grid.cell_count(), [&](std::size_t c) {
    const auto tract = static_cast<std::size_t>(layout.tract_of[c]);
    const io::Tract& tr = table.tracts[tract];
    const bool res = layout.residential[c] != 0;
    grid.neighbourhood[c] = static_cast<NeighbourhoodId>(tract);
    grid.land_use[c] = res ? LandUse::Residential : LandUse::Open;
    grid.job_access[c] =
        static_cast<float>(std::exp(-tr.employment_distance / def.job_access_decay));
    // Piped water, sewers and electricity reached practically every home in a
    // 1970 US metropolitan area; open land is served as in the synthetic city.
    grid.service_water[c] = res ? 0.95f : 0.2f;
    grid.service_sanitation[c] = res ? 0.95f : 0.1f;
    grid.service_electricity[c] = res ? 1.0f : 0.3f;
    if (tr.bounds_river) {
      double depth = def.flood_depth_100yr_m * (1.0 - river_distance[c] / width);
      // A river tract's own cell always floods a little (a tenth of the depth
      // at the river at least), so every CHAS tract is exposed.
      if (layout.is_seed[c]) depth = std::max(depth, 0.1 * def.flood_depth_100yr_m);
      flood.value[c] = static_cast<float>(std::max(0.0, depth));
    }
    // Elevation (illustrative): rising away from the river in river tracts,
    // and with distance from employment elsewhere.
    grid.elevation_m[c] =
        static_cast<float>(tr.bounds_river ? 5.0 + 3.0 * std::min(1.0, river_distance[c] / width)
                                           : 8.0 + 2.0 * (1.0 - grid.job_access[c]));
  });
  grid.hazards.push_back(std::move(flood));
}

}  // namespace hearth
