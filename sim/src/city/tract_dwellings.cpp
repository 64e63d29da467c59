#include "city/tract_population.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include "parallel/parallel.hpp"
#include "parallel/rng.hpp"
#include "state/city_generator.hpp"
#include "state/rents.hpp"

namespace hearth {
namespace {

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

// Dwellings spread evenly over each tract's residential cells; ids run cell
// by cell (tenures in order within a cell).
void place_dwellings(const TractLayout& layout, const TractTenures& tenures, World& world) {
  Grid& grid = world.grid;
  const std::size_t n_tracts = layout.cells.size();
  const auto& dwellings = tenures.dwellings;
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
}

// City-wide value bands, for tracts without owner-occupied units.
std::array<double, io::kValueBands> city_value_bands(const io::TractTable& table) {
  std::array<double, io::kValueBands> city_bands{};
  for (const auto& t : table.tracts) {
    for (int k = 0; k < io::kValueBands; ++k) city_bands[k] += t.value_band_units[k];
  }
  bool any_band = false;
  for (double b : city_bands) any_band |= b > 0;
  if (!any_band) city_bands.fill(1.0);
  return city_bands;
}

void draw_dwelling_attributes(const ScenarioDef& s, const io::TractTable& table, World& world) {
  const TractsDef& def = s.city.tracts;
  const Grid& grid = world.grid;
  Dwellings& dw = world.dwellings;
  const std::array<double, io::kValueBands> city_bands = city_value_bands(table);
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
      rents::set_rent(
          world, static_cast<DwellingId>(i),
          static_cast<float>(s.city.informal_rent_per_month * (0.7 + 0.6 * rng.uniform())));
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
    rents::set_rent(
        world, static_cast<DwellingId>(i),
        k == Tenure::SocialRental ? 0.0f : static_cast<float>(dw.value[i] * monthly_yield));
    dw.owner_kind[i] = k == Tenure::OwnerOccupied   ? OwnerKind::None  // for sale until matched
                       : k == Tenure::PrivateRental ? OwnerKind::PrivateLandlord
                                                    : OwnerKind::Public;
  });
}

}  // namespace

void build_tract_dwellings(const ScenarioDef& s, const io::TractTable& table,
                           const TractLayout& layout, const TractTenures& tenures, World& world) {
  place_dwellings(layout, tenures, world);
  draw_dwelling_attributes(s, table, world);
}

}  // namespace hearth
