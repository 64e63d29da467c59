#pragma once
// The city indicators that are this tick's flows (World::flows, TickFlows)
// copied as they are: arrivals, moves, lettings, damage, returns, the
// disaster levers' counts, and the like.
#include "indicators/frame_values.hpp"
#include "state/world.hpp"

namespace hearth {

void set_flow_indicators(CityValues& city, const TickFlows& flows);

}  // namespace hearth
