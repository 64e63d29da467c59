// Migration (see migration.hpp).
#include "phases/migration.hpp"

#include <algorithm>
#include <cmath>

#include "housing/market_model.hpp"
#include "parallel/parallel.hpp"
#include "parallel/rng.hpp"
#include "state/demographics.hpp"
#include "state/tenancy.hpp"

namespace hearth::migration {

Pull pull_of(const MigrationDef& m, double rent_relative, double income_relative,
             double vacancy_gap) {
  Pull p{rent_relative, income_relative, vacancy_gap, 0};
  // Dearer rents push migrants away; incomes above the region's and room to
  // find a home (vacancy above the natural rate) draw them in.
  const double change = -m.rent_elasticity * std::log(std::max(1e-6, rent_relative)) +
                        m.income_elasticity * std::log(std::max(1e-6, income_relative)) +
                        m.vacancy_elasticity * vacancy_gap;
  p.log_rate_change = std::clamp(change, -m.max_log_rate_change, m.max_log_rate_change);
  return p;
}

Pull city_pull(const ScenarioDef& scenario, const World& world) {
  const MarketState& state = world.market;
  if (!state.initialised || state.rent_index.empty()) return {};
  // The natural rate of the whole stock weighs each tenure's by its stock.
  const MarketDef& m = scenario.market;
  double rent_sum = 0, vacant = 0, natural_vacant = 0;
  for (std::size_t sm = 0; sm < state.submarket_count(); ++sm) {
    rent_sum += state.rent_index[sm];
    vacant += static_cast<double>(state.rental_vacancy[sm]) * state.rental_stock[sm] +
              static_cast<double>(state.sale_vacancy[sm]) * state.sale_stock[sm];
    natural_vacant += m.natural_vacancy_rate * state.rental_stock[sm] +
                      m.natural_owner_vacancy_rate * state.sale_stock[sm];
  }
  const double rent_relative =
      state.initial_mean_rent_index > 0
          ? rent_sum / static_cast<double>(state.submarket_count()) / state.initial_mean_rent_index
          : 1.0;
  const float reference =
      state.reference_median_income.empty() ? 0.0f : state.reference_median_income[0];
  const double income_relative =
      reference > 0 ? market::median_income_in_city(world.households) / reference : 1.0;
  const double vacancy_gap = natural_vacant > 0 ? (vacant - natural_vacant) / natural_vacant : 0.0;
  return pull_of(scenario.migration, rent_relative, income_relative, vacancy_gap);
}

double departure_rate(const ScenarioDef& scenario, Status status, const Pull& pull) {
  const MigrationDef& m = scenario.migration;
  return status == Status::Homeless ? m.homeless_departure_rate_per_month
         : is_displaced(status)
             ? scenario.disasters.dislocation.displaced_departure_rate_per_month
             : std::min(1.0, m.departure_rate_per_month * std::exp(-pull.log_rate_change));
}

void depart(const ScenarioDef& scenario, World& world, HouseholdId h) {
  // Frees its dwelling, its home of origin and its shelter or camp place.
  tenancy::leave_city(scenario, world, h);
}

double expected_arrivals(const ScenarioDef& scenario, double initial_households, std::int32_t tick,
                         const Pull& pull) {
  const MigrationDef& m = scenario.migration;
  const bool shock = m.shock_end_tick >= m.shock_start_tick && tick >= m.shock_start_tick &&
                     tick <= m.shock_end_tick;
  const double rate = m.arrival_rate_per_month * std::exp(pull.log_rate_change) +
                      m.population_growth_per_year / 12.0 +
                      (shock ? m.shock_arrival_rate_per_month : 0.0);
  return std::max(0.0, initial_households * rate);
}

void add_arrivals(const PhaseContext& ctx, World& world, const Pull& pull) {
  const ScenarioDef& s = ctx.scenario;
  const double expected =
      expected_arrivals(s, static_cast<double>(world.initial_households), ctx.tick, pull);
  const double whole = std::floor(expected);
  Rng rng(s.seed, s.replicate, static_cast<std::uint32_t>(ctx.tick), RngStream::ArrivalCount, 0);
  const auto arrivals =
      static_cast<std::int64_t>(whole) + (rng.bernoulli(expected - whole) ? 1 : 0);
  const MigrationDef& m = s.migration;
  append_arrivals(
      ctx, world, arrivals,
      {m.arrival_income_median_per_month, m.arrival_income_sigma_log,
       m.arrival_savings_months_of_income, m.arrival_origin_shares, RngStream::Arrivals});
}

HouseholdId append_arrivals(const PhaseContext& ctx, World& world, std::int64_t n,
                            const ArrivalDraw& draw) {
  Households& hh = world.households;
  const auto first = static_cast<HouseholdId>(hh.count());
  if (n <= 0) return first;
  const ScenarioDef& s = ctx.scenario;
  const Dwellings& dw = world.dwellings;
  hh.resize(first + static_cast<std::size_t>(n));
  const HeadAgeTable ages = head_age_table(s);
  parallel::for_each_index(static_cast<std::size_t>(n), [&](std::size_t k) {
    const auto h = static_cast<HouseholdId>(first + k);
    Rng rng(s.seed, s.replicate, static_cast<std::uint32_t>(ctx.tick), draw.stream, h);
    const double drawn = std::exp(draw.income_sigma_log * rng.normal());
    draw_demographics(rng, s.city.household_size_shares, s.city.groups, draw.origins, ages, hh, h);
    const double income =
        draw.income_median_per_month * drawn * age_income_ratio(s, hh.head_age_years[h]);
    hh.base_income_per_month[h] = static_cast<float>(income);
    hh.income_per_month[h] = static_cast<float>(income);
    hh.savings[h] = static_cast<float>(draw.savings_months_of_income * income *
                                       std::exp(0.8 * rng.normal() - 0.32));
    hh.anchor_cell[h] = dw.count() ? dw.cell[rng.below(static_cast<std::uint32_t>(dw.count()))] : 0;
    // Homeless (new rows have no dwelling) until housed or placed, this tick or later.
    hh.status[h] = Status::Homeless;
  });
  world.flows.arrivals += n;
  return first;
}

}  // namespace hearth::migration
