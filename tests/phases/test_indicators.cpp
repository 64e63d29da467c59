#include <catch2/catch.hpp>

#include <cmath>

#include "phases/phases.hpp"
#include "state/city_generator.hpp"
#include "support/test_support.hpp"

using namespace hearth;

TEST_CASE("city indicators agree with a direct count", "[indicators]") {
  const ScenarioDef s = test::small_scenario(4000);
  World w = generate_city(s);
  w.households.status[0] = Status::LeftCity;  // one departure, recorded as such
  w.dwellings.occupant[w.households.dwelling[0]] = kNone;
  w.households.dwelling[0] = kNone;
  const Frame f = compute_indicators(s, w, true);

  int in_city = 0, burdened = 0, housed = 0, owners = 0, informal = 0;
  for (std::size_t i = 0; i < w.households.count(); ++i) {
    const Status st = w.households.status[i];
    if (st == Status::LeftCity) continue;
    ++in_city;
    owners += st == Status::Owner;
    informal += st == Status::InformalDweller || st == Status::Homeless;
    if (is_housed(st)) {
      ++housed;
      burdened += w.households.housing_cost_per_month[i] > 0.3f * w.households.income_per_month[i];
    }
  }
  CHECK(f[CityIndicator::households_in_city] == in_city);
  CHECK(f[CityIndicator::left_city] == 1);
  CHECK(f[CityIndicator::owners] == owners);
  CHECK(f[CityIndicator::cost_burdened_share] == Approx(static_cast<double>(burdened) / housed));
  CHECK(f[CityIndicator::informal_share] == Approx(static_cast<double>(informal) / in_city));
  CHECK(f.groups[0][static_cast<int>(GroupIndicator::households)] == in_city);
  // The five income quintiles partition the households in the city, a fifth each.
  double quintiles = 0;
  for (int g = 1; g <= 5; ++g) {
    const double members = f.groups[g][static_cast<int>(GroupIndicator::households)];
    CHECK(members == Approx(in_city / 5.0).margin(2));
    quintiles += members;
  }
  CHECK(quintiles == in_city);
  // So do the five tenure groups (the last five groups).
  double tenures = 0;
  for (int g = kGroupCount - 5; g < kGroupCount; ++g) {
    CHECK(group_kind(g) == "tenure");
    tenures += f.groups[g][static_cast<int>(GroupIndicator::households)];
  }
  CHECK(tenures == in_city);
  CHECK(f.groups[kGroupCount - 5][static_cast<int>(GroupIndicator::owner_share)] == 1.0);
  // Neighbourhood rows add up to the city.
  std::int64_t rows_households = 0, rows_dwellings = 0;
  for (const auto& row : f.neighbourhoods)
    rows_households += row.households, rows_dwellings += row.dwellings;
  CHECK(rows_households == in_city);
  CHECK(rows_dwellings == static_cast<std::int64_t>(w.dwellings.count()));
}

TEST_CASE("the dissimilarity index is 0 when mixed and 1 when apart", "[indicators]") {
  const ScenarioDef s = test::small_scenario(4000);
  World w = generate_city(s);
  // Make income follow the neighbourhood exactly: total separation of q1 and q5.
  for (std::size_t i = 0; i < w.households.count(); ++i) {
    const NeighbourhoodId n = w.grid.neighbourhood[w.dwellings.cell[w.households.dwelling[i]]];
    w.households.income_per_month[i] = 1000.0f + 100.0f * n + 0.001f * static_cast<float>(i);
  }
  const double apart = compute_indicators(s, w, false)[CityIndicator::dissimilarity_q1_q5];
  CHECK(apart > 0.95);
  // Income independent of place: the index falls near zero.
  for (std::size_t i = 0; i < w.households.count(); ++i) {
    w.households.income_per_month[i] = 1000.0f + static_cast<float>((i * 7919) % 4000);
  }
  const double mixed = compute_indicators(s, w, false)[CityIndicator::dissimilarity_q1_q5];
  CHECK(mixed < 0.3);
}

TEST_CASE("a tick's date counts months from the start date", "[indicators]") {
  ScenarioDef s = test::small_scenario(500);
  s.start_date = "2030-11";
  World w = generate_city(s);
  CHECK(compute_indicators(s, w, false).date == "2030-11");
  w.tick = 14;
  CHECK(compute_indicators(s, w, false).date == "2032-01");
}
