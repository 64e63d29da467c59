#include "state/demographics.hpp"

#include <algorithm>
#include <cmath>

namespace hearth {

void draw_demographics(Rng& rng, const std::array<double, 6>& size_shares, const GroupsDef& groups,
                       const OriginSharesDef& origin_shares, const HeadAgeTable& ages,
                       Households& hh, HouseholdId h) {
  hh.size[h] = draw_household_size(rng, size_shares);
  hh.female_headed[h] = rng.bernoulli(groups.female_headed_share) ? 1 : 0;
  hh.disability[h] = rng.bernoulli(groups.disability_share) ? 1 : 0;
  const int age = ages.draw_age(rng);
  hh.head_age_years[h] = static_cast<std::uint8_t>(age);
  hh.head_age[h] = age_band_of(age);
  const auto& o = origin_shares;
  const double total =
      std::max(1e-12, o.resident + o.rural_migrant + o.internally_displaced + o.refugee);
  const double u = rng.uniform() * total;
  hh.origin[h] = u < o.resident                     ? Origin::Resident
                 : u < o.resident + o.rural_migrant ? Origin::RuralMigrant
                 : u < o.resident + o.rural_migrant + o.internally_displaced
                     ? Origin::InternallyDisplaced
                     : Origin::Refugee;
}

std::uint8_t draw_household_size(Rng& rng, const std::array<double, 6>& size_shares) {
  const double u = rng.uniform();
  double cumulative = 0;
  for (int k = 0; k < 6; ++k) {
    cumulative += size_shares[k];
    if (u < cumulative) return static_cast<std::uint8_t>(k + 1);
  }
  return 6;
}

double age_income_ratio(const ScenarioDef& s, int age_years) {
  if (s.life_cycle.enabled && s.life_cycle.income_age_profile) return income_profile(age_years);
  return age_band_of(age_years) == HeadAgeBand::Over65 ? s.city.groups.elderly_head_income_ratio
                                                       : 1.0;
}

void draw_initial_household(const ScenarioDef& s, double income_sigma_log, const HeadAgeTable& ages,
                            Households& hh, HouseholdId h) {
  const auto& groups = s.city.groups;
  Rng rng(s.seed, s.replicate, 0, RngStream::CityHouseholds, h);
  const double drawn = std::exp(income_sigma_log * rng.normal());
  draw_demographics(rng, s.city.household_size_shares, groups, groups.origin_shares, ages, hh, h);
  // Group income gaps multiply the draw (the callers rescale to their median).
  const double origin_ratio[] = {
      groups.origin_income_ratio.resident, groups.origin_income_ratio.rural_migrant,
      groups.origin_income_ratio.internally_displaced, groups.origin_income_ratio.refugee};
  const double relative = drawn * (hh.female_headed[h] ? groups.female_headed_income_ratio : 1.0) *
                          age_income_ratio(s, hh.head_age_years[h]) *
                          (hh.disability[h] ? groups.disability_income_ratio : 1.0) *
                          origin_ratio[static_cast<int>(hh.origin[h])];
  hh.base_income_per_month[h] = static_cast<float>(relative);
  hh.income_log_deviation[h] = 0.0f;
  // Savings: lognormal around the scenario's months of income.
  hh.savings[h] = static_cast<float>(s.economy.initial_savings_months_of_income * relative *
                                     std::exp(0.8 * rng.normal() - 0.32));
}

}  // namespace hearth
