// record_restoration (docs/POLICIES.md#record_restoration): displaced owners
// whose tenure record was lost cannot return until it is restored; the
// programme restores records at its rate and costs what it restores.
#include <catch2/catch.hpp>

#include "policy/disaster_policy_support.hpp"
#include "support/paired_seeds.hpp"

namespace hearth {
namespace {

constexpr int kQuakeTick = 3;

// Every DS3+ home loses its record.
nlohmann::json records_lost_city() {
  auto doc = test::disaster_city(5000, 30, test::quake_event(kQuakeTick));
  doc["disasters"] = {{"dislocation", {{"record_loss_probability", 1.0}}}};
  return doc;
}

nlohmann::json restoration(double per_month, double budget) {
  return nlohmann::json::array({{{"type", "record_restoration"},
                                 {"start_tick", kQuakeTick + 1},
                                 {"budget_per_year", budget},
                                 {"records_per_month", per_month},
                                 {"record_cost_per_record", 500.0}}});
}

std::int64_t owners_returned(const World& w) {
  std::int64_t n = 0;
  for (HouseholdId h = 0; h < w.households.count(); ++h) {
    n += w.households.displaced_at_tick[h] == kQuakeTick &&
         w.households.origin_status[h] == Status::Owner && w.households.returned_at_tick[h] > 0;
  }
  return n;
}

}  // namespace

// Owners' returns are compared paired over seeds (support/paired_seeds.hpp);
// the programme's rate and cost are exact, so they are checked in every run.
TEST_CASE("restoring lost records lets displaced owners return",
          "[policy][record_restoration][slow][paired]") {
  const test::PairedRuns runs = test::paired_over_seeds([&](int arm, std::uint64_t seed) {
    auto doc = records_lost_city();
    doc["seed"] = seed;
    if (arm == 0) {
      const World without = test::run_watching(test::load_doc(doc), [](const World&) {});
      return test::Figures{{"owners returned", static_cast<double>(owners_returned(without))}};
    }
    const ScenarioDef s = test::with_policies(doc, restoration(25, 1e6));
    test::SpendingLog log;
    std::int64_t restored = 0;
    const World with = test::run_watching(
        s,
        [&](const World& w) {
          REQUIRE(w.flows.records_restored <= 25);
          restored += w.flows.records_restored;
        },
        &log);
    INFO("seed " << seed << ": " << restored << " restored");
    REQUIRE(restored > 20);
    CHECK(log.by_programme[0] == Approx(500.0 * static_cast<double>(restored)));
    log.check_budgets(s);
    return test::Figures{{"owners returned", static_cast<double>(owners_returned(with))}};
  });
  test::check_b_higher(runs["owners returned"]);
}

TEST_CASE("record restoration stops when the year's budget is spent",
          "[policy][record_restoration]") {
  const ScenarioDef s = test::with_policies(records_lost_city(), restoration(25, 5000.0));
  test::SpendingLog log;
  std::int64_t restored = 0;
  test::run_watching(
      s, [&](const World& w) { restored += w.flows.records_restored; }, &log);
  // 10 records a programme year (ticks 4-15 and 16-27; 28-30 is a third year).
  CHECK(restored <= 30);
  CHECK(restored >= 20);
  log.check_budgets(s);
  CHECK(log.by_programme[0] == Approx(500.0 * static_cast<double>(restored)));
}

}  // namespace hearth
