// building_code (docs/POLICIES.md#building_code): retrofits before an
// earthquake lower the damage; new and rebuilt stock takes the code's class;
// the retrofit subsidy costs what the ledger says, within the budget.
#include <catch2/catch.hpp>

#include "policy/disaster_levers.hpp"
#include "policy/disaster_policy_support.hpp"
#include "state/city_generator.hpp"
#include "support/paired_seeds.hpp"

namespace hearth {
namespace {

constexpr int kQuakeTick = 4;

nlohmann::json retrofit_programme(double budget = 4e7) {
  return nlohmann::json::array({{{"type", "building_code"},
                                 {"start_tick", 1},
                                 {"budget_per_year", budget},
                                 {"retrofit_share_per_year", 0.999},
                                 {"retrofit_uptake", 0.8},
                                 {"retrofit_cost_per_dwelling", 20000.0},
                                 {"retrofit_subsidy_share", 0.5}}});
}

std::int64_t count_class(const World& w, StructureClass c) {
  return std::count(w.dwellings.structure.begin(), w.dwellings.structure.end(), c);
}

}  // namespace

// The damage is compared paired over seeds (support/paired_seeds.hpp); the
// stock and cost accounting is exact, so it is checked in every run.
TEST_CASE("retrofits before an earthquake lower the damage it does",
          "[policy][building_code][paired]") {
  auto heavy = [](const World& w) {
    std::int64_t n = 0;
    for (const DamageState ds : w.dwellings.damage) n += ds >= DamageState::Extensive;
    return n;
  };
  std::int64_t masonry_without = 0;
  const test::PairedRuns runs = test::paired_over_seeds([&](int arm, std::uint64_t seed) {
    auto doc = test::disaster_city(4000, kQuakeTick, test::quake_event(kQuakeTick));
    doc["seed"] = seed;
    std::int64_t damaged = 0, retrofits = 0;
    if (arm == 0) {
      const World before = test::run_watching(test::load_doc(doc), [&](const World& w) {
        if (w.tick == kQuakeTick) damaged = heavy(w);
      });
      REQUIRE(damaged > 100);
      masonry_without = count_class(before, StructureClass::UnreinforcedMasonry);
      return test::Figures{{"DS3+ dwellings", static_cast<double>(damaged)}};
    }
    const ScenarioDef s = test::with_policies(doc, retrofit_programme());
    test::SpendingLog log;
    const World after = test::run_watching(
        s,
        [&](const World& w) {
          retrofits += w.flows.retrofits;
          if (w.tick == kQuakeTick) damaged = heavy(w);
        },
        &log);
    INFO("seed " << seed << ": " << retrofits << " retrofits");
    REQUIRE(retrofits > 100);
    // Unreinforced masonry went to code-compliant (informal dwellings are not eligible).
    CHECK(count_class(after, StructureClass::UnreinforcedMasonry) == masonry_without - retrofits);
    // Cost: the subsidy of each retrofit, never above the budget.
    CHECK(log.by_programme[0] == Approx(10000.0 * static_cast<double>(retrofits)));
    log.check_budgets(s);
    return test::Figures{{"DS3+ dwellings", static_cast<double>(damaged)}};
  });
  test::check_b_lower(runs["DS3+ dwellings"]);
}

TEST_CASE("a retrofit budget that runs out stops the programme for the year",
          "[policy][building_code]") {
  const auto doc = test::disaster_city(4000, 14, test::quake_event(40));
  const ScenarioDef s = test::with_policies(doc, retrofit_programme(200000.0));  // 20 subsidies
  test::SpendingLog log;
  std::int64_t retrofits = 0, year_two = 0;
  test::run_watching(
      s,
      [&](const World& w) {
        retrofits += w.flows.retrofits;
        if (w.tick >= 13) year_two += w.flows.retrofits;
      },
      &log);
  CHECK(retrofits == 40);  // 20 in programme year 0, 20 more from tick 13
  CHECK(year_two == 20);
  log.check_budgets(s);
  CHECK(log.by_programme[0] == Approx(400000.0));
}

// Damage state of each dwelling just after the event at `tick`, and the final world.
std::pair<std::vector<DamageState>, World> damage_then_end(const ScenarioDef& s, int tick) {
  std::vector<DamageState> at_event;
  World end = test::run_watching(s, [&](const World& w) {
    if (w.tick == tick) at_event = w.dwellings.damage;
  });
  return {at_event, std::move(end)};
}

// Of the dwellings damaged at least `min` by the event and repaired since
// (formal ones), how many there are and how many are code-compliant now.
std::pair<std::int64_t, std::int64_t> repaired_to_code(const std::vector<DamageState>& at_event,
                                                       const World& w, DamageState min) {
  std::int64_t repaired = 0, to_code = 0;
  for (DwellingId d = 0; d < at_event.size(); ++d) {
    if (at_event[d] < min || w.dwellings.damage[d] != DamageState::None ||
        w.dwellings.work_remaining_months[d] > 0 || w.dwellings.tenure[d] == Tenure::Informal)
      continue;
    ++repaired;
    to_code += w.dwellings.structure[d] == StructureClass::CodeCompliant;
  }
  return {repaired, to_code};
}

TEST_CASE("new and rebuilt stock takes the code's structure class", "[policy][building_code]") {
  auto doc = test::disaster_city(4000, 30, test::quake_event(3));
  // Builders busy: new dwellings each month (the default city's prices sit
  // below the builders' hurdle, docs/MODEL.md 7.12).
  doc["market"] = {{"build_rate_per_month", 0.05}, {"construction_cost_per_room", 30000}};
  const nlohmann::json code = nlohmann::json::array({{{"type", "building_code"},
                                                      {"code_new_structure", "rc_frame"},
                                                      {"code_rebuild_structure", "code_compliant"},
                                                      {"code_rebuild_min_damage_state", 2}}});
  const ScenarioDef base_s = test::load_doc(doc);
  const auto initial = static_cast<DwellingId>(generate_city(base_s).dwellings.count());
  const auto [base_damage, base] = damage_then_end(base_s, 3);
  const auto [coded_damage, coded] = damage_then_end(test::with_policies(doc, code), 3);
  // New formal stock: code_compliant by default, rc_frame under this code.
  std::int64_t new_formal = 0, new_rc = 0;
  for (DwellingId d = initial; d < coded.dwellings.count(); ++d) {
    if (coded.dwellings.tenure[d] == Tenure::Informal) continue;
    ++new_formal;
    new_rc += coded.dwellings.structure[d] == StructureClass::ReinforcedConcreteFrame;
  }
  REQUIRE(new_formal > 10);
  CHECK(new_rc == new_formal);
  // Rebuilt stock: every formal dwelling repaired after DS2+ damage is
  // code-compliant; without the code (and build back better) some are not.
  const auto [repaired, to_code] = repaired_to_code(coded_damage, coded, DamageState::Moderate);
  const auto [base_repaired, base_to_code] =
      repaired_to_code(base_damage, base, DamageState::Moderate);
  INFO(repaired << " repaired after DS2+, " << to_code << " to code; without the code "
                << base_to_code << " of " << base_repaired);
  REQUIRE(repaired > 20);
  CHECK(to_code == repaired);
  CHECK(base_to_code < base_repaired);
}

TEST_CASE("build back better still rebuilds DS3+ stock to code without a programme",
          "[policy][building_code]") {
  auto doc = test::disaster_city(4000, 30, test::quake_event(3));
  doc["disasters"] = {{"recovery", {{"build_back_better", true}}}};
  const auto [at_event, w] = damage_then_end(test::load_doc(doc), 3);
  const auto [rebuilt, to_code] = repaired_to_code(at_event, w, DamageState::Extensive);
  REQUIRE(rebuilt > 10);
  CHECK(to_code == rebuilt);
}

}  // namespace hearth
