#include "city/tract_layout.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <utility>

#include "hearth/errors.hpp"
#include "parallel/parallel.hpp"

namespace hearth {
namespace {

// Nearest tract centroid within `radius_m` of a point, through square
// buckets of centroids as wide as the radius: every centroid that close lies
// in the point's bucket or one of its eight neighbours, so a search costs
// nine buckets wherever the point is (the fuzzer found that searching
// outward ring by ring for the nearest centroid at any distance costs the
// cube of the distance on sparse tables).
class NearestTract {
 public:
  NearestTract(const TractPositions& pos, double radius_m, double width_m, double height_m)
      : pos_(pos), bucket_(radius_m) {
    nx_ = std::max<std::int64_t>(1, static_cast<std::int64_t>(std::ceil(width_m / bucket_)));
    ny_ = std::max<std::int64_t>(1, static_cast<std::int64_t>(std::ceil(height_m / bucket_)));
    buckets_.resize(static_cast<std::size_t>(nx_ * ny_));
    for (std::size_t t = 0; t < pos.x_m.size(); ++t)
      buckets_[bucket_of(pos.x_m[t], pos.y_m[t])].push_back(t);
  }
  // The nearest centroid within the radius (ties to the lower tract index),
  // or the tract count when there is none.
  std::size_t find(double x, double y) const {
    const std::int64_t bx = clamp_x(x), by = clamp_y(y);
    std::size_t best = pos_.x_m.size();
    double best_d = bucket_;
    for (std::int64_t j = std::max<std::int64_t>(0, by - 1); j <= std::min(ny_ - 1, by + 1); ++j) {
      for (std::int64_t i = std::max<std::int64_t>(0, bx - 1); i <= std::min(nx_ - 1, bx + 1);
           ++i) {
        for (std::size_t t : buckets_[static_cast<std::size_t>(j * nx_ + i)]) {
          const double d = std::hypot(pos_.x_m[t] - x, pos_.y_m[t] - y);
          if (d < best_d || (d == best_d && t < best)) best = t, best_d = d;
        }
      }
    }
    return best;
  }

 private:
  std::int64_t clamp_x(double x) const {
    return std::clamp<std::int64_t>(static_cast<std::int64_t>(std::floor(x / bucket_)), 0, nx_ - 1);
  }
  std::int64_t clamp_y(double y) const {
    return std::clamp<std::int64_t>(static_cast<std::int64_t>(std::floor(y / bucket_)), 0, ny_ - 1);
  }
  std::size_t bucket_of(double x, double y) const {
    return static_cast<std::size_t>(clamp_y(y) * nx_ + clamp_x(x));
  }
  const TractPositions& pos_;
  double bucket_;
  std::int64_t nx_ = 1, ny_ = 1;
  std::vector<std::vector<std::size_t>> buckets_;
};

// Each tract's seed cell: the cell under its centroid or, when another tract
// took that one, the nearest free cell (rings outward, perimeter only, in a
// fixed order). Every tract then has at least one cell however small it is.
std::vector<CellId> seed_cells(const io::TractTable& table, const TractPositions& pos,
                               const Grid& grid) {
  std::vector<CellId> seed(table.tracts.size(), kNone);
  std::vector<char> taken(grid.cell_count(), 0);
  const double cs = grid.cell_size_m;
  for (std::size_t t = 0; t < seed.size(); ++t) {
    const auto cx = static_cast<std::int32_t>(std::floor(pos.x_m[t] / cs));
    const auto cy = static_cast<std::int32_t>(std::floor(pos.y_m[t] / cs));
    CellId found = kNone;
    for (std::int32_t r = 0; r < 64 && found == kNone; ++r) {
      double best_d = std::numeric_limits<double>::infinity();
      auto consider = [&](std::int32_t x, std::int32_t y) {
        if (x < 0 || y < 0 || x >= grid.width || y >= grid.height) return;
        const CellId c = grid.cell_at(x, y);
        if (taken[c]) return;
        const double d = std::hypot((x + 0.5) * cs - pos.x_m[t], (y + 0.5) * cs - pos.y_m[t]);
        if (d < best_d || (d == best_d && c < found)) best_d = d, found = c;
      };
      if (r == 0) consider(cx, cy);
      for (std::int32_t k = -r; k <= r && r > 0; ++k) {
        consider(cx + k, cy - r), consider(cx + k, cy + r);
        if (k > -r && k < r) consider(cx - r, cy + k), consider(cx + r, cy + k);
      }
    }
    if (found == kNone) {
      throw InputError(
          "tract " + table.tracts[t].id,
          {{"/city/grid/cell_size_m", "too many tracts crowd around this one for cells of " +
                                          std::to_string(cs) + " m; use smaller cells"}});
    }
    taken[found] = 1;
    seed[t] = found;
  }
  return seed;
}

// Residential cells: those with a centroid within max_distance_m, given to
// the nearest; seed cells to their tract whatever the distance.
void assign_residential_cells(const ScenarioDef& s, const TractPositions& pos, const Grid& grid,
                              TractLayout& layout) {
  const auto& g = s.city.grid;
  const TractsDef& def = s.city.tracts;
  const double cs = g.cell_size_m;
  const std::size_t n_tracts = layout.seed.size();
  const std::size_t cells = grid.cell_count();
  std::vector<std::int64_t>& tract_of = layout.tract_of;
  tract_of.assign(cells, -1);
  const NearestTract nearest(pos, std::max(cs, def.max_distance_m), g.width_cells * cs,
                             g.height_cells * cs);
  parallel::for_each_index(cells, [&](std::size_t c) {
    const double x = (grid.x_of(static_cast<CellId>(c)) + 0.5) * cs;
    const double y = (grid.y_of(static_cast<CellId>(c)) + 0.5) * cs;
    const std::size_t t = nearest.find(x, y);
    if (t < n_tracts && std::hypot(pos.x_m[t] - x, pos.y_m[t] - y) <= def.max_distance_m) {
      tract_of[c] = static_cast<std::int64_t>(t);
    }
  });
  layout.is_seed.assign(cells, 0);
  for (std::size_t t = 0; t < n_tracts; ++t) {
    tract_of[layout.seed[t]] = static_cast<std::int64_t>(t);
    layout.is_seed[layout.seed[t]] = 1;
  }
  layout.residential.assign(cells, 0);
  for (std::size_t c = 0; c < cells; ++c) layout.residential[c] = tract_of[c] >= 0;
}

// Open land belongs to the tract of the nearest residential cell in steps
// across the grid (breadth first from every residential cell in id order:
// linear in the cells, and deterministic).
void assign_open_land(const Grid& grid, TractLayout& layout) {
  const std::size_t cells = grid.cell_count();
  std::vector<std::int64_t>& tract_of = layout.tract_of;
  std::vector<CellId> queue;
  queue.reserve(cells);
  for (CellId c = 0; c < cells; ++c) {
    if (layout.residential[c]) queue.push_back(c);
  }
  for (std::size_t head = 0; head < queue.size(); ++head) {
    const CellId c = queue[head];
    const std::int32_t x = grid.x_of(c), y = grid.y_of(c);
    const std::pair<std::int32_t, std::int32_t> steps[] = {{0, -1}, {-1, 0}, {1, 0}, {0, 1}};
    for (const auto& [dx, dy] : steps) {
      if (x + dx < 0 || y + dy < 0 || x + dx >= grid.width || y + dy >= grid.height) continue;
      const CellId next = grid.cell_at(x + dx, y + dy);
      if (tract_of[next] >= 0) continue;
      tract_of[next] = tract_of[c];
      queue.push_back(next);
    }
  }
}

}  // namespace

TractLayout lay_out_tracts(const ScenarioDef& s, const io::TractTable& table,
                           const TractPositions& pos, Grid& grid) {
  const auto& g = s.city.grid;
  grid.resize(g.width_cells, g.height_cells);
  grid.cell_size_m = g.cell_size_m;
  grid.neighbourhood_count = static_cast<std::int32_t>(table.tracts.size());
  const std::size_t n_tracts = table.tracts.size();
  TractLayout layout;
  layout.seed = seed_cells(table, pos, grid);
  assign_residential_cells(s, pos, grid, layout);
  assign_open_land(grid, layout);
  // The seed cell first, then the others in cell order: a tract with fewer
  // dwellings than cells has them at its centroid (and, on the river, in the
  // floodplain).
  layout.cells.resize(n_tracts);
  for (std::size_t t = 0; t < n_tracts; ++t) layout.cells[t].push_back(layout.seed[t]);
  for (CellId c = 0; c < grid.cell_count(); ++c) {
    if (layout.residential[c] && !layout.is_seed[c]) {
      layout.cells[static_cast<std::size_t>(layout.tract_of[c])].push_back(c);
    }
  }
  // Resettlement site: the seed cell of the tract farthest from employment.
  std::size_t farthest = 0;
  for (std::size_t t = 1; t < n_tracts; ++t) {
    if (table.tracts[t].employment_distance > table.tracts[farthest].employment_distance)
      farthest = t;
  }
  grid.relocation_site = layout.seed[farthest];
  return layout;
}

}  // namespace hearth
