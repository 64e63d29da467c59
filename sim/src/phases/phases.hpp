#pragma once
// The phases of a tick, in the order World steps them (run/simulation.cpp).
// Each phase must be completed before the next starts: a phase reads the
// columns the earlier ones wrote. Each is a free function; inside, the
// parallel part writes only slot i of its own columns (or per-chunk
// scratch), and anything that could conflict is committed serially in id
// order.
#include <array>
#include <cstdint>
#include <span>
#include <string_view>

#include "hearth/frame.hpp"
#include "hearth/scenario.hpp"
#include "rules/active_rules.hpp"
#include "state/world.hpp"

namespace hearth {

enum class Phase : int {
  Economy,
  Policy,
  Hazard,
  Displacement,
  Market,
  Recovery,
  Return,
  Indicators,
  Count
};
inline constexpr int kPhaseCount = static_cast<int>(Phase::Count);
inline constexpr std::array<std::string_view, kPhaseCount> kPhaseNames = {
    "economy", "policy", "hazard", "displacement", "market", "recovery", "return", "indicators"};

// The columns a phase may change: "table.column" as named in
// state/columns.hpp (households, dwellings, grid, market), and
// "households.rows" / "dwellings.rows" for a phase that appends rows.
// Simulation checks every phase against it under
// SimulationOptions::check_phase_writes (tests/phases/test_phase_writes.cpp
// runs every shipped scenario so); the list per phase is in
// phases/phase_writes.cpp, beside the reason for each column.
std::span<const std::string_view> phase_writes(Phase phase);

// What every phase of a tick receives: the scenario, the tick, and the rules
// the policy programmes in force set for it (built once, here).
struct PhaseContext {
  PhaseContext(const ScenarioDef& scenario_def, std::int32_t tick_number)
      : scenario(scenario_def),
        tick(tick_number),
        rules(rules_in_force(scenario_def, tick_number)) {}
  const ScenarioDef& scenario;
  std::int32_t tick;  // the tick being simulated, 1-based
  ActiveRules rules;
};

// Each phase's steps have their own files and headers, which say what they
// read and write; phase_writes (phases/phase_writes.cpp) lists the columns
// each phase may change, and the tests check it.

// Incomes (lognormal AR(1)), savings, unpaid housing costs and voucher
// payments (phases/economy.cpp).
void run_economy(const PhaseContext& ctx, World& world);
// The steps of policy programmes that are not a change to another phase's
// mechanism: construction and upgrading programmes, retrofits, buyouts,
// capacity changes (docs/POLICIES.md). Levers that change a mechanism (a rent
// cap, vouchers, a moratorium, ...) act inside that mechanism's phase.
void run_policies(const PhaseContext& ctx, World& world);
// Hazard events, the damage they do (phases/hazard.cpp, phases/fragility.hpp)
// and the livelihood losses that follow (phases/livelihoods.cpp).
void run_hazard(const PhaseContext& ctx, World& world);
// Who leaves a home: dislocation and arrival waves, placement, evictions,
// migration (phases/displacement.cpp runs them in order).
void run_displacement(const PhaseContext& ctx, World& world);
// The housing market: values, rent reviews, search, matching, lettings and
// sales, informal entries, the indices (phases/market.cpp).
void run_market(const PhaseContext& ctx, World& world);
// Construction and repairs (phases/recovery.cpp runs them in order).
void run_recovery(const PhaseContext& ctx, World& world);
// Return of displaced households to their homes, or settling elsewhere
// (phases/return_home.cpp).
void run_return(const PhaseContext& ctx, World& world);
// Reads everything, writes nothing: the Frame observers receive
// (sim/src/indicators/compute_indicators.cpp).
Frame compute_indicators(const ScenarioDef& scenario, const World& world, bool neighbourhoods);

}  // namespace hearth
