// The age structure of household heads (see head_ages.hpp).
#include "state/head_ages.hpp"

#include <algorithm>
#include <cmath>

namespace hearth {
namespace {

// US Social Security Administration, period life table 2019 (as used in the
// 2021 Trustees Report): the probability of dying within a year at exact
// age x, the mean of the male and female q_x. Log-linear in between.
constexpr std::array<std::pair<int, double>, 10> kDeath = {{{20, 0.00074},
                                                            {25, 0.00104},
                                                            {30, 0.00132},
                                                            {40, 0.00199},
                                                            {50, 0.00406},
                                                            {60, 0.00853},
                                                            {70, 0.01901},
                                                            {80, 0.04774},
                                                            {90, 0.14394},
                                                            {100, 0.33241}}};

// Census Bureau, CPS ASEC 2020 (income in 2019; Semega et al. 2020, P60-270,
// income by age of householder): median household income by age of
// householder, at the middle of each band (15-24, 25-34, 35-44, 45-54,
// 55-64, 65+), over the median of all households (68,703). Linear in between.
constexpr double kAllHouseholds = 68703.0;
constexpr std::array<std::pair<int, double>, 6> kIncome = {
    {{20, 46032.0}, {30, 73039.0}, {40, 91548.0}, {50, 92221.0}, {60, 73036.0}, {72, 47357.0}}};

template <std::size_t N>
double interpolate(const std::array<std::pair<int, double>, N>& table, int age, bool in_logs) {
  if (age <= table.front().first) return table.front().second;
  if (age >= table.back().first) return table.back().second;
  std::size_t k = 1;
  while (table[k].first < age) ++k;
  const auto [a0, v0] = table[k - 1];
  const auto [a1, v1] = table[k];
  const double t = static_cast<double>(age - a0) / (a1 - a0);
  return in_logs ? std::exp(std::log(v0) + t * (std::log(v1) - std::log(v0))) : v0 + t * (v1 - v0);
}

// The ratio r at which sum_{k=0}^{n-1} r^k equals `target` (r in (0, 2]; the
// sum is increasing in r, so bisection).
double geometric_ratio(int n, double target) {
  const auto sum = [n](double r) {
    double s = 0, term = 1;
    for (int k = 0; k < n; ++k, term *= r) s += term;
    return s;
  };
  double lo = 1e-6, hi = 2.0;
  if (target <= sum(lo)) return lo;
  if (target >= sum(hi)) return hi;
  for (int it = 0; it < 100; ++it) {
    const double mid = 0.5 * (lo + hi);
    (sum(mid) < target ? lo : hi) = mid;
  }
  return 0.5 * (lo + hi);
}

template <std::size_t N>
int draw_from(const std::array<double, N>& cumulative, double u) {
  const auto it = std::upper_bound(cumulative.begin(), cumulative.end(), u * cumulative.back());
  const auto k = std::min<std::ptrdiff_t>(it - cumulative.begin(), N - 1);
  return HeadAgeTable::kYoungest + static_cast<int>(k);
}

}  // namespace

double death_probability(int age_years) {
  if (age_years >= 110) return 1.0;  // the table's oldest ages are closed here
  return interpolate(kDeath, age_years, true);
}

double income_profile(int age_years) {
  return interpolate(kIncome, age_years, false) / kAllHouseholds;
}

HeadAgeBand age_band_of(int age_years) {
  return age_years < 30   ? HeadAgeBand::Under30
         : age_years < 65 ? HeadAgeBand::From30To64
                          : HeadAgeBand::Over65;
}

double HeadAgeTable::exit_at(int age) const {
  if (age >= kOldest) return 1.0;
  if (age < kYoungest) return 0.0;
  return exit[static_cast<std::size_t>(age - kYoungest)];
}

int HeadAgeTable::draw_age(Rng& rng) const {
  return draw_from(share_cumulative, rng.uniform());
}

int HeadAgeTable::draw_entry_age(Rng& rng) const {
  return draw_from(entry_cumulative, rng.uniform());
}

HeadAgeTable head_age_table(const ScenarioDef& scenario) {
  constexpr int kYoungBand = 30 - HeadAgeTable::kYoungest;  // ages 18-29
  constexpr int kMidBand = 65 - 30;                         // 30-64
  constexpr int kOldBand = HeadAgeTable::kOldest - 65 + 1;  // 65-100
  const GroupsDef& g = scenario.city.groups;
  const double young = std::max(1e-6, g.young_head_share);
  const double old = std::max(1e-6, g.elderly_head_share);
  const double mid = std::max(1e-6, 1.0 - g.young_head_share - g.elderly_head_share);
  const double first = scenario.life_cycle.youngest_head_density_ratio;
  HeadAgeTable t;
  // 18-29: density at age 18 + k is d30 (first + (1 - first) k / 12), so the
  // band holds d30 (12 first + (1 - first) 66 / 12).
  const double d30 = young / (kYoungBand * first + (1.0 - first) * 66.0 / kYoungBand);
  for (int k = 0; k < kYoungBand; ++k) t.share[k] = d30 * (first + (1.0 - first) * k / kYoungBand);
  // 30-64: d30 r^k, summing to the band's share.
  const double r = geometric_ratio(kMidBand, mid / d30);
  double d = d30;
  for (int k = 0; k < kMidBand; ++k, d *= r) t.share[kYoungBand + k] = d;
  // 65-100: from the next step of the curve on, ratio s, summing to its share.
  const double s = geometric_ratio(kOldBand, old / d);
  for (int k = 0; k < kOldBand; ++k, d *= s) t.share[kYoungBand + kMidBand + k] = d;
  double total = 0;
  for (double x : t.share) total += x;
  for (double& x : t.share) x /= total;

  // The cohort identity, with the expected deaths of heads living alone
  // (they dissolve whatever the table says) taken out of the exits and put
  // back as entries.
  const double alone = scenario.city.household_size_shares[0];
  double cum = 0, entries = 0;
  for (int k = 0; k < HeadAgeTable::kAges; ++k) {
    cum += t.share[k];
    t.share_cumulative[k] = cum;
    const int age = HeadAgeTable::kYoungest + k;
    double enter = t.share[k];  // age 18: every cohort of heads starts here
    if (k > 0) {
      const double survive = t.share[k - 1] * (1.0 - alone * death_probability(age));
      enter = std::max(0.0, t.share[k] - survive);
      // (A cohort of no heads, from extreme band shares, has nobody to keep.)
      t.exit[k - 1] = survive > 0 ? std::max(0.0, 1.0 - t.share[k] / survive) : 1.0;
    }
    entries += enter;
    t.entry_cumulative[k] = entries;
  }
  t.exit[HeadAgeTable::kAges - 1] = 1.0;
  return t;
}

}  // namespace hearth
