// Shared housing-market bookkeeping (see market_model.hpp).
// Initialisation reads the generated dwellings and writes the market state,
// Dwellings::hedonic and ::submarket, Households::anchor_cell and
// Grid::zoning_capacity (upzoning). vacate/occupy/append_dwelling are serial
// commits that keep the household <-> dwelling links in agreement.
#include "housing/market_model.hpp"
#include "state/rents.hpp"

#include <algorithm>

namespace hearth::market {
namespace {

double median_in_place(std::vector<float>& v) {
  auto mid = v.begin() + static_cast<std::ptrdiff_t>(v.size() / 2);
  std::nth_element(v.begin(), mid, v.end());
  return *mid;
}

// Median of ratio per submarket; submarkets with none take the median of
// their band city-wide, then of the whole city.
std::vector<float> index_from(const World& world, std::size_t submarkets, std::int32_t bands,
                              const std::vector<std::pair<std::uint32_t, float>>& samples) {
  std::vector<std::vector<float>> per(submarkets), per_band(static_cast<std::size_t>(bands));
  std::vector<float> all;
  for (const auto& [s, v] : samples) {
    per[s].push_back(v);
    per_band[s % static_cast<std::uint32_t>(bands)].push_back(v);
    all.push_back(v);
  }
  (void)world;
  const float city = all.empty() ? 1.0f : static_cast<float>(median_in_place(all));
  std::vector<float> band_median(per_band.size(), city);
  for (std::size_t b = 0; b < per_band.size(); ++b) {
    if (!per_band[b].empty()) band_median[b] = static_cast<float>(median_in_place(per_band[b]));
  }
  std::vector<float> index(submarkets);
  for (std::size_t s = 0; s < submarkets; ++s) {
    // Fewer than 5 observations: too noisy for a submarket of its own.
    index[s] = per[s].size() >= 5 ? static_cast<float>(median_in_place(per[s]))
                                  : band_median[s % static_cast<std::size_t>(bands)];
  }
  return index;
}

double mean_price_index(const MarketState& state) {
  double sum = 0;
  for (const float p : state.price_index) sum += p;
  return sum / static_cast<double>(std::max<std::size_t>(1, state.price_index.size()));
}

// The investors' opening balance sheet, in proportion to the value of the
// private-rental stock they own at the start.
void open_investor_balance(const MarketDef& m, World& world) {
  const Dwellings& dw = world.dwellings;
  double rental_value = 0;
  for (DwellingId d = 0; d < dw.count(); ++d) {
    if (dw.tenure[d] == Tenure::PrivateRental) rental_value += dw.value[d];
  }
  world.market.investor_balance = {m.investor_initial_equity_share_of_rental_value * rental_value,
                                   m.investor_initial_debt_share_of_rental_value * rental_value};
}

}  // namespace

float median_income_in_city(const Households& hh) {
  std::vector<float> incomes;
  incomes.reserve(hh.count());
  for (std::size_t i = 0; i < hh.count(); ++i) {
    if (is_in_city(hh.status[i])) incomes.push_back(hh.income_per_month[i]);
  }
  return incomes.empty() ? 0.0f : static_cast<float>(median_in_place(incomes));
}

double expected_appreciation(const MarketDef& m, const MarketState& state) {
  const std::size_t window = static_cast<std::size_t>(m.expectation_window_months);
  const std::vector<float>& record = state.price_index_history;
  if (record.size() < window + 1 || record[record.size() - 1 - window] <= 0.0f) return 0;
  const double growth = static_cast<double>(record.back()) / record[record.size() - 1 - window];
  const double per_year = std::pow(growth, 12.0 / static_cast<double>(window)) - 1.0;
  const double cap = m.max_expected_appreciation_per_year;
  return std::clamp(m.expectation_factor * per_year, -cap, cap);
}

void record_price_index(const MarketDef& m, MarketState& state) {
  std::vector<float>& record = state.price_index_history;
  record.push_back(static_cast<float>(mean_price_index(state)));
  const std::size_t keep = static_cast<std::size_t>(m.expectation_window_months) + 1;
  if (record.size() > keep)
    record.erase(record.begin(), record.end() - static_cast<std::ptrdiff_t>(keep));
}

void refresh_dwelling(const ScenarioDef& scenario, World& world, DwellingId d) {
  Dwellings& dw = world.dwellings;
  const Grid& grid = world.grid;
  const CellId c = dw.cell[d];
  const std::int32_t bands = world.market.bands;
  dw.hedonic[d] =
      hedonic_factor(scenario.market, grid, dw.quality[d], dw.rooms[d], c, flood_depth(grid, c));
  dw.submarket[d] =
      static_cast<std::uint32_t>(grid.neighbourhood[c]) * static_cast<std::uint32_t>(bands) +
      band_of(dw.quality[d], bands);
}

void recount_stock(World& world) {
  MarketState& state = world.market;
  const Dwellings& dw = world.dwellings;
  state.rental_stock.assign(state.rent_index.size(), 0);
  state.sale_stock.assign(state.rent_index.size(), 0);
  for (DwellingId d = 0; d < dw.count(); ++d) {
    // Under construction (damaged dwellings under repair stay in the stock).
    if (dw.work_remaining_months[d] > 0 && dw.damage[d] == DamageState::None) continue;
    if (dw.tenure[d] == Tenure::PrivateRental)
      ++state.rental_stock[dw.submarket[d]];
    else if (dw.tenure[d] == Tenure::OwnerOccupied)
      ++state.sale_stock[dw.submarket[d]];
  }
}

void count_built(World& world, DwellingId d) {
  const Dwellings& dw = world.dwellings;
  if (dw.tenure[d] == Tenure::PrivateRental)
    ++world.market.rental_stock[dw.submarket[d]];
  else if (dw.tenure[d] == Tenure::OwnerOccupied)
    ++world.market.sale_stock[dw.submarket[d]];
}

void ensure_initialised(const ScenarioDef& scenario, World& world) {
  MarketState& state = world.market;
  if (state.initialised) return;
  const MarketDef& m = scenario.market;
  Grid& grid = world.grid;
  Dwellings& dw = world.dwellings;
  Households& hh = world.households;
  state.bands = m.quality_bands;
  const std::size_t submarkets =
      static_cast<std::size_t>(grid.neighbourhood_count) * static_cast<std::size_t>(state.bands);

  if (m.upzoning_factor != 1.0) {
    for (CellId c = 0; c < grid.cell_count(); ++c) {
      if (grid.land_use[c] == LandUse::Residential || grid.land_use[c] == LandUse::Jobs) {
        grid.zoning_capacity[c] =
            static_cast<std::uint32_t>(std::ceil(grid.zoning_capacity[c] * m.upzoning_factor));
      }
    }
  }
  state.dwellings_in_cell.assign(grid.cell_count(), 0);
  for (DwellingId d = 0; d < dw.count(); ++d) {
    ++state.dwellings_in_cell[dw.cell[d]];
    if (dw.work_remaining_months[d] > 0 && dw.occupant[d] == kNone)
      state.under_construction.push_back(d);
  }
  parallel::for_each_index(dw.count(), [&](std::size_t d) {
    refresh_dwelling(scenario, world, static_cast<DwellingId>(d));
  });
  parallel::for_each_index(hh.count(), [&](std::size_t h) {
    // A guest (a household that starts doubled up, 7.4) lives in its host's home.
    const HouseholdId host = hh.host[h];
    const DwellingId home = hh.dwelling[h] != kNone                   ? hh.dwelling[h]
                            : is_guest(hh.status[h]) && host != kNone ? hh.dwelling[host]
                                                                      : kNone;
    hh.anchor_cell[h] =
        home != kNone ? dw.cell[home] : (grid.relocation_site != kNone ? grid.relocation_site : 0);
  });

  // Indices: what the generated stock implies per hedonic unit.
  std::vector<std::pair<std::uint32_t, float>> rents, prices;
  for (DwellingId d = 0; d < dw.count(); ++d) {
    const Tenure t = dw.tenure[d];
    if (t == Tenure::Informal || t == Tenure::SocialRental) continue;
    prices.push_back({dw.submarket[d], dw.value[d] / dw.hedonic[d]});
    if (t == Tenure::PrivateRental && dw.rent_per_month[d] > 0) {
      rents.push_back({dw.submarket[d], dw.rent_per_month[d] / dw.hedonic[d]});
    }
  }
  state.price_index = index_from(world, submarkets, state.bands, prices);
  state.rent_index = index_from(world, submarkets, state.bands, rents);
  if (rents.empty()) {
    // No private rentals generated: rents follow prices at the scenario's yield.
    for (std::size_t s = 0; s < submarkets; ++s) {
      state.rent_index[s] =
          static_cast<float>(state.price_index[s] * scenario.city.gross_rent_yield_per_year / 12.0);
    }
  }
  state.rental_vacancy.assign(submarkets, static_cast<float>(m.natural_vacancy_rate));
  state.sale_vacancy.assign(submarkets, static_cast<float>(m.natural_owner_vacancy_rate));
  double rent_sum = 0, price_sum = 0;
  for (std::size_t s = 0; s < submarkets; ++s)
    rent_sum += state.rent_index[s], price_sum += state.price_index[s];
  state.initial_mean_rent_index =
      static_cast<float>(rent_sum / std::max<std::size_t>(1, submarkets));
  state.initial_mean_price_index =
      static_cast<float>(price_sum / std::max<std::size_t>(1, submarkets));
  recount_stock(world);
  state.price_index_history = {static_cast<float>(mean_price_index(state))};
  open_investor_balance(m, world);
  state.reference_median_income = {median_income_in_city(hh)};
  state.initialised = true;
}

DwellingId append_dwelling(const ScenarioDef& scenario, World& world, CellId cell, Tenure tenure,
                           float quality, std::uint8_t rooms, float work_months) {
  Dwellings& dw = world.dwellings;
  const auto d = static_cast<DwellingId>(dw.count());
  dw.resize(dw.count() + 1);
  dw.cell[d] = cell;
  dw.tenure[d] = tenure;
  dw.structure[d] = tenure == Tenure::Informal ? StructureClass::InformalMakeshift
                                               : StructureClass::CodeCompliant;
  dw.rooms[d] = rooms;
  dw.quality[d] = quality;
  dw.work_remaining_months[d] = work_months;
  dw.owner_kind[d] = tenure == Tenure::PrivateRental  ? OwnerKind::PrivateLandlord
                     : tenure == Tenure::SocialRental ? OwnerKind::Public
                                                      : OwnerKind::None;
  dw.record_intact[d] = tenure == Tenure::Informal ? 0 : 1;
  refresh_dwelling(scenario, world, d);
  const MarketState& state = world.market;
  dw.value[d] = state.price_index[dw.submarket[d]] * dw.hedonic[d];
  if (tenure == Tenure::Informal) dw.value[d] *= 0.1f;  // no title, as the generator does
  rents::set_rent(world, d,
                  tenure == Tenure::PrivateRental ? rents::market_rent(state, dw, d)
                  : tenure == Tenure::Informal
                      ? static_cast<float>(scenario.city.informal_rent_per_month)
                      : 0.0f);
  ++world.market.dwellings_in_cell[cell];
  if (work_months > 0)
    world.market.under_construction.push_back(d);
  else
    count_built(world, d);
  return d;
}

}  // namespace hearth::market
