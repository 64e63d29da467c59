// upgrading (docs/POLICIES.md#upgrading): the ministry's comparison on one
// city with a flood after the programme: in-situ upgrading displaces fewer
// households (programme evictions plus flood displacement) than clearance;
// relocation moves households to the site and some drift back; each
// programme pays its cost per dwelling within the budget.
#include "policy/housing_policy_support.hpp"
#include "support/paired_seeds.hpp"

namespace hearth {
namespace {

constexpr int kFloodTick = 14;

nlohmann::json city() {
  nlohmann::json doc = test::small_scenario_json(4000, 20);
  doc["hazards"] = nlohmann::json::array({{{"type", "flood"}, {"tick", kFloodTick}}});
  return doc;
}

nlohmann::json programme(const std::string& mode, double budget = 1e7) {
  return nlohmann::json::array({{{"type", "upgrading"},
                                 {"start_tick", 1},
                                 {"end_tick", 12},
                                 {"budget_per_year", budget},
                                 {"upgrading_mode", mode},
                                 {"upgrading_target", "floodplain"},
                                 {"upgrading_dwellings_per_month", 20},
                                 {"upgrading_cost_per_dwelling", 4000},
                                 {"upgrading_structure", "unreinforced_masonry"},
                                 {"upgrading_drainage_depth_m", 0.3},
                                 {"upgrading_drift_back_rate_per_month", 0.05}}});
}

struct Outcome {
  std::int64_t programme_evictions =
      0;                             // evictions in the programme's months beyond the baseline's
  std::int64_t flood_displaced = 0;  // households displaced by the flood
  std::int64_t treated = 0, relocated = 0, cleared = 0;
  double spent = 0;
  std::vector<double> spent_per_tick{0.0};
  std::int64_t displaced() const { return programme_evictions + flood_displaced; }
};

Outcome run(const ScenarioDef& s) {
  Outcome out;
  test::run_each(s, [&](const World& now) {
    if (now.tick <= 12) out.programme_evictions += now.flows.evictions;
    if (now.tick == kFloodTick) out.flood_displaced = now.flows.new_displacements;
    out.spent_per_tick.push_back(
        now.policies.programmes.empty() ? 0.0 : now.policies.programmes[0].spent_this_tick);
    const policy::HousingCounts c = policy::count_housing(s, now);
    out.treated = c.upgraded_dwellings;
    out.relocated = c.relocated_households;
    out.cleared = c.cleared_dwellings;
  });
  for (const double x : out.spent_per_tick) out.spent += x;
  return out;
}

}  // namespace

// The directions are paired over seeds (support/paired_seeds.hpp); each
// programme's cost is exact, so it is checked in every run.
TEST_CASE("in-situ upgrading displaces fewer households than clearance before a flood",
          "[policy][upgrading][paired][slow]") {
  auto city_of = [](std::uint64_t seed) {
    auto doc = city();
    doc["seed"] = seed;
    return doc;
  };
  auto in_situ_run = [&](std::uint64_t seed) {
    const ScenarioDef s = test::housing_scenario(city_of(seed), programme("in_situ"));
    const Outcome out = run(s);
    INFO("seed " << seed << ": in situ " << out.treated << " upgraded");
    REQUIRE(out.treated > 50);
    CHECK(out.spent == Approx(out.treated * 4000.0));
    test::check_yearly_budget(out.spent_per_tick, s.policies[0]);
    return out;
  };
  // Against no programme: fewer are flooded out (sturdier, drained), and the
  // programme moves nobody. The one-seed test this replaces asked for exactly
  // the baseline's evictions in the programme's months; over seeds 1-8 two
  // seeds have one eviction more (upgraded homes are dearer), so the claim is
  // now that the paired difference is small: its interval within +-10
  // evictions, against clearance's 50 or more.
  const test::PairedRuns against_none = test::paired_over_seeds([&](int arm, std::uint64_t seed) {
    const Outcome out =
        arm == 0 ? run(test::housing_scenario(city_of(seed), nullptr)) : in_situ_run(seed);
    return test::Figures{
        {"displaced by the flood", static_cast<double>(out.flood_displaced)},
        {"evictions in the programme's months", static_cast<double>(out.programme_evictions)}};
  });
  test::check_b_lower(against_none["displaced by the flood"]);
  const test::PairedOutcome& evictions = against_none["evictions in the programme's months"];
  INFO(evictions.describe());
  CHECK(evictions.difference.lower > -10);
  CHECK(evictions.difference.upper < 10);
  // Against clearance: programme evictions plus flood displacement.
  const test::PairedRuns against_clearance =
      test::paired_over_seeds([&](int arm, std::uint64_t seed) {
        if (arm == 1) {
          return test::Figures{{"displaced", static_cast<double>(in_situ_run(seed).displaced())}};
        }
        const Outcome base = run(test::housing_scenario(city_of(seed), nullptr));
        const Outcome clearance =
            run(test::housing_scenario(city_of(seed), programme("clearance")));
        INFO("seed " << seed << ": " << clearance.cleared << " cleared, "
                     << clearance.programme_evictions << " evictions (baseline "
                     << base.programme_evictions << ")");
        REQUIRE(clearance.cleared > 50);
        CHECK(clearance.programme_evictions > base.programme_evictions + 50);
        CHECK(clearance.spent == Approx(clearance.cleared * 4000.0));
        return test::Figures{{"displaced", static_cast<double>(clearance.displaced())}};
      });
  test::check_b_lower(against_clearance["displaced"]);
}

TEST_CASE("relocation moves households to the site and some drift back, and the budget binds",
          "[policy][upgrading]") {
  const ScenarioDef s = test::housing_scenario(city(), programme("relocation", 2e5));
  std::int64_t most_relocated = 0;
  const Outcome out = run(s);
  test::run_each(s, [&](const World& now) {
    most_relocated = std::max(most_relocated, policy::count_housing(s, now).relocated_households);
    for (DwellingId d = 0; d < now.dwellings.count(); ++d) {
      if (now.dwellings.programme[d] == 0 || demolished(now.dwellings, d)) continue;
      REQUIRE(now.dwellings.cell[d] == now.grid.relocation_site);
      REQUIRE(now.dwellings.tenure[d] == Tenure::SocialRental);
    }
  });
  INFO("relocated at most " << most_relocated << ", at the end " << out.relocated << ", cleared "
                            << out.cleared << ", spent " << out.spent);
  CHECK(out.cleared == 50);  // 2e5 / 4000 in the one programme year
  CHECK(out.spent == Approx(50 * 4000.0));
  CHECK(most_relocated > 20);
  CHECK(out.relocated < most_relocated);  // drift back
  test::check_yearly_budget(out.spent_per_tick, s.policies[0]);
}

}  // namespace hearth
