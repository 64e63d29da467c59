#include "city/tract_population.hpp"

#include <algorithm>
#include <cmath>

#include "city/tenure_match.hpp"
#include "parallel/parallel.hpp"
#include "parallel/rng.hpp"
#include "state/demographics.hpp"
#include "state/tenancy.hpp"

namespace hearth {
namespace {

double median_lower_status(const io::TractTable& table) {
  std::vector<double> v;
  for (const auto& t : table.tracts) {
    if (t.lower_status_percent >= 0) v.push_back(t.lower_status_percent);
  }
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v.size() % 2 ? v[v.size() / 2] : 0.5 * (v[v.size() / 2 - 1] + v[v.size() / 2]);
}

// Each tract's median household income per month: lognormal draws are
// scaled to it. It is the tract's median value / value_to_income_ratio,
// shifted by its lower-status share against the city's median.
std::vector<double> tract_median_incomes(const ScenarioDef& s, const io::TractTable& table) {
  const TractsDef& def = s.city.tracts;
  const std::size_t n_tracts = table.tracts.size();
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
  return tract_median_income;
}

}  // namespace

std::vector<std::int64_t> draw_tract_households(const ScenarioDef& s, const io::TractTable& table,
                                                const TractPlan& plan, World& world) {
  const TractsDef& def = s.city.tracts;
  const std::size_t n_tracts = table.tracts.size();
  std::vector<std::int64_t> first(n_tracts + 1, 0);
  for (std::size_t t = 0; t < n_tracts; ++t) first[t + 1] = first[t] + plan.households[t];
  Households& hh = world.households;
  hh.resize(static_cast<std::size_t>(first[n_tracts]));
  std::vector<std::uint32_t> tract_of(hh.count());
  for (std::size_t t = 0; t < n_tracts; ++t) {
    std::fill(tract_of.begin() + first[t], tract_of.begin() + first[t + 1],
              static_cast<std::uint32_t>(t));
  }
  const std::vector<double> tract_median_income = tract_median_incomes(s, table);
  const HeadAgeTable ages = head_age_table(s);
  parallel::for_each_index(hh.count(), [&](std::size_t i) {
    draw_initial_household(s, def.income_sigma_log, ages, hh, static_cast<HouseholdId>(i));
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

  return first;
}

void settle_tract_households(const ScenarioDef& s, const TractTenures& tenures,
                             const std::vector<std::int64_t>& first, World& world) {
  Households& hh = world.households;
  Dwellings& dw = world.dwellings;
  const Grid& grid = world.grid;
  const std::size_t n_tracts = first.size() - 1;
  const auto& households = tenures.households;
  // Tracts own disjoint households and dwellings, so they run in parallel.
  std::vector<std::vector<DwellingId>> tract_dwellings(n_tracts);
  for (DwellingId d = 0; d < dw.count(); ++d)
    tract_dwellings[grid.neighbourhood[dw.cell[d]]].push_back(d);
  const double monthly_owner_cost = s.economy.owner_cost_rate_per_year / 12.0;
  parallel::for_each_index(
      n_tracts,
      [&](std::size_t t) {
        // Ascending noisy income into the tenures of kIncomeLadder, as in
        // the synthetic city.
        std::vector<RankKey> by_income;
        by_income.reserve(static_cast<std::size_t>(first[t + 1] - first[t]));
        for (std::int64_t i = first[t]; i < first[t + 1]; ++i) {
          const auto h = static_cast<std::uint32_t>(i);
          Rng rng(s.seed, s.replicate, 0, RngStream::CityTenureSort, h);
          by_income.push_back({static_cast<float>(std::log(hh.base_income_per_month[h]) +
                                                  s.city.tenure.sorting_noise_log * rng.normal()),
                               h});
        }
        std::sort(by_income.begin(), by_income.end());
        std::array<std::vector<RankKey>, kTenureCount> tenure_households, tenure_dwellings;
        std::size_t next = 0;
        for (Tenure k : kIncomeLadder) {
          auto& bucket = tenure_households[static_cast<int>(k)];
          for (std::int64_t j = 0; j < households[t][static_cast<int>(k)]; ++j, ++next) {
            bucket.push_back(household_match_key(s, hh, by_income[next].second));
          }
        }
        for (DwellingId d : tract_dwellings[t]) {
          tenure_dwellings[static_cast<int>(dw.tenure[d])].push_back(dwelling_match_key(s, dw, d));
        }
        for (int k = 0; k < kTenureCount; ++k) {
          match_by_rank(tenure_households[k], tenure_dwellings[k],
                        [&](HouseholdId h, DwellingId d) {
                          tenancy::settle_at_start(s, world, h, d, static_cast<Tenure>(k),
                                                   monthly_owner_cost);
                          hh.anchor_cell[h] = dw.cell[d];
                        });
        }
      },
      1);
}

}  // namespace hearth
