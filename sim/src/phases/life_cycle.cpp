// The household life cycle (see life_cycle.hpp).
#include "phases/life_cycle.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <vector>

#include "housing/market_model.hpp"
#include "parallel/rng.hpp"
#include "state/tenancy.hpp"

namespace hearth::life_cycle {
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

// Intergenerational persistence of log income (Chetty et al. 2014: a rank-rank
// slope of 0.34): a new household's income leans this much on its parents'.
constexpr double kIncomePersistence = 0.34;
// Households sampled for the city's median base income when households form.
constexpr std::uint32_t kMedianSample = 1001;
// A parent is at least this old: its children leaving home are adults.
constexpr int kParentMinAge = 36;

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

// The median base income of the households of the city, from a seeded sample.
double sampled_median_income(const PhaseContext& ctx, const Households& hh) {
  const ScenarioDef& s = ctx.scenario;
  Rng rng(s.seed, s.replicate, static_cast<std::uint32_t>(ctx.tick), RngStream::HouseholdFormation,
          0xFFFFFFFFu);
  std::vector<float> sample;
  sample.reserve(kMedianSample);
  const auto rows = static_cast<std::uint32_t>(hh.count());
  for (std::uint32_t tries = 0; tries < 4 * kMedianSample && sample.size() < kMedianSample;
       ++tries) {
    const std::uint32_t h = rng.below(rows);
    if (is_in_city(hh.status[h])) sample.push_back(hh.base_income_per_month[h]);
  }
  if (sample.empty()) return s.city.income.median_per_month;
  auto mid = sample.begin() + static_cast<std::ptrdiff_t>(sample.size() / 2);
  std::nth_element(sample.begin(), mid, sample.end());
  return *mid;
}

}  // namespace

double death_probability(int age_years) {
  if (age_years >= 110) return 1.0;  // the table's oldest ages are closed here
  return interpolate(kDeath, age_years, true);
}

double income_profile(int age_years) {
  return interpolate(kIncome, age_years, false) / kAllHouseholds;
}

HeadAgeBand band_of(int age_years) {
  return age_years < 30   ? HeadAgeBand::Under30
         : age_years < 65 ? HeadAgeBand::From30To64
                          : HeadAgeBand::Over65;
}

Event Birthdays::birthday(Households& hh, HouseholdId h) {
  const auto tick = static_cast<std::uint32_t>(ctx_.tick);
  const LifeCycleDef& rule = ctx_.scenario.life_cycle;
  const int age = hh.head_age_years[h];
  const int next = std::min(age + 1, 255);
  if (rule.income_age_profile) {
    hh.base_income_per_month[h] *= static_cast<float>(income_profile(next) / income_profile(age));
  }
  hh.head_age_years[h] = static_cast<std::uint8_t>(next);
  hh.head_age[h] = band_of(next);
  Rng rng(ctx_.scenario.seed, ctx_.scenario.replicate, tick, RngStream::LifeCycle, h);
  const std::uint8_t size = hh.size[h];
  // A death (of the head or, as likely, a partner of the same age) ends a
  // one-person household and shrinks a larger one; the survivor heads it.
  if (rng.bernoulli(death_probability(next))) {
    deaths_.fetch_add(1, std::memory_order_relaxed);
    if (size <= 1) return Event::Dissolve;
    hh.size[h] = static_cast<std::uint8_t>(size - 1);
    return Event::None;
  }
  const double merge = rule.merge_rate_per_year_over_80;
  if (size == 1 && next >= 80 && rng.bernoulli(merge)) return Event::Dissolve;
  if (size >= 2 && size < 6 && next >= 18 && next <= 44 &&
      rng.bernoulli(rule.birth_rate_per_year)) {
    births_.fetch_add(1, std::memory_order_relaxed);
    hh.size[h] = static_cast<std::uint8_t>(size + 1);
  }
  return Event::None;
}

void Birthdays::add_counts_to(TickFlows& flows) const {
  flows.deaths += deaths_.load();
  flows.births += births_.load();
}

void dissolve(const PhaseContext& ctx, World& world, HouseholdId h) {
  const ScenarioDef& s = ctx.scenario;
  Households& hh = world.households;
  tenancy::dissolve(s, world, h);  // an owned home is sold: the proceeds are in savings
  // The estate goes to a random household of the city (Baptista et al. 2016).
  Rng rng(s.seed, s.replicate, static_cast<std::uint32_t>(ctx.tick), RngStream::Inheritance, h);
  const auto rows = static_cast<std::uint32_t>(hh.count());
  for (int tries = 0; tries < 16; ++tries) {
    const HouseholdId heir = rng.below(rows);
    if (heir == h || !is_in_city(hh.status[heir])) continue;
    hh.savings[heir] += hh.savings[h];
    break;
  }
  hh.savings[h] = 0;
}

void form_households(const PhaseContext& ctx, World& world, std::int64_t n) {
  if (n <= 0) return;
  const ScenarioDef& s = ctx.scenario;
  const LifeCycleDef& rule = s.life_cycle;
  Households& hh = world.households;
  const std::vector<HouseholdId> parents_pool = market::collect_ids(hh.count(), [&](std::size_t i) {
    return is_in_city(hh.status[i]) && hh.size[i] >= 2 && hh.head_age_years[i] >= kParentMinAge;
  });
  if (parents_pool.empty()) return;
  const double median = sampled_median_income(ctx, hh);
  const auto pool = static_cast<std::uint32_t>(parents_pool.size());
  const auto tick = static_cast<std::uint32_t>(ctx.tick);
  for (std::int64_t k = 0; k < n; ++k) {
    Rng rng(s.seed, s.replicate, tick, RngStream::HouseholdFormation,
            static_cast<std::uint32_t>(k));
    HouseholdId parent = kNone;
    for (int tries = 0; tries < 8 && parent == kNone; ++tries) {
      const HouseholdId p = parents_pool[rng.below(pool)];
      if (hh.size[p] >= 2) parent = p;  // a parent may have sent its last child already
    }
    if (parent == kNone) continue;
    hh.size[parent] = static_cast<std::uint8_t>(hh.size[parent] - 1);
    const auto h = static_cast<HouseholdId>(hh.count());
    hh.resize(h + 1u);
    const int span = rule.new_head_max_age_years - rule.new_head_min_age_years + 1;
    const int age =
        rule.new_head_min_age_years + static_cast<int>(rng.below(static_cast<std::uint32_t>(span)));
    hh.head_age_years[h] = static_cast<std::uint8_t>(age);
    hh.head_age[h] = band_of(age);
    hh.size[h] = 1;
    hh.female_headed[h] = rng.bernoulli(s.city.groups.female_headed_share) ? 1 : 0;
    hh.disability[h] = rng.bernoulli(s.city.groups.disability_share) ? 1 : 0;
    hh.origin[h] = hh.origin[parent];
    // Log income: the median at its age, plus the parents' distance from the
    // median at theirs times the intergenerational persistence, plus noise
    // that keeps the city's spread of log income.
    const double sigma = s.city.income.sigma_log;
    const double parent_gap = std::log(std::max(1.0f, hh.base_income_per_month[parent]) /
                                       (median * income_profile(hh.head_age_years[parent])));
    const double income =
        median * income_profile(age) *
        std::exp(kIncomePersistence * parent_gap +
                 sigma * std::sqrt(1.0 - kIncomePersistence * kIncomePersistence) * rng.normal());
    hh.base_income_per_month[h] = static_cast<float>(income);
    hh.income_per_month[h] = static_cast<float>(income);
    hh.savings[h] = static_cast<float>(rule.new_household_savings_months_of_income * income);
    hh.anchor_cell[h] = hh.anchor_cell[parent];  // near the family
    hh.status[h] = Status::Homeless;             // searches the market this tick
    ++world.flows.formations;
  }
}

}  // namespace hearth::life_cycle
