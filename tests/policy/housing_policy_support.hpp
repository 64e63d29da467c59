#pragma once
// Helpers shared by the tests of the housing levers (rent_cap, vouchers,
// social_housing, eviction_moratorium, mortgage_rules, upgrading): a small
// city, a run that watches every tick, and the same run without the policy.
#include <catch2/catch.hpp>

#include <functional>
#include <nlohmann/json.hpp>

#include "hearth/simulation.hpp"
#include "io/scenario_loader.hpp"
#include "policy/housing_levers.hpp"
#include "policy/policies.hpp"
#include "state/world.hpp"
#include "support/test_support.hpp"

namespace hearth::test {

inline ScenarioDef housing_scenario(nlohmann::json doc, const nlohmann::json& policies) {
  if (!policies.is_null()) doc["policies"] = policies;
  return io::load_scenario_json(doc, "test").def;
}

// Runs to the end with invariants checked; `each` sees the world after every tick.
inline World run_each(const ScenarioDef& s, const std::function<void(const World&)>& each = {}) {
  Simulation sim(s, SimulationOptions{.check_invariants = true, .neighbourhood_frames = false});
  for (int t = 0; t < s.ticks; ++t) {
    sim.step();
    if (each) each(sim.world());
  }
  return sim.world();
}

// Money a programme spent in each programme year must stay within its budget.
inline void check_yearly_budget(const std::vector<double>& spent_per_tick, const ProgrammeDef& p) {
  std::vector<double> per_year;
  for (std::size_t t = 1; t < spent_per_tick.size(); ++t) {
    if (static_cast<std::int32_t>(t) < p.start_tick) continue;
    const auto year =
        static_cast<std::size_t>(policy::programme_year(p, static_cast<std::int32_t>(t)));
    per_year.resize(std::max(per_year.size(), year + 1), 0.0);
    per_year[year] += spent_per_tick[t];
  }
  for (std::size_t y = 0; y < per_year.size(); ++y) {
    INFO("programme year " << y << " spent " << per_year[y]);
    CHECK(per_year[y] <= p.budget_per_year * (1 + 1e-9));
  }
}

}  // namespace hearth::test
