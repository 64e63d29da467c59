// upgrading (docs/POLICIES.md#upgrading): the ministry's comparison on one
// city with a flood after the programme: in-situ upgrading displaces fewer
// households (programme evictions plus flood displacement) than clearance;
// relocation moves households to the site and some drift back; each
// programme pays its cost per dwelling within the budget.
#include "policy/housing_policy_support.hpp"

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

TEST_CASE("in-situ upgrading displaces fewer households than clearance before a flood",
          "[policy][upgrading]") {
  const Outcome base = run(test::housing_scenario(city(), nullptr));
  const ScenarioDef s_in_situ = test::housing_scenario(city(), programme("in_situ"));
  const ScenarioDef s_clearance = test::housing_scenario(city(), programme("clearance"));
  const Outcome in_situ = run(s_in_situ);
  const Outcome clearance = run(s_clearance);
  INFO("baseline: " << base.programme_evictions << " evictions, " << base.flood_displaced
                    << " displaced by the flood");
  INFO("in situ: " << in_situ.treated << " upgraded, " << in_situ.programme_evictions
                   << " evictions, " << in_situ.flood_displaced << " displaced by the flood");
  INFO("clearance: " << clearance.cleared << " cleared, " << clearance.programme_evictions
                     << " evictions, " << clearance.flood_displaced << " displaced by the flood");
  REQUIRE(in_situ.treated > 50);
  REQUIRE(clearance.cleared > 50);
  CHECK(in_situ.programme_evictions == base.programme_evictions);  // nobody is moved
  CHECK(clearance.programme_evictions > base.programme_evictions + 50);
  CHECK(in_situ.flood_displaced < base.flood_displaced);  // sturdier, drained
  CHECK(in_situ.displaced() < clearance.displaced());
  // Each pays its cost per dwelling, within the budget.
  CHECK(in_situ.spent == Approx(in_situ.treated * 4000.0));
  CHECK(clearance.spent == Approx(clearance.cleared * 4000.0));
  test::check_yearly_budget(in_situ.spent_per_tick, s_in_situ.policies[0]);
}

TEST_CASE("relocation moves households to the site and some drift back; the budget binds",
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
