#pragma once
// The age structure of household heads (docs/MODEL.md 7.10): one table,
// built from the scenario, that the city generator and arrivals draw ages
// from and that the life cycle keeps stationary. Its shares of heads by
// single year of age 18-100 follow the scenario's band shares (under 30,
// 30-64, 65+): a linear rise over 18-30 from `youngest_head_density_ratio`
// of the density at 30, then a geometric curve over 30-64 and another over
// 65-100, each fitted to its band's share and continuous at 30 and at 65.
//
// Stationarity by the cohort identity (a stationary population's age
// structure is its survivorship; Preston, Heuveline and Guillot 2001, ch.
// 3): a cohort of n(a) heads at age a must be n(a + 1) a year later. Where
// the table falls with age, households leave by more than the deaths of
// heads living alone (merging, moving in with family or into care) at
// exit[a]; where it rises, households form at that age (young adults
// leaving home, splits) in the proportions `entry`. Formations are matched
// one to one to dissolutions, so the count and, in expectation, the ages
// hold still.
#include <array>

#include "hearth/ids.hpp"
#include "hearth/scenario.hpp"
#include "parallel/rng.hpp"

namespace hearth {

// Annual probability of death at an age (years): US SSA period life table
// 2019, closed at 110.
double death_probability(int age_years);
// Median household income at an age of head, relative to the median of all
// households (Census CPS ASEC 2020).
double income_profile(int age_years);
// The band of an age: under 30, 30-64, 65+.
HeadAgeBand age_band_of(int age_years);

struct HeadAgeTable {
  static constexpr int kYoungest = 18;
  static constexpr int kOldest = 100;  // every household of this age dissolves on its birthday
  static constexpr int kAges = kOldest - kYoungest + 1;
  std::array<double, kAges> share{};             // heads at each age, sums to 1
  std::array<double, kAges> share_cumulative{};  // for drawing ages
  // Chance that a household of age a dissolves on its birthday (to a + 1)
  // other than by the death of a head living alone.
  std::array<double, kAges> exit{};
  std::array<double, kAges> entry_cumulative{};  // ages at which households form

  double exit_at(int age) const;
  // An age drawn from the table (initial households, arrivals).
  int draw_age(Rng& rng) const;
  // The age of a household forming now.
  int draw_entry_age(Rng& rng) const;
};

// The table of a scenario: its groups' band shares, the one-person share of
// households (heads living alone dissolve when they die) and the youngest
// heads' density.
HeadAgeTable head_age_table(const ScenarioDef& scenario);

}  // namespace hearth
