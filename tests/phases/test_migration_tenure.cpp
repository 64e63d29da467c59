// Migration that answers to the city and tenure choice with expectations
// (issue 16, points 3 and 4; docs/MODEL.md 7.4): the city's pull, the
// adaptive expected appreciation, the investors' balance sheet, and the
// direction of their effects over paired seeds.
#include <catch2/catch.hpp>

#include <cmath>
#include <functional>
#include <vector>

#include "hearth/simulation.hpp"
#include "housing/market_model.hpp"
#include "phases/migration.hpp"
#include "state/world.hpp"
#include "support/test_support.hpp"

namespace hearth {
namespace {

// Mean and half-width of the 95% confidence interval (Student t) of the paired
// differences treated(seed) - control(seed) of an outcome, over `seeds` seeds.
struct Interval {
  double mean = 0, half_width = 0;
};
Interval paired_difference(int seeds, const std::function<double(std::uint64_t, bool)>& outcome) {
  // t quantiles (0.975) for 4 and 5 degrees of freedom.
  REQUIRE((seeds == 5 || seeds == 6));
  std::vector<double> d;
  for (int k = 0; k < seeds; ++k) {
    const auto seed = static_cast<std::uint64_t>(101 + k);
    d.push_back(outcome(seed, true) - outcome(seed, false));
  }
  double mean = 0;
  for (const double x : d) mean += x / seeds;
  double var = 0;
  for (const double x : d) var += (x - mean) * (x - mean) / (seeds - 1);
  const double t = seeds == 5 ? 2.776 : 2.571;
  return {mean, t * std::sqrt(var / seeds)};
}

// Runs a scenario to its end; returns the final World.
World run_to_end(const ScenarioDef& s) {
  Simulation sim(s, SimulationOptions{.check_invariants = false, .neighbourhood_frames = false});
  for (int t = 0; t < s.ticks; ++t) sim.step();
  return sim.world();
}

std::int64_t in_city(const World& world) {
  std::int64_t n = 0;
  for (std::size_t i = 0; i < world.households.count(); ++i)
    n += is_in_city(world.households.status[i]) ? 1 : 0;
  return n;
}

}  // namespace

TEST_CASE("the city's pull is nil at the reference and answers to rents, incomes, vacancy",
          "[migration]") {
  ScenarioDef s = test::small_scenario(1000, 12);
  const MigrationDef& m = s.migration;
  CHECK(migration::pull_of(m, 1.0, 1.0, 0.0).log_rate_change == 0.0);
  // Dearer rents push migrants away, higher incomes and vacancy draw them in.
  CHECK(migration::pull_of(m, 1.1, 1.0, 0.0).log_rate_change ==
        Approx(-m.rent_elasticity * std::log(1.1)));
  CHECK(migration::pull_of(m, 1.0, 1.1, 0.0).log_rate_change ==
        Approx(m.income_elasticity * std::log(1.1)));
  CHECK(migration::pull_of(m, 1.0, 1.0, 0.5).log_rate_change == Approx(m.vacancy_elasticity * 0.5));
  // Bounded either way.
  CHECK(migration::pull_of(m, 100.0, 1.0, 0.0).log_rate_change == -m.max_log_rate_change);
  CHECK(migration::pull_of(m, 1.0, 100.0, 0.0).log_rate_change == m.max_log_rate_change);

  // Symmetric: at the reference arrivals balance housed departures.
  const migration::Pull none{};
  const double initial = 10000;
  CHECK(migration::expected_arrivals(s, initial, 5, none) ==
        Approx(initial * migration::departure_rate(s, Status::Renter, none)));
  const migration::Pull repelling = migration::pull_of(m, 1.2, 1.0, 0.0);
  CHECK(migration::expected_arrivals(s, initial, 5, repelling) <
        migration::expected_arrivals(s, initial, 5, none));
  CHECK(migration::departure_rate(s, Status::Owner, repelling) >
        migration::departure_rate(s, Status::Owner, none));
  // Homeless households leave at their own rate, whatever the pull.
  CHECK(migration::departure_rate(s, Status::Homeless, repelling) ==
        m.homeless_departure_rate_per_month);
  // Growth is said explicitly, and the shock adds in its window only.
  s.migration.population_growth_per_year = 0.012;
  s.migration.shock_arrival_rate_per_month = 0.01;
  s.migration.shock_start_tick = 3;
  s.migration.shock_end_tick = 4;
  CHECK(migration::expected_arrivals(s, initial, 5, none) ==
        Approx(initial * (m.arrival_rate_per_month + 0.001)));
  CHECK(migration::expected_arrivals(s, initial, 4, none) ==
        Approx(initial * (m.arrival_rate_per_month + 0.001 + 0.01)));
}

TEST_CASE("expected appreciation follows the price index record, damped and capped", "[market]") {
  MarketDef m;  // factor 0.5, window 12 months, cap 10%
  MarketState state;
  state.price_index_history = {1.0f, 1.05f};
  CHECK(market::expected_appreciation(m, state) == 0.0);  // too short a record
  std::vector<float> record;
  for (int k = 0; k <= 12; ++k) record.push_back(static_cast<float>(1.0 + 0.1 * k / 12.0));
  state.price_index_history = record;
  CHECK(market::expected_appreciation(m, state) == Approx(0.05).epsilon(1e-4));
  for (float& p : record) p = 2.0f - p;  // prices falling 10% a year
  state.price_index_history = record;
  CHECK(market::expected_appreciation(m, state) == Approx(-0.5 * 0.1 / 1.0).epsilon(1e-3));
  for (int k = 0; k <= 12; ++k) record[k] = static_cast<float>(1.0 + 0.5 * k / 12.0);
  state.price_index_history = record;
  CHECK(market::expected_appreciation(m, state) == m.max_expected_appreciation_per_year);
  // The record keeps the window plus one month.
  for (int k = 0; k < 30; ++k) market::record_price_index(m, state);
  CHECK(state.price_index_history.size() == 13);
}

TEST_CASE("buy-to-let purchases need equity, the loan is capped by LTV and interest cover",
          "[market]") {
  MarketDef m;  // LTV 0.8, ICR 1.25 at 5.5%
  // A high yield: the LTV cap binds.
  market::BuyToLet b = market::finance_buy_to_let(m, 100000, 10000, 1e9);
  REQUIRE(b.ok);
  CHECK(b.loan == Approx(80000));
  CHECK(b.deposit == Approx(20000));
  // A 4% yield: the interest cover test binds (4000 / (1.25 x 0.055)).
  b = market::finance_buy_to_let(m, 100000, 4000, 1e9);
  REQUIRE(b.ok);
  CHECK(b.loan == Approx(4000 / (1.25 * 0.055)));
  CHECK(b.loan < 80000);
  // Not enough equity for the deposit: no purchase.
  CHECK_FALSE(market::finance_buy_to_let(m, 100000, 10000, 19999).ok);
  CHECK(market::finance_buy_to_let(m, 100000, 10000, 20000).ok);
  // Expected return: yield plus the capital-gain coefficient x expectation.
  CHECK(market::investor_expected_return(m, 5000, 100000, 0.04) == Approx(0.05 + 0.5 * 0.04));
}

TEST_CASE("investors with no equity buy nothing, with equity they do", "[market]") {
  auto switched_to_rental = [](double equity_share) {
    ScenarioDef s = test::small_scenario(2000, 24);
    s.market.investor_buy_yield_per_year = 0.0;  // every vacancy for sale is worth buying
    // No sales of vacant rentals either: a sale would give them equity.
    s.market.investor_sell_yield_per_year = -1.0;
    s.market.investor_initial_equity_share_of_rental_value = equity_share;
    s.market.investor_initial_debt_share_of_rental_value = 0;
    s.market.investor_retained_share_of_net_rent = 0;
    s.market.build_rate_per_month = 0;  // no new rentals from builders
    const World start = [&] {
      Simulation sim(s, SimulationOptions{.check_invariants = true, .neighbourhood_frames = false});
      return sim.world();
    }();
    const World end = run_to_end(s);
    std::int64_t switched = 0;
    for (DwellingId d = 0; d < start.dwellings.count(); ++d) {
      switched += start.dwellings.tenure[d] == Tenure::OwnerOccupied &&
                  end.dwellings.tenure[d] == Tenure::PrivateRental;
    }
    return std::pair{switched, end.market.investor_balance[0]};
  };
  const auto [none, equity_left] = switched_to_rental(0.0);
  CHECK(none == 0);
  CHECK(equity_left >= 0.0);
  const auto [some, unused] = switched_to_rental(0.5);
  CHECK(some > 0);
}

TEST_CASE("dearer rents cost the city migrants (paired seeds)", "[migration]") {
  // An in-migration shock raises rents; with the rent elasticity on, fewer
  // arrive and more leave than with it off, the same seeds otherwise.
  const Interval d = paired_difference(5, [](std::uint64_t seed, bool responsive) {
    ScenarioDef s = test::small_scenario(2000, 48);
    s.seed = seed;
    s.migration.shock_arrival_rate_per_month = 0.01;
    s.migration.shock_start_tick = 1;
    s.migration.shock_end_tick = 24;
    s.migration.income_elasticity = 0;
    s.migration.vacancy_elasticity = 0;
    s.migration.rent_elasticity = responsive ? 3.0 : 0.0;
    return static_cast<double>(in_city(run_to_end(s)));
  });
  INFO("households in the city, responsive - not: " << d.mean << " +- " << d.half_width);
  CHECK(d.mean + d.half_width < 0);
}

TEST_CASE("expected appreciation tilts households towards buying when prices rise (paired seeds)",
          "[market]") {
  const Interval d = paired_difference(5, [](std::uint64_t seed, bool expecting) {
    ScenarioDef s = test::small_scenario(2000, 48);
    s.seed = seed;
    s.migration.shock_arrival_rate_per_month = 0.01;  // prices rise
    s.migration.shock_start_tick = 1;
    s.migration.shock_end_tick = 48;
    s.market.investor_capital_gain_coefficient = 0;  // households' channel only
    s.market.expectation_factor = expecting ? 0.5 : 0.0;
    const World w = run_to_end(s);
    std::int64_t owners = 0;
    for (std::size_t i = 0; i < w.households.count(); ++i)
      owners += w.households.status[i] == Status::Owner;
    return static_cast<double>(owners) / static_cast<double>(in_city(w));
  });
  INFO("owner share, expecting - not: " << d.mean << " +- " << d.half_width);
  CHECK(d.mean - d.half_width > 0);
}

}  // namespace hearth
