#pragma once
// World: all mutable state of a run. Phases are free functions that take the
// World (const where they only read) and the scenario.
#include <cstdint>
#include <memory>

#include "hearth/scenario.hpp"
#include "state/dwellings.hpp"
#include "state/grid.hpp"
#include "state/households.hpp"
#include "state/market_state.hpp"

namespace hearth {

// Flows counted during a tick, reset at its start; the indicators read them.
struct TickFlows {
  std::int64_t arrivals = 0;
  std::int64_t departures = 0;
  std::int64_t moves = 0;
  std::int64_t evictions = 0;
  // Housing market flows (market, displacement and recovery phases).
  std::int64_t searchers = 0;           // households that searched this tick
  std::int64_t lettings = 0;            // private tenancies started
  std::int64_t sales = 0;               // dwellings bought
  std::int64_t informal_entries = 0;    // households that went into the informal sector
  std::int64_t informal_self_built = 0;  // informal dwellings self-built this tick
  std::int64_t construction_starts = 0;  // formal dwellings started
  std::int64_t completions = 0;         // formal dwellings completed
};

struct World {
  Grid grid;
  Dwellings dwellings;
  Households households;

  std::int32_t tick = 0;  // ticks completed; tick t's phases run with tick = t - 1 -> t
  std::int64_t initial_households = 0;
  std::int64_t total_arrivals = 0;
  std::int64_t total_departures = 0;
  TickFlows flows;
  MarketState market;  // submarket indices and the market's bookkeeping

  std::int64_t households_in_city() const;
};

}  // namespace hearth
