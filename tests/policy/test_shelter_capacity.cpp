// shelter_capacity (docs/POLICIES.md#shelter_capacity): extra places keep
// households who would have left the city in shelters and camps, capacities
// (with the extra places) are never exceeded, closing places moves the last
// households in on, and the places cost what they are open for.
#include <catch2/catch.hpp>

#include "policy/disaster_policy_support.hpp"
#include "support/paired_seeds.hpp"

namespace hearth {
namespace {

constexpr int kQuakeTick = 2;
constexpr int kEndTick = 6;

// A strong earthquake, few places and no other way out: the Flee rule sends
// households away when shelter and camp are full.
nlohmann::json crowded_city() {
  auto doc = test::disaster_city(4000, 10, test::quake_event(kQuakeTick, 7.0));
  doc["disasters"] = {{"dislocation",
                       {{"shelter_capacity_households", 20},
                        {"camp_capacity_households", 30},
                        {"host_share", 0.02},
                        {"leave_city_share", 0.0},
                        {"displaced_departure_rate_per_month", 0.0}}}};
  return doc;
}

nlohmann::json places(double budget) {
  return nlohmann::json::array({{{"type", "shelter_capacity"},
                                 {"start_tick", kQuakeTick},
                                 {"end_tick", kEndTick},
                                 {"budget_per_year", budget},
                                 {"shelter_extra_places", 100},
                                 {"camp_extra_places", 50},
                                 {"shelter_cost_per_place_per_month", 200.0}}});
}

struct Watch {
  std::int64_t left_at_event = 0, left_at_closing = 0, most_shelter = 0, most_camp = 0;
  test::SpendingLog log;
};

Watch run(const ScenarioDef& s) {
  Watch out;
  test::run_watching(
      s,
      [&](const World& w) {
        std::int64_t shelter = 0, camp = 0;
        for (const Status st : w.households.status) {
          shelter += st == Status::DisplacedShelter;
          camp += st == Status::DisplacedCamp;
        }
        REQUIRE(shelter <= 20 + w.policies.shelter_extra_places);
        REQUIRE(camp <= 30 + w.policies.camp_extra_places);
        if (w.tick > kEndTick) {
          REQUIRE(shelter <= 20);
          REQUIRE(camp <= 30);
        }
        out.most_shelter = std::max(out.most_shelter, shelter);
        out.most_camp = std::max(out.most_camp, camp);
        if (w.tick == kQuakeTick) out.left_at_event = w.flows.displaced_departures;
        if (w.tick == kEndTick + 1) out.left_at_closing = w.flows.displaced_departures;
      },
      &out.log);
  return out;
}

}  // namespace

// Departures are compared paired over seeds (support/paired_seeds.hpp); the
// capacities and the cost are exact, so they are checked in every run.
TEST_CASE("extra shelter and camp places keep displaced households in the city",
          "[policy][shelter_capacity][paired]") {
  const test::PairedRuns runs = test::paired_over_seeds([](int arm, std::uint64_t seed) {
    auto doc = crowded_city();
    doc["seed"] = seed;
    if (arm == 0) {
      const Watch without = run(test::load_doc(doc));
      REQUIRE(without.left_at_event > 150);
      return test::Figures{{"left at the event", static_cast<double>(without.left_at_event)},
                           {"left at closing", static_cast<double>(without.left_at_closing)}};
    }
    const ScenarioDef s = test::with_policies(doc, places(1e6));
    const Watch with = run(s);
    INFO("seed " << seed);
    // The extra places are used (well beyond the normal 20 and 30). Not all:
    // households from homes with minor damage go back within the month
    // (docs/MODEL.md 7.6, homes left habitable). Shelter peaks of 78 and
    // more over seeds 1-8 in the city of issue 16's stationary baseline.
    CHECK(with.most_shelter > 70);
    CHECK(with.most_camp > 50);
    // Cost: 150 places x 200 a month for the 5 months open, within the budget.
    CHECK(with.log.by_programme[0] == Approx(150.0 * 200.0 * (kEndTick - kQuakeTick + 1)));
    with.log.check_budgets(s);
    return test::Figures{{"left at the event", static_cast<double>(with.left_at_event)},
                         {"left at closing", static_cast<double>(with.left_at_closing)}};
  });
  // 150 more places, nearly all used: at least 140 fewer leave, on the interval.
  const test::PairedOutcome& left = runs["left at the event"];
  test::check_b_lower(left);
  INFO(left.describe());
  CHECK(left.difference.upper <= -140);
  // Closing: the places' occupants beyond the normal capacity move on.
  test::check_b_higher(runs["left at closing"]);
}

TEST_CASE("a shelter budget opens only the places it pays for", "[policy][shelter_capacity]") {
  // 60,000 a year at 200 a place-month: 300 place-months, 150 places for 2 months.
  const ScenarioDef s = test::with_policies(crowded_city(), places(60000.0));
  std::vector<std::int64_t> open;
  test::SpendingLog log;
  test::run_watching(
      s,
      [&](const World& w) {
        open.push_back(w.policies.shelter_extra_places + w.policies.camp_extra_places);
      },
      &log);
  CHECK(open[kQuakeTick - 1] == 150);
  CHECK(open[kQuakeTick] == 150);
  CHECK(open[kQuakeTick + 1] == 0);
  CHECK(log.by_programme[0] == Approx(60000.0));
  log.check_budgets(s);
}

}  // namespace hearth
