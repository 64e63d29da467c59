// The city from census tracts (Boston 1970): counts per tract, value bands,
// incomes, the river flood on the CHAS tracts, invariants and determinism.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>

#include "city/tract_city.hpp"
#include "hearth/errors.hpp"
#include "io/hash.hpp"
#include "io/scenario_loader.hpp"
#include "io/tract_reader.hpp"
#include "parallel/parallel.hpp"
#include "state/city_generator.hpp"
#include "state/invariants.hpp"
#include "support/test_support.hpp"
#include "sweep/plan.hpp"

using namespace hearth;

namespace {

const std::string kBostonCsv = HEARTH_SOURCE_DIR "/scenarios/data/boston/boston_tracts.csv";

// scenarios/boston.json with the tract table's absolute path (the tests do
// not run in the source directory) and a given sample share.
ScenarioDef boston(double population_scale = 0.02) {
  auto doc = nlohmann::json::parse(test::read_file(HEARTH_SOURCE_DIR "/scenarios/boston.json"));
  doc["city"]["tracts"]["file"] = kBostonCsv;
  doc["city"]["tracts"]["population_scale"] = population_scale;
  return io::load_scenario_json(doc, "boston.json").def;
}

const io::TractTable& boston_table() {
  static const io::TractTable table = io::read_tracts(kBostonCsv);
  return table;
}

template <typename T>
std::uint64_t hash_column(const std::vector<T>& column, std::uint64_t state) {
  return io::fnv1a64(
      std::string_view(reinterpret_cast<const char*>(column.data()), column.size() * sizeof(T)),
      state);
}

std::uint64_t hash_world(const World& w) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  h = hash_column(w.grid.neighbourhood, h);
  h = hash_column(w.grid.land_use, h);
  h = hash_column(w.grid.hazards[0].value, h);
  h = hash_column(w.dwellings.cell, h);
  h = hash_column(w.dwellings.value, h);
  h = hash_column(w.dwellings.rooms, h);
  h = hash_column(w.dwellings.occupant, h);
  h = hash_column(w.households.income_per_month, h);
  h = hash_column(w.households.status, h);
  h = hash_column(w.households.dwelling, h);
  h = hash_column(w.households.size, h);
  return h;
}

}  // namespace

TEST_CASE("the tract city has one neighbourhood per tract and its planned households",
          "[state][tracts]") {
  const ScenarioDef s = boston();
  const io::TractTable& table = boston_table();
  const World w = generate_city(s);  // through the scenario key, as a run does
  REQUIRE_NOTHROW(check_invariants(w));
  REQUIRE(w.grid.neighbourhood_count == 506);

  const TractPlan plan = plan_tracts(s, table);
  std::vector<std::int64_t> households(506, 0), owners(506, 0), cells(506, 0);
  for (CellId c = 0; c < w.grid.cell_count(); ++c) {
    if (w.grid.land_use[c] == LandUse::Residential) ++cells[w.grid.neighbourhood[c]];
  }
  for (std::size_t h = 0; h < w.households.count(); ++h) {
    REQUIRE(w.households.dwelling[h] != kNone);  // everyone housed at the start
    const auto t = w.grid.neighbourhood[w.dwellings.cell[w.households.dwelling[h]]];
    ++households[t];
    owners[t] += w.households.status[h] == Status::Owner;
  }
  double total_population = 0;
  for (std::size_t t = 0; t < 506; ++t) {
    INFO("tract " << table.tracts[t].id);
    CHECK(cells[t] >= 1);  // even the smallest tract has a cell
    CHECK(households[t] == plan.households[t]);
    CHECK(owners[t] == plan.owners[t]);
    // Households = POP x scale / persons per household, rounded by largest remainder.
    CHECK(std::fabs(households[t] - table.tracts[t].population * 0.02 / 3.14) < 1.0);
    total_population += table.tracts[t].population;
  }
  CHECK(static_cast<double>(w.households.count()) ==
        Approx(total_population * 0.02 / 3.14).margin(1));
  CHECK(w.initial_households == static_cast<std::int64_t>(w.households.count()));
}

TEST_CASE("owner-occupied values follow the tracts' value bands", "[state][tracts]") {
  const ScenarioDef s = boston(0.05);
  const io::TractTable& table = boston_table();
  const World w = generate_tract_city(s, table);
  // City-wide share of owner-occupied units per band, drawn vs the table's,
  // weighted as the sample is (owners per tract). Within 4 standard errors.
  const TractPlan plan = plan_tracts(s, table);
  std::array<double, io::kValueBands> expected{}, drawn{};
  double n = 0;
  for (std::size_t t = 0; t < table.tracts.size(); ++t) {
    const auto& tr = table.tracts[t];
    if (tr.owner_units <= 0) continue;
    const double owner_dwellings = static_cast<double>(plan.owner_dwellings[t]);
    for (int b = 0; b < io::kValueBands; ++b)
      expected[b] += owner_dwellings * tr.value_band_units[b] / tr.owner_units;
  }
  for (DwellingId d = 0; d < w.dwellings.count(); ++d) {
    if (w.dwellings.tenure[d] != Tenure::OwnerOccupied) continue;
    const double v = w.dwellings.value[d] / s.city.tracts.value_scale;
    int b = 0;
    while (b < io::kValueBands - 1 && v >= io::kValueBandEdges[b + 1]) ++b;
    drawn[b] += 1;
    n += 1;
  }
  for (int b = 0; b < io::kValueBands; ++b) {
    const double p = expected[b] / n;
    INFO("band " << io::kValueBandColumns[b] << ": expected " << expected[b] << ", drawn "
                 << drawn[b]);
    CHECK(std::fabs(drawn[b] - expected[b]) <= 4 * std::sqrt(n * p * (1 - p)) + 1);
  }
  // Tract medians against CMEDV where the sample holds enough owners.
  const auto rows = tract_fit(s, table, w);
  std::vector<double> errors;
  for (const auto& r : rows) {
    if (r.owner_units >= 20 && r.median_value_cmedv > 0) {
      errors.push_back(std::fabs(r.median_value - r.median_value_cmedv) / r.median_value_cmedv);
    }
  }
  REQUIRE(errors.size() > 200);
  std::sort(errors.begin(), errors.end());
  CHECK(errors[errors.size() / 2] < 0.10);  // median absolute error under 10%
}

TEST_CASE("tract incomes rise with values and fall with the lower-status share",
          "[state][tracts]") {
  const ScenarioDef s = boston(0.05);
  const io::TractTable& table = boston_table();
  const World w = generate_tract_city(s, table);
  const auto rows = tract_fit(s, table, w);
  // The richest and poorest fifths of tracts by CMEDV x exp((median LSTAT - LSTAT) / 100).
  std::vector<std::pair<double, double>> by_target;  // (target, generated median income)
  for (std::size_t t = 0; t < rows.size(); ++t) {
    const auto& tr = table.tracts[t];
    if (rows[t].households < 30) continue;
    by_target.push_back({tr.median_value_thousands * std::exp(-tr.lower_status_percent / 100),
                         rows[t].median_income_per_month});
  }
  std::sort(by_target.begin(), by_target.end());
  const std::size_t fifth = by_target.size() / 5;
  double low = 0, high = 0;
  for (std::size_t i = 0; i < fifth; ++i)
    low += by_target[i].second, high += by_target[by_target.size() - 1 - i].second;
  CHECK(high > 2.0 * low);
}

TEST_CASE("the 100-year river flood covers the CHAS tracts and only them",
          "[state][tracts][hazard]") {
  const ScenarioDef s = boston();
  const io::TractTable& table = boston_table();
  const World w = generate_tract_city(s, table);
  const auto& depth = w.grid.hazards[w.grid.hazard_index(kFloodDepth100yrLayer)].value;
  std::vector<int> flooded_dwellings(506, 0);
  float deepest = 0;
  for (CellId c = 0; c < w.grid.cell_count(); ++c) {
    if (depth[c] <= 0) continue;
    INFO("cell " << c);
    REQUIRE(table.tracts[w.grid.neighbourhood[c]].bounds_river);
    CHECK(depth[c] <= s.city.tracts.flood_depth_100yr_m);
    deepest = std::max(deepest, depth[c]);
  }
  CHECK(deepest > 0.8 * s.city.tracts.flood_depth_100yr_m);
  for (DwellingId d = 0; d < w.dwellings.count(); ++d) {
    if (depth[w.dwellings.cell[d]] > 0)
      ++flooded_dwellings[w.grid.neighbourhood[w.dwellings.cell[d]]];
  }
  int river_tracts = 0;
  for (std::size_t t = 0; t < 506; ++t) {
    if (!table.tracts[t].bounds_river) continue;
    ++river_tracts;
    INFO("tract " << table.tracts[t].id);
    CHECK(flooded_dwellings[t] > 0);
  }
  CHECK(river_tracts == 35);
}

TEST_CASE("job access falls with the tracts' distance to employment", "[state][tracts]") {
  const ScenarioDef s = boston();
  const io::TractTable& table = boston_table();
  const World w = generate_tract_city(s, table);
  for (CellId c = 0; c < w.grid.cell_count(); c += 97) {
    const auto& tr = table.tracts[w.grid.neighbourhood[c]];
    CHECK(w.grid.job_access[c] ==
          Approx(std::exp(-tr.employment_distance / s.city.tracts.job_access_decay)));
  }
}

TEST_CASE("the tract city is identical at 1 and 2 threads and changes with the seed",
          "[state][tracts][determinism]") {
  const ScenarioDef s = boston();
  std::uint64_t reference = 0;
  for (int threads : {1, 2, 4}) {
    parallel::ThreadLimit limit(threads);
    const std::uint64_t h = hash_world(generate_tract_city(s, boston_table()));
    if (threads == 1) reference = h;
    CHECK(h == reference);
  }
  ScenarioDef other = s;
  other.seed += 1;
  CHECK(hash_world(generate_tract_city(other, boston_table())) != reference);
}

TEST_CASE("a bad tract table or a grid too small stops the scenario at load",
          "[state][tracts][io]") {
  auto doc = nlohmann::json::parse(test::read_file(HEARTH_SOURCE_DIR "/scenarios/boston.json"));
  SECTION("missing file") {
    doc["city"]["tracts"]["file"] = "/nonexistent/tracts.csv";
    const auto problems = io::validate_scenario_json(doc);
    CHECK(test::has_problem(problems, "/city/tracts/file", "does not exist"));
  }
  SECTION("grid too small") {
    doc["city"]["tracts"]["file"] = kBostonCsv;
    doc["city"]["grid"]["width_cells"] = 100;
    const auto problems = io::validate_scenario_json(doc);
    CHECK(test::has_problem(problems, "/city/tracts/file", "lies outside the city grid"));
  }
  SECTION("a bad row") {
    test::TempDir dir;
    std::string text = test::read_file(kBostonCsv);
    text.replace(text.find(",3962,"), 6, ",39x2,");
    test::write_file(dir.file("bad.csv"), text);
    doc["city"]["tracts"]["file"] = dir.file("bad.csv");
    const auto problems = io::validate_scenario_json(doc);
    CHECK(test::has_problem(problems, "/city/tracts/file",
                            "line 2, column POP: '39x2' is not a number"));
  }
}

TEST_CASE("a sweep over the tract city gives its runs the table's absolute path",
          "[state][tracts][sweep]") {
  // Runs start in the sweep directory; the table's path in scenarios/boston.json
  // is relative to the directory the sweep is planned from.
  struct InSourceDir {
    std::filesystem::path before = std::filesystem::current_path();
    InSourceDir() { std::filesystem::current_path(HEARTH_SOURCE_DIR); }
    ~InSourceDir() { std::filesystem::current_path(before); }
  } in_source_dir;
  const nlohmann::json doc = {{"sweep_version", 1},
                              {"name", "boston-seeds"},
                              {"base", "scenarios/boston.json"},
                              {"replicates", 2},
                              {"parameters", {{{"pointer", "/ticks"}, {"values", {2}}}}}};
  const sweep::Plan plan =
      sweep::expand(sweep::load_sweep_json(doc, "sweep.json", "."), "sweep.json");
  REQUIRE(plan.runs.size() == 2);
  for (const auto& run : plan.runs) {
    const std::filesystem::path file = run.scenario["city"]["tracts"]["file"].get<std::string>();
    CHECK(file.is_absolute());
    CHECK(std::filesystem::equivalent(file, kBostonCsv));
  }
}
