#pragma once
// Helpers shared by the tests of the disaster levers (building_code,
// reconstruction_grants, buyout, shelter_capacity, record_restoration): a
// small city hit by an event, a run that watches every tick, and the budget
// rule every costly programme must keep.
#include <catch2/catch.hpp>

#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <utility>

#include "hearth/simulation.hpp"
#include "io/scenario_loader.hpp"
#include "policy/policies.hpp"
#include "state/world.hpp"
#include "support/test_support.hpp"

namespace hearth::test {

// A small city (40x40 cells, `households`) hit by `event` at its tick.
inline nlohmann::json disaster_city(int households, int ticks, const nlohmann::json& event) {
  nlohmann::json doc = small_scenario_json(households, ticks);
  doc["hazards"] = nlohmann::json::array({event});
  return doc;
}

inline nlohmann::json flood_event(int tick) {
  return {{"type", "flood"}, {"tick", tick}};
}

inline nlohmann::json quake_event(int tick, double magnitude = 6.8) {
  return {{"type", "earthquake"},
          {"tick", tick},
          {"magnitude", magnitude},
          {"epicentre_x_fraction", 0.5},
          {"epicentre_y_fraction", 0.5}};
}

inline ScenarioDef with_policies(nlohmann::json doc, const nlohmann::json& policies) {
  doc["policies"] = policies;
  return io::load_scenario_json(doc, "test").def;
}

inline ScenarioDef load_doc(const nlohmann::json& doc) {
  return io::load_scenario_json(doc, "test").def;
}

// Money each programme spent per programme year, gathered tick by tick.
struct SpendingLog {
  std::map<std::pair<int, int>, double> by_year;  // (programme, programme year) -> spent
  std::vector<double> by_programme;               // whole run

  void add(const ScenarioDef& s, const World& w) {
    by_programme.resize(s.policies.size(), 0.0);
    for (std::size_t k = 0; k < s.policies.size(); ++k) {
      const double spent = w.policies.programmes[k].spent_this_tick;
      by_programme[k] += spent;
      by_year[{static_cast<int>(k), policy::programme_year(s.policies[k], w.tick)}] += spent;
    }
  }
  // Never above budget_per_year in a programme year.
  void check_budgets(const ScenarioDef& s) const {
    for (const auto& [key, spent] : by_year) {
      INFO("programme " << key.first << " year " << key.second << " spent " << spent);
      CHECK(spent <= s.policies[key.first].budget_per_year * (1 + 1e-12));
    }
  }
};

// Runs the scenario to its end (invariants checked every tick); `each` sees
// the world after every tick. Returns the final world.
inline World run_watching(const ScenarioDef& s, const std::function<void(const World&)>& each,
                          SpendingLog* log = nullptr) {
  Simulation sim(s, SimulationOptions{.check_invariants = true, .neighbourhood_frames = false});
  for (int t = 0; t < s.ticks; ++t) {
    sim.step();
    if (log) log->add(s, sim.world());
    each(sim.world());
  }
  return sim.world();
}

}  // namespace hearth::test
