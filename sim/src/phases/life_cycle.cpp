// The household life cycle (see life_cycle.hpp).
#include "phases/life_cycle.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <vector>

#include "housing/market_model.hpp"
#include "parallel/rng.hpp"
#include "state/demographics.hpp"
#include "state/tenancy.hpp"

namespace hearth::life_cycle {
namespace {

// Intergenerational persistence of log income (Chetty et al. 2014: a rank-rank
// slope of 0.34): a new household's income leans this much on its parents'.
constexpr double kIncomePersistence = 0.34;
// Households sampled for the city's median base income when households form.
constexpr std::uint32_t kMedianSample = 1001;
// A young adult's parents are at least this much older; a partner who
// splits off is within this much of its new head's age (assumptions, 7.10).
constexpr int kParentGapYears = 18;
constexpr int kPartnerGapYears = 5;
// Random households tried for one that fits before any of 2+ persons does.
constexpr int kSourceTries = 16;

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

Event Birthdays::birthday(Households& hh, HouseholdId h) {
  const auto tick = static_cast<std::uint32_t>(ctx_.tick);
  const LifeCycleDef& rule = ctx_.scenario.life_cycle;
  const int age = hh.head_age_years[h];
  const int next = std::min(age + 1, 255);
  if (rule.income_age_profile) {
    hh.base_income_per_month[h] *= static_cast<float>(income_profile(next) / income_profile(age));
  }
  hh.head_age_years[h] = static_cast<std::uint8_t>(next);
  hh.head_age[h] = age_band_of(next);
  Rng rng(ctx_.scenario.seed, ctx_.scenario.replicate, tick, RngStream::LifeCycle, h);
  const std::uint8_t size = hh.size[h];
  // A death (of the head or, as likely, a partner of the same age) ends a
  // one-person household and shrinks a larger one; the survivor heads it.
  if (rng.bernoulli(death_probability(next))) {
    deaths_.fetch_add(1, std::memory_order_relaxed);
    if (size <= 1) return Event::Dissolve;
    hh.size[h] = static_cast<std::uint8_t>(size - 1);
  }
  // The other exits that keep the age structure (merging, moving in with
  // family or into care; head_ages.hpp).
  if (rng.bernoulli(ages_.exit_at(age))) return Event::Dissolve;
  if (hh.size[h] >= 2 && hh.size[h] < 6 && next >= 18 && next <= 44 &&
      rng.bernoulli(rule.birth_rate_per_year)) {
    births_.fetch_add(1, std::memory_order_relaxed);
    hh.size[h] = static_cast<std::uint8_t>(hh.size[h] + 1);
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
  const std::vector<HouseholdId> sources = market::collect_ids(
      hh.count(), [&](std::size_t i) { return is_in_city(hh.status[i]) && hh.size[i] >= 2; });
  if (sources.empty()) return;
  const HeadAgeTable ages = head_age_table(s);
  // The region's median income (the city's at the start, the reference of
  // the migration pull), not the city's median now: a city that loses its
  // poorest households would otherwise pass its higher median on to every
  // new household, and the selection would ratchet up over generations.
  const std::vector<float>& reference = world.market.reference_median_income;
  const double median = !reference.empty() && reference[0] > 0.0f
                            ? static_cast<double>(reference[0])
                            : sampled_median_income(ctx, hh);
  const auto pool = static_cast<std::uint32_t>(sources.size());
  const auto tick = static_cast<std::uint32_t>(ctx.tick);
  for (std::int64_t k = 0; k < n; ++k) {
    Rng rng(s.seed, s.replicate, tick, RngStream::HouseholdFormation,
            static_cast<std::uint32_t>(k));
    const int age = ages.draw_entry_age(rng);
    // Who the new head leaves: a young adult's parents (a head at least
    // kParentGapYears older), or for an older head a partner (a split; a
    // head within kPartnerGapYears). Failing that, any household of 2+.
    HouseholdId source = kNone;
    for (int tries = 0; tries < kSourceTries; ++tries) {
      const HouseholdId c = sources[rng.below(pool)];
      if (hh.size[c] < 2) continue;  // it may have sent its last member already
      source = c;
      const int gap = hh.head_age_years[c] - age;
      if (age < 30 ? gap >= kParentGapYears : std::abs(gap) <= kPartnerGapYears) break;
    }
    if (source == kNone) continue;
    hh.size[source] = static_cast<std::uint8_t>(hh.size[source] - 1);
    const auto h = static_cast<HouseholdId>(hh.count());
    hh.resize(h + 1u);
    hh.head_age_years[h] = static_cast<std::uint8_t>(age);
    hh.head_age[h] = age_band_of(age);
    // Its size from the city's shares: couples forming and splits that take
    // children are not followed member by member (persons are not
    // conserved, as with births and deaths; docs/MODEL.md 7.10).
    hh.size[h] = draw_household_size(rng, s.city.household_size_shares);
    hh.female_headed[h] = rng.bernoulli(s.city.groups.female_headed_share) ? 1 : 0;
    hh.disability[h] = rng.bernoulli(s.city.groups.disability_share) ? 1 : 0;
    hh.origin[h] = hh.origin[source];
    // Log income: the median at its age, plus the source household's
    // distance from the median at its head's age times the intergenerational
    // persistence, plus noise that keeps the city's spread of log income.
    const double sigma = s.city.income.sigma_log;
    const double source_gap = std::log(std::max(1.0f, hh.base_income_per_month[source]) /
                                       (median * income_profile(hh.head_age_years[source])));
    const double income =
        median * income_profile(age) *
        std::exp(kIncomePersistence * source_gap +
                 sigma * std::sqrt(1.0 - kIncomePersistence * kIncomePersistence) * rng.normal());
    hh.base_income_per_month[h] = static_cast<float>(income);
    hh.income_per_month[h] = static_cast<float>(income);
    hh.savings[h] = static_cast<float>(rule.new_household_savings_months_of_income * income);
    hh.anchor_cell[h] = hh.anchor_cell[source];  // near the family
    hh.status[h] = Status::Homeless;             // searches the market this tick
    ++world.flows.formations;
  }
}

}  // namespace hearth::life_cycle
