#pragma once
// The phases of a tick, in the order World steps them (run/simulation.cpp).
// Each phase must be completed before the next starts: a phase reads the
// columns the earlier ones wrote. Each is a free function; inside, the
// parallel part writes only slot i of its own columns (or per-chunk
// scratch), and anything that could conflict is committed serially in id
// order. The phases the later issues fill are called and timed already.
#include <array>
#include <cstdint>
#include <string_view>

#include "hearth/frame.hpp"
#include "hearth/scenario.hpp"
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

struct PhaseContext {
  const ScenarioDef& scenario;
  std::int32_t tick;  // the tick being simulated, 1-based
};

// Incomes (lognormal AR(1)), savings and unpaid housing costs. Writes
// income_per_month, income_log_deviation, savings, rent_arrears.
void run_economy(const PhaseContext& ctx, World& world);
// The steps of policy programmes that are not a change to another phase's
// mechanism: construction and upgrading programmes, retrofits, buyouts,
// capacity changes (docs/POLICIES.md). Levers that change a mechanism (a rent
// cap, vouchers, a moratorium, ...) act inside that mechanism's phase.
void run_policies(const PhaseContext& ctx, World& world);
// Hazard events and damage (the disasters issue); nothing happens yet.
void run_hazard(const PhaseContext& ctx, World& world);
// Displacement and evictions (the disasters and market issues).
void run_displacement(const PhaseContext& ctx, World& world);
// The housing market (the market issue).
void run_market(const PhaseContext& ctx, World& world);
// Repairs, construction and stock change (the disasters and market issues).
void run_recovery(const PhaseContext& ctx, World& world);
// Return of displaced households (the disasters issue).
void run_return(const PhaseContext& ctx, World& world);
// Reads everything, writes nothing: the Frame observers receive.
Frame compute_indicators(const ScenarioDef& scenario, const World& world, bool neighbourhoods);

}  // namespace hearth
