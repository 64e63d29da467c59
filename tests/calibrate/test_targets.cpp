// Targets files, the moment vocabulary on a hand-written run directory, the
// parameters file's checks, and history matching's implausibility.
#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>

#include "calibrate/history_matching.hpp"
#include "calibrate/moments.hpp"
#include "calibrate/parameters.hpp"
#include "calibrate/targets.hpp"
#include "hearth/errors.hpp"

using namespace hearth;
using namespace hearth::calibrate;

namespace {

nlohmann::json one_moment(const nlohmann::json& formula) {
  return {{"targets_version", 1},
          {"name", "t"},
          {"moments",
           {{{"name", "m"},
             {"formula", formula},
             {"value", 1},
             {"tolerance", 0.1},
             {"source", "test"}}}}};
}

std::string problems_of(const nlohmann::json& document) {
  try {
    load_targets_json(document, "targets.json");
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

std::string temp_run_dir() {
  const auto dir = std::filesystem::temp_directory_path() / "hearth_test_moments";
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "indicators.csv") << "tick,date,households_in_city,moves,vacancy_rate\n"
                                           "0,2026-01,100,0,0.05\n"
                                           "1,2026-02,100,2,0.06\n"
                                           "2,2026-03,200,6,\n"
                                           "3,2026-04,200,4,0.10\n";
  std::ofstream(dir / "groups.csv") << "tick,date,group_kind,group,households,owner_share\n"
                                       "0,2026-01,all,all,100,0.5\n"
                                       "0,2026-01,tenure,private_rental,40,0\n"
                                       "1,2026-02,all,all,100,0.7\n"
                                       "1,2026-02,tenure,private_rental,60,0\n";
  std::ofstream(dir / "outcomes.csv")
      << "tick,date,scope,group,displaced,returned_home,rehoused_same_neighbourhood,"
         "resettled_elsewhere,left_city,still_away,away_over_1m_share,away_over_12m_share\n"
         "1,2026-02,all,all,100,10,5,5,10,70,0.9,\n"
         "1,2026-02,tenure,owner_occupied,40,8,2,0,2,28,0.8,\n"
         "2,2026-03,all,all,100,30,10,20,15,25,0.8,0.6\n";
  return dir.string();
}

}  // namespace

TEST_CASE("the shipped target profiles load and cite every figure", "[calibrate]") {
  for (const char* file : {"us_metro.json", "global_south.json", "disaster_return.json"}) {
    const Targets t =
        load_targets_file(std::string(HEARTH_SOURCE_DIR) + "/scenarios/targets/" + file);
    CHECK(t.targets.size() >= 3);
    for (const auto& target : t.targets) CHECK(target.source.size() > 20);
  }
}

TEST_CASE("a targets file names the moment and the unknown column", "[calibrate]") {
  const std::string wrong = problems_of(one_moment({{"kind", "mean"}, {"column", "vacancy_rat"}}));
  CHECK(wrong.find("targets.json") != std::string::npos);
  CHECK(wrong.find("moment 'm'") != std::string::npos);
  CHECK(wrong.find("'vacancy_rat' is not a column of indicators.csv") != std::string::npos);
  CHECK(wrong.find("did you mean 'vacancy_rate'") != std::string::npos);
  CHECK(problems_of(one_moment({{"kind", "ratio"}, {"numerator", "moves"}}))
            .find("a ratio needs \"denominator\"") != std::string::npos);
  CHECK(problems_of(one_moment({{"kind", "mean"},
                                {"column", "owner_share"},
                                {"table", "groups"},
                                {"group_kind", "tenure"},
                                {"group", "renters"}}))
            .find("no group 'tenure/renters'") != std::string::npos);
  CHECK(problems_of(one_moment({{"kind", "mean"},
                                {"column", "still_away"},
                                {"table", "outcomes"},
                                {"group_kind", "neighbourhood"},
                                {"group", "3"}}))
            .find("no group 'neighbourhood/3' in outcomes.csv") != std::string::npos);
  CHECK(problems_of(one_moment({{"kind", "ratio"},
                                {"numerator", {"returned_home", "resettled_elsewher"}},
                                {"denominator", "displaced"},
                                {"table", "outcomes"},
                                {"group_kind", "all"},
                                {"group", "all"}}))
            .find("'resettled_elsewher' is not a column of outcomes.csv") != std::string::npos);
  CHECK(problems_of(one_moment({{"kind", "median"}, {"column", "moves"}})).size() > 0);
  CHECK(problems_of(one_moment({{"kind", "mean"}, {"column", "moves"}})).empty());
  CHECK(problems_of(one_moment({{"kind", "mean"}, {"column", "moves"}, {"base_tick", 0}}))
            .find("a mean has no \"base_tick\"") != std::string::npos);
}

TEST_CASE("moments: mean, ratio, share, quantile and change over a tick window", "[calibrate]") {
  const std::string dir = temp_run_dir();
  const std::string where = "/f";
  auto moment = [&where](const nlohmann::json& formula) {
    Moment m = whole_run_mean("households_in_city");
    std::vector<InputProblem> problems;
    parse_formula(formula, where, m, problems);
    REQUIRE(problems.empty());
    return m;
  };
  // Empty cells are left out: (0.06 + 0.10) / 2 over ticks 1..3.
  CHECK(evaluate(moment({{"kind", "mean"}, {"column", "vacancy_rate"}, {"from_tick", 1}}), dir) ==
        Approx(0.08));
  // Annual moves per household: 12 (2 + 6 + 4) / (100 + 200 + 200).
  CHECK(evaluate(moment({{"kind", "ratio"},
                         {"numerator", "moves"},
                         {"denominator", "households_in_city"},
                         {"from_tick", 1},
                         {"scale", 12}}),
                 dir) == Approx(12.0 * 12 / 500));
  // Per tick: 0/100, 2/100, 6/200, 4/200 in ticks 0..2: mean(0, 0.02, 0.03).
  CHECK(evaluate(moment({{"kind", "share"},
                         {"column", "moves"},
                         {"total", "households_in_city"},
                         {"to_tick", 2}}),
                 dir) == Approx(0.05 / 3));
  CHECK(evaluate(moment({{"kind", "quantile"}, {"column", "moves"}, {"q", 0.5}}), dir) ==
        Approx(3));
  CHECK(evaluate(moment({{"kind", "mean"},
                         {"column", "owner_share"},
                         {"table", "groups"},
                         {"group_kind", "all"},
                         {"group", "all"}}),
                 dir) == Approx(0.6));
  CHECK(std::isnan(
      evaluate(moment({{"kind", "mean"}, {"column", "vacancy_rate"}, {"from_tick", 9}}), dir)));
  // outcomes.csv, by scope and group; a numerator that sums columns: back in
  // the city (home, neighbourhood, elsewhere) at tick 2: 60 of 100.
  const nlohmann::json in_city = {"returned_home", "rehoused_same_neighbourhood",
                                  "resettled_elsewhere"};
  CHECK(evaluate(moment({{"kind", "ratio"},
                         {"table", "outcomes"},
                         {"group_kind", "all"},
                         {"group", "all"},
                         {"numerator", in_city},
                         {"denominator", "displaced"},
                         {"from_tick", 2},
                         {"to_tick", 2}}),
                 dir) == Approx(0.6));
  CHECK(evaluate(moment({{"kind", "mean"},
                         {"table", "outcomes"},
                         {"group_kind", "tenure"},
                         {"group", "owner_occupied"},
                         {"column", "returned_home"}}),
                 dir) == Approx(8));
  // An empty cell (the 12-month cohort not complete at tick 1) is left out.
  CHECK(evaluate(moment({{"kind", "ratio"},
                         {"table", "outcomes"},
                         {"group_kind", "all"},
                         {"group", "all"},
                         {"numerator", "away_over_12m_share"},
                         {"denominator", "away_over_1m_share"}}),
                 dir) == Approx(0.6 / 0.8));
  // Change: households 100, 100, 200, 200 in ticks 0..3; the mean over
  // ticks 1..3 against tick 0, and ticks 2..3 against tick 1.
  CHECK(evaluate(moment({{"kind", "change"}, {"column", "households_in_city"}, {"from_tick", 1}}),
                 dir) == Approx(500.0 / 3 / 100));
  CHECK(evaluate(moment({{"kind", "change"},
                         {"column", "households_in_city"},
                         {"from_tick", 2},
                         {"base_tick", 1}}),
                 dir) == Approx(2.0));
  CHECK(std::isnan(evaluate(
      moment({{"kind", "change"}, {"column", "households_in_city"}, {"base_tick", 7}}), dir)));
}

TEST_CASE("a parameters file must point at numbers of the scenario", "[calibrate]") {
  const nlohmann::json scenario = {{"city", {{"vacancy_rate", 0.05}, {"households", 100}}},
                                   {"name", "x"}};
  auto params = [](const nlohmann::json& entry) {
    return nlohmann::json{{"params_version", 1}, {"parameters", {entry}}};
  };
  auto error_of = [&](const nlohmann::json& entry) {
    try {
      load_params_json(params(entry), "params.json", scenario);
    } catch (const InputError& e) {
      return std::string(e.what());
    }
    return std::string();
  };
  CHECK(error_of({{"pointer", "/city/vacancy"}, {"min", 0}, {"max", 1}})
            .find("/city/vacancy is not a key of the scenario") != std::string::npos);
  CHECK(error_of({{"pointer", "/name"}, {"min", 0}, {"max", 1}}).find("not a number") !=
        std::string::npos);
  CHECK(error_of({{"pointer", "/city/vacancy_rate"}, {"min", 0}, {"max", 1}, {"log", true}})
            .find("log range must be positive") != std::string::npos);
  const auto ranges = load_params_json(
      params({{"pointer", "/city/households"}, {"min", 10}, {"max", 1000}, {"log", true}}),
      "params.json", scenario);
  REQUIRE(ranges.size() == 1);
  CHECK(ranges[0].integer);
  CHECK(value_at(ranges[0], 0.5) == 100);  // the geometric middle, rounded
  CHECK(unit_of(ranges[0], 100) == Approx(0.5));
}

TEST_CASE("implausibility, acceptance and the refocused box", "[calibrate]") {
  Target t;
  t.value = 0.5;
  t.sd = 0.03;
  // Replicates 0.56, 0.60, 0.64: mean 0.60, sd 0.04, I = 0.1 / sqrt(0.03^2 + 0.04^2) = 2.
  const PointFit near = fit_point({t}, {{0.56}, {0.60}, {0.64}}, 3);
  CHECK(near.moments[0].implausibility == Approx(2));
  CHECK(near.accepted);
  CHECK(near.moments[0].lower < 0.6);
  const PointFit far = fit_point({t}, {{0.9}, {0.9}}, 3);
  CHECK(far.max_implausibility == Approx(0.4 / 0.03));
  CHECK_FALSE(far.accepted);
  const PointFit undefined = fit_point({t}, {{std::nan("")}}, 3);
  CHECK(std::isinf(undefined.max_implausibility));
  CHECK(best_point({far, near, undefined}) == 1);
  const UnitBox box = refocus({{0.2, 0.9}, {0.5, 0.1}, {0.7, 0.7}}, {far, near, undefined}, 0.1);
  CHECK(box.lower[0] == Approx(0.4));
  CHECK(box.upper[0] == Approx(0.6));
  CHECK(box.upper[1] == Approx(0.2));
}
