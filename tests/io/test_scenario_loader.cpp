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
