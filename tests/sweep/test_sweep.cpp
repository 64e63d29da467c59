#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <set>

#include "io/hash.hpp"
#include "io/scenario_loader.hpp"
#include "support/test_support.hpp"
#include "sweep/collect.hpp"
#include "sweep/journal.hpp"
#include "sweep/lock.hpp"
#include "sweep/plan.hpp"

using namespace hearth;
using nlohmann::json;

namespace {

json sweep_doc() {
  return {
      {"sweep_version", 1},
      {"name", "test-sweep"},
      {"base", test::small_scenario_json(1000, 6)},
      {"parameters", json::array({{{"pointer", "/city/households"}, {"values", {1000, 1200, 1400}}},
                                  {{"pointer", "/city/vacancy_rate"}, {"values", {0.03, 0.08}}}})},
      {"replicates", 2}};
}

sweep::Plan plan_of(const json& doc) {
  return sweep::expand(sweep::load_sweep_json(doc, "sweep.json", "."), "sweep.json");
}

// The problems an invalid sweep is refused with (empty if it is accepted).
std::vector<InputProblem> refusal(const json& doc) {
  try {
    plan_of(doc);
  } catch (const InputError& e) {
    return e.problems();
  }
  return {};
}

bool mentions(const std::vector<InputProblem>& problems, const std::string& location,
              const std::string& fragment) {
  return test::has_problem(problems, location, fragment);
}

using test::describe;

}  // namespace

TEST_CASE("lists expand to the full factorial times the replicates", "[sweep]") {
  const sweep::Plan plan = plan_of(sweep_doc());
  REQUIRE(plan.runs.size() == 3 * 2 * 2);
  std::set<std::string> ids;
  for (std::size_t i = 0; i < plan.runs.size(); ++i) {
    const auto& run = plan.runs[i];
    CHECK(run.index == static_cast<std::int64_t>(i));
    CHECK(run.point == static_cast<std::int64_t>(i / 2));
    CHECK(run.replicate == static_cast<std::int64_t>(i % 2));
    CHECK(run.scenario["replicate"] == run.replicate);
    CHECK(run.scenario.at(json::json_pointer("/city/households")) == run.values[0]);
    ids.insert(run.run_id);
  }
  CHECK(ids.size() == plan.runs.size());
  // The first parameter varies slowest.
  CHECK(plan.runs[0].values[0] == 1000);
  CHECK(plan.runs[2].values[1] == 0.08);
  CHECK(plan.runs[4].values[0] == 1200);
}

TEST_CASE("run ids are the hash of the resolved scenario and stable", "[sweep]") {
  const sweep::Plan a = plan_of(sweep_doc());
  const sweep::Plan b = plan_of(sweep_doc());
  for (std::size_t i = 0; i < a.runs.size(); ++i) {
    CHECK(a.runs[i].run_id == b.runs[i].run_id);
    CHECK(a.runs[i].run_id == io::to_hex(io::fnv1a64(a.runs[i].scenario.dump())));
    // `hearth run runs/<id>.json` resolves to the same hash: the manifest names the run.
    CHECK(io::load_scenario_json(a.runs[i].scenario, "run").hash == a.runs[i].run_id);
  }
  // A different seed is a different run.
  json doc = sweep_doc();
  doc["base"]["seed"] = 4;
  CHECK(plan_of(doc).runs[0].run_id != a.runs[0].run_id);
}

TEST_CASE("Latin hypercube hits each stratum once per dimension, deterministically", "[sweep]") {
  for (std::int64_t n : {1, 2, 7, 50}) {
    const auto design = sweep::latin_hypercube(n, 3, 99);
    REQUIRE(design.size() == static_cast<std::size_t>(n));
    for (std::size_t d = 0; d < 3; ++d) {
      std::set<std::int64_t> strata;
      for (const auto& point : design) {
        REQUIRE(point[d] >= 0.0);
        REQUIRE(point[d] < 1.0);
        strata.insert(static_cast<std::int64_t>(std::floor(point[d] * static_cast<double>(n))));
      }
      CHECK(strata.size() == static_cast<std::size_t>(n));
    }
    CHECK(design == sweep::latin_hypercube(n, 3, 99));
  }
  CHECK(sweep::latin_hypercube(20, 2, 1) != sweep::latin_hypercube(20, 2, 2));

  json doc = sweep_doc();
  doc["parameters"] =
      json::array({{{"pointer", "/city/vacancy_rate"}, {"range", {{"min", 0.02}, {"max", 0.1}}}},
                   {{"pointer", "/city/households"},
                    {"range", {{"min", 1000}, {"max", 2000}, {"integer", true}}}}});
  doc["latin_hypercube"] = {{"samples", 8}, {"seed", 5}};
  doc["replicates"] = 1;
  const sweep::Plan plan = plan_of(doc);
  REQUIRE(plan.runs.size() == 8);
  std::set<int> vacancy_strata, household_strata;
  for (const auto& run : plan.runs) {
    const double v = run.values[0].get<double>();
    CHECK(v >= 0.02);
    CHECK(v < 0.1);
    vacancy_strata.insert(static_cast<int>((v - 0.02) / 0.01));
    REQUIRE(run.values[1].is_number_integer());
    household_strata.insert(static_cast<int>((run.values[1].get<std::int64_t>() - 1000) / 125));
  }
  CHECK(vacancy_strata.size() == 8);
  CHECK(household_strata.size() == 8);
  CHECK(plan_of(doc).runs[3].run_id == plan.runs[3].run_id);
}

TEST_CASE("lists are crossed with the Latin hypercube design", "[sweep]") {
  json doc = sweep_doc();
  doc["parameters"][1] = {{"pointer", "/city/vacancy_rate"},
                          {"range", {{"min", 0.02}, {"max", 0.1}}}};
  doc["latin_hypercube"] = {{"samples", 4}};
  const sweep::Plan plan = plan_of(doc);
  CHECK(plan.runs.size() == 3 * 4 * 2);
}

TEST_CASE("invalid sweeps are refused naming the parameter, value and reason", "[sweep]") {
  SECTION("unknown key in the sweep file") {
    json doc = sweep_doc();
    doc["replicatez"] = 3;
    const auto problems = refusal(doc);
    CHECK(mentions(problems, "/replicatez", "unknown key 'replicatez'"));
  }
  SECTION("unknown key in a parameter") {
    json doc = sweep_doc();
    doc["parameters"][0]["valuez"] = json::array({1});
    CHECK(mentions(refusal(doc), "/parameters/0/valuez", "unknown key"));
  }
  SECTION("a pointer to a key the scenario does not have") {
    json doc = sweep_doc();
    doc["parameters"][0]["pointer"] = "/city/housholds";
    const auto problems = refusal(doc);
    INFO(describe(problems));
    CHECK(mentions(problems, "/parameters/0/values/0", "/city/housholds: unknown key 'housholds'"));
  }
  SECTION("a pointer that is not a pointer") {
    json doc = sweep_doc();
    doc["parameters"][0]["pointer"] = "city/households";
    CHECK(!refusal(doc).empty());
    doc["parameters"][0]["pointer"] = "/city/bad~2escape";
    CHECK(mentions(refusal(doc), "/parameters/0/pointer", "not a JSON pointer"));
  }
  SECTION("a value the scenario schema refuses") {
    json doc = sweep_doc();
    doc["parameters"][1]["values"] = {0.03, 0.9};
    const auto problems = refusal(doc);
    INFO(describe(problems));
    CHECK(mentions(problems, "/parameters/1/values/1", "'city.vacancy_rate' = 0.9"));
    CHECK(mentions(problems, "/parameters/1/values/1", "/city/vacancy_rate"));
  }
  SECTION("a value of the wrong type") {
    json doc = sweep_doc();
    doc["parameters"][0]["values"] = {1000, "many"};
    CHECK(mentions(refusal(doc), "/parameters/0/values/1", "\"many\""));
  }
  SECTION("a range end the scenario refuses") {
    json doc = sweep_doc();
    doc["parameters"][1] = {{"pointer", "/city/vacancy_rate"},
                            {"range", {{"min", 0.0}, {"max", 0.7}}}};
    doc["latin_hypercube"] = {{"samples", 3}};
    CHECK(mentions(refusal(doc), "/parameters/1/range/max", "vacancy_rate"));
  }
  SECTION("a range without a design") {
    json doc = sweep_doc();
    doc["parameters"][1] = {{"pointer", "/city/vacancy_rate"},
                            {"range", {{"min", 0.0}, {"max", 0.1}}}};
    CHECK(mentions(refusal(doc), "/latin_hypercube", "required"));
  }
  SECTION("both values and a range") {
    json doc = sweep_doc();
    doc["parameters"][1]["range"] = {{"min", 0.0}, {"max", 0.1}};
    CHECK(!refusal(doc).empty());
  }
  SECTION("an invalid base") {
    json doc = sweep_doc();
    doc["base"]["ticks"] = 0;
    CHECK(mentions(refusal(doc), "/base", "/ticks"));
  }
  SECTION("repeated values make repeated runs") {
    json doc = sweep_doc();
    doc["parameters"][0]["values"] = {1000, 1000};
    CHECK(mentions(refusal(doc), "/parameters", "repeats"));
  }
  SECTION("a parameter named like a column of the collected table") {
    json doc = sweep_doc();
    doc["parameters"][0]["name"] = "homeless";
    CHECK(mentions(refusal(doc), "/parameters/0/name", "column of its own"));
    doc["parameters"][0] = {{"pointer", "/seed"}, {"values", {1, 2}}};
    CHECK(mentions(refusal(doc), "/parameters/0/name", "'seed' is a column of its own"));
    doc["parameters"][0]["name"] = "seeds";
    CHECK(refusal(doc).empty());
  }
  SECTION("replicate is not a parameter") {
    json doc = sweep_doc();
    doc["parameters"][0]["pointer"] = "/replicate";
    CHECK(mentions(refusal(doc), "/parameters/0/pointer", "replicates"));
  }
}

TEST_CASE("a value invalid on the base alone is fine when every point makes it valid", "[sweep]") {
  // 45 neighbourhoods a side do not fit the base's 40x40 grid, but every
  // point also widens the grid: only combinations are judged.
  json doc = sweep_doc();
  doc["parameters"] =
      json::array({{{"pointer", "/city/grid/width_cells"}, {"values", {50, 60}}},
                   {{"pointer", "/city/grid/height_cells"}, {"values", {50}}},
                   {{"pointer", "/city/layout/neighbourhoods_per_side"}, {"values", {45}}}});
  const auto problems = refusal(doc);
  INFO(describe(problems));
  CHECK(problems.empty());
  // A combination that does not fit is named with its values.
  doc["parameters"][1]["values"] = {50, 30};
  CHECK(
      mentions(refusal(doc), "/parameters/2/values/0", "must not exceed the grid's smaller side"));
}

TEST_CASE("a base scenario file is read relative to the sweep file", "[sweep]") {
  test::TempDir dir;
  std::filesystem::create_directories(dir.file("sweeps"));
  test::write_file(dir.file("base.json"), test::small_scenario_json(1000, 6).dump());
  json doc = sweep_doc();
  doc["base"] = "../base.json";
  test::write_file(dir.file("sweeps/s.json"), doc.dump());
  const sweep::SweepDef def = sweep::load_sweep_file(dir.file("sweeps/s.json"));
  CHECK(sweep::expand(def, "s.json").runs.size() == 12);
  doc["base"] = "nothere.json";
  test::write_file(dir.file("sweeps/s.json"), doc.dump());
  CHECK_THROWS_AS(sweep::load_sweep_file(dir.file("sweeps/s.json")), InputError);
}

TEST_CASE("a plan on disk reads back, and refuses a changed sweep file", "[sweep]") {
  test::TempDir dir;
  const sweep::Plan plan = plan_of(sweep_doc());
  const std::string text = sweep_doc().dump(2);
  sweep::write_plan(plan, text, dir.path(), false);
  const sweep::PlanIndex index = sweep::read_plan(dir.path());
  REQUIRE(index.runs.size() == plan.runs.size());
  CHECK(index.columns == std::vector<std::string>{"city.households", "city.vacancy_rate"});
  CHECK(index.runs[5].run_id == plan.runs[5].run_id);
  CHECK(std::filesystem::exists(dir.file("runs/" + plan.runs[5].run_id + ".json")));
  const std::string csv = test::read_file(dir.file("plan.csv"));
  CHECK(csv.rfind("index,run_id,point,replicate,seed,city.households,city.vacancy_rate\n", 0) == 0);
  CHECK_NOTHROW(sweep::check_sweep_unchanged(dir.path(), index));
  // Replanning the same file is fine; another file needs --force.
  CHECK_NOTHROW(sweep::write_plan(plan, text, dir.path(), false));
  CHECK_THROWS_AS(sweep::write_plan(plan, text + " ", dir.path(), false), InputError);
  test::write_file(dir.file("sweep.json"), text + "\n");
  CHECK_THROWS_AS(sweep::check_sweep_unchanged(dir.path(), index), InputError);
}

TEST_CASE("the journal keeps whole lines through a crash mid-line", "[sweep]") {
  test::TempDir dir;
  test::write_file(dir.file("journal.csv"), "0,0123456789abcdef,done,exit 0,1.0\n1,01234567");
  {
    sweep::Journal journal(dir.file("journal.csv"));
    journal.append({2, "fedcba9876543210", "failed", "signal 9", 0.5});
    // A second runner on the same journal is refused.
    CHECK_THROWS_AS(sweep::Journal(dir.file("journal.csv")), InputError);
  }
  const auto entries = sweep::read_journals(dir.path());
  REQUIRE(entries.size() == 2);
  CHECK(entries[0].index == 0);
  CHECK(entries[1].index == 2);
  CHECK(entries[1].detail == "signal 9");
}

TEST_CASE("Student t quantiles", "[sweep]") {
  CHECK(sweep::student_t_975(1) == Approx(12.7062).epsilon(1e-5));
  CHECK(sweep::student_t_975(9) == Approx(2.26216).epsilon(1e-5));
  // The expansion continues the table smoothly and tends to the normal quantile.
  CHECK(sweep::student_t_975(31) < sweep::student_t_975(30));
  CHECK(sweep::student_t_975(31) == Approx(2.03951).epsilon(1e-4));
  CHECK(sweep::student_t_975(120) == Approx(1.97993).epsilon(1e-4));
  CHECK(sweep::student_t_975(1000000) == Approx(1.95996).epsilon(1e-5));
}

TEST_CASE("sweep plan says so when it is given a scenario or a plan", "[sweep]") {
  auto reason = [](const json& doc) {
    try {
      sweep::load_sweep_json(doc, "dir/x.json", "dir");
    } catch (const InputError& e) {
      return std::string(e.what());
    }
    return std::string("accepted");
  };
  CHECK(reason(test::small_scenario_json(1000, 6)) ==
        "dir/x.json: this is a scenario file, not a sweep file; run it with `hearth run "
        "dir/x.json`, or vary it in a sweep file that names it as \"base\" (docs/SWEEPS.md)");
  CHECK(
      reason({{"plan_version", 1}, {"runs", json::array()}})
          .find(
              "the plan of a sweep that is planned already, not a sweep file; run it with `hearth "
              "sweep run dir`") != std::string::npos);
  // A sweep file, even a broken one, gets the schema's word.
  json broken = sweep_doc();
  broken["schema_version"] = 1;
  CHECK(reason(broken).find("unknown key 'schema_version'") != std::string::npos);
}

TEST_CASE("runners on one sweep directory: refused unless their runs are disjoint", "[sweep]") {
  test::TempDir dir;
  const std::string d = dir.path();
  auto refused = [&](std::int64_t index, std::int64_t count) -> std::string {
    try {
      sweep::SweepLock lock(d, index, count);
    } catch (const InputError& e) {
      return describe(e.problems());
    }
    return "";
  };
  SECTION("a local or MPI runner excludes every other runner") {
    sweep::SweepLock local(d, -1, 0);
    CHECK(refused(-1, 0).find("another sweep runner (local or MPI)") != std::string::npos);
    CHECK(refused(0, 2).find("a local or MPI sweep runner is running") != std::string::npos);
  }
  SECTION("shards of one count run side by side, each once") {
    sweep::SweepLock first(d, 0, 2);
    CHECK(refused(1, 2).empty());  // taken and released again
    sweep::SweepLock second(d, 1, 2);
    CHECK(refused(0, 2).find("shard 0 of 2 is already running") != std::string::npos);
    CHECK(refused(1, 2).find("shard 1 of 2 is already running") != std::string::npos);
    CHECK(refused(-1, 0).find("job-array shards") != std::string::npos);
    // Shards of another count would run some of the same runs.
    CHECK(refused(2, 3).find("shards of --count 2 are running") != std::string::npos);
  }
  SECTION("locks go with their runner") {
    { sweep::SweepLock shard(d, 0, 3); }
    { sweep::SweepLock local(d, -1, 0); }
    CHECK(refused(1, 2).empty());
    CHECK(refused(-1, 0).empty());
  }
  CHECK(std::filesystem::is_directory(d + "/locks"));
}

TEST_CASE("collect names the run whose indicators.csv is cut short or different", "[sweep]") {
  test::TempDir dir;
  const std::string d = dir.path();
  const sweep::Plan plan = plan_of(sweep_doc());
  sweep::write_plan(plan, sweep_doc().dump(2), d, false);
  const std::string table = "tick,date,homeless\n0,2026-01,1\n1,2026-02,2\n2,2026-03,3\n";
  auto results = [&](std::size_t i) { return d + "/results/" + plan.runs[i].run_id; };
  for (std::size_t i = 0; i < plan.runs.size(); ++i) {
    std::filesystem::create_directories(results(i));
    test::write_file(
        results(i) + "/manifest.json",
        json{{"status", "complete"}, {"scenario_hash", plan.runs[i].run_id}, {"ticks_done", 2}}
            .dump());
    test::write_file(results(i) + "/indicators.csv", table);
  }
  REQUIRE(sweep::collect(d, {}).runs == 12);
  // The file collect refuses, and where in it.
  auto blamed = [&]() -> std::string {
    try {
      sweep::collect(d, {});
    } catch (const InputError& e) {
      return std::string(e.what());
    }
    return std::string("accepted");
  };
  SECTION("cut in the header of the first run") {
    test::write_file(results(0) + "/indicators.csv", table.substr(0, 9));
    CHECK(blamed().rfind(results(0) + "/indicators.csv: line 1: cut short", 0) == 0);
  }
  SECTION("cut mid-row") {
    test::write_file(results(5) + "/indicators.csv", table.substr(0, table.size() - 4));
    CHECK(blamed().rfind(results(5) + "/indicators.csv: line 4: cut short", 0) == 0);
    test::write_file(results(5) + "/indicators.csv", table.substr(0, 37) + "\n");
    CHECK(blamed().rfind(results(5) + "/indicators.csv: line 3: 2 fields where the header has 3",
                         0) == 0);
  }
  SECTION("cut at a line end: fewer rows than the manifest's ticks") {
    test::write_file(results(7) + "/indicators.csv", table.substr(0, table.rfind("2,2026")));
    const std::string message = blamed();
    CHECK(message.rfind(results(7) + "/indicators.csv: 2 rows where the run's manifest says 2 "
                                     "ticks (3 rows)",
                        0) == 0);
    CHECK(message.find("remove " + results(7) + "/ and run `hearth sweep run") !=
          std::string::npos);
  }
  SECTION("whole, but with other columns: that run, not the first") {
    test::write_file(results(3) + "/indicators.csv",
                     "tick,date,homeless,renters\n0,2026-01,1,2\n1,2026-02,2,2\n2,2026-03,3,2\n");
    CHECK(blamed().rfind(
              results(3) + "/indicators.csv: line 1: its columns differ from those of 11", 0) == 0);
  }
}
