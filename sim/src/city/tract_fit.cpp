#include "city/tract_fit.hpp"

#include <algorithm>
#include <cstdint>

#include "city/tract_plan.hpp"
#include "city/tract_projection.hpp"
#include "hearth/errors.hpp"
#include "state/city_generator.hpp"

namespace hearth {
namespace {

constexpr std::int64_t kMaxHouseholds = 20000000;  // the schema's bound on city.households

}  // namespace

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
