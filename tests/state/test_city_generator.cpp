#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>

#include "io/hash.hpp"
#include "parallel/parallel.hpp"
#include "state/city_generator.hpp"
#include "state/invariants.hpp"
#include "support/test_support.hpp"

using namespace hearth;

namespace {

template <typename T>
std::uint64_t hash_column(const std::vector<T>& column, std::uint64_t state) {
  return io::fnv1a64(
      std::string_view(reinterpret_cast<const char*>(column.data()), column.size() * sizeof(T)),
      state);
}

std::uint64_t hash_world(const World& w) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  h = hash_column(w.grid.land_use, h);
  h = hash_column(w.grid.job_access, h);
  h = hash_column(w.dwellings.cell, h);
  h = hash_column(w.dwellings.value, h);
  h = hash_column(w.dwellings.occupant, h);
  h = hash_column(w.households.income_per_month, h);
  h = hash_column(w.households.status, h);
  h = hash_column(w.households.dwelling, h);
  h = hash_column(w.households.savings, h);
  return h;
}

}  // namespace

TEST_CASE("the generated city has the households, tenures and links it was asked for",
          "[state][generator]") {
  const ScenarioDef s = test::small_scenario(5000);
  const World w = generate_city(s);
  REQUIRE(w.households.count() == 5000);
  REQUIRE_NOTHROW(check_invariants(w));

  std::array<int, kStatusCount> by_status{};
  for (Status st : w.households.status) ++by_status[static_cast<int>(st)];
  // Largest-remainder split of the default shares 0.55/0.30/0.08/0.07.
  CHECK(by_status[static_cast<int>(Status::Owner)] == 2750);
  CHECK(by_status[static_cast<int>(Status::Renter)] == 1500);
  CHECK(by_status[static_cast<int>(Status::SocialTenant)] == 400);
  CHECK(by_status[static_cast<int>(Status::InformalDweller)] == 350);

  // Formal stock carries the vacancy rate; every household is housed.
  std::size_t vacant = 0;
  for (HouseholdId o : w.dwellings.occupant) vacant += o == kNone;
  CHECK(vacant == static_cast<std::size_t>(std::llround(4650 * 0.07)));
}

TEST_CASE("the owner stock carries its own vacancy rate, the rental stock the city's",
          "[state][generator]") {
  ScenarioDef s = test::small_scenario(5000);
  s.city.vacancy_rate = 0.068;  // HVS rental vacancy, 2019
  s.city.owner_vacancy_rate = 0.02;
  const World w = generate_city(s);
  REQUIRE_NOTHROW(check_invariants(w));
  std::array<std::size_t, kTenureCount> vacant{};
  for (DwellingId d = 0; d < w.dwellings.count(); ++d) {
    vacant[static_cast<int>(w.dwellings.tenure[d])] += w.dwellings.occupant[d] == kNone;
  }
  // 2750 owners, 1500 private and 400 social tenants (the default shares).
  CHECK(vacant[static_cast<int>(Tenure::OwnerOccupied)] == std::llround(2750 * 0.02));
  CHECK(vacant[static_cast<int>(Tenure::PrivateRental)] == std::llround(1500 * 0.068));
  CHECK(vacant[static_cast<int>(Tenure::SocialRental)] == std::llround(400 * 0.068));
  CHECK(vacant[static_cast<int>(Tenure::Informal)] == 0);
}

TEST_CASE("informal dwellings stand on informal land, partly on the floodplain",
          "[state][generator]") {
  const World w = generate_city(test::small_scenario(5000));
  const auto& flood = w.grid.hazards[w.grid.hazard_index(kFloodDepth100yrLayer)].value;
  std::size_t informal = 0, on_floodplain = 0;
  for (DwellingId d = 0; d < w.dwellings.count(); ++d) {
    if (w.dwellings.tenure[d] != Tenure::Informal) continue;
    ++informal;
    const CellId c = w.dwellings.cell[d];
    REQUIRE(w.grid.land_use[c] == LandUse::Informal);
    CHECK(w.dwellings.structure[d] == StructureClass::InformalMakeshift);
    CHECK(w.dwellings.record_intact[d] == 0);
    on_floodplain += flood[c] > 0;
  }
  CHECK(informal == 350);
  CHECK(on_floodplain > 0);
  CHECK(on_floodplain < informal);
}

TEST_CASE("the grid has a river, a floodplain, a job centre and open periphery",
          "[state][generator]") {
  const World w = generate_city(test::small_scenario());
  std::array<int, kLandUseCount> by_use{};
  for (LandUse u : w.grid.land_use) ++by_use[static_cast<int>(u)];
  CHECK(by_use[static_cast<int>(LandUse::Water)] > 0);
  CHECK(by_use[static_cast<int>(LandUse::Jobs)] > 0);
  CHECK(by_use[static_cast<int>(LandUse::Residential)] > 0);
  CHECK(by_use[static_cast<int>(LandUse::Informal)] > 0);
  const auto& flood = w.grid.hazards[0].value;
  CHECK(*std::max_element(flood.begin(), flood.end()) > 1.0f);
  CHECK(w.grid.relocation_site < w.grid.cell_count());
  // Job access peaks at the centre and falls away from it.
  const CellId centre = w.grid.cell_at(22, 20);
  const CellId corner = w.grid.cell_at(0, 0);
  CHECK(w.grid.job_access[centre] > 0.8f);
  CHECK(w.grid.job_access[corner] < w.grid.job_access[centre] / 2);
}

TEST_CASE("incomes follow the scenario's lognormal and group gaps", "[state][generator]") {
  const World w = generate_city(test::small_scenario(20000));
  std::vector<float> incomes = w.households.income_per_month;
  std::nth_element(incomes.begin(), incomes.begin() + 10000, incomes.end());
  CHECK(incomes[10000] == Approx(2500).epsilon(0.01));
  double female = 0, male = 0;
  int nf = 0, nm = 0;
  for (std::size_t i = 0; i < w.households.count(); ++i) {
    if (w.households.female_headed[i])
      female += w.households.income_per_month[i], ++nf;
    else
      male += w.households.income_per_month[i], ++nm;
  }
  CHECK(nf == Approx(6000).epsilon(0.05));
  CHECK((female / nf) / (male / nm) == Approx(0.8).epsilon(0.06));
}

TEST_CASE("owners are richer than informal dwellers on average", "[state][generator]") {
  const World w = generate_city(test::small_scenario(10000));
  double owner = 0, informal = 0;
  int no = 0, ni = 0;
  for (std::size_t i = 0; i < w.households.count(); ++i) {
    if (w.households.status[i] == Status::Owner) owner += w.households.income_per_month[i], ++no;
    if (w.households.status[i] == Status::InformalDweller)
      informal += w.households.income_per_month[i], ++ni;
  }
  CHECK(owner / no > 1.5 * (informal / ni));
}

TEST_CASE("generation is identical at 1, 2 and 4 threads", "[state][generator][determinism]") {
  const ScenarioDef s = test::small_scenario(8000);
  std::uint64_t reference = 0;
  for (int threads : {1, 2, 4}) {
    parallel::ThreadLimit limit(threads);
    const std::uint64_t h = hash_world(generate_city(s));
    if (threads == 1) reference = h;
    CHECK(h == reference);
  }
  ScenarioDef other = s;
  other.seed += 1;
  CHECK(hash_world(generate_city(other)) != reference);
}

TEST_CASE("a city of a million households builds and is consistent", "[state][generator][slow]") {
  ScenarioDef s = test::small_scenario(1'000'000);
  s.city.grid.width_cells = 300;
  s.city.grid.height_cells = 300;
  const World w = generate_city(s);
  CHECK(w.households.count() == 1'000'000);
  CHECK_NOTHROW(check_invariants(w));
}

TEST_CASE("the generator values dwellings with the market's hedonic coefficients",
          "[state][generator]") {
  // Correlation of log value with quality over formal dwellings.
  auto value_quality_correlation = [](const ScenarioDef& s) {
    const World w = generate_city(s);
    double n = 0, sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
    for (DwellingId d = 0; d < w.dwellings.count(); ++d) {
      if (w.dwellings.tenure[d] == Tenure::Informal) continue;
      const double x = w.dwellings.quality[d], y = std::log(w.dwellings.value[d]);
      n += 1, sx += x, sy += y, sxx += x * x, syy += y * y, sxy += x * y;
    }
    return (n * sxy - sx * sy) / std::sqrt((n * sxx - sx * sx) * (n * syy - sy * sy));
  };
  ScenarioDef s = test::small_scenario(5000);
  const double with_default = value_quality_correlation(s);
  s.market.hedonic_quality = 0.0;  // quality no longer priced
  const double without = value_quality_correlation(s);
  s.market.hedonic_quality = 3.0;  // quality priced dearly
  const double dear = value_quality_correlation(s);
  INFO(without << " " << with_default << " " << dear);
  CHECK(with_default > without + 0.1);
  CHECK(dear > with_default + 0.1);
}
