#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include "embedded_schema.hpp"
#include "io/scenario_loader.hpp"
#include "support/test_support.hpp"

using namespace hearth;
using nlohmann::json;

namespace {

// The problems reported for a document (empty when valid).
std::vector<InputProblem> problems_of(const json& doc) {
  return io::validate_scenario_json(doc);
}

using test::describe;
using test::has_problem;

}  // namespace

TEST_CASE("a small valid scenario loads with defaults filled in", "[io][scenario]") {
  const auto loaded = io::load_scenario_json(test::small_scenario_json(), "small");
  CHECK(loaded.def.city.households == 3000);
  CHECK(loaded.def.city.income.median_per_month == 2500.0);  // a default
  CHECK(loaded.resolved["city"]["income"]["median_per_month"] == 2500.0);
  CHECK(loaded.hash.size() == 16);
}

TEST_CASE("the resolved scenario names every schema key and loads back to the same hash",
          "[io][scenario]") {
  const auto loaded = io::load_scenario_json(test::small_scenario_json(), "small");
  // Every key the code writes is known to the schema (else this load fails)...
  const auto again = io::load_scenario_json(loaded.resolved, "resolved");
  CHECK(again.hash == loaded.hash);
  // ...and every key the schema allows is read and written by the code.
  const json schema = json::parse(io::kScenarioSchemaJson);
  std::vector<std::string> missing;
  std::function<void(const json&, const json&, const std::string&)> walk =
      [&](const json& s, const json& doc, const std::string& where) {
        if (!s.contains("properties")) return;
        for (const auto& [key, sub] : s["properties"].items()) {
          if (!doc.contains(key)) {
            missing.push_back(where + "/" + key);
          } else {
            walk(sub, doc[key], where + "/" + key);
          }
        }
      };
  walk(schema, loaded.resolved, "");
  INFO("schema keys the code ignores: " << missing.size());
  for (const auto& m : missing) INFO(m);
  CHECK(missing.empty());
}

TEST_CASE("a wrong type is reported with its JSON pointer", "[io][scenario]") {
  json doc = test::small_scenario_json();
  doc["city"]["households"] = "many";
  const auto problems = problems_of(doc);
  INFO(describe(problems));
  CHECK(has_problem(problems, "/city/households", "many"));
}

TEST_CASE("an unknown key gets a did-you-mean", "[io][scenario]") {
  json doc = test::small_scenario_json();
  doc["city"]["housholds"] = 10;
  doc["city"].erase("households");
  const auto problems = problems_of(doc);
  INFO(describe(problems));
  CHECK(has_problem(problems, "/city/housholds", "did you mean 'households'?"));
}

TEST_CASE("an unknown key far from any known one lists what is allowed", "[io][scenario]") {
  json doc = test::small_scenario_json();
  doc["economy"] = {{"zzzzzzzzzzzz", 1}};
  const auto problems = problems_of(doc);
  INFO(describe(problems));
  CHECK(has_problem(problems, "/economy/zzzzzzzzzzzz", "allowed here: "));
}

TEST_CASE("negative and out-of-range numbers are refused", "[io][scenario]") {
  json doc = test::small_scenario_json();
  doc["city"]["households"] = -5;
  doc["city"]["vacancy_rate"] = 0.9;
  doc["ticks"] = 0;
  const auto problems = problems_of(doc);
  INFO(describe(problems));
  CHECK(has_problem(problems, "/city/households", "-5"));
  CHECK(has_problem(problems, "/city/vacancy_rate", "0.9"));
  CHECK(has_problem(problems, "/ticks", "0"));
}

TEST_CASE("a missing required key is named", "[io][scenario]") {
  json doc = test::small_scenario_json();
  doc.erase("schema_version");
  const auto problems = problems_of(doc);
  INFO(describe(problems));
  REQUIRE_FALSE(problems.empty());
  CHECK(describe(problems).find("schema_version") != std::string::npos);
}

TEST_CASE("shares that do not sum to one are refused", "[io][scenario]") {
  json doc = test::small_scenario_json();
  doc["city"]["tenure"] = {
      {"owner", 0.5}, {"private_renter", 0.3}, {"social_renter", 0.1}, {"informal", 0.2}};
  const auto problems = problems_of(doc);
  INFO(describe(problems));
  CHECK(has_problem(problems, "/city/tenure", "must sum to 1 (got 1.1)"));
}

TEST_CASE("every problem is reported, not only the first", "[io][scenario]") {
  json doc = test::small_scenario_json();
  doc["seed"] = -1;
  doc["city"]["grid"]["width_cells"] = 1;
  doc["nmae"] = "x";
  const auto problems = problems_of(doc);
  INFO(describe(problems));
  CHECK(problems.size() >= 3);
}

TEST_CASE("malformed JSON is reported with line and column", "[io][scenario]") {
  const std::string text = "{\n  \"schema_version\": 1,\n  \"name\": \"x\"\n  \"ticks\": 3\n}\n";
  try {
    io::parse_json_text(text, "broken.json");
    FAIL("no error");
  } catch (const InputError& e) {
    REQUIRE(e.problems().size() == 1);
    CHECK(e.file() == "broken.json");
    // The parser stops at the end of the unexpected token, "ticks" on line 4.
    CHECK(e.problems()[0].location == "line 4, column 9");
    CHECK(e.problems()[0].reason.find("malformed JSON") != std::string::npos);
  }
}

TEST_CASE("missing, empty, unreadable and directory paths give clear errors", "[io][scenario]") {
  test::TempDir dir;
  auto reason_for = [](const std::string& path) {
    try {
      io::load_scenario_file(path);
    } catch (const InputError& e) {
      CHECK(e.file() == path);
      return std::string(e.what());
    }
    return std::string("no error");
  };
  CHECK(reason_for(dir.file("nope.json")).find("does not exist") != std::string::npos);
  CHECK(reason_for(dir.path()).find("is a directory") != std::string::npos);
  test::write_file(dir.file("empty.json"), "  \n");
  CHECK(reason_for(dir.file("empty.json")).find("empty") != std::string::npos);
  test::write_file(dir.file("array.json"), "[1, 2]");
  CHECK(reason_for(dir.file("array.json")).find("JSON object") != std::string::npos);
  test::write_file(dir.file("binary.json"), std::string("\x7f\x45\x4c\x46\x00\x01", 6));
  CHECK(reason_for(dir.file("binary.json")).find("NUL byte: this is a binary file") !=
        std::string::npos);
  if (::geteuid() != 0) {  // root reads files whatever their mode
    test::write_file(dir.file("locked.json"), "{}");
    ::chmod(dir.file("locked.json").c_str(), 0);
    CHECK(reason_for(dir.file("locked.json")).find("cannot read") != std::string::npos);
  }
}

// ---- Issue 21: input validation and messages -------------------------------

namespace {

// The problems of parse_json_text on `text` ("" when it parses).
std::string parse_error_of(const std::string& text) {
  try {
    io::parse_json_text(text, "f.json");
  } catch (const InputError& e) {
    CHECK(e.file() == "f.json");
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("JSON nested deeper than the limit is refused with its line, without recursion",
          "[io][json][hostile]") {
  // 100,000 levels of '[' overflowed the stack of the schema validator's
  // dump(); they are refused before a document exists.
  CHECK_THAT(parse_error_of("{\"schema_version\": 1,\n \"name\": " + std::string(100000, '[') +
                            std::string(100000, ']') + "}"),
             Catch::Contains("f.json: line 2: nested deeper than 64 levels"));
  CHECK_THAT(parse_error_of("{\"a\": " + std::string(65, '{')),
             Catch::Contains("nested deeper than 64 levels"));
  // 64 levels are fine, and brackets in strings are not nesting.
  CHECK(parse_error_of(std::string(64, '[') + std::string(64, ']')).empty());
  CHECK(parse_error_of("{\"a\": \"" + std::string(200, '[') + "\\\"[{\"}").empty());
}

TEST_CASE("a key repeated in an object is refused with its JSON pointer", "[io][json]") {
  const std::string twice =
      parse_error_of("{\"city\": {\"households\": -7, \"households\": 300}, \"ticks\": 3}");
  CHECK_THAT(twice, Catch::Contains("f.json: /city/households: duplicate key 'households'"));
  CHECK_THAT(parse_error_of("{\"hazards\": [{\"tick\": 1}, {\"tick\": 2, \"tick\": 3}]}"),
             Catch::Contains("/hazards/1/tick: duplicate key"));
  CHECK_THAT(parse_error_of("{\"a/b\": 1, \"a/b\": 2}"), Catch::Contains("/a~1b: duplicate key"));
  // The same key in different objects is not a repeat.
  CHECK(parse_error_of("{\"a\": {\"x\": 1}, \"b\": {\"x\": 1}, \"x\": [{\"x\": 2}]}").empty());
}

TEST_CASE("the document parse_json_text builds is the one nlohmann's parser builds", "[io][json]") {
  // The resolved scenario of a city with hazards and programmes: every kind
  // of value, nested objects and arrays of objects.
  json doc = test::small_scenario_json();
  doc["hazards"] = {{{"type", "flood"}, {"tick", 2}},
                    {{"type", "earthquake"}, {"tick", 3}, {"magnitude", 6.1}}};
  doc["policies"] = {
      {{"type", "social_housing"}, {"budget_per_year", 1e6}, {"social_sites", {1, 2, 3}}}};
  const json resolved = io::load_scenario_json(doc, "doc").resolved;
  const std::string text = resolved.dump(2);
  CHECK(io::parse_json_text(text, "f.json") == json::parse(text));
  CHECK(io::parse_json_text("[1, [2, [3, {}]], null, true, -4, 5.5, \"x\"]", "f.json") ==
        json::parse("[1, [2, [3, {}]], null, true, -4, 5.5, \"x\"]"));
}

TEST_CASE("a value outside an enum lists the allowed values with a did-you-mean",
          "[io][scenario]") {
  json doc = test::small_scenario_json();
  doc["policies"] = {{{"type", "rentcap"}}};
  doc["hazards"] = {{{"type", "flod"}, {"tick", 2}}};
  const auto problems = problems_of(doc);
  INFO(describe(problems));
  CHECK(has_problem(problems, "/policies/0/type",
                    "got \"rentcap\"; must be one of: rent_cap, vouchers, social_housing"));
  CHECK(has_problem(problems, "/policies/0/type", "(did you mean 'rent_cap'?)"));
  CHECK(has_problem(problems, "/hazards/0/type",
                    "must be one of: flood, earthquake, arrival_wave (did you mean 'flood'?)"));
  CHECK_FALSE(has_problem(problems, "/policies/0/type", "Failed to match"));
}

TEST_CASE("a value that does not fit a pattern is told the form in words", "[io][scenario]") {
  json doc = test::small_scenario_json();
  doc["start_date"] = "2026-1";
  doc["name"] = "my city";
  const auto problems = problems_of(doc);
  INFO(describe(problems));
  CHECK(has_problem(problems, "/start_date", "must be a year and month as YYYY-MM"));
  CHECK(has_problem(problems, "/name", "hold only letters, digits, '_', '.' and '-'"));
  CHECK_FALSE(has_problem(problems, "/name", "regex"));
}

TEST_CASE("seeds outside 0..2^53-1 are refused", "[io][scenario]") {
  json doc = test::small_scenario_json();
  doc["seed"] = -5;
  CHECK(has_problem(problems_of(doc), "/seed", "-5"));
  doc["seed"] = std::uint64_t{18446744073709551611u};
  CHECK(has_problem(problems_of(doc), "/seed", "18446744073709551611"));
  doc["seed"] = std::uint64_t{9007199254740991};
  CHECK(problems_of(doc).empty());
}

TEST_CASE("events, programmes, neighbourhoods and files that can never be are refused",
          "[io][scenario]") {
  json doc = test::small_scenario_json(3000, 60);  // 4 x 4 = 16 neighbourhoods
  doc["hazards"] = {{{"type", "flood"}, {"tick", 80}},
                    {{"type", "earthquake"}, {"tick", 3}, {"depth_file", "/no/such/depth.asc"}},
                    {{"type", "flood"}, {"tick", 60}}};
  doc["policies"] = {
      {{"type", "social_housing"}, {"budget_per_year", 1e6}, {"social_sites", {3, 99}}},
      {{"type", "vouchers"}, {"budget_per_year", 1e6}, {"start_tick", 70}},
      {{"type", "upgrading"},
       {"budget_per_year", 1e6},
       {"upgrading_target", "neighbourhoods"},
       {"upgrading_neighbourhoods", {16}}}};
  const auto problems = io::validate_scenario_json(doc, io::EventsAfterEnd::refused);
  INFO(describe(problems));
  CHECK(has_problem(problems, "/hazards/0/tick",
                    "a flood at tick 80 never happens in a 60-tick run"));
  CHECK_FALSE(has_problem(problems, "/hazards/2/tick", ""));  // the last tick is fine
  CHECK(has_problem(problems, "/hazards/1/depth_file", "only a flood reads a depth raster"));
  CHECK(has_problem(problems, "/hazards/1/depth_file",
                    "/no/such/depth.asc: cannot read: file does not exist"));
  CHECK(has_problem(problems, "/policies/0/social_sites/1",
                    "neighbourhood 99 does not exist: the city has 16 (numbered 0 to 15)"));
  CHECK_FALSE(has_problem(problems, "/policies/0/social_sites/0", ""));
  CHECK(has_problem(problems, "/policies/1/start_tick",
                    "a vouchers programme starting at tick 70 never happens in a 60-tick run"));
  CHECK(has_problem(problems, "/policies/2/upgrading_neighbourhoods/0", "neighbourhood 16"));
}

TEST_CASE("a scenario file refuses events after its end, a sweep point or --ticks warns",
          "[io][scenario]") {
  test::TempDir dir;
  json late = test::small_scenario_json(3000, 60);
  late["hazards"] = {{{"type", "flood"}, {"tick", 80}}};
  test::write_file(dir.file("late.json"), late.dump());
  CHECK_THROWS_WITH(io::load_scenario_file(dir.file("late.json")),
                    Catch::Contains("late.json: /hazards/0/tick: a flood at tick 80 never"));
  // A sweep point that shortens the run, and a checkpoint's scenario after
  // --ticks, load.
  CHECK(io::load_scenario_json(late, "point").def.hazards.size() == 1);
}

TEST_CASE("after a shorter --ticks, events after the end are warnings", "[io][scenario]") {
  json doc = test::small_scenario_json(3000, 60);
  doc["hazards"] = {{{"type", "flood"}, {"tick", 30}}};
  ScenarioDef def = io::load_scenario_json(doc, "doc").def;
  CHECK(io::scenario_warnings(def).empty());
  def.ticks = 24;
  const auto warnings = io::scenario_warnings(def, "--ticks 24");
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0] ==
        "/hazards/0/tick: a flood at tick 30 never happens in a 24-tick run (--ticks 24)");
}

TEST_CASE("a sweep file given as a scenario is named as one", "[io][scenario]") {
  const json sweep = {{"sweep_version", 1},
                      {"name", "s"},
                      {"base", test::small_scenario_json()},
                      {"parameters", json::array()}};
  const auto problems = problems_of(sweep);
  INFO(describe(problems));
  REQUIRE(problems.size() == 1);
  CHECK_THAT(problems[0].reason,
             Catch::Contains("this is a sweep file") && Catch::Contains("hearth sweep plan"));
  // Without its version: known by its base and parameters.
  json unversioned = sweep;
  unversioned.erase("sweep_version");
  CHECK(has_problem(problems_of(unversioned), "",
                    "this is a sweep file (it has \"base\" and \"parameters\")"));
}

TEST_CASE("an implausible density and a long run are warned about", "[io][scenario]") {
  // The city: 20M households on 120 x 120 cells of a hectare each.
  json doc = test::small_scenario_json(20000000, 120);
  doc["city"]["grid"] = {{"width_cells", 120}, {"height_cells", 120}};
  const ScenarioDef crowded = io::load_scenario_json(doc, "doc").def;
  const auto warnings = io::scenario_warnings(crowded);
  REQUIRE(warnings.size() == 1);
  CHECK_THAT(warnings[0], Catch::Contains("/city/households: 20000000 households on 14400 "
                                          "hectares is 1389 per hectare"));
  CHECK_THAT(io::long_run_warning(crowded), Catch::Contains("20000000 households x 120 ticks"));
  // The baseline city: 20,000 households on the same grid, 120 ticks.
  doc["city"]["households"] = 20000;
  const ScenarioDef baseline = io::load_scenario_json(doc, "doc").def;
  CHECK(io::scenario_warnings(baseline).empty());
  CHECK(io::long_run_warning(baseline).empty());
}
