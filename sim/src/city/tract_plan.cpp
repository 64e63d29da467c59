#include "city/tract_plan.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <utility>

namespace hearth {

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
                             static_cast<double>(plan.owners[t]) * s.city.owner_vacancy_rate));
  }
  return plan;
}

TractTenures split_tenures(const ScenarioDef& s, const TractPlan& plan) {
  const std::size_t n_tracts = plan.households.size();
  const auto& shares = s.city.tenure;
  const double rest = shares.private_renter + shares.social_renter + shares.informal;
  const std::vector<double> rest_shares =
      rest > 0 ? std::vector<double>{shares.private_renter / rest, shares.social_renter / rest,
                                     shares.informal / rest}
               : std::vector<double>{1.0, 0.0, 0.0};
  TractTenures out;
  out.households.resize(n_tracts);
  out.dwellings.resize(n_tracts);
  for (std::size_t t = 0; t < n_tracts; ++t) {
    auto& h = out.households[t];
    auto& d = out.dwellings[t];
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
  return out;
}

}  // namespace hearth
