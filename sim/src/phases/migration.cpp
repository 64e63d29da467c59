// Migration (see migration.hpp).
#include "phases/migration.hpp"

#include <cmath>

#include "parallel/parallel.hpp"
#include "parallel/rng.hpp"
#include "state/demographics.hpp"
#include "state/tenancy.hpp"

namespace hearth::migration {
namespace {

// Cumulative arrivals up to the end of tick t (real-valued); a tick's
// arrivals are the difference of the floors, so fractions carry over.
double cumulative_arrivals(const ScenarioDef& s, double initial, std::int32_t t) {
  const MigrationDef& m = s.migration;
  double shock_ticks = 0;
  if (m.shock_end_tick >= m.shock_start_tick) {
    shock_ticks = std::max(0, std::min(t, m.shock_end_tick) - m.shock_start_tick + 1);
  }
  return initial * (m.arrival_rate_per_month * t + m.shock_arrival_rate_per_month * shock_ticks);
}

}  // namespace

double departure_rate(const ScenarioDef& scenario, Status status) {
  const MigrationDef& m = scenario.migration;
  return status == Status::Homeless ? m.homeless_departure_rate_per_month
         : is_displaced(status) ? scenario.disasters.dislocation.displaced_departure_rate_per_month
                                : m.departure_rate_per_month;
}

void depart(const ScenarioDef& scenario, World& world, HouseholdId h) {
  // Frees its dwelling, its home of origin and its shelter or camp place.
  tenancy::leave_city(scenario, world, h);
}

void add_arrivals(const PhaseContext& ctx, World& world) {
  const ScenarioDef& s = ctx.scenario;
  const double initial = static_cast<double>(world.initial_households);
  const auto arrivals =
      static_cast<std::int64_t>(std::floor(cumulative_arrivals(s, initial, ctx.tick))) -
      static_cast<std::int64_t>(std::floor(cumulative_arrivals(s, initial, ctx.tick - 1)));
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
  parallel::for_each_index(static_cast<std::size_t>(n), [&](std::size_t k) {
    const auto h = static_cast<HouseholdId>(first + k);
    Rng rng(s.seed, s.replicate, static_cast<std::uint32_t>(ctx.tick), draw.stream, h);
    const double income =
        draw.income_median_per_month * std::exp(draw.income_sigma_log * rng.normal());
    draw_demographics(rng, s.city.household_size_shares, s.city.groups, draw.origins, hh, h);
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
