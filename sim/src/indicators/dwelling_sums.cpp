// The pass over the dwellings of the indicators phase, and the medians of
// occupied homes (dwelling_sums.hpp).
#include "indicators/dwelling_sums.hpp"

#include <algorithm>

#include "parallel/parallel.hpp"
#include "state/dwellings.hpp"

namespace hearth {
namespace {

void add(DwellingSums& a, const DwellingSums& b) {
  a.formal += b.formal, a.vacant += b.vacant, a.building += b.building;
  a.months_on_market += b.months_on_market;
  a.rentals_let += b.rentals_let, a.rentals_for_rent += b.rentals_for_rent;
  a.owned_occupied += b.owned_occupied, a.owned_for_sale += b.owned_for_sale;
  for (int k = 0; k < 5; ++k) a.damage[k] += b.damage[k];
  a.awaiting_repair += b.awaiting_repair;
  for (int k = 0; k < kRecoveryStageCount; ++k) a.recovery_stage[k] += b.recovery_stage[k];
  a.backlog += b.backlog;
  for (std::size_t n = 0; n < a.by_neighbourhood.size(); ++n) {
    NeighbourhoodSums& x = a.by_neighbourhood[n];
    const NeighbourhoodSums& y = b.by_neighbourhood[n];
    x.q1 += y.q1, x.q5 += y.q5, x.households += y.households, x.dwellings += y.dwellings;
    x.vacant += y.vacant, x.rentals += y.rentals, x.burdened += y.burdened;
    x.income += y.income, x.rent += y.rent;
    x.damaged += y.damaged, x.uninhabitable += y.uninhabitable;
  }
}

// Dwelling d of the formal stock in the HVS counts (DwellingSums).
void count_hvs_stock(const Dwellings& dw, DwellingId d, DwellingSums& p) {
  const bool occupied = dw.occupant[d] != kNone;
  const bool habitable = dw.damage[d] < DamageState::Extensive;
  if (dw.tenure[d] == Tenure::PrivateRental) {
    p.rentals_let += occupied;
    p.rentals_for_rent += !occupied && habitable && dw.grant_tenant[d] == kNone;
  } else if (dw.tenure[d] == Tenure::OwnerOccupied) {
    p.owned_occupied += occupied;
    // Listed for sale: no household owns it (a seller's home is sold when
    // it moves out; a new home has no owner until bought).
    p.owned_for_sale += !occupied && habitable && dw.owner_household[d] == kNone;
  }
}

// The dwellings [begin, end): the loop body of the pass.
void sum_chunk(const World& world, const IncomeQuintiles& quintiles, std::size_t begin,
               std::size_t end, DwellingSums& p) {
  const Dwellings& dw = world.dwellings;
  const Households& hh = world.households;
  const Grid& grid = world.grid;
  for (std::size_t d = begin; d < end; ++d) {
    const Tenure tenure = dw.tenure[d];
    const HouseholdId h = dw.occupant[d];
    NeighbourhoodSums& nb = p.by_neighbourhood[grid.neighbourhood[dw.cell[d]]];
    const DamageState damage = dw.damage[d];
    ++p.damage[static_cast<int>(damage)];
    if (damage != DamageState::None) {
      ++nb.damaged;
      nb.uninhabitable += damage >= DamageState::Extensive;
      p.backlog += dw.work_remaining_months[d];
      p.awaiting_repair += dw.repair_funded[d] == 0;
      ++p.recovery_stage[static_cast<int>(dw.recovery_stage[d])];
    }
    if (tenure != Tenure::Informal) {
      // Dwellings still being built are neither stock nor vacancies yet
      // (damaged ones under repair are stock, vacant or not).
      if (dw.work_remaining_months[d] > 0 && h == kNone && damage == DamageState::None) {
        if (bought_out(dw, static_cast<DwellingId>(d))) continue;  // demolished
        ++p.building;
        continue;
      }
      ++p.formal;
      if (h == kNone) ++p.vacant, p.months_on_market += dw.months_on_market[d];
      count_hvs_stock(dw, static_cast<DwellingId>(d), p);
    }
    ++nb.dwellings;
    nb.vacant += h == kNone;
    if (h == kNone) continue;
    const float income = hh.income_per_month[h];
    if (tenure == Tenure::PrivateRental) {
      nb.rent += dw.rent_per_month[d];
      ++nb.rentals;
    }
    const int q = quintiles.quintile_of(income);
    nb.q1 += q == 0;
    nb.q5 += q == 4;
    ++nb.households;
    nb.income += income;
    nb.burdened += hh.housing_cost_per_month[h] - hh.housing_subsidy_per_month[h] >
                   0.3f * std::max(income, 1.0f);
  }
}

double median_of(std::vector<float>& values) {
  if (values.empty()) return kNaN;
  auto mid = values.begin() + static_cast<std::ptrdiff_t>(values.size() / 2);
  std::nth_element(values.begin(), mid, values.end());
  return *mid;
}

}  // namespace

DwellingSums sum_dwellings(const World& world, const IncomeQuintiles& quintiles) {
  // Chunks grow with the neighbourhood count so that the per-chunk
  // neighbourhood tables stay small.
  const auto n_neighbourhoods = static_cast<std::size_t>(world.grid.neighbourhood_count);
  DwellingSums none;
  none.by_neighbourhood.resize(n_neighbourhoods);
  const std::size_t chunk = std::max<std::size_t>(16384, 8 * n_neighbourhoods);
  return parallel::reduce(
      world.dwellings.count(), none,
      [&](std::size_t begin, std::size_t end) {
        DwellingSums p = none;
        sum_chunk(world, quintiles, begin, end, p);
        return p;
      },
      [](DwellingSums& a, const DwellingSums& b) { add(a, b); }, chunk);
}

DwellingMedians dwelling_medians(const World& world) {
  const Dwellings& dw = world.dwellings;
  const Households& hh = world.households;
  // Gathered apart from the sums so that each is one vector of exact size
  // (docs/PERFORMANCE.md, memory); medians do not depend on the order.
  auto occupied = [&](std::size_t d, Tenure tenure) {
    return dw.occupant[d] != kNone && dw.tenure[d] == tenure;
  };
  auto rental = [&](std::size_t d) { return occupied(d, Tenure::PrivateRental); };
  std::vector<float> rents =
      parallel::gather(dw.count(), rental, [&](std::size_t d) { return dw.rent_per_month[d]; });
  std::vector<float> rent_ratios = parallel::gather(dw.count(), rental, [&](std::size_t d) {
    return dw.rent_per_month[d] / std::max(hh.income_per_month[dw.occupant[d]], 1.0f);
  });
  std::vector<float> prices = parallel::gather(
      dw.count(), [&](std::size_t d) { return occupied(d, Tenure::OwnerOccupied); },
      [&](std::size_t d) { return dw.value[d]; });
  // Three independent selections, at the same time.
  DwellingMedians medians;
  parallel::invoke([&] { medians.price = median_of(prices); },
                   [&] { medians.rent = median_of(rents); },
                   [&] { medians.rent_to_income = median_of(rent_ratios); });
  return medians;
}

}  // namespace hearth
