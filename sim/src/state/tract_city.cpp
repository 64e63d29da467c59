#include "state/tract_city.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <utility>

#include "hearth/errors.hpp"
#include "parallel/parallel.hpp"
#include "parallel/rng.hpp"
#include "state/city_generator.hpp"
#include "state/demographics.hpp"
#include "state/tenancy.hpp"
#include "state/rents.hpp"

namespace hearth {
namespace {

constexpr double kPi = 3.141592653589793;
constexpr double kMetresPerDegreeLat = 110574.0;  // WGS84 mean near 42 N (within 0.2%)
constexpr double kMetresPerDegreeLonEquator = 111320.0;
constexpr std::int32_t kMaxGridSide = 4096;        // the schema's bound
constexpr std::int64_t kMaxHouseholds = 20000000;  // the schema's bound on city.households

// Integer counts per weight that sum exactly to `total` (largest remainder;
// ties to the lower index). No randomness.
std::vector<std::int64_t> largest_remainder(std::int64_t total,
                                            const std::vector<double>& weights) {
  std::vector<std::int64_t> counts(weights.size(), 0);
  const double sum = std::accumulate(weights.begin(), weights.end(), 0.0);
  if (sum <= 0 || total <= 0) return counts;
  std::vector<std::pair<double, std::size_t>> remainders;
  remainders.reserve(weights.size());
  std::int64_t assigned = 0;
  for (std::size_t i = 0; i < weights.size(); ++i) {
    const double exact = static_cast<double>(total) * weights[i] / sum;
    counts[i] = static_cast<std::int64_t>(std::floor(exact));
    assigned += counts[i];
    remainders.push_back({-(exact - static_cast<double>(counts[i])), i});
  }
  std::sort(remainders.begin(), remainders.end());
  for (std::size_t k = 0; assigned < total; ++k, ++assigned) {
    ++counts[remainders[k % remainders.size()].second];
  }
  return counts;
}

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

double median_lower_status(const io::TractTable& table) {
  std::vector<double> v;
  for (const auto& t : table.tracts) {
    if (t.lower_status_percent >= 0) v.push_back(t.lower_status_percent);
  }
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v.size() % 2 ? v[v.size() / 2] : 0.5 * (v[v.size() / 2 - 1] + v[v.size() / 2]);
}

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
  std::vector<char> in_tree(n, 0);
  best[0] = 0;
  for (std::size_t step = 0; step < n; ++step) {
    std::size_t next = n;
    for (std::size_t i = 0; i < n; ++i) {
      if (!in_tree[i] && (next == n || best[i] < best[next])) next = i;
    }
    in_tree[next] = 1;
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

struct Layout {
  std::vector<CellId> seed;                // per tract
  std::vector<std::vector<CellId>> cells;  // residential cells per tract, seed first
};

Layout build_grid(const ScenarioDef& s, const io::TractTable& table, const TractPositions& pos,
                  World& world) {
  const auto& g = s.city.grid;
  const TractsDef& def = s.city.tracts;
  Grid& grid = world.grid;
  grid.resize(g.width_cells, g.height_cells);
  grid.cell_size_m = g.cell_size_m;
  grid.neighbourhood_count = static_cast<std::int32_t>(table.tracts.size());
  const double cs = g.cell_size_m;
  const std::size_t n_tracts = table.tracts.size();
  const std::size_t cells = grid.cell_count();
  Layout layout;
  layout.seed = seed_cells(table, pos, grid);

  // 1. Residential cells: those with a centroid within max_distance_m, given
  //    to the nearest; seed cells to their tract whatever the distance.
  std::vector<std::int64_t> tract_of(cells, -1);
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
  std::vector<char> is_seed(cells, 0);
  for (std::size_t t = 0; t < n_tracts; ++t) {
    tract_of[layout.seed[t]] = static_cast<std::int64_t>(t);
    is_seed[layout.seed[t]] = 1;
  }
  std::vector<char> residential(cells, 0);
  for (std::size_t c = 0; c < cells; ++c) residential[c] = tract_of[c] >= 0;
  // 2. Open land belongs to the neighbourhood of the nearest residential cell
  //    in steps across the grid (breadth first from every residential cell
  //    in id order: linear in the cells, and deterministic).
  std::vector<CellId> queue;
  queue.reserve(cells);
  for (CellId c = 0; c < cells; ++c) {
    if (residential[c]) queue.push_back(c);
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
  // 3. Distance to the river line, for the cells of river tracts near it:
  //    each segment stamps the cells within the floodplain width of points
  //    along it (cost: the river's length x the width, not cells x segments).
  std::vector<std::size_t> on_river;
  for (std::size_t t = 0; t < n_tracts; ++t) {
    if (table.tracts[t].bounds_river) on_river.push_back(t);
  }
  auto river = river_line(on_river, pos);
  if (on_river.size() == 1) river.push_back({on_river[0], on_river[0]});
  const double width = def.floodplain_width_m;
  std::vector<double> river_distance(cells, std::numeric_limits<double>::infinity());
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
          if (!table.tracts[static_cast<std::size_t>(tract_of[c])].bounds_river) continue;
          const double d = segment_distance((x + 0.5) * cs, (y + 0.5) * cs, ax, ay, bx, by);
          river_distance[c] = std::min(river_distance[c], d);
        }
      }
    }
  }
  // 4. Cell attributes from their tract.
  HazardLayer flood{kFloodDepth100yrLayer, "m", std::vector<float>(cells, 0.0f)};
  parallel::for_each_index(cells, [&](std::size_t c) {
    const auto tract = static_cast<std::size_t>(tract_of[c]);
    const io::Tract& tr = table.tracts[tract];
    const bool res = residential[c] != 0;
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
      if (is_seed[c]) depth = std::max(depth, 0.1 * def.flood_depth_100yr_m);
      flood.value[c] = static_cast<float>(std::max(0.0, depth));
    }
    // Elevation (illustrative): rising away from the river in river tracts,
    // and with distance from employment elsewhere.
    grid.elevation_m[c] =
        static_cast<float>(tr.bounds_river ? 5.0 + 3.0 * std::min(1.0, river_distance[c] / width)
                                           : 8.0 + 2.0 * (1.0 - grid.job_access[c]));
  });
  grid.hazards.push_back(std::move(flood));
  // The seed cell first, then the others in cell order: a tract with fewer
  // dwellings than cells has them at its centroid (and, on the river, in the
  // floodplain).
  layout.cells.resize(n_tracts);
  for (std::size_t t = 0; t < n_tracts; ++t) layout.cells[t].push_back(layout.seed[t]);
  for (CellId c = 0; c < cells; ++c) {
    if (residential[c] && !is_seed[c]) layout.cells[grid.neighbourhood[c]].push_back(c);
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

// A value drawn from the tract's bands: a band by its count, uniform inside
// it; the city's bands when the tract has none.
double draw_band_value(Rng& rng, const std::array<double, io::kValueBands>& bands) {
  double total = 0;
  for (double b : bands) total += b;
  double u = rng.uniform() * total;
  int band = io::kValueBands - 1;
  for (int k = 0; k < io::kValueBands; ++k) {
    if (u < bands[k]) {
      band = k;
      break;
    }
    u -= bands[k];
  }
  const double lo = io::kValueBandEdges[band], hi = io::kValueBandEdges[band + 1];
  return lo + (hi - lo) * rng.uniform();
}

using Keyed = std::pair<float, std::uint32_t>;

}  // namespace

double band_median_value(const io::Tract& tract) {
  if (tract.owner_units <= 0) return -1;
  const double half = tract.owner_units / 2;
  double below = 0;
  for (int k = 0; k < io::kValueBands; ++k) {
    const double n = tract.value_band_units[k];
    if (n > 0 && below + n >= half) {
      const double lo = io::kValueBandEdges[k], hi = io::kValueBandEdges[k + 1];
      return lo + (hi - lo) * (half - below) / n;
    }
    below += n;
  }
  return io::kValueBandEdges[io::kValueBands];
}

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

TractPlan plan_tracts(const ScenarioDef& s, const io::TractTable& table) {
  const TractsDef& def = s.city.tracts;
  const std::size_t n = table.tracts.size();
  std::vector<double> pop(n), units(n);
  double pop_sum = 0, units_sum = 0;
  for (std::size_t t = 0; t < n; ++t) {
    pop[t] = table.tracts[t].population;
    units[t] = table.tracts[t].owner_units;
    pop_sum += pop[t];
    units_sum += units[t];
  }
  TractPlan plan;
  const auto total = static_cast<std::int64_t>(
      std::llround(pop_sum * def.population_scale / def.persons_per_household));
  plan.households = largest_remainder(total, pop);
  // Owner-occupied units are a count of dwellings: scaled by the sample share only.
  plan.owner_dwellings = largest_remainder(
      static_cast<std::int64_t>(std::llround(units_sum * def.population_scale)), units);
  plan.owners.resize(n);
  for (std::size_t t = 0; t < n; ++t) {
    // A tract with more owner units than households (Medfield's 4061 in the
    // Boston table: 1,874 units, 821 persons) keeps only as many owners as
    // households; the surplus units are not built.
    plan.owners[t] = std::min(plan.households[t], plan.owner_dwellings[t]);
    plan.owner_dwellings[t] =
        plan.owners[t] + static_cast<std::int64_t>(std::llround(
                             static_cast<double>(plan.owners[t]) * s.city.vacancy_rate));
  }
  return plan;
}

void check_tracts_fit(const ScenarioDef& s, const io::TractTable& table) {
  const auto& g = s.city.grid;
  const std::string file = s.city.tracts.file;
  const TractPositions pos = project_tracts(table, g);
  const double w = g.width_cells * g.cell_size_m, h = g.height_cells * g.cell_size_m;
  for (std::size_t t = 0; t < table.tracts.size(); ++t) {
    if (pos.x_m[t] < 0 || pos.y_m[t] < 0 || pos.x_m[t] >= w || pos.y_m[t] >= h) {
      const GridDef need = grid_for_tracts(table, g.cell_size_m, 0);
      throw InputError(
          file, {{"line " + std::to_string(table.tracts[t].line),
                  "tract " + table.tracts[t].id +
                      " lies outside the city grid: the tracts need at least " +
                      std::to_string(need.width_cells) + " x " + std::to_string(need.height_cells) +
                      " cells of " + std::to_string(static_cast<int>(g.cell_size_m)) +
                      " m (city.grid); hearth import-tracts sizes the grid"}});
    }
  }
  std::int64_t households = 0;
  for (std::int64_t n : plan_tracts(s, table).households) households += n;
  if (households < 1) {
    throw InputError(file, {{"", "population_scale / persons_per_household leave no household"}});
  }
  if (households > kMaxHouseholds) {
    throw InputError(file, {{"", std::to_string(households) +
                                     " households: more than the 20 million a city may hold; "
                                     "lower city.tracts.population_scale"}});
  }
  if (table.tracts.size() >
      static_cast<std::size_t>(g.width_cells) * static_cast<std::size_t>(g.height_cells)) {
    throw InputError(file, {{"", "more tracts than grid cells; use smaller cells"}});
  }
}

World generate_tract_city(const ScenarioDef& s, const io::TractTable& table) {
  check_tracts_fit(s, table);
  const TractsDef& def = s.city.tracts;
  const std::size_t n_tracts = table.tracts.size();
  World world;
  const TractPositions pos = project_tracts(table, s.city.grid);
  const Layout layout = build_grid(s, table, pos, world);
  Grid& grid = world.grid;

  // Households and dwellings per tract and tenure. Owners come from the
  // owner-occupied units; the other households split into private renters,
  // social renters and informal dwellers in the scenario's proportions.
  const TractPlan plan = plan_tracts(s, table);
  const auto& shares = s.city.tenure;
  const double rest = shares.private_renter + shares.social_renter + shares.informal;
  const std::vector<double> rest_shares =
      rest > 0 ? std::vector<double>{shares.private_renter / rest, shares.social_renter / rest,
                                     shares.informal / rest}
               : std::vector<double>{1.0, 0.0, 0.0};
  std::vector<std::array<std::int64_t, kTenureCount>> households(n_tracts), dwellings(n_tracts);
  for (std::size_t t = 0; t < n_tracts; ++t) {
    auto& h = households[t];
    auto& d = dwellings[t];
    h[static_cast<int>(Tenure::OwnerOccupied)] = plan.owners[t];
    const auto others = largest_remainder(plan.households[t] - plan.owners[t], rest_shares);
    h[static_cast<int>(Tenure::PrivateRental)] = others[0];
    h[static_cast<int>(Tenure::SocialRental)] = others[1];
    h[static_cast<int>(Tenure::Informal)] = others[2];
    d[static_cast<int>(Tenure::OwnerOccupied)] = plan.owner_dwellings[t];
    for (Tenure k : {Tenure::PrivateRental, Tenure::SocialRental}) {
      const auto i = static_cast<int>(k);
      d[i] = h[i] + static_cast<std::int64_t>(
                        std::llround(static_cast<double>(h[i]) * s.city.vacancy_rate));
    }
    d[static_cast<int>(Tenure::Informal)] = h[static_cast<int>(Tenure::Informal)];
  }

  // Dwellings spread evenly over each tract's residential cells; ids run cell
  // by cell (tenures in order within a cell).
  const std::size_t cells = grid.cell_count();
  std::vector<std::array<std::uint32_t, kTenureCount>> per_cell(cells, {0, 0, 0, 0});
  for (std::size_t t = 0; t < n_tracts; ++t) {
    const auto& tract_cells = layout.cells[t];
    const std::vector<double> even(tract_cells.size(), 1.0);
    for (int k = 0; k < kTenureCount; ++k) {
      const auto counts = largest_remainder(dwellings[t][k], even);
      for (std::size_t j = 0; j < tract_cells.size(); ++j) {
        per_cell[tract_cells[j]][k] = static_cast<std::uint32_t>(counts[j]);
      }
    }
  }
  std::vector<std::uint64_t> offset(cells + 1, 0);
  for (CellId c = 0; c < cells; ++c) {
    std::uint64_t in_cell = 0;
    for (int k = 0; k < kTenureCount; ++k) in_cell += per_cell[c][k];
    offset[c + 1] = offset[c] + in_cell;
    // As in the synthetic city: builders may add a quarter again.
    grid.zoning_capacity[c] =
        grid.land_use[c] == LandUse::Residential
            ? static_cast<std::uint32_t>(std::ceil(static_cast<double>(in_cell) * 1.25)) + 2
            : 0;
  }
  create_dwellings(world, offset, [&](std::size_t c, int t) { return per_cell[c][t]; });
  Dwellings& dw = world.dwellings;

  // City-wide value bands, for tracts without owner-occupied units.
  std::array<double, io::kValueBands> city_bands{};
  for (const auto& t : table.tracts) {
    for (int k = 0; k < io::kValueBands; ++k) city_bands[k] += t.value_band_units[k];
  }
  bool any_band = false;
  for (double b : city_bands) any_band |= b > 0;
  if (!any_band) city_bands.fill(1.0);

  const double monthly_yield = s.city.gross_rent_yield_per_year / 12.0;
  parallel::for_each_index(dw.count(), [&](std::size_t i) {
    Rng rng(s.seed, s.replicate, 0, RngStream::CityDwellings, static_cast<std::uint32_t>(i));
    const CellId c = dw.cell[i];
    const io::Tract& tr = table.tracts[grid.neighbourhood[c]];
    const Tenure k = dw.tenure[i];
    const double mean_rooms = tr.rooms > 0 ? tr.rooms : 6.0;
    const double old_share = tr.built_pre1940_percent >= 0 ? tr.built_pre1940_percent / 100 : 0.25;
    const auto& bands = tr.owner_units > 0 ? tr.value_band_units : city_bands;
    const double drawn = draw_band_value(rng, bands) * def.value_scale;
    if (k == Tenure::Informal) {
      dw.structure[i] = StructureClass::InformalMakeshift;
      dw.rooms[i] = static_cast<std::uint8_t>(1 + rng.below(2));
      dw.quality[i] = static_cast<float>(std::clamp(0.15 + 0.05 * rng.normal(), 0.02, 0.35));
      dw.record_intact[i] = 0;
      dw.value[i] = static_cast<float>(0.1 * drawn);
      rents::set_rent(world, static_cast<DwellingId>(i),
                      static_cast<float>(s.city.informal_rent_per_month *
                                         (0.7 + 0.6 * rng.uniform())));
      dw.owner_kind[i] = OwnerKind::None;
      return;
    }
    // Stock built before 1940 (AGE) is taken as unreinforced masonry; the
    // rest two thirds reinforced-concrete frame, one third to current code.
    const double u = rng.uniform();
    dw.structure[i] = u < old_share ? StructureClass::UnreinforcedMasonry
                      : u < old_share + (1 - old_share) * 2 / 3
                          ? StructureClass::ReinforcedConcreteFrame
                          : StructureClass::CodeCompliant;
    // RM is the mean rooms of owner units; rented units have about 1.5 fewer.
    const double rooms =
        k == Tenure::OwnerOccupied ? mean_rooms + rng.normal() : mean_rooms - 1.5 + rng.normal();
    dw.rooms[i] = static_cast<std::uint8_t>(std::clamp(std::lround(rooms), 1L, 12L));
    dw.quality[i] = static_cast<float>(std::clamp(
        0.3 + 0.4 * grid.services(c) - 0.1 * (old_share - 0.5) + 0.15 * rng.normal(), 0.05, 1.0));
    // Owner units take their value from the bands; rented units the same,
    // adjusted for their fewer rooms with the market's hedonic coefficient.
    dw.value[i] = static_cast<float>(
        k == Tenure::OwnerOccupied
            ? drawn
            : drawn * std::exp(s.market.hedonic_rooms * (dw.rooms[i] - mean_rooms)));
    rents::set_rent(world, static_cast<DwellingId>(i),
                    k == Tenure::SocialRental ? 0.0f
                                              : static_cast<float>(dw.value[i] * monthly_yield));
    dw.owner_kind[i] = k == Tenure::OwnerOccupied   ? OwnerKind::None  // for sale until matched
                       : k == Tenure::PrivateRental ? OwnerKind::PrivateLandlord
                                                    : OwnerKind::Public;
  });

  // Households: ids run tract by tract. Income: lognormal around the tract's
  // median, which is its median value / value_to_income_ratio, shifted by its
  // lower-status share against the city's median.
  std::vector<std::int64_t> first(n_tracts + 1, 0);
  for (std::size_t t = 0; t < n_tracts; ++t) first[t + 1] = first[t] + plan.households[t];
  Households& hh = world.households;
  hh.resize(static_cast<std::size_t>(first[n_tracts]));
  std::vector<std::uint32_t> tract_of(hh.count());
  for (std::size_t t = 0; t < n_tracts; ++t) {
    std::fill(tract_of.begin() + first[t], tract_of.begin() + first[t + 1],
              static_cast<std::uint32_t>(t));
  }
  const double lstat_median = median_lower_status(table);
  std::vector<double> tract_median_income(n_tracts), tract_value(n_tracts), known;
  for (std::size_t t = 0; t < n_tracts; ++t) {
    const io::Tract& tr = table.tracts[t];
    tract_value[t] =
        tr.median_value_thousands >= 0 ? tr.median_value_thousands * 1000 : band_median_value(tr);
    if (tract_value[t] > 0) known.push_back(tract_value[t]);
  }
  // A tract with neither CMEDV nor owner units takes the median over tracts
  // (the lower middle one; the middle of the value bands if none is known).
  std::sort(known.begin(), known.end());
  const double typical_value =
      known.empty() ? 0.5 * (io::kValueBandEdges.front() + io::kValueBandEdges.back())
                    : known[(known.size() - 1) / 2];
  for (std::size_t t = 0; t < n_tracts; ++t) {
    const io::Tract& tr = table.tracts[t];
    const double value = tract_value[t] > 0 ? tract_value[t] : typical_value;
    const double lstat = tr.lower_status_percent >= 0 ? tr.lower_status_percent : lstat_median;
    tract_median_income[t] =
        value * def.value_scale / def.value_to_income_ratio / 12.0 *
        std::exp(def.income_lower_status_coefficient * (lstat_median - lstat) / 100.0);
  }
  const auto& groups = s.city.groups;
  parallel::for_each_index(hh.count(), [&](std::size_t i) {
    Rng rng(s.seed, s.replicate, 0, RngStream::CityHouseholds, static_cast<std::uint32_t>(i));
    const double drawn = std::exp(def.income_sigma_log * rng.normal());
    draw_demographics(rng, s.city.household_size_shares, groups, groups.origin_shares, hh,
                      static_cast<HouseholdId>(i));
    const double origin_ratio[] = {
        groups.origin_income_ratio.resident, groups.origin_income_ratio.rural_migrant,
        groups.origin_income_ratio.internally_displaced, groups.origin_income_ratio.refugee};
    const double relative =
        drawn * (hh.female_headed[i] ? groups.female_headed_income_ratio : 1.0) *
        (hh.head_age[i] == HeadAgeBand::Over65 ? groups.elderly_head_income_ratio : 1.0) *
        (hh.disability[i] ? groups.disability_income_ratio : 1.0) *
        origin_ratio[static_cast<int>(hh.origin[i])];
    hh.base_income_per_month[i] = static_cast<float>(relative);
    hh.savings[i] = static_cast<float>(s.economy.initial_savings_months_of_income * relative *
                                       std::exp(0.8 * rng.normal() - 0.32));
  });
  // The group ratios move the median of the relative draws: divide it out so
  // each tract's median is its own.
  std::vector<float> relative(hh.base_income_per_month);
  const double group_median = [&] {
    if (relative.empty()) return 1.0;
    auto mid = relative.begin() + static_cast<std::ptrdiff_t>(relative.size() / 2);
    std::nth_element(relative.begin(), mid, relative.end());
    return static_cast<double>(*mid);
  }();
  parallel::for_each_index(hh.count(), [&](std::size_t i) {
    const double scale = tract_median_income[tract_of[i]] / group_median;
    hh.base_income_per_month[i] = static_cast<float>(hh.base_income_per_month[i] * scale);
    hh.income_per_month[i] = hh.base_income_per_month[i];
    hh.income_log_deviation[i] = 0.0f;
    hh.savings[i] = static_cast<float>(hh.savings[i] * scale);
  });

  // Within each tract: households ranked by noisy income into tenures
  // (informal, social, private, owners from the bottom up, as in the
  // synthetic city), then matched to the tract's dwellings of their tenure
  // by noisy value rank with vacancies spread over the range. Tracts own
  // disjoint households and dwellings, so they run in parallel.
  std::vector<std::vector<DwellingId>> tract_dwellings(n_tracts);
  for (DwellingId d = 0; d < dw.count(); ++d)
    tract_dwellings[grid.neighbourhood[dw.cell[d]]].push_back(d);
  const double monthly_owner_cost = s.economy.owner_cost_rate_per_year / 12.0;
  parallel::for_each_index(
      n_tracts,
      [&](std::size_t t) {
        std::vector<Keyed> by_income;
        by_income.reserve(static_cast<std::size_t>(plan.households[t]));
        for (std::int64_t i = first[t]; i < first[t + 1]; ++i) {
          const auto h = static_cast<std::uint32_t>(i);
          Rng rng(s.seed, s.replicate, 0, RngStream::CityTenureSort, h);
          by_income.push_back({static_cast<float>(std::log(hh.base_income_per_month[h]) +
                                                  shares.sorting_noise_log * rng.normal()),
                               h});
        }
        std::sort(by_income.begin(), by_income.end());
        const Tenure ladder[] = {Tenure::Informal, Tenure::SocialRental, Tenure::PrivateRental,
                                 Tenure::OwnerOccupied};
        std::array<std::vector<Keyed>, kTenureCount> tenure_households, tenure_dwellings;
        std::size_t next = 0;
        for (Tenure k : ladder) {
          auto& bucket = tenure_households[static_cast<int>(k)];
          for (std::int64_t j = 0; j < households[t][static_cast<int>(k)]; ++j, ++next) {
            const std::uint32_t h = by_income[next].second;
            Rng rng(s.seed, s.replicate, 0, RngStream::CityMatching, h);
            bucket.push_back(
                {static_cast<float>(std::log(hh.base_income_per_month[h]) + 0.3 * rng.normal()),
                 h});
          }
          std::sort(bucket.begin(), bucket.end());
        }
        for (DwellingId d : tract_dwellings[t]) {
          Rng rng(s.seed, s.replicate, 1, RngStream::CityMatching, d);
          tenure_dwellings[static_cast<int>(dw.tenure[d])].push_back(
              {static_cast<float>(std::log(std::max(1.0f, dw.value[d])) + 0.3 * rng.normal()), d});
        }
        for (int k = 0; k < kTenureCount; ++k) {
          auto& ds = tenure_dwellings[k];
          std::sort(ds.begin(), ds.end());
          const auto& hs = tenure_households[k];
          const std::size_t n_h = hs.size(), n_d = ds.size();
          for (std::size_t r = 0; r < n_h && n_d > 0; ++r) {
            const std::uint32_t h = hs[r].second;
            const DwellingId d = ds[std::min(n_d - 1, r * n_d / n_h)].second;
            tenancy::settle_at_start(s, world, h, d, static_cast<Tenure>(k), monthly_owner_cost);
            hh.anchor_cell[h] = dw.cell[d];
          }
        }
      },
      1);

  world.initial_households = static_cast<std::int64_t>(hh.count());
  world.tick = 0;
  return world;
}

World generate_tract_city(const ScenarioDef& s) {
  return generate_tract_city(s, io::read_tracts(s.city.tracts.file));
}

std::vector<TractFitRow> tract_fit(const ScenarioDef& s, const io::TractTable& table,
                                   const World& world) {
  const TractsDef& def = s.city.tracts;
  const std::size_t n = table.tracts.size();
  std::vector<TractFitRow> rows(n);
  std::vector<std::vector<float>> values(n), incomes(n);
  std::vector<std::int64_t> dwellings(n, 0), flooded(n, 0);
  const Households& hh = world.households;
  const Dwellings& dw = world.dwellings;
  const Grid& grid = world.grid;
  const int layer = grid.hazard_index(kFloodDepth100yrLayer);
  for (DwellingId d = 0; d < dw.count(); ++d) {
    const std::size_t t = grid.neighbourhood[dw.cell[d]];
    ++dwellings[t];
    if (layer >= 0 && grid.hazards[layer].value[dw.cell[d]] > 0) ++flooded[t];
    const HouseholdId h = dw.occupant[d];
    if (h == kNone) continue;
    TractFitRow& row = rows[t];
    row.households += 1;
    row.population += hh.size[h];
    incomes[t].push_back(hh.income_per_month[h]);
    if (dw.tenure[d] == Tenure::OwnerOccupied) {
      row.owner_units += 1;
      values[t].push_back(static_cast<float>(dw.value[d] / def.value_scale));
    }
  }
  auto median = [](std::vector<float>& v) -> double {
    if (v.empty()) return -1;
    std::sort(v.begin(), v.end());
    const std::size_t m = v.size() / 2;
    return v.size() % 2 ? v[m] : 0.5 * (static_cast<double>(v[m - 1]) + v[m]);
  };
  for (std::size_t t = 0; t < n; ++t) {
    const io::Tract& tr = table.tracts[t];
    TractFitRow& row = rows[t];
    row.id = tr.id;
    row.town = tr.town;
    row.target_population = tr.population * def.population_scale;
    row.target_households = row.target_population / def.persons_per_household;
    row.target_owner_units = std::min(tr.owner_units * def.population_scale, row.target_households);
    row.median_value_cmedv = tr.median_value_thousands >= 0 ? tr.median_value_thousands * 1000 : -1;
    row.median_value_bands = band_median_value(tr);
    row.median_value = median(values[t]);
    row.median_income_per_month = median(incomes[t]);
    row.bounds_river = tr.bounds_river;
    row.flooded_share = dwellings[t] ? static_cast<double>(flooded[t]) / dwellings[t] : 0;
  }
  return rows;
}

}  // namespace hearth
