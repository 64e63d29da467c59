#pragma once
// World: all mutable state of a run. Phases are free functions that take the
// World (const where they only read) and the scenario.
#include <cstdint>
#include <memory>

#include "hearth/scenario.hpp"
#include "state/dwellings.hpp"
#include "state/grid.hpp"
#include "state/households.hpp"

namespace hearth {

// Flows counted during a tick, reset at its start; the indicators read them.
struct TickFlows {
  std::int64_t arrivals = 0;
  std::int64_t departures = 0;
  std::int64_t moves = 0;
  std::int64_t evictions = 0;
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

  std::int64_t households_in_city() const;
};

}  // namespace hearth
