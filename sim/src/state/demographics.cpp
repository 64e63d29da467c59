#include "state/demographics.hpp"

#include <algorithm>
#include <cmath>

namespace hearth {

std::uint8_t age_in_band(Rng& rng, HeadAgeBand band) {
  switch (band) {
    case HeadAgeBand::Under30:
      return static_cast<std::uint8_t>(18 + rng.below(12));
    case HeadAgeBand::From30To64:
      return static_cast<std::uint8_t>(30 + rng.below(35));
    case HeadAgeBand::Over65:
      break;
  }
  // Heads of 65+: fewer at each older age (an exponential of mean 10 years,
  // near the survival of the life table from 65), capped at 100.
  return static_cast<std::uint8_t>(65 + std::min(35.0, -10.0 * std::log(rng.uniform())));
}

void draw_demographics(Rng& rng, const std::array<double, 6>& size_shares, const GroupsDef& groups,
                       const OriginSharesDef& origin_shares, Households& hh, HouseholdId h) {
  double u = rng.uniform(), cumulative = 0;
  int persons = 6;
  for (int k = 0; k < 6; ++k) {
    cumulative += size_shares[k];
    if (u < cumulative) {
      persons = k + 1;
      break;
    }
  }
  hh.size[h] = static_cast<std::uint8_t>(persons);
  hh.female_headed[h] = rng.bernoulli(groups.female_headed_share) ? 1 : 0;
  hh.disability[h] = rng.bernoulli(groups.disability_share) ? 1 : 0;
  u = rng.uniform();
  hh.head_age[h] = u < groups.elderly_head_share ? HeadAgeBand::Over65
                   : u < groups.elderly_head_share + groups.young_head_share
                       ? HeadAgeBand::Under30
                       : HeadAgeBand::From30To64;
  const auto& o = origin_shares;
  const double total =
      std::max(1e-12, o.resident + o.rural_migrant + o.internally_displaced + o.refugee);
  u = rng.uniform() * total;
  hh.origin[h] = u < o.resident                     ? Origin::Resident
                 : u < o.resident + o.rural_migrant ? Origin::RuralMigrant
                 : u < o.resident + o.rural_migrant + o.internally_displaced
                     ? Origin::InternallyDisplaced
                     : Origin::Refugee;
  hh.head_age_years[h] = age_in_band(rng, hh.head_age[h]);
}

void draw_initial_household(const ScenarioDef& s, double income_sigma_log, Households& hh,
                            HouseholdId h) {
  const auto& groups = s.city.groups;
  Rng rng(s.seed, s.replicate, 0, RngStream::CityHouseholds, h);
  const double drawn = std::exp(income_sigma_log * rng.normal());
  draw_demographics(rng, s.city.household_size_shares, groups, groups.origin_shares, hh, h);
  // Group income gaps multiply the draw (the callers rescale to their median).
  const double origin_ratio[] = {
      groups.origin_income_ratio.resident, groups.origin_income_ratio.rural_migrant,
      groups.origin_income_ratio.internally_displaced, groups.origin_income_ratio.refugee};
  const double relative =
      drawn * (hh.female_headed[h] ? groups.female_headed_income_ratio : 1.0) *
      (hh.head_age[h] == HeadAgeBand::Over65 ? groups.elderly_head_income_ratio : 1.0) *
      (hh.disability[h] ? groups.disability_income_ratio : 1.0) *
      origin_ratio[static_cast<int>(hh.origin[h])];
  hh.base_income_per_month[h] = static_cast<float>(relative);
  hh.income_log_deviation[h] = 0.0f;
  // Savings: lognormal around the scenario's months of income.
  hh.savings[h] = static_cast<float>(s.economy.initial_savings_months_of_income * relative *
                                     std::exp(0.8 * rng.normal() - 0.32));
}

}  // namespace hearth
